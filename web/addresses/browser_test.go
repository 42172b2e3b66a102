package addresses_test

import (
	"testing"

	"github.com/radnice/radnice/web/browsertest"
	"github.com/radnice/radnice/web/webtest"
)

// TestFindAddressInBrowser checks the "Najít adresu" pages in Chromium, with and without
// JavaScript: the autocomplete by keyboard and mouse, the plain form, accessibility (axe-core,
// light and dark) and HTML validity. The steps are in testdata/find-address.browser.mjs.
func TestFindAddressInBrowser(t *testing.T) {
	browsertest.Run(t, "testdata/find-address.browser.mjs", webtest.NewPortal(t).URL)
}
