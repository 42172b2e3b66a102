package videos_test

import (
	"testing"

	"github.com/radnice/radnice/web/browsertest"
)

// TestVideoEditingInBrowser checks the editors' screens of the video guides in Chromium, as an
// editor: accessibility (axe-core, light and dark) and HTML validity of the list, the editing
// screen, the form with its mistakes shown and the preview, and a guide written, given its
// video, previewed (the player loading the draft's files) and published. The steps are in
// testdata/editing.browser.mjs.
func TestVideoEditingInBrowser(t *testing.T) {
	srv, _ := staffServer(t, editor)
	browsertest.Run(t, "testdata/editing.browser.mjs", srv.URL)
}
