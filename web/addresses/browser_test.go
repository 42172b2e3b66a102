package addresses_test

import (
	"net/http/httptest"
	"testing"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web"
	"github.com/radnice/radnice/web/browsertest"
)

// TestFindAddressInBrowser checks the "Najít adresu" pages in Chromium, with and without
// JavaScript: the autocomplete by keyboard and mouse, the plain form, accessibility (axe-core,
// light and dark) and HTML validity. The steps are in testdata/find-address.browser.mjs.
func TestFindAddressInBrowser(t *testing.T) {
	srv := httptest.NewServer(web.Handler(t.Context(), web.Config{Pool: demotest.Pool(t)}))
	t.Cleanup(srv.Close)
	browsertest.Run(t, "testdata/find-address.browser.mjs", srv.URL)
}
