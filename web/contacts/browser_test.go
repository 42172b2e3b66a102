package contacts_test

import (
	"testing"

	"github.com/radnice/radnice/web/browsertest"
)

// TestContactsInBrowser checks the contacts pages in Chromium, with and without JavaScript: the
// search by keyboard and as a plain form, the vCard, accessibility (axe-core, light and dark),
// a 320 px screen and HTML validity. The steps are in testdata/contacts.browser.mjs.
func TestContactsInBrowser(t *testing.T) {
	browsertest.Run(t, "testdata/contacts.browser.mjs", newServer(t).URL)
}
