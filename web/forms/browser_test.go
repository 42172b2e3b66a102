package forms_test

import (
	"testing"

	"github.com/radnice/radnice/web/browsertest"
)

// TestTheDogFormInBrowser files the dog form in Chromium as Jana, logged in through the real
// development identity provider: without JavaScript through every step and its errors to the
// receipt, and with JavaScript the conditional fields; axe-core and the Nu HTML Checker check
// every page. The steps are in testdata/dog-form.browser.mjs.
func TestTheDogFormInBrowser(t *testing.T) {
	browsertest.Run(t, "testdata/dog-form.browser.mjs", newPortal(t).URL)
}
