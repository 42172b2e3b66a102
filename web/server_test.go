package web_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/migrations/dbtest"
	"github.com/radnice/radnice/web"
	"github.com/radnice/radnice/web/webtest"
)

func TestHealthAndReadiness(t *testing.T) {
	srv := webtest.NewPortal(t)
	for _, path := range []string{"/healthz", "/readyz"} {
		if res, _ := webtest.Get(t, srv, path); res.StatusCode != 200 {
			t.Errorf("%s = %d, want 200", path, res.StatusCode)
		}
	}
}

func TestReadinessFailsWhenTheDatabaseIsGone(t *testing.T) {
	pool, err := geo.Connect(context.Background(), dbtest.New(t))
	if err != nil {
		t.Fatal(err)
	}
	srv := webtest.Server(t, web.Config{Pool: pool})
	pool.Close()

	if res, _ := webtest.Get(t, srv, "/readyz"); res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("/readyz = %d, want 503", res.StatusCode)
	}
	if res, _ := webtest.Get(t, srv, "/healthz"); res.StatusCode != 200 {
		t.Errorf("/healthz = %d, want 200: the process is still up", res.StatusCode)
	}
}

func TestEveryResponseCarriesSecurityHeaders(t *testing.T) {
	srv := webtest.NewPortal(t)
	for _, path := range []string{"/", "/adresa", "/api/v1/addresses?q=x", "/static/css/site.css", "/missing"} {
		res, _ := webtest.Get(t, srv, path)
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("%s: Content-Security-Policy = %q", path, csp)
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" || res.Header.Get("Referrer-Policy") == "" {
			t.Errorf("%s: headers = %v", path, res.Header)
		}
		if res.Header.Get("Strict-Transport-Security") != "" {
			t.Errorf("%s: HSTS sent over plain HTTP", path)
		}
	}
}

func TestRequestLogHoldsNoSearchedAddress(t *testing.T) {
	var logs bytes.Buffer
	srv := webtest.Server(t, web.Config{Pool: demotest.Pool(t), Logger: slog.New(slog.NewTextHandler(&logs, nil))})

	webtest.Get(t, srv, "/api/v1/addresses?q="+url.QueryEscape("Štefánikova 1163/12"))
	webtest.PostForm(t, srv, "/adresa", url.Values{"q": {"Lubina 25"}})
	webtest.Get(t, srv, "/adresa/2401163")

	out := logs.String()
	if !strings.Contains(out, "route=/api/v1/addresses") || !strings.Contains(out, "status=200") {
		t.Fatalf("request log lacks the route and status:\n%s", out)
	}
	for _, secret := range []string{"fánikova", "f%C3%A1nikova", "1163", "Lubina", "2401163"} {
		if strings.Contains(out, secret) {
			t.Errorf("request log contains %q:\n%s", secret, out)
		}
	}
}

func TestFindAddressPageWorksWithoutJavaScript(t *testing.T) {
	srv := webtest.NewPortal(t)

	res, body := webtest.PostForm(t, srv, "/adresa", url.Values{"q": {"stefanikova 12"}})
	if res.StatusCode != 200 || !strings.Contains(body, `<a href="/adresa/2401163">Štefánikova 1163/12, 742 21 Kopřivnice</a>`) {
		t.Errorf("results page: status %d\n%s", res.StatusCode, body)
	}

	res, body = webtest.PostForm(t, srv, "/adresa", url.Values{"q": {""}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `aria-invalid="true"`) || !strings.Contains(body, "Zadejte adresu") {
		t.Errorf("empty search: status %d\n%s", res.StatusCode, body)
	}

	res, body = webtest.Get(t, srv, "/adresa/2401163")
	if res.StatusCode != 200 || !strings.Contains(body, "<h1>Štefánikova 1163/12, 742 21 Kopřivnice</h1>") {
		t.Errorf("address page: status %d\n%s", res.StatusCode, body)
	}
	res, _ = webtest.Get(t, srv, "/adresa/1")
	if res.StatusCode != 404 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Errorf("unknown address page: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
}
