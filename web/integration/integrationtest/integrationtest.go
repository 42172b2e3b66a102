// Package integrationtest writes submissions straight into a test database, for tests of what
// the town's systems and the citizens receive about them.
package integrationtest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Submission is a submission to write; empty fields take the defaults noted.
type Submission struct {
	Form      string // a form's slug; "zkusebni-formular" (version 1, made as needed)
	Agenda    string // "poplatky"
	Status    string // "submitted"
	Reference string // the reference number, required from accepted on
	Name      string // "Jana Nováková"
	Email     string // the contact address; none: no e-mail goes out
	Account   *int64 // the account it was filed from; nil: anonymous
	Answers   string // JSON; "{}"
	Files     []File // attached
}

// File is a file attached to a submission.
type File struct {
	Field, Name, MediaType string
	Content                []byte
}

// Insert writes s and returns its id and receipt number.
func Insert(t testing.TB, pool *pgxpool.Pool, s Submission) (int64, string) {
	t.Helper()
	s.Form = or(s.Form, "zkusebni-formular")
	s.Agenda = or(s.Agenda, "poplatky")
	s.Status = or(s.Status, "submitted")
	s.Name = or(s.Name, "Jana Nováková")
	s.Answers = or(s.Answers, "{}")
	if s.Status != "unconfirmed" && s.Status != "submitted" {
		s.Reference = or(s.Reference, "MUKO "+rand.Text()[:8]+"/2026")
	}
	var id int64
	var receipt string
	err := pgx.BeginFunc(context.Background(), pool, func(tx pgx.Tx) error {
		ctx := context.Background()
		var form int64
		err := tx.QueryRow(ctx, `
			INSERT INTO form_versions (slug, version, hash, title, agenda, anonymous, definition, source)
			VALUES ($1, 1, 'test', 'Zkušební formulář', $2, true, '{}', '')
			ON CONFLICT (slug, version) DO UPDATE SET slug = EXCLUDED.slug RETURNING id`, s.Form, s.Agenda).Scan(&form)
		if err != nil {
			return err
		}
		var ref *string
		if s.Reference != "" {
			ref = &s.Reference
		}
		err = tx.QueryRow(ctx, `
			INSERT INTO submissions (receipt, idempotency_key, form_version_id, agenda, account_id, applicant_name,
				contact_email, answers, status, reference_number)
			VALUES ('P-2026-' || lpad(nextval('submission_receipts')::text, 6, '0'), gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8)
			RETURNING id, receipt`,
			form, s.Agenda, s.Account, s.Name, s.Email, s.Answers, s.Status, ref).Scan(&id, &receipt)
		if err != nil {
			return err
		}
		for _, f := range s.Files {
			sum := sha256.Sum256(f.Content)
			if _, err := tx.Exec(ctx, `
				INSERT INTO submission_files (submission_id, field, name, media_type, size, sha256, content)
				VALUES ($1, $2, $3, $4, $5, $6, $7)`, id, f.Field, f.Name, f.MediaType, len(f.Content), sum[:], f.Content); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("insert a submission: %v", err)
	}
	return id, receipt
}

// Event adds a public event of kind ("status" with the new status, or "message") with body to
// submission id's history, moving the submission to the status, and returns the event's id.
func Event(t testing.TB, pool *pgxpool.Pool, id int64, kind, status, body string) int64 {
	t.Helper()
	var event int64
	var st *string
	if status != "" {
		st = &status
	}
	err := pool.QueryRow(context.Background(), `
		WITH moved AS (UPDATE submissions SET status = coalesce($3, status), updated_at = now() WHERE id = $1)
		INSERT INTO submission_events (submission_id, kind, actor_name, status, body, public)
		VALUES ($1, $2, 'Pavel Novák', $3, $4, true) RETURNING id`, id, kind, st, body).Scan(&event)
	if err != nil {
		t.Fatalf("add an event: %v", err)
	}
	return event
}

// Account makes a citizen's account, as a login through NIA at the substantial level would,
// and returns its id.
func Account(t testing.TB, pool *pgxpool.Pool) int64 {
	t.Helper()
	var id int64
	err := pool.QueryRow(context.Background(), `
		INSERT INTO accounts (given_name, family_name, level_of_assurance, email, terms_accepted_at)
		VALUES ('Jana', 'Nováková', 'http://eidas.europa.eu/LoA/substantial', 'jana@example.cz', now()) RETURNING id`).Scan(&id)
	if err != nil {
		t.Fatalf("make an account: %v", err)
	}
	return id
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
