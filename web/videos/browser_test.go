package videos_test

import (
	"testing"

	"github.com/radnice/radnice/web/browsertest"
	"github.com/radnice/radnice/web/webtest"
)

// TestVideoGuidesInBrowser checks the catalogue and a guide's page in Chromium: the video loads
// and seeks by HTTP Range, the Czech captions load, the player works from the keyboard, the
// transcript is there without JavaScript, and the pages are accessible (axe-core, light and
// dark) and valid HTML. The steps are in testdata/videos.browser.mjs.
func TestVideoGuidesInBrowser(t *testing.T) {
	browsertest.Run(t, "testdata/videos.browser.mjs", webtest.NewPortal(t).URL)
}
