//go:build bench

package bench

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web"
)

const (
	pageRuns        = 300                  // requests measured per page type
	targetPageP95   = 5 * time.Millisecond // server time
	targetPageBytes = 100_000              // HTML + CSS + JS, uncompressed, without images
	pagesReport     = "pages-report.txt"   // beside report.txt in RADNICE_BENCH_DIR
	maxCrawl        = 400                  // pages, a guard
)

var (
	hrefs   = regexp.MustCompile(`<a\s[^>]*href="([^"#]+)"`)
	assets  = regexp.MustCompile(`<(?:link rel="stylesheet"|script)[^>]*(?:href|src)="([^"]+)"`)
	numbers = regexp.MustCompile(`^\d+$`)
)

// TestBenchmarkPages measures the server time of each public page type on the demo town (the
// handler called in process, so only the server's work counts) and the weight of the front
// page and a notice page: HTML with the CSS and JavaScript they load.
func TestBenchmarkPages(t *testing.T) {
	h := web.Handler(t.Context(), web.Config{Pool: demotest.Pool(t)})
	types := crawlTypes(t, h)

	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	p("PAGES on the demo town, server time of %d requests per page type (in process); load at start %s", pageRuns, loadavg())
	p("  %-44s %9s %9s %9s", "page type (example)", "p50", "p95", "bytes")
	worst := time.Duration(0)
	for _, typ := range sortedKeys(types) {
		path := types[typ]
		took := make([]time.Duration, pageRuns)
		size := 0
		for i := range took {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest("GET", path, nil)
			start := time.Now()
			h.ServeHTTP(rec, req)
			took[i] = time.Since(start)
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s: %d", path, rec.Code)
			}
			size = rec.Body.Len()
		}
		st := stats(took)
		worst = max(worst, st.p95)
		p("  %-44s %9s %9s %9d", typ+" ("+path+")", ms(st.p50), ms(st.p95), size)
	}
	p("  target p95 ≤ %s for every type: %s", ms(targetPageP95), map[bool]string{true: "met", false: "MISSED"}[worst <= targetPageP95])

	for _, path := range []string{"/", firstOf(types, "/uredni-deska/*")} {
		html, css, js := weigh(t, h, path)
		total := html + css + js
		p("  weight of %-30s HTML %6d + CSS %6d + JS %6d = %6d bytes (target ≤ %d: %s)", path, html, css, js, total,
			targetPageBytes, map[bool]string{true: "met", false: "MISSED"}[total <= targetPageBytes])
	}
	fmt.Print("\n" + b.String())
	if dir := os.Getenv("RADNICE_BENCH_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, pagesReport), []byte(b.String()), 0o644); err != nil {
			t.Error(err)
		}
	}
}

// crawlTypes follows the links from the front page (and the demo town's answer pages) and returns one path of each page type
// (paths with numbers or a last segment generalised, as in the browser crawl).
func crawlTypes(t *testing.T, h http.Handler) map[string]string {
	t.Helper()
	types := map[string]string{}
	// The answer pages are reached by forms, which a crawl does not fill in: start at two.
	queue := []string{"/", "/moje-adresa/2401163", "/adresa/2401163"}
	seen := map[string]bool{}
	for _, p := range queue {
		seen[p] = true
	}
	for len(queue) > 0 && len(seen) < maxCrawl {
		path := queue[0]
		queue = queue[1:]
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
			continue
		}
		if typ := pageType(path); types[typ] == "" {
			types[typ] = path
		}
		for _, m := range hrefs.FindAllStringSubmatch(rec.Body.String(), -1) {
			u, err := url.Parse(strings.ReplaceAll(m[1], "&amp;", "&"))
			if err != nil || u.Host != "" || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "/api/") || strings.HasPrefix(u.Path, "/static/") {
				continue
			}
			next := u.Path
			if u.RawQuery != "" {
				next += "?" + u.RawQuery
			}
			if !seen[next] {
				seen[next] = true
				queue = append(queue, next)
			}
		}
	}
	return types
}

// pageType generalises numbers and the last segment of deeper paths: "/uredni-deska/12" and
// "/zivotni-situace/pes" are one type each; a query makes its own type ("/kontakty?q").
func pageType(path string) string {
	u, _ := url.Parse(path)
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	first := 0
	if parts[0] == "en" {
		first = 1
	}
	for i := range parts {
		if numbers.MatchString(parts[i]) || i > first && i == len(parts)-1 {
			parts[i] = "*"
		}
	}
	typ := "/" + strings.Join(parts, "/")
	if u.RawQuery != "" {
		typ += "?"
	}
	return typ
}

// weigh returns the bytes of the page at path and of the stylesheets and scripts it loads.
func weigh(t *testing.T, h http.Handler, path string) (html, css, js int) {
	t.Helper()
	get := func(p string) string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", p, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d", p, rec.Code)
		}
		return rec.Body.String()
	}
	page := get(path)
	html = len(page)
	for _, m := range assets.FindAllStringSubmatch(page, -1) {
		if strings.HasSuffix(m[1], ".js") {
			js += len(get(m[1]))
		} else {
			css += len(get(m[1]))
		}
	}
	return html, css, js
}

func firstOf(types map[string]string, typ string) string {
	if p, ok := types[typ]; ok {
		return p
	}
	return "/"
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
