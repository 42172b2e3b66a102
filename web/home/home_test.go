package home_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/webtest"
)

func TestThePagesSpeakCzechAndEnglishUnderEn(t *testing.T) {
	srv := webtest.NewPortal(t)
	for _, c := range []struct {
		path string
		want []string
	}{
		{"/", []string{`<html lang="cs">`, `<a href="/zivotni-situace/kategorie/rodina-a-deti">`, "Nově na úřední desce", `class="office-status`, "<title>Portál občana – Město Kopřivnice</title>", `<a href="/kde-volim">Kde volím</a>`,
			`<a class="lang-switch" href="/en/" lang="en" hreflang="en">English</a>`, `<a href="/uredni-deska">Úřední deska</a>`,
			"IČO: 00298077", "Datová schránka: k8ppbxe"}},
		{"/en/", []string{`<html lang="en">`, "<title>Citizen portal – Town of Kopřivnice</title>", `<a href="/en/kde-volim">Where do I vote</a>`,
			`<a class="lang-switch" href="/" lang="cs" hreflang="cs">Česky</a>`, `<a href="/en/uredni-deska">Official notice board</a>`}},
		{"/prohlaseni-o-pristupnosti", []string{"zákonem č. 99/2019 Sb.", "20. listopadu 2026", "podatelna@koprivnice.example",
			`<span aria-current="page">Prohlášení o přístupnosti</span>`, "Ministerstvo vnitra"}},
		{"/en/prohlaseni-o-pristupnosti", []string{"Act No. 99/2019 Coll.", "20 November 2026", `<a class="lang-switch" href="/prohlaseni-o-pristupnosti" lang="cs"`}},
		{"/otevrena-data", []string{`href="/uredni-deska.jsonld"`, `href="/uredni-deska.atom"`}},
	} {
		resp, body := webtest.Get(t, srv, c.path)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", c.path, resp.StatusCode)
		}
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s lacks %s", c.path, w)
			}
		}
	}
}

func TestTheTownsCoatOfArmsAndColoursAreServed(t *testing.T) {
	srv := webtest.NewPortal(t)
	resp, body := webtest.Get(t, srv, "/mesto/znak")
	if resp.Header.Get("Content-Type") != "image/svg+xml" || !strings.HasPrefix(body, "<svg") {
		t.Errorf("coat of arms: %s %.40q", resp.Header.Get("Content-Type"), body)
	}
	resp, body = webtest.Get(t, srv, "/mesto/barvy.css")
	if resp.Header.Get("Content-Type") != "text/css; charset=utf-8" || !strings.Contains(body, "--accent:#0b5cad") || !strings.Contains(body, "--accent:#7cb8ff") {
		t.Errorf("colours: %s %q", resp.Header.Get("Content-Type"), body)
	}
}
