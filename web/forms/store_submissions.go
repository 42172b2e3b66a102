package forms

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/forms/engine"
	"github.com/radnice/radnice/web/outbox"
)

// The statuses of a submission the citizen's side sets (the back office sets the others).
const (
	StatusUnconfirmed = "unconfirmed" // filed without logging in, waiting for the e-mail's link
	StatusSubmitted   = "submitted"   // podáno
)

// Submission is a filed form.
type Submission struct {
	ID          int64
	Receipt     string // "P-2026-000123"
	Form        Form   // the version it was filed with
	Agenda      string
	Account     int64 // who filed it logged in; 0 when filed without logging in
	Applicant   string
	Email       string
	Answers     engine.Answers
	Status      string
	SubmittedAt time.Time
}

// Path is the page that confirms the submission, in Czech.
func (s Submission) Path() string { return "/formulare/podano/" + s.Receipt }

// filing is what submitting a draft records besides the draft itself.
type filing struct {
	Answers   engine.Answers // those the submission keeps: of the fields shown
	Applicant string         // for the clerks' inbox
	Email     string         // where the e-mails go
	// Token is the secret of the e-mailed link that confirms a submission filed without
	// logging in (the database keeps its hash); "" for one filed logged in.
	Token string
	At    time.Time
}

// receiptNumber writes the receipt of the n-th submission, filed in year: "P-2026-000123".
func receiptNumber(year int, n int64) string {
	return fmt.Sprintf("P-%d-%06d", year, n)
}

