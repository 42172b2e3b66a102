package widget_test

import (
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web"
)

// newPortal serves the portal on the demo town.
func newPortal(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(web.Handler(t.Context(), web.Config{Pool: demotest.Pool(t)}))
	t.Cleanup(srv.Close)
	return srv
}

// get requests path from srv with the given headers and returns the response and its body.
func get(t *testing.T, srv *httptest.Server, path string, header http.Header) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, values := range header {
		req.Header[name] = values
	}
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(body)
}

func TestScriptIsServedToEverySite(t *testing.T) {
	srv := newPortal(t)
	res, body := get(t, srv, "/widget.js", nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status = %d, want 200", res.StatusCode)
	}
	for name, want := range map[string]string{
		"Content-Type":                 "text/javascript; charset=utf-8",
		"Cache-Control":                "public, max-age=3600",
		"X-Content-Type-Options":       "nosniff",
		"Access-Control-Allow-Origin":  "*",
		"Cross-Origin-Resource-Policy": "cross-origin",
	} {
		if got := res.Header.Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if !strings.Contains(body, "customElements.define('radnice-lookup'") {
		t.Error("the script does not define <radnice-lookup>")
	}
	etag := res.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	res, _ = get(t, srv, "/widget.js", http.Header{"If-None-Match": {etag}})
	if res.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation: status = %d, want 304", res.StatusCode)
	}
}

func TestDocsPageShowsSnippetsForThisPortal(t *testing.T) {
	srv := newPortal(t)
	for _, tc := range []struct {
		header http.Header
		portal string
	}{
		{nil, srv.URL},
		{http.Header{"X-Forwarded-Proto": {"https"}}, "https://" + strings.TrimPrefix(srv.URL, "http://")},
	} {
		res, body := get(t, srv, "/pro-weby", tc.header)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("status %d, Content-Type %q; want 200, HTML", res.StatusCode, res.Header.Get("Content-Type"))
		}
		body = html.UnescapeString(body)
		for _, want := range []string{
			"<h1>Vložte vyhledávání na svůj web</h1>",
			`<script src="` + tc.portal + `/widget.js" defer></script>`,
			"<radnice-lookup kind=\"waste\">\n  <a href=\"" + tc.portal + "/svoz-odpadu\">Svoz odpadu na portálu města</a>\n</radnice-lookup>",
			`<radnice-lookup kind="polling">`, `<radnice-lookup kind="schools">`, `<radnice-lookup kind="all">`,
			"connect-src 'self' " + tc.portal,
			`<script src="/widget.js" defer></script>`, // the live preview
		} {
			if !strings.Contains(body, want) {
				t.Errorf("with %v the page lacks %q", tc.header, want)
			}
		}
	}
}

func TestPortalPagesLinkTheDocs(t *testing.T) {
	_, body := get(t, newPortal(t), "/", nil)
	if !strings.Contains(body, `<a href="/pro-weby">Vložte vyhledávání na svůj web</a>`) {
		t.Error("the front page's footer does not link /pro-weby")
	}
}

func TestEnglishDocsPageShowsEnglishSnippetsAndLinks(t *testing.T) {
	srv := newPortal(t)
	res, body := get(t, srv, "/en/pro-weby", nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	body = html.UnescapeString(body)
	for _, want := range []string{
		`<html lang="en">`,
		"<h1>Put the lookups on your website</h1>",
		"<p>Put the portal's script in your page once, preferably in its <code><head></code>:</p>",
		"<radnice-lookup kind=\"waste\" lang=\"en\">\n  <a href=\"" + srv.URL + "/en/svoz-odpadu\">Waste collection on the town's portal</a>\n</radnice-lookup>",
		"<h3>Where do I vote (<code>kind=\"polling\"</code>)</h3>",
		"<dt><code>lang</code></dt><dd>The language of the lookup: <code>cs</code> (Czech) or <code>en</code> (English).",
		`<a href="/en/moje-adresa">My address on the town's portal</a>`, // the live preview's fallback
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the English page lacks %q", want)
		}
	}
	if strings.Contains(body, `<a href="/moje-adresa"`) || strings.Contains(body, srv.URL+"/svoz-odpadu") {
		t.Error("the English page links Czech pages")
	}
}
