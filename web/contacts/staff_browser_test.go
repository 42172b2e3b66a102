package contacts_test

import (
	"testing"

	"github.com/radnice/radnice/web/browsertest"
)

// TestEditingContactsInBrowser checks the editors' screens of the contacts in Chromium as a
// logged-in editor: accessibility (axe-core, light and dark) and HTML validity of every screen
// and of forms with errors, a 320 px screen, and without JavaScript a person's phone corrected
// after an error and the person withdrawn. The steps are in testdata/staff.browser.mjs.
func TestEditingContactsInBrowser(t *testing.T) {
	srv, _ := staffServer(t, editor)
	browsertest.Run(t, "testdata/staff.browser.mjs", srv.URL)
}
