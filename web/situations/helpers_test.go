package situations_test

import (
	"html"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/webtest"
)

// page GETs path, fails t unless it answers 200 with HTML, and returns the body.
func page(t *testing.T, srv *httptest.Server, path string) string {
	t.Helper()
	res, body := webtest.Get(t, srv, path)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET %s: status %d, %s\n%.500s", path, res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	return body
}

var hrefs = regexp.MustCompile(`href="([^"]*)"`)

// between is the part of s after the first from and before the next to ("" when absent).
func between(s, from, to string) string {
	_, rest, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	in, _, _ := strings.Cut(rest, to)
	return in
}

// links are the targets of the links in an HTML fragment, in order.
func links(fragment string) []string {
	var out []string
	for _, m := range hrefs.FindAllStringSubmatch(fragment, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}
