package catchments_test

import (
	"testing"

	"github.com/radnice/radnice/web/browsertest"
)

// TestCatchmentsScreenInBrowser checks the school office's screen in Chromium: accessibility
// (axe-core, light and dark) and HTML validity of the overview, the upload form with errors
// and a draft's preview, and uploading and discarding the demo town's planned change. The
// steps are in testdata/catchments.browser.mjs.
func TestCatchmentsScreenInBrowser(t *testing.T) {
	srv, _ := newServer(t, schoolOffice)
	browsertest.Run(t, "testdata/catchments.browser.mjs", srv.URL)
}
