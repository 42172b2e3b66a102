package browsertest_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/radnice/radnice/web/browsertest"
)

// pages are the fixtures of the harness's own test: one page that passes every check and
// some that each break one.
var pages = map[string]string{
	"/good": `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Good</title></head>
<body><main><h1>Good</h1><label for="q">Query</label><input id="q" type="text"></main></body></html>`,
	"/bad": `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Bad</title></head>
<body><main><h1>Bad</h1><img src="/none.png"><input type="text"></main></body></html>`,
	"/dark": `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Dark</title>
<style>@media (prefers-color-scheme: dark) { body { background: #222; color: #444; } }</style></head>
<body><main><h1>Legible only in light</h1></main></body></html>`,
	"/csp": `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>CSP</title></head>
<body><main><h1 style="color: red">Inline style</h1></main></body></html>`,
}

// TestHarness checks that the harness catches what it is for: WCAG violations (also only in
// the dark scheme and without JavaScript), invalid HTML, CSP violations and failed assertions.
func TestHarness(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		html, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if r.URL.Path == "/csp" {
			w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self'")
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(html))
	}))
	t.Cleanup(srv.Close)
	browsertest.Run(t, "testdata/harness.browser.mjs", srv.URL)
}
