package middleware_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/middleware"
)

// policy is the Content-Security-Policy SecurityHeaders sets for other sources.
func policy(other middleware.Sources) string {
	rec := httptest.NewRecorder()
	middleware.SecurityHeaders(other)(http.NotFoundHandler()).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	return rec.Header().Get("Content-Security-Policy")
}

func TestSecurityHeadersAllowImagesOnlyFromTheSourcesGiven(t *testing.T) {
	for _, c := range []struct {
		sources []string
		imgSrc  string
	}{
		{nil, "img-src 'self' data:;"},
		{[]string{""}, "img-src 'self' data:;"},
		{[]string{"https://*.tile.example.org"}, "img-src 'self' data: https://*.tile.example.org;"},
		{[]string{"http://127.0.0.1:8081", "", "https://b.example"}, "img-src 'self' data: http://127.0.0.1:8081 https://b.example;"},
	} {
		csp := policy(middleware.Sources{Images: c.sources})
		if !strings.Contains(csp, c.imgSrc) || strings.Count(csp, "img-src") != 1 {
			t.Errorf("sources %q: policy %q, want %q", c.sources, csp, c.imgSrc)
		}
		for _, directive := range []string{"default-src 'self';", "script-src 'self';", "style-src 'self';", "connect-src 'self';", "object-src 'none';"} {
			if !strings.Contains(csp, directive) {
				t.Errorf("sources %q: policy %q lacks %s", c.sources, csp, directive)
			}
		}
		if strings.Contains(csp, "unsafe-") {
			t.Errorf("sources %q: policy %q is not strict", c.sources, csp)
		}
	}
}

func TestFormsMayLeadOnlyToTheSourcesGiven(t *testing.T) {
	if csp := policy(middleware.Sources{}); !strings.Contains(csp, "form-action 'self';") {
		t.Errorf("no form targets: policy %q", csp)
	}
	csp := policy(middleware.Sources{Forms: []string{"https://nia.identita.gov.cz", ""}})
	if !strings.Contains(csp, "form-action 'self' https://nia.identita.gov.cz;") || strings.Contains(csp, "img-src 'self' data: https") {
		t.Errorf("the login provider as a form target: policy %q", csp)
	}
}
