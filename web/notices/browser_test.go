package notices_test

import (
	"testing"

	"github.com/radnice/radnice/web/browsertest"
)

// TestNoticeBoardInBrowser checks the notice board in Chromium, with and without JavaScript:
// accessibility (axe-core, light and dark), HTML validity, the search and the filters used
// from the keyboard, and the board at 320 px. The steps are in testdata/notices.browser.mjs.
func TestNoticeBoardInBrowser(t *testing.T) {
	srv, _ := newServer(t)
	browsertest.Run(t, "testdata/notices.browser.mjs", srv.URL)
}
