package admin_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web"
	"github.com/radnice/radnice/web/admin"
	"github.com/radnice/radnice/web/webtest"
)

const reportPath = "/api/v1/admin/reports/areas"

func TestTheAreaReportNeedsAKeyWithTheReportsScope(t *testing.T) {
	pool := demotest.Pool(t)
	srv := webtest.Server(t, web.Config{Pool: pool})
	keys := admin.NewKeys(pool)
	ctx := context.Background()
	good, err := keys.Create(ctx, "spisova-sluzba", []string{admin.ScopeReports})
	if err != nil {
		t.Fatal(err)
	}
	revoked, err := keys.Create(ctx, "stary-system", []string{admin.ScopeReports})
	if err != nil {
		t.Fatal(err)
	}
	if err := keys.Revoke(ctx, "stary-system"); err != nil {
		t.Fatal(err)
	}
	// A key of another scope only, written as `radnice apikey create` would.
	if _, err := pool.Exec(ctx, `INSERT INTO api_keys (name, scopes, hash) VALUES ('jiny', '{submissions}', sha256('radnice_jiny'))`); err != nil {
		t.Fatal(err)
	}

	for _, c := range []struct {
		name, key string
		status    int
		challenge string
	}{
		{"no key", "", http.StatusUnauthorized, `Bearer realm="radnice"`},
		{"an unknown key", "radnice_AAAA", http.StatusUnauthorized, `Bearer realm="radnice", error="invalid_token"`},
		{"not a key of this portal", "secret", http.StatusUnauthorized, `Bearer realm="radnice", error="invalid_token"`},
		{"a revoked key", revoked, http.StatusUnauthorized, `Bearer realm="radnice", error="invalid_token"`},
		{"a key without the scope", "radnice_jiny", http.StatusForbidden, `Bearer realm="radnice", error="insufficient_scope", scope="reports"`},
	} {
		resp, _ := get(t, srv, reportPath, c.key)
		if resp.StatusCode != c.status || resp.Header.Get("WWW-Authenticate") != c.challenge {
			t.Errorf("%s: %d %q, want %d %q", c.name, resp.StatusCode, resp.Header.Get("WWW-Authenticate"), c.status, c.challenge)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
			t.Errorf("%s: Content-Type %q, want a problem", c.name, ct)
		}
	}

	resp, body := get(t, srv, reportPath+"?date=2027-09-20", good)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("with a good key: %d", resp.StatusCode)
	}
	if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control %q, want no-store", cc)
	}
	var rep geo.AreaReport
	if err := json.NewDecoder(strings.NewReader(body)).Decode(&rep); err != nil {
		t.Fatal(err)
	}
	if rep.Date != "2027-09-20" || len(rep.Layers) != 4 {
		t.Errorf("report for %s with %d layers, want 2027-09-20 and the four layers", rep.Date, len(rep.Layers))
	}
	for _, l := range rep.Layers {
		if l.Areas == 0 || l.Addresses == 0 {
			t.Errorf("layer %s: %d areas over %d addresses: the demo town has both", l.Layer, l.Areas, l.Addresses)
		}
	}

	list, err := keys.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range list {
		if k.Name == "spisova-sluzba" && k.LastUsedAt == nil {
			t.Error("the key's use was not noted")
		}
	}

	if resp, _ := get(t, srv, reportPath+"?date=20.9.2027", good); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a Czech-written date: %d, want 400", resp.StatusCode)
	}
}

// get GETs path from srv with key as the bearer token (none when empty).
func get(t *testing.T, srv *httptest.Server, path, key string) (*http.Response, string) {
	t.Helper()
	if key == "" {
		return webtest.Get(t, srv, path)
	}
	return webtest.Get(t, srv, path, "Authorization", "Bearer "+key)
}

func TestKeysAreCheckedWhenMade(t *testing.T) {
	keys := admin.NewKeys(demotest.Pool(t))
	ctx := context.Background()
	for _, c := range []struct {
		name   string
		scopes []string
	}{
		{"Spisová služba", []string{admin.ScopeReports}},
		{"ok", nil},
		{"ok", []string{"everything"}},
	} {
		if _, err := keys.Create(ctx, c.name, c.scopes); geo.ErrorCode(err) != geo.EINVALID {
			t.Errorf("Create(%q, %q) = %v, want an EINVALID error", c.name, c.scopes, err)
		}
	}
	key, err := keys.Create(ctx, "ok", []string{admin.ScopeReports})
	if err != nil || !strings.HasPrefix(key, "radnice_") || len(key) < 40 {
		t.Fatalf("Create = %q, %v", key, err)
	}
	if _, err := keys.Create(ctx, "ok", []string{admin.ScopeReports}); geo.ErrorCode(err) != geo.EINVALID {
		t.Errorf("a second key of the same name: %v, want EINVALID", err)
	}
	if err := keys.Revoke(ctx, "missing"); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("revoking an unknown key: %v, want ENOTFOUND", err)
	}
}
