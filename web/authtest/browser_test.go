package authtest_test

import (
	"testing"

	"github.com/radnice/radnice/web/browsertest"
)

func TestLoginAndLogoutPagesInBrowser(t *testing.T) {
	browsertest.Run(t, "testdata/login.browser.mjs", newRelyingParty(t, niaClaims).URL)
}
