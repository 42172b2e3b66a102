package inbox_test

import (
	"testing"

	"github.com/radnice/radnice/web/browsertest"
	"github.com/radnice/radnice/web/webtest"
)

// TestInboxInBrowser checks the clerks' inbox and a submission's page in Chromium, logged in
// through the development identity provider: accessibility (axe-core, light and dark) and
// HTML validity of the inbox, a search, a submission, a submission with an error and the
// citizen's page of it, and the search and the acceptance by keyboard. The steps are in
// testdata/inbox.browser.mjs.
func TestInboxInBrowser(t *testing.T) {
	p := newPortal(t)
	webtest.LogIn(t, p.Server, "jana")
	janasDog(t, p, accountOf(t, p.pool, "jana"))
	petrsRelief(t, p)
	browsertest.Run(t, "testdata/inbox.browser.mjs", p.URL)
}
