package videos_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web"
)

// newServer serves the portal over a fresh copy of the demo town with its content.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(web.Handler(t.Context(), web.Config{Pool: demotest.Pool(t)}))
	t.Cleanup(srv.Close)
	return srv
}

// fetch sends a request for path with headers (name, value, ...) and returns the response
// with its whole body.
func fetch(t *testing.T, srv *httptest.Server, method, path string, headers ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
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
