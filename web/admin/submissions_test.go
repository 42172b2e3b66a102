package admin_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web/admin"
	"github.com/radnice/radnice/web/integration"
	"github.com/radnice/radnice/web/integration/integrationtest"
)

// pullAPI serves the submissions' pull API on pool and returns it with a key of the scope
// submissions and one of the scope reports only.
func pullAPI(t *testing.T, pool *pgxpool.Pool) (srv *httptest.Server, key, reportsKey string) {
	t.Helper()
	keys := admin.NewKeys(pool)
	r := chi.NewRouter()
	admin.SubmissionRoutes(r, keys, integration.NewStore(pool, "https://portal.koprivnice.example"))
	srv = httptest.NewServer(r)
	t.Cleanup(srv.Close)
	var err error
	if key, err = keys.Create(context.Background(), "spisova-sluzba", []string{admin.ScopeSubmissions}); err != nil {
		t.Fatal(err)
	}
	if reportsKey, err = keys.Create(context.Background(), "vykazy", []string{admin.ScopeReports}); err != nil {
		t.Fatal(err)
	}
	return srv, key, reportsKey
}

func TestThePullAPINeedsAKeyWithTheSubmissionsScope(t *testing.T) {
	pool := demotest.Pool(t)
	srv, key, reportsKey := pullAPI(t, pool)
	id, _ := integrationtest.Insert(t, pool, integrationtest.Submission{Files: []integrationtest.File{
		{Field: "proof", Name: "doklad.pdf", MediaType: "application/pdf", Content: []byte("%PDF-1.4")}}})
	var sub integration.Submission
	if resp, body := get(t, srv, fmt.Sprintf("/api/v1/admin/submissions/%d", id), key); resp.StatusCode != http.StatusOK {
		t.Fatalf("with the key: %d %s", resp.StatusCode, body)
	} else if err := json.Unmarshal([]byte(body), &sub); err != nil || len(sub.Files) != 1 {
		t.Fatalf("%v: %s", err, body)
	}
	for _, path := range []string{"/api/v1/admin/submissions", fmt.Sprintf("/api/v1/admin/submissions/%d", id),
		strings.TrimPrefix(sub.Files[0].URL, "https://portal.koprivnice.example")} {
		for _, c := range []struct {
			name, key string
			status    int
			challenge string
		}{
			{"no key", "", http.StatusUnauthorized, `Bearer realm="radnice"`},
			{"an unknown key", "radnice_AAAA", http.StatusUnauthorized, `Bearer realm="radnice", error="invalid_token"`},
			{"a key of the reports", reportsKey, http.StatusForbidden, `Bearer realm="radnice", error="insufficient_scope", scope="submissions"`},
			{"the key", key, http.StatusOK, ""},
		} {
			resp, _ := get(t, srv, path, c.key)
			if resp.StatusCode != c.status || resp.Header.Get("WWW-Authenticate") != c.challenge {
				t.Errorf("%s with %s: %d %q, want %d %q", path, c.name, resp.StatusCode, resp.Header.Get("WWW-Authenticate"), c.status, c.challenge)
			}
			if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
				t.Errorf("%s with %s: Cache-Control %q, want no-store", path, c.name, cc)
			}
		}
	}
}

