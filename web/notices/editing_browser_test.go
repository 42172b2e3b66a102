package notices_test

import (
	"testing"

	"github.com/radnice/radnice/web/browsertest"
)

// TestNoticeEditingInBrowser checks the editors' screens of the board in Chromium, as an
// editor: accessibility (axe-core, light and dark) and HTML validity of the list, the form
// with its mistakes shown, the editing screen and the preview, and a notice written, given an
// attachment, previewed and published. The steps are in testdata/editing.browser.mjs.
func TestNoticeEditingInBrowser(t *testing.T) {
	srv, _ := staffServer(t, editor)
	browsertest.Run(t, "testdata/editing.browser.mjs", srv.URL)
}
