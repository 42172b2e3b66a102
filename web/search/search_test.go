package search_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/radnice/radnice/web/search"
	"github.com/radnice/radnice/web/webtest"
)

// find posts q to the search page at path and returns the page's main content.
func find(t *testing.T, srv *httptest.Server, path, q string) string {
	t.Helper()
	resp, page := webtest.PostForm(t, srv, path, url.Values{"q": {q}})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST %s q=%q: %d", path, q, resp.StatusCode)
	}
	return page[strings.Index(page, "<main"):strings.Index(page, "</main>")]
}

func TestOneSearchAsksEveryFeature(t *testing.T) {
	search.SetClock(t, time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC)) // the demo board's notices are current then
	srv := webtest.NewPortal(t)
	for _, c := range []struct {
		path, q string
		want    []string
		not     []string
	}{
		{"/hledat", "pes", []string{`href="/zivotni-situace/prihlaseni-psa"`, `href="/kontakty/agenda/poplatky"`,
			`href="/zivotni-situace?q=pes"`}, []string{"jsme nic nenašli"}},
		{"/hledat", "rozpocet", []string{`<h3 id="hledat-deska">Úřední deska</h3>`, `href="/uredni-deska?q=rozpocet"`,
			`href="/zivotni-situace/dotace-z-rozpoctu-mesta"`, `href="/uredni-deska/2026-navrh-rozpoctu-2027"`}, nil},
		{"/hledat", "Štefánikova 12", []string{`href="/moje-adresa/2401163"`, "Štefánikova 1163/12, 742 21 Kopřivnice"}, nil},
		{"/hledat", "jak prihlasit psa", []string{`href="/videonavody/jak-prihlasit-psa"`}, nil},
		{"/hledat", "xyzzy", []string{"Pro „xyzzy“ jsme nic nenašli."}, []string{"<h3"}},
		{"/en/hledat", "pes", []string{"Results for “pes”", `href="/en/zivotni-situace/prihlaseni-psa"`}, nil},
	} {
		page := find(t, srv, c.path, c.q)
		for _, w := range c.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s %q: the results lack %s", c.path, c.q, w)
			}
		}
		for _, n := range c.not {
			if strings.Contains(page, n) {
				t.Errorf("%s %q: the results hold %s", c.path, c.q, n)
			}
		}
	}
}

func TestTheSearchFormsPostSoThatTheTextStaysOutOfURLs(t *testing.T) {
	_, page := webtest.Get(t, webtest.NewPortal(t), "/hledat")
	for _, want := range []string{`<form class="site-search" role="search" method="post" action="/hledat">`,
		`<form method="post" action="/hledat" role="search">`} {
		if !strings.Contains(page, want) {
			t.Errorf("the search page lacks %s", want)
		}
	}
}
