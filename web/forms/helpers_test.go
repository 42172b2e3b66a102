package forms_test

import (
	"html"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web"
	"github.com/radnice/radnice/web/authtest"
	"github.com/radnice/radnice/web/forms"
	"github.com/radnice/radnice/web/webtest"
)

// The tests' "today": Monday 23 November 2026, 9:00 in Prague.
var testNow = time.Date(2026, time.November, 23, 9, 0, 0, 0, time.FixedZone("CET", 60*60))

// Česká 1318/30: where the demo citizen Jana Nováková lives.
const ceskaLabel = "Česká 1318/30, 742 21 Kopřivnice"

// portal is the whole portal on a fresh demo town, logging people in through the development
// identity provider, with its database for what the pages do not show.
type portal struct {
	*httptest.Server
	pool *pgxpool.Pool
}

// newPortal serves the portal on the tests' day.
func newPortal(t *testing.T) portal {
	t.Helper()
	forms.SetClock(t, testNow)
	pool := demotest.Pool(t)
	return portal{Server: webtest.Server(t, web.Config{Pool: pool, Auth: authtest.Provider(t).PortalConfig()}), pool: pool}
}

// visitor is someone using the portal: logged in (webtest.LogIn) or not (a client that
// keeps its cookies, as a browser keeps the session of a visitor).
type visitor struct {
	t      *testing.T
	p      portal
	client *http.Client
}

// as is the demo person login, logged in.
func (p portal) as(t *testing.T, login string) *visitor {
	t.Helper()
	return &visitor{t: t, p: p, client: webtest.LogIn(t, p.Server, login)}
}

// anonymous is a visitor who has not logged in.
func (p portal) anonymous(t *testing.T) *visitor {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &visitor{t: t, p: p, client: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// get GETs path.
func (v *visitor) get(path string) (*http.Response, string) {
	v.t.Helper()
	req, err := http.NewRequestWithContext(v.t.Context(), http.MethodGet, v.p.URL+path, nil)
	if err != nil {
		v.t.Fatal(err)
	}
	return webtest.As(v.t, v.client, req)
}

// page GETs path and fails the test unless it answers 200.
func (v *visitor) page(path string) string {
	v.t.Helper()
	res, body := v.get(path)
	if res.StatusCode != http.StatusOK {
		v.t.Fatalf("GET %s: status %d\n%.2000s", path, res.StatusCode, webtest.Text(body))
	}
	return body
}

// post posts form to path, as a browser posts a form without files.
func (v *visitor) post(path string, form url.Values) (*http.Response, string) {
	v.t.Helper()
	return webtest.As(v.t, v.client, authtest.Form(v.t, v.p.URL+path, form))
}

// postMultipart posts form with files to path, as a browser posts a form that uploads files.
func (v *visitor) postMultipart(path string, form url.Values, files ...webtest.File) (*http.Response, string) {
	v.t.Helper()
	req := webtest.MultipartRequest(v.t, v.p.URL+path, form, files...)
	return webtest.As(v.t, v.client, req)
}

// redirected fails the test unless res redirects (303), and returns where to.
func redirected(t *testing.T, what string, res *http.Response, body string) string {
	t.Helper()
	loc, err := res.Location()
	if res.StatusCode != http.StatusSeeOther || err != nil {
		t.Fatalf("%s: status %d, want a redirect\n%.3000s", what, res.StatusCode, webtest.Text(body))
	}
	return loc.RequestURI()
}

// expectText fails t unless the text of page holds every one of want.
func expectText(t *testing.T, what, page string, want ...string) {
	t.Helper()
	text := webtest.Text(page)
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

// inputValue is the value of the input id on page, "" when it has none; ok is false when
// there is no such input.
func inputValue(page, id string) (value string, ok bool) {
	m := regexp.MustCompile(`<input[^>]*\bid="` + regexp.QuoteMeta(id) + `"[^>]*>`).FindString(page)
	if m == "" {
		return "", false
	}
	v := regexp.MustCompile(`\bvalue="([^"]*)"`).FindStringSubmatch(m)
	if v == nil {
		return "", true
	}
	return html.UnescapeString(v[1]), true
}

// checked reports whether the input id on page is checked.
func checked(page, id string) bool {
	m := regexp.MustCompile(`<input[^>]*\bid="` + regexp.QuoteMeta(id) + `"[^>]*>`).FindString(page)
	return strings.Contains(m, " checked")
}

// count is the number of rows of the database's table matching the SQL condition where.
func (p portal) count(t *testing.T, table, where string, args ...any) int {
	t.Helper()
	var n int
	if err := p.pool.QueryRow(t.Context(), `SELECT count(*) FROM `+table+` WHERE `+where, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// hiddenValue is the value of the hidden input name on page; it fails t when there is none.
func hiddenValue(t *testing.T, page, name string) string {
	t.Helper()
	m := regexp.MustCompile(`<input type="hidden" name="` + regexp.QuoteMeta(name) + `" value="([^"]*)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no hidden input %s", name)
	}
	return html.UnescapeString(m[1])
}

// pageTitle is the page's title.
func pageTitle(page string) string {
	m := regexp.MustCompile(`<title>([^<]*)</title>`).FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

// itoa writes an id.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// between is the part of s after the first from and before the next to ("" when absent).
func between(s, from, to string) string {
	_, rest, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	in, _, _ := strings.Cut(rest, to)
	return in
}

// urlQuery escapes a search for a URL's query.
func urlQuery(q string) string { return url.QueryEscape(q) }

// value is the value of the radio button labelled label on page; it fails t when there is none.
func value(t *testing.T, page, label string) string {
	t.Helper()
	m := regexp.MustCompile(`<input type="radio" id="([^"]+)" name="[^"]+" value="([^"]*)"[^>]*> <label for="([^"]+)"[^>]*>` + regexp.QuoteMeta(label) + `</label>`).FindStringSubmatch(page)
	if m == nil || m[1] != m[3] {
		t.Fatalf("no radio button %q", label)
	}
	return m[2]
}