// Submit files the draft d as one submission, in one transaction: with the files its answers
// keep, the first entry of its history and the e-mail that tells of it (or asks to confirm
// it), and deletes the draft. Submitting the same draft again (its idempotency key) makes
// nothing new: it returns the submission made the first time.
func (s *Store) Submit(ctx context.Context, d Draft, f filing) (Submission, error) {
	var id int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `SELECT id FROM submissions WHERE idempotency_key = $1`, d.Key).Scan(&id)
		if err == nil || !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		var n int64
		if err := tx.QueryRow(ctx, `SELECT nextval('submission_receipts')`).Scan(&n); err != nil {
			return err
		}
		answers, err := json.Marshal(f.Answers)
		if err != nil {
			return err
		}
		status, token := StatusSubmitted, []byte(nil)
		if f.Token != "" {
			status, token = StatusUnconfirmed, tokenHash(f.Token)
		}
		err = tx.QueryRow(ctx, `
			INSERT INTO submissions (receipt, idempotency_key, form_version_id, agenda, account_id, applicant_name,
				contact_email, answers, status, confirm_token, submitted_at, updated_at)
			VALUES ($1, $2, $3, $4, nullif($5, 0), $6, $7, $8, $9, $10, $11, $11)
			ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
			receiptNumber(f.At.In(geo.Prague).Year(), n), d.Key, d.Form.ID, d.Form.Agenda, d.Account, f.Applicant,
			f.Email, answers, status, token, f.At).Scan(&id)
		if errors.Is(err, pgx.ErrNoRows) { // filed at this moment by a request of its own
			return tx.QueryRow(ctx, `SELECT id FROM submissions WHERE idempotency_key = $1`, d.Key).Scan(&id)
		}
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `
			UPDATE submission_files SET draft_id = NULL, submission_id = $1 WHERE draft_id = $2 AND id = ANY ($3::uuid[])`,
			id, d.ID, fileIDs(f.Answers)); err != nil {
			return err
		}
		if err := addStatus(ctx, tx, id, f.Applicant, status, f.At); err != nil {
			return err
		}
		mail := outbox.SubmissionMail(outbox.Received, id, 0)
		if f.Token != "" {
			mail = outbox.ConfirmationMail(id, confirmPath(f.Token))
		}
		if err := outbox.Enqueue(ctx, tx, mail); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `DELETE FROM submission_drafts WHERE id = $1`, d.ID)
		return err
	})
	if err != nil {
		return Submission{}, fmt.Errorf("submit the draft %s of %s: %w", d.ID, d.Form.Slug, err)
	}
	return s.submission(ctx, `s.id = $1`, id)
}

// addStatus writes the status change of submission id to its public history, as the citizen's
// (actor) doing.
func addStatus(ctx context.Context, tx pgx.Tx, id int64, actor, status string, at time.Time) error {
	_, err := tx.Exec(ctx, `
		INSERT INTO submission_events (submission_id, at, kind, actor_name, status, public) VALUES ($1, $2, 'status', $3, $4, true)`,
		id, at, actor, status)
	return err
}

// confirmPath is the page of the link e-mailed to confirm a submission, in Czech.
func confirmPath(token string) string { return "/formulare/potvrzeni/" + token }

// tokenHash is what the database keeps of a confirmation link's token: its SHA-256.
func tokenHash(token string) []byte {
	sum := sha256.Sum256([]byte(token))
	return sum[:]
}

// fileIDs are the ids of the files the answers a keep.
func fileIDs(a engine.Answers) []string {
	var out []string
	for _, v := range a {
		switch v := v.(type) {
		case engine.FileRef:
			out = append(out, v.ID)
		case []engine.Answers:
			for _, row := range v {
				out = append(out, fileIDs(row)...)
			}
		}
	}
	return out
}

// SubmissionByReceipt is the submission with the receipt number; ENOTFOUND when none has it.
func (s *Store) SubmissionByReceipt(ctx context.Context, receipt string) (Submission, error) {
	return s.submission(ctx, `s.receipt = $1`, receipt)
}

// SubmissionByKey is the submission made with the idempotency key; ENOTFOUND when none was.
func (s *Store) SubmissionByKey(ctx context.Context, key string) (Submission, error) {
	return s.submission(ctx, `s.idempotency_key = $1`, key)
}

// LastFiled is the newest submission of the form slug that account filed (0: nobody logged
// in), or that was filed without logging in in the session that keeps it among
// sessionSubmissions; ENOTFOUND when there is none.
func (s *Store) LastFiled(ctx context.Context, slug string, account int64, sessionSubmissions []string) (Submission, error) {
	var ids []int64
	for _, id := range sessionSubmissions {
		if n, err := strconv.ParseInt(id, 10, 64); err == nil {
			ids = append(ids, n)
		}
	}
	return s.submission(ctx, `s.id = (
		SELECT s.id FROM submissions s JOIN form_versions v ON v.id = s.form_version_id
		WHERE v.slug = $1 AND (s.account_id = $2 OR s.account_id IS NULL AND s.id = ANY ($3))
		ORDER BY s.submitted_at DESC LIMIT 1)`, slug, account, ids)
}

// submission reads the submission the condition on submissions s with its arguments selects.
func (s *Store) submission(ctx context.Context, where string, args ...any) (Submission, error) {
	var sub Submission
	var version int64
	var answers []byte
	err := s.pool.QueryRow(ctx, `
		SELECT s.id, s.receipt, s.form_version_id, s.agenda, coalesce(s.account_id, 0), s.applicant_name,
			s.contact_email, s.answers, s.status, s.submitted_at
		FROM submissions s WHERE `+where, args...).Scan(&sub.ID, &sub.Receipt, &version, &sub.Agenda, &sub.Account,
		&sub.Applicant, &sub.Email, &answers, &sub.Status, &sub.SubmittedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return Submission{}, geo.Errorf(geo.ENOTFOUND, "No such submission.")
	}
	if err != nil {
		return Submission{}, fmt.Errorf("read a submission: %w", err)
	}
	if sub.Form, err = s.Version(ctx, version); err != nil {
		return Submission{}, err
	}
	if sub.Answers, err = engine.UnmarshalAnswers(sub.Form.Definition, answers); err != nil {
		return Submission{}, err
	}
	return sub, nil
}

// Unconfirmed reports whether the submission whose confirmation link holds token still waits
// for it; ENOTFOUND when no submission has that token.
func (s *Store) Unconfirmed(ctx context.Context, token string) (bool, error) {
	var status string
	err := s.pool.QueryRow(ctx, `SELECT status FROM submissions WHERE confirm_token = $1`, tokenHash(token)).Scan(&status)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, geo.Errorf(geo.ENOTFOUND, "No submission waits for this confirmation.")
	}
	if err != nil {
		return false, fmt.Errorf("read a confirmation: %w", err)
	}
	return status == StatusUnconfirmed, nil
}

// Confirm confirms the submission filed without logging in whose e-mailed link holds token:
// it becomes submitted, with that in its history and the e-mail that tells it was received.
// Confirming it again changes nothing; ENOTFOUND when no submission has that token.
func (s *Store) Confirm(ctx context.Context, token string, at time.Time) (Submission, error) {
	var id int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var status, applicant string
		err := tx.QueryRow(ctx, `SELECT id, status, applicant_name FROM submissions WHERE confirm_token = $1 FOR UPDATE`, tokenHash(token)).
			Scan(&id, &status, &applicant)
		if errors.Is(err, pgx.ErrNoRows) {
			return geo.Errorf(geo.ENOTFOUND, "No submission waits for this confirmation.")
		}
		if err != nil || status != StatusUnconfirmed {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE submissions SET status = $2, updated_at = $3 WHERE id = $1`, id, StatusSubmitted, at); err != nil {
			return err
		}
		if err := addStatus(ctx, tx, id, applicant, StatusSubmitted, at); err != nil {
			return err
		}
		return outbox.Enqueue(ctx, tx, outbox.SubmissionMail(outbox.Received, id, 0))
	})
	if err != nil {
		if geo.ErrorCode(err) == geo.ENOTFOUND {
			return Submission{}, err
		}
		return Submission{}, fmt.Errorf("confirm a submission: %w", err)
	}
	return s.submission(ctx, `s.id = $1`, id)
}
