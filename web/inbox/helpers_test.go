package inbox_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web"
	"github.com/radnice/radnice/web/authtest"
	"github.com/radnice/radnice/web/webtest"
)

// portal is the whole portal on a fresh demo town with its forms, logging people in
// through the development identity provider.
type portal struct {
	*httptest.Server
	pool *pgxpool.Pool
}

func newPortal(t *testing.T) *portal {
	t.Helper()
	pool := demotest.Pool(t)
	return &portal{Server: webtest.Server(t, web.Config{Pool: pool, Auth: authtest.Provider(t).PortalConfig()}), pool: pool}
}

// accountOf is the account of the demo person login, who has logged in.
func accountOf(t *testing.T, pool *pgxpool.Pool, login string) int64 {
	t.Helper()
	var id int64
	if err := pool.QueryRow(t.Context(), `SELECT account_id FROM identities WHERE subject = $1`,
		authtest.Person(t, login).Claims.PersonIdentifier).Scan(&id); err != nil {
		t.Fatalf("account of %s: %v", login, err)
	}
	return id
}

// filing is a submission as a fixture files it: the form, who filed it and what they answered.
type filing struct {
	Form      string
	Account   int64 // 0: filed without logging in
	Applicant string
	Email     string
	Answers   string // JSON, as web/forms/engine stores answers
	At        time.Time
}

// filed is a submission the fixture made.
type filed struct {
	ID      int64
	Receipt string
}

// path is the clerks' page of the submission.
func (f filed) path() string { return "/sprava/podani/" + strconv.FormatInt(f.ID, 10) }

// object is the submission in the audit log.
func (f filed) object() string { return "submission:" + strconv.FormatInt(f.ID, 10) }

// file makes the submission f as the forms make it (status "submitted", the first entry of its
// history), with the files given as (field, name, media type, content).
func file(t *testing.T, pool *pgxpool.Pool, f filing, files ...[4]string) filed {
	t.Helper()
	if f.At.IsZero() {
		f.At = time.Date(2026, time.November, 23, 10, 0, 0, 0, time.UTC)
	}
	var s filed
	err := pgx.BeginFunc(t.Context(), pool, func(tx pgx.Tx) error {
		if err := tx.QueryRow(t.Context(), `
			INSERT INTO submissions (receipt, idempotency_key, form_version_id, agenda, account_id, applicant_name,
				contact_email, answers, submitted_at, updated_at)
			SELECT 'P-2026-' || lpad(nextval('submission_receipts')::text, 6, '0'), gen_random_uuid(), v.id, v.agenda,
				NULLIF($2, 0), $3, $4, '{}', $5, $5
			FROM form_versions v WHERE v.slug = $1 ORDER BY v.version DESC LIMIT 1
			RETURNING id, receipt`, f.Form, f.Account, f.Applicant, f.Email, f.At).Scan(&s.ID, &s.Receipt); err != nil {
			return err
		}
		answers := f.Answers
		for _, fl := range files {
			var id string
			if err := tx.QueryRow(t.Context(), `
				INSERT INTO submission_files (submission_id, field, name, media_type, size, sha256, content)
				VALUES ($1, $2, $3, $4, length($5::bytea), sha256($5::bytea), $5::bytea) RETURNING id::text`,
				s.ID, fl[0], fl[1], fl[2], []byte(fl[3])).Scan(&id); err != nil {
				return err
			}
			answers = strings.ReplaceAll(answers, "FILE:"+fl[0], id)
		}
		if _, err := tx.Exec(t.Context(), `UPDATE submissions SET answers = $2 WHERE id = $1`, s.ID, answers); err != nil {
			return err
		}
		_, err := tx.Exec(t.Context(), `
			INSERT INTO submission_events (submission_id, at, kind, actor_name, status, public)
			VALUES ($1, $2, 'status', $3, 'submitted', true)`, s.ID, f.At, f.Applicant)
		return err
	})
	if err != nil {
		t.Fatalf("file %s: %v", f.Form, err)
	}
	return s
}

// janasDogs are Jana's answers to the dog registration: two dogs, no relief.
const janasDogs = `{
	"holder": {"given": "Jana", "family": "Nováková", "birth": "1985-04-12"},
	"residence": {"code": 1009830, "label": "Česká 1318/30, 742 21 Kopřivnice"},
	"email": "jana.novakova@posta.example",
	"phone": "+420 601 234 567",
	"dogs": [
		{"name": "Rex", "breed": "kříženec", "sex": "pes", "born": "2020-05-01", "chip": "203164000123456", "since": "2020-08-01", "origin": "utulek"},
		{"name": "Bára", "breed": "jezevčík", "sex": "fena", "born": "2022-03-10", "chip": "203164000654321", "since": "2022-06-01", "origin": "chovatel"}
	],
	"relief": "ne",
	"tag": "posta",
	"truth": true
}`

// janasDog files Jana's dog registration from her account.
func janasDog(t *testing.T, p *portal, jana int64) filed {
	t.Helper()
	return file(t, p.pool, filing{Form: "prihlaseni-psa", Account: jana, Applicant: "Jana Nováková",
		Email: "jana.novakova@posta.example", Answers: janasDogs})
}

