package web_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/radnice/radnice/web/browsertest"
	"github.com/radnice/radnice/web/webtest"
)

// TestEveryPublicPageIsAccessibleAndValid crawls the demo town's portal from the front page in
// Chromium: every page type without WCAG 2.1 A/AA violations (axe-core, light and dark), every
// page valid for the Nu HTML Checker, and screenshots of each type at 375 and 1280 px kept in
// test-results/screenshots (RADNICE_ARTEFACTS overrides the folder).
func TestEveryPublicPageIsAccessibleAndValid(t *testing.T) {
	srv := webtest.NewPortal(t)
	artefacts := os.Getenv("RADNICE_ARTEFACTS")
	if artefacts == "" {
		abs, err := filepath.Abs("../test-results")
		if err != nil {
			t.Fatal(err)
		}
		artefacts = abs
	}
	t.Setenv("RADNICE_ARTEFACTS", artefacts)
	// Every page type in two languages, light and dark, at two widths: longer than one feature.
	browsertest.RunWithin(t, "testdata/crawl.browser.mjs", srv.URL, 6*time.Minute)
}
