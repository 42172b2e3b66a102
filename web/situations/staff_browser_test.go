package situations_test

import (
	"testing"

	"github.com/radnice/radnice/web/browsertest"
)

// TestEditingLifeSituationsInBrowser checks the editors' screens in Chromium as a logged-in
// editor: accessibility (axe-core, light and dark) and HTML validity of every screen and of a
// form with errors, a 320 px screen, and without JavaScript a new situation from its form
// with errors to its publication. The steps are in testdata/staff.browser.mjs.
func TestEditingLifeSituationsInBrowser(t *testing.T) {
	srv, _ := staffServer(t, editor)
	browsertest.Run(t, "testdata/staff.browser.mjs", srv.URL)
}
