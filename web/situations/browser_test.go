package situations_test

import (
	"testing"

	"github.com/radnice/radnice/web/browsertest"
	"github.com/radnice/radnice/web/webtest"
)

// TestLifeSituationsInBrowser checks the life situations in Chromium, with and without
// JavaScript: the search by keyboard and as a plain form, the page's contents, accessibility
// (axe-core, light and dark), a 320 px screen and HTML validity. The steps are in
// testdata/situations.browser.mjs.
func TestLifeSituationsInBrowser(t *testing.T) {
	browsertest.Run(t, "testdata/situations.browser.mjs", webtest.NewPortal(t).URL)
}
