package situations_test

import (
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web"
)

// newServer serves the portal on the demo town with its content.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	return newServerOn(t, demotest.Pool(t))
}

// newServerOn serves the portal on pool's database.
func newServerOn(t *testing.T, pool *pgxpool.Pool) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(web.Handler(t.Context(), web.Config{Pool: pool}))
	t.Cleanup(srv.Close)
	return srv
}

// get GETs path and returns the status and body.
func get(t *testing.T, srv *httptest.Server, path string) (int, string) {
	t.Helper()
	res, body := fetch(t, srv, path)
	return res.StatusCode, body
}

// fetch GETs path and returns the response and its body.
func fetch(t *testing.T, srv *httptest.Server, path string) (*http.Response, string) {
	t.Helper()
	res, err := http.Get(srv.URL + path)
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

// page GETs path, fails t unless it answers 200 with HTML, and returns the body.
func page(t *testing.T, srv *httptest.Server, path string) string {
	t.Helper()
	res, body := fetch(t, srv, path)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET %s: status %d, %s\n%.500s", path, res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	return body
}

var (
	tags   = regexp.MustCompile(`<[^>]*>`)
	spaces = regexp.MustCompile(`\s+`)
	hrefs  = regexp.MustCompile(`href="([^"]*)"`)
)

// text is what a reader of an HTML fragment gets: tags dropped, entities decoded, white space
// made single spaces.
func text(fragment string) string {
	return strings.TrimSpace(spaces.ReplaceAllString(html.UnescapeString(tags.ReplaceAllString(fragment, " ")), " "))
}

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