func TestThePullAPIServesASubmissionAsTheWebhookDoes(t *testing.T) {
	pool := demotest.Pool(t)
	srv, key, _ := pullAPI(t, pool)
	account := integrationtest.Account(t, pool)
	pdf := []byte("%PDF-1.4 očkovací průkaz")
	id, receipt := integrationtest.Insert(t, pool, integrationtest.Submission{Status: "accepted", Reference: "MUKO 12/2026",
		Name: "Jana Nováková", Email: "jana@example.cz", Account: &account,
		Answers: `{"dogs": [{"name": "Alík", "born": "2024-05-01", "weight": 12.5}], "relief": "ne"}`,
		Files:   []integrationtest.File{{Field: "dogs.1.proof", Name: "očkování.pdf", MediaType: "application/pdf", Content: pdf}}})
	other, _ := integrationtest.Insert(t, pool, integrationtest.Submission{Files: []integrationtest.File{
		{Field: "proof", Name: "jiny.pdf", MediaType: "application/pdf", Content: []byte("%PDF-1.4 jiný")}}})
	unconfirmed, _ := integrationtest.Insert(t, pool, integrationtest.Submission{Status: "unconfirmed"})

	resp, body := get(t, srv, fmt.Sprintf("/api/v1/admin/submissions/%d", id), key)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("%d %s: %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	file := got["files"].([]any)[0].(map[string]any)
	fileURL := fmt.Sprintf("https://portal.koprivnice.example/api/v1/admin/submissions/%d/files/%s", id, file["id"])
	want := map[string]any{
		"id": float64(id), "receipt": receipt, "agenda": "poplatky", "status": "accepted", "reference_number": "MUKO 12/2026",
		"form":      map[string]any{"slug": "zkusebni-formular", "version": float64(1), "title": "Zkušební formulář"},
		"applicant": map[string]any{"name": "Jana Nováková", "email": "jana@example.cz", "account": true, "level_of_assurance": "http://eidas.europa.eu/LoA/substantial"},
		"answers":   map[string]any{"dogs": []any{map[string]any{"name": "Alík", "born": "2024-05-01", "weight": 12.5}}, "relief": "ne"},
		"files": []any{map[string]any{"id": file["id"], "field": "dogs.1.proof", "name": "očkování.pdf", "media_type": "application/pdf",
			"size": float64(len(pdf)), "sha256": file["sha256"], "url": fileURL}},
		"submitted_at": got["submitted_at"], "updated_at": got["updated_at"],
	}
	if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
		t.Errorf("got\n%s\nwant\n%s", g, w)
	}

	resp, body = get(t, srv, strings.TrimPrefix(fileURL, "https://portal.koprivnice.example"), key)
	if resp.StatusCode != http.StatusOK || body != string(pdf) || resp.Header.Get("Content-Type") != "application/pdf" ||
		resp.Header.Get("Content-Disposition") != `attachment; filename*=utf-8''o%C4%8Dkov%C3%A1n%C3%AD.pdf` {
		t.Errorf("the file: %d %q %q %q", resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition"), body)
	}
	for _, c := range []struct{ name, path string }{
		{"an unknown submission", "/api/v1/admin/submissions/999999"},
		{"an unconfirmed submission", fmt.Sprintf("/api/v1/admin/submissions/%d", unconfirmed)},
		{"the file under another submission", fmt.Sprintf("/api/v1/admin/submissions/%d/files/%s", other, file["id"])},
		{"an unknown file", fmt.Sprintf("/api/v1/admin/submissions/%d/files/nic", id)},
	} {
		if resp, _ := get(t, srv, c.path, key); resp.StatusCode != http.StatusNotFound || resp.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: %d %s, want a 404 problem", c.name, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
}

func TestThePullAPIListsWhatChangedSinceTheLastCursor(t *testing.T) {
	pool := demotest.Pool(t)
	srv, key, _ := pullAPI(t, pool)
	integrationtest.Insert(t, pool, integrationtest.Submission{Status: "unconfirmed"})
	submitted, _ := integrationtest.Insert(t, pool, integrationtest.Submission{})
	fees, _ := integrationtest.Insert(t, pool, integrationtest.Submission{Status: "accepted"})
	trees, _ := integrationtest.Insert(t, pool, integrationtest.Submission{Status: "accepted", Agenda: "zivotni-prostredi", Form: "kaceni"})

	for _, c := range []struct {
		query string
		want  []int64
	}{
		{"", []int64{submitted, fees, trees}},
		{"status=accepted", []int64{fees, trees}},
		{"status=accepted&agenda=poplatky", []int64{fees}},
		{"status=submitted,rejected", []int64{submitted}},
		{"status=submitted&status=accepted&agenda=zivotni-prostredi", []int64{trees}},
		{"since=2100-01-01T00:00:00Z", nil},
	} {
		if got := ids(list(t, srv, key, c.query).Items); fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("?%s: %v, want %v", c.query, got, c.want)
		}
	}

	// A page at a time, then later only what changed.
	var seen []int64
	cursor := ""
	for {
		page := list(t, srv, key, "limit=1&cursor="+url.QueryEscape(cursor))
		seen = append(seen, ids(page.Items)...)
		cursor = page.NextCursor
		if !page.More {
			break
		}
	}
	if fmt.Sprint(seen) != fmt.Sprint([]int64{submitted, fees, trees}) {
		t.Errorf("page by page: %v", seen)
	}
	if page := list(t, srv, key, "cursor="+url.QueryEscape(cursor)); len(page.Items) != 0 || page.NextCursor != cursor {
		t.Errorf("nothing changed, yet the list from the last cursor holds %v and goes on at %q", ids(page.Items), page.NextCursor)
	}
	integrationtest.Event(t, pool, fees, "status", "rejected", "Pes není přihlášen k trvalému pobytu v Kopřivnici.")
	if page := list(t, srv, key, "cursor="+url.QueryEscape(cursor)); fmt.Sprint(ids(page.Items)) != fmt.Sprint([]int64{fees}) ||
		page.Items[0].Status != "rejected" {
		t.Errorf("after a rejection, the list from the last cursor holds %v", page.Items)
	}

	for _, c := range []struct{ query, param string }{
		{"status=unconfirmed", "status"}, {"status=prijato", "status"}, {"since=1.3.2026", "since"},
		{"cursor=abc", "cursor"}, {"limit=0", "limit"}, {"limit=101", "limit"}, {"limit=deset", "limit"},
	} {
		resp, body := get(t, srv, "/api/v1/admin/submissions?"+c.query, key)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, `"name":"`+c.param+`"`) {
			t.Errorf("?%s: %d %s, want a 400 naming %s", c.query, resp.StatusCode, body, c.param)
		}
	}
}

// page is an answer of the list.
type page struct {
	Items      []integration.Submission
	NextCursor string `json:"next_cursor"`
	More       bool
}

// list GETs the list with query using key.
func list(t *testing.T, srv *httptest.Server, key, query string) page {
	t.Helper()
	resp, body := get(t, srv, "/api/v1/admin/submissions?"+query, key)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("?%s: %d %s", query, resp.StatusCode, body)
	}
	var p page
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func ids(list []integration.Submission) []int64 {
	var out []int64
	for _, s := range list {
		out = append(out, s.ID)
	}
	return out
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
