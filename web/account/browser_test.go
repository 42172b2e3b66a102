package account_test

import (
	"testing"

	"github.com/radnice/radnice/web/account"
	"github.com/radnice/radnice/web/browsertest"
)

// TestAccountInBrowser checks the account's pages in Chromium as Jana, without JavaScript
// (they have none): the forms with their errors, the choice of an address, the deletion,
// accessibility (axe-core, light and dark) and HTML validity. The steps are in
// testdata/account.browser.mjs.
func TestAccountInBrowser(t *testing.T) {
	browsertest.Run(t, "testdata/account.browser.mjs", newPortal(t, account.Config{}).URL)
}
