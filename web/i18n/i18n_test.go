package i18n_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/radnice/radnice/web/i18n"
)

func TestEnglishPagesAreTheCzechRoutesUnderEn(t *testing.T) {
	for path, want := range map[string]string{
		"/uredni-deska":       "cs /uredni-deska",
		"/en/uredni-deska":    "en /uredni-deska",
		"/en":                 "en /",
		"/en/":                "en /",
		"/english":            "cs /english",
		"/en/api/v1/lookup":   "cs /en/api/v1/lookup",
		"/en/static/site.css": "cs /en/static/site.css",
	} {
		var got string
		h := i18n.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			got = string(i18n.FromContext(r.Context())) + " " + r.URL.Path
			if i18n.CurrentPath(r.Context()) != r.URL.Path {
				t.Errorf("%s: current path %q, routed %q", path, i18n.CurrentPath(r.Context()), r.URL.Path)
			}
		}))
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", path, nil))
		if got != want {
			t.Errorf("%s: routed as %q, want %q", path, got, want)
		}
	}
}

func TestMessagesDatesAndNumbersFollowTheLanguage(t *testing.T) {
	cs := context.Background()
	en := i18n.WithLang(cs, i18n.English)
	cat := i18n.Catalogue{"found": {CS: "Nalezeno %d", EN: "Found %d"}, "only-cs": {CS: "Jen česky"}}
	day := time.Date(2026, time.November, 24, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ got, want string }{
		{cat.T(cs, "found", 3), "Nalezeno 3"},
		{cat.T(en, "found", 3), "Found 3"},
		{cat.T(en, "only-cs"), "Jen česky"},
		{cat.T(cs, "missing"), "!missing"},
		{i18n.Date(cs, day), "24. listopadu 2026"},
		{i18n.Date(en, day), "24 November 2026"},
		{i18n.ShortDate(cs, day), "24. 11. 2026"},
		{i18n.Number(cs, 1234567), "1\u00a0234\u00a0567"},
		{i18n.Number(en, -1234), "-1,234"},
		{i18n.Money(cs, 123450), "1\u00a0234,50\u00a0Kč"},
		{i18n.Money(en, 5), "CZK 0.05"},
		{i18n.Path(en, "/uredni-deska"), "/en/uredni-deska"},
		{i18n.Path(cs, "/uredni-deska"), "/uredni-deska"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