// petrsRelief files Petr's dog registration claiming the ZTP/P exemption, with its proof: from
// an account since deleted, and without a contact e-mail.
func petrsRelief(t *testing.T, p *portal) filed {
	t.Helper()
	return file(t, p.pool, filing{Form: "prihlaseni-psa", Applicant: "Petr Dvořák", At: time.Date(2026, time.November, 20, 9, 0, 0, 0, time.UTC),
		Answers: `{"holder": {"given": "Petr", "family": "Dvořák", "birth": "1972-11-03"},
			"residence": {"code": 1011235, "label": "Lubina 2508, 742 21 Kopřivnice"},
			"email": "petr.dvorak@posta.example",
			"dogs": [{"name": "Ajax", "breed": "labradorský retrívr", "sex": "pes", "born": "2019-01-15", "chip": "203164000777888", "since": "2019-04-01", "origin": "chovatel"}],
			"relief": "osvobozeni", "exemption": "ztpp",
			"proof": {"id": "FILE:proof", "name": "průkaz ZTP-P.pdf", "type": "application/pdf", "size": 9},
			"tag": "radnice", "truth": true}`},
		[4]string{"proof", "průkaz ZTP-P.pdf", "application/pdf", "%PDF-1.4\n"})
}

// streetLight files a report of a broken street light, an agenda (majetek) the demo clerk
// does not hold.
func streetLight(t *testing.T, p *portal) filed {
	t.Helper()
	return file(t, p.pool, filing{Form: "hlaseni-zavady", Applicant: "Eva Svobodová", Email: "eva@posta.example",
		Answers: `{"kind": "osvetleni", "location": {"code": 1009830, "label": "Česká 1318/30, 742 21 Kopřivnice"},
			"description": "Lampa nesvítí.", "reporter": "Eva Svobodová", "email": "eva@posta.example",
			"photo": {"id": "FILE:photo", "name": "lampa.jpg", "type": "image/jpeg", "size": 4}}`},
		[4]string{"photo", "lampa.jpg", "image/jpeg", "\xff\xd8\xff\xe0"})
}

// get GETs path as the client c.
func get(t *testing.T, p *portal, c *http.Client, path string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, p.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return webtest.As(t, c, req)
}

// post posts form to path as the client c, as a browser sends a form of the portal's page.
func post(t *testing.T, p *portal, c *http.Client, path string, form url.Values) (*http.Response, string) {
	t.Helper()
	return webtest.As(t, c, authtest.Form(t, p.URL+path, form))
}

var versionInput = regexp.MustCompile(`name="verze" value="([0-9]+)"`)

// version is the submission's version the action forms of its page carry.
func version(t *testing.T, p *portal, c *http.Client, path string) string {
	t.Helper()
	res, body := get(t, p, c, path)
	m := versionInput.FindStringSubmatch(body)
	if res.StatusCode != http.StatusOK || m == nil {
		t.Fatalf("GET %s: status %d, no version in its forms\n%s", path, res.StatusCode, webtest.Text(body))
	}
	return m[1]
}

// act posts an action of the submission's page with the version the page carries now.
func act(t *testing.T, p *portal, c *http.Client, s filed, action string, form url.Values) (*http.Response, string) {
	t.Helper()
	form.Set("verze", version(t, p, c, s.path()))
	return post(t, p, c, s.path()+"/"+action, form)
}

// wantRedirect fails t unless res is a 303 to the page at path with the query want.
func wantRedirect(t *testing.T, res *http.Response, body, want string) {
	t.Helper()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != want {
		t.Fatalf("status %d, Location %q; want 303 to %s\n%s", res.StatusCode, res.Header.Get("Location"), want, webtest.Text(body))
	}
}

// lines are the rows a query gives, each its one text column.
func lines(t *testing.T, pool *pgxpool.Pool, query string, args ...any) []string {
	t.Helper()
	rows, err := pool.Query(context.Background(), query, args...)
	if err != nil {
		t.Fatal(err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// outboxKeys are the keys of the outbox's jobs about the submission, in the order they were enqueued.
func outboxKeys(t *testing.T, pool *pgxpool.Pool, s filed) []string {
	t.Helper()
	return lines(t, pool, `SELECT key FROM outbox WHERE (payload->>'submission_id')::bigint = $1 ORDER BY id`, s.ID)
}

// auditTrail is the audit log of the submission as "action by actor" lines, oldest first.
func auditTrail(t *testing.T, pool *pgxpool.Pool, s filed) []string {
	t.Helper()
	return lines(t, pool, `SELECT action || ' by ' || actor_name FROM audit_log WHERE object = $1 ORDER BY id`, s.object())
}

// history is the submission's events as "kind status public|internal: body" lines, oldest first.
func history(t *testing.T, pool *pgxpool.Pool, s filed) []string {
	t.Helper()
	return lines(t, pool, `
		SELECT kind || COALESCE(' ' || status, '') || CASE WHEN public THEN ' public' ELSE ' internal' END || ': ' || body
		FROM submission_events WHERE submission_id = $1 ORDER BY id`, s.ID)
}

// state is the submission's status and reference number, "submitted " before it has one.
func state(t *testing.T, pool *pgxpool.Pool, s filed) string {
	t.Helper()
	return lines(t, pool, `SELECT status || ' ' || COALESCE(reference_number, '') FROM submissions WHERE id = $1`, s.ID)[0]
}
