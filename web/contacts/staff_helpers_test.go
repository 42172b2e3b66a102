package contacts_test

import (
	"html"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/contacts"
	"github.com/radnice/radnice/web/webtest"
)

// editor is the logged-in editor the staff screens' tests act as.
var editor = &auth.User{ID: 7, GivenName: "Eva", FamilyName: "Editorka", Grants: []auth.Grant{{Role: auth.RoleEditor}}}

// staffServer serves the contacts' pages and editors' screens over a fresh demo town, every
// request made by user (nil: anonymous), until the end of t.
func staffServer(t *testing.T, user *auth.User) (*httptest.Server, *pgxpool.Pool) {
	t.Helper()
	pool := demotest.Pool(t)
	srv := webtest.ServeAs(t, pool, user, func(r chi.Router) {
		cfg := contacts.Config{Town: "Město Kopřivnice", Address: "Štefánikova 1163/12, 742 21 Kopřivnice"}
		contacts.Routes(r, pool, cfg)
		contacts.StaffRoutes(r, pool, cfg)
	})
	return srv, pool
}

// page GETs path, fails t unless it answers 200, and returns the body.
func page(t *testing.T, srv *httptest.Server, path string) string {
	t.Helper()
	res, body := webtest.Get(t, srv, path)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d\n%.500s", path, res.StatusCode, body)
	}
	return body
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

var hrefs = regexp.MustCompile(`href="([^"]*)"`)

// links are the targets of the links in an HTML fragment, in order.
func links(fragment string) []string {
	var out []string
	for _, m := range hrefs.FindAllStringSubmatch(fragment, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}
