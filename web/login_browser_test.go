package web_test

import (
	"testing"

	"github.com/radnice/radnice/web/browsertest"
	"github.com/radnice/radnice/web/webtest"
)

func TestLoginJourneysInBrowser(t *testing.T) {
	browsertest.Run(t, "testdata/login-journey.browser.mjs", webtest.NewPortalWithLogin(t).URL)
}
