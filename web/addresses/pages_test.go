package addresses_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/webtest"
)

func TestAddressPagesSpeakCzechAndEnglishUnderEn(t *testing.T) {
	srv := webtest.NewPortal(t)
	for _, c := range []struct {
		path, q string
		status  int
		want    []string
	}{
		{"/adresa", "", 200, []string{`<html lang="cs">`, "<h1>Najít adresu</h1>", `<form method="post" action="/adresa"`,
			`<label for="q">Adresa</label>`, `data-address-search="/adresa/"`, `&#34;found-few&#34;:&#34;Nalezeny {n} adresy.&#34;`}},
		{"/en/adresa", "", 200, []string{`<html lang="en">`, "<title>Find an address – Town of Kopřivnice</title>", "<h1>Find an address</h1>",
			`<form method="post" action="/en/adresa"`, `<label for="q">Address</label>`, `<button type="submit">Search</button>`,
			`data-address-search="/en/adresa/"`, `&#34;found-one&#34;:&#34;{n} address found.&#34;`,
			`&#34;failed&#34;:&#34;Address suggestions could not be loaded. You can search with the Search button.&#34;`}},
		{"/en/adresa", "stefanikova 12", 200, []string{`<h2 id="vysledky">Results</h2><ol class="results"`,
			`<a href="/en/adresa/2401163">Štefánikova 1163/12, 742 21 Kopřivnice</a>`}},
		{"/en/adresa", " ", 422, []string{"<title>Error: Find an address – Town of Kopřivnice</title>",
			`<h2 id="error-summary-title">The search did not work</h2>`, `<a href="#q">Enter the address you are looking for.</a>`}},
		{"/adresa/2401163", "", 200, []string{`<a href="/adresa">Najít jinou adresu</a>`, "<dt>Obec</dt>", "<dd>49,53106° N, 18,17323° E (WGS84)</dd>"}},
		{"/en/adresa/2401163", "", 200, []string{`<html lang="en">`, `<a href="/en/adresa">Find another address</a>`,
			"<h1>Štefánikova 1163/12, 742 21 Kopřivnice</h1>", "<dt>Municipality</dt><dd>Kopřivnice</dd>", "<dt>Street</dt>",
			"<dt>Building number (číslo popisné)</dt><dd>1163</dd>", "<dt>Postcode</dt>", "<dd>49.53106° N, 18.17323° E (WGS84)</dd>"}},
	} {
		var res *http.Response
		var body string
		if c.q != "" {
			res, body = webtest.PostForm(t, srv, c.path, url.Values{"q": {c.q}})
		} else {
			res, body = webtest.Get(t, srv, c.path)
		}
		if res.StatusCode != c.status {
			t.Errorf("%s %q: status %d, want %d", c.path, c.q, res.StatusCode, c.status)
		}
		for _, want := range c.want {
			if !strings.Contains(body, want) {
				t.Errorf("%s %q lacks %s", c.path, c.q, want)
			}
		}
	}
}
