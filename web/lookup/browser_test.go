package lookup_test

import (
	"testing"

	"github.com/radnice/radnice/web/browsertest"
)

// TestLookupPagesInBrowser checks the four lookup pages in Chromium, with and without
// JavaScript: the forms, the answers, accessibility (axe-core, light and dark) and HTML
// validity. The steps are in testdata/lookup.browser.mjs.
func TestLookupPagesInBrowser(t *testing.T) {
	srv := newServer(t)
	browsertest.Run(t, "testdata/lookup.browser.mjs", srv.URL)
}
