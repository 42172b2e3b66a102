package widget_test

import (
	"html/template"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web"
	"github.com/radnice/radnice/web/browsertest"
	"github.com/radnice/radnice/web/webtest"
)

// TestWidgetOnAnotherSiteInBrowser checks the widget in Chromium where it is meant to live: on
// a page of another origin (testdata/host.html, with a hostile stylesheet and a strict Content
// Security Policy that allows only the portal). It also checks the documentation page /pro-weby
// with its live preview. The host page's address reaches the script in RADNICE_WIDGET_HOST;
// the steps are in testdata/widget.browser.mjs.
func TestWidgetOnAnotherSiteInBrowser(t *testing.T) {
	pool := demotest.Pool(t)
	// The demo town's schedule ends with 2027: collections that never end keep the answers'
	// dates independent of the day the test runs.
	var weekly []geo.WasteSchedule
	for _, zone := range []string{"A", "B", "C"} {
		weekly = append(weekly, geo.WasteSchedule{Zone: zone, WasteType: "směsný", Weekday: time.Tuesday, EveryWeeks: 1, Holidays: geo.HolidayNextWorkingDay})
	}
	if err := geo.NewStore(pool).ReplaceWasteSchedules(t.Context(), weekly); err != nil {
		t.Fatal(err)
	}
	portal := webtest.Server(t, web.Config{Pool: pool})
	host := httptest.NewServer(hostSite(t, portal.URL))
	t.Cleanup(host.Close)
	t.Setenv("RADNICE_WIDGET_HOST", host.URL)
	browsertest.Run(t, "testdata/widget.browser.mjs", portal.URL)
}

// hostSite is another web site that embeds the widget of the portal at portalURL: the page
// testdata/host.html at / and its stylesheet at /host.css.
func hostSite(t *testing.T, portalURL string) http.Handler {
	page := template.Must(template.ParseFiles("testdata/host.html"))
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'none'; script-src "+portalURL+"; connect-src "+portalURL+"; style-src 'self'")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if err := page.Execute(w, portalURL); err != nil {
			t.Error(err)
		}
	})
	mux.Handle("GET /host.css", http.FileServer(http.Dir("testdata")))
	return mux
}
