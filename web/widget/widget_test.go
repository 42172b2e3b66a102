package widget_test

import (
	"html"
	"net/http"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/webtest"
)

func TestScriptIsServedToEverySite(t *testing.T) {
	srv := webtest.NewPortal(t)
	res, body := webtest.Get(t, srv, "/widget.js")
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
	res, _ = webtest.Get(t, srv, "/widget.js", "If-None-Match", etag)
	if res.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation: status = %d, want 304", res.StatusCode)
	}
}

func TestDocsPageShowsSnippetsForThisPortal(t *testing.T) {
	srv := webtest.NewPortal(t)
	for _, tc := range []struct {
		header []string
		portal string
	}{
		{nil, srv.URL},
		{[]string{"X-Forwarded-Proto", "https"}, "https://" + strings.TrimPrefix(srv.URL, "http://")},
	} {
		res, body := webtest.Get(t, srv, "/pro-weby", tc.header...)
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
	_, body := webtest.Get(t, webtest.NewPortal(t), "/")
	if !strings.Contains(body, `<a href="/pro-weby">Vložte vyhledávání na svůj web</a>`) {
		t.Error("the front page's footer does not link /pro-weby")
	}
}

func TestEnglishDocsPageShowsEnglishSnippetsAndLinks(t *testing.T) {
	srv := webtest.NewPortal(t)
	res, body := webtest.Get(t, srv, "/en/pro-weby")
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
