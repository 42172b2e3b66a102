package forms

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/forms/engine"
)

// Draft is a form someone is filling in, saved at every step.
type Draft struct {
	ID        string // a UUID
	Form      Form   // the version it is filled in: the one offered when it was started
	Account   int64  // whose it is; 0 for a draft started without logging in, kept by the session
	Answers   engine.Answers
	Done      int    // how many steps are done, in order: the next one to fill is Done
	Key       string // the idempotency key its submission is made with (a UUID)
	UpdatedAt time.Time
}

// Complete reports whether every step of the form is done: the answers may be checked.
func (d Draft) Complete() bool { return d.Done >= len(d.Form.Steps) }

// uuidPattern is the text form of a UUID, as PostgreSQL writes it.
var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// CreateDraft starts a draft of the form for account (0: anonymous) with the answers a.
func (s *Store) CreateDraft(ctx context.Context, f Form, account int64, a engine.Answers) (Draft, error) {
	answers, err := json.Marshal(a)
	if err != nil {
		return Draft{}, fmt.Errorf("start a draft of %s: %w", f.Slug, err)
	}
	d := Draft{Form: f, Account: account, Answers: a}
	err = s.pool.QueryRow(ctx, `
		INSERT INTO submission_drafts (form_version_id, account_id, answers) VALUES ($1, nullif($2, 0), $3)
		RETURNING id::text, idempotency_key::text, updated_at`, f.ID, account, answers).Scan(&d.ID, &d.Key, &d.UpdatedAt)
	if err != nil {
		return Draft{}, fmt.Errorf("start a draft of %s: %w", f.Slug, err)
	}
	return d, nil
}

// draftColumns are what readDraft scans, of submission_drafts d.
const draftColumns = `d.id::text, d.form_version_id, coalesce(d.account_id, 0), d.answers, d.step, d.idempotency_key::text, d.updated_at`

// readDraft scans a row of draftColumns, with its form version and answers read back.
func (s *Store) readDraft(ctx context.Context, row pgx.Row) (Draft, error) {
	var d Draft
	var version int64
	var answers []byte
	if err := row.Scan(&d.ID, &version, &d.Account, &answers, &d.Done, &d.Key, &d.UpdatedAt); err != nil {
		if errors.Is(err, pgx.ErrNoRows) {
			return Draft{}, geo.Errorf(geo.ENOTFOUND, "No such draft.")
		}
		return Draft{}, fmt.Errorf("read a draft: %w", err)
	}
	var err error
	if d.Form, err = s.Version(ctx, version); err != nil {
		return Draft{}, err
	}
	if d.Answers, err = engine.UnmarshalAnswers(d.Form.Definition, answers); err != nil {
		return Draft{}, err
	}
	return d, nil
}

// DraftOf is the newest draft of the form slug that account (0: nobody logged in) filled in,
// or that was started without logging in in the session, which keeps the drafts in sessionDrafts;
// ENOTFOUND when there is none.
func (s *Store) DraftOf(ctx context.Context, slug string, account int64, sessionDrafts []string) (Draft, error) {
	ids := slices.DeleteFunc(slices.Clone(sessionDrafts), func(id string) bool { return !uuidPattern.MatchString(id) })
	return s.readDraft(ctx, s.pool.QueryRow(ctx, `
		SELECT `+draftColumns+` FROM submission_drafts d JOIN form_versions v ON v.id = d.form_version_id
		WHERE v.slug = $1 AND (d.account_id = $2 OR d.account_id IS NULL AND d.id = ANY ($3::uuid[]))
		ORDER BY d.account_id IS NULL, d.updated_at DESC LIMIT 1`, slug, account, ids))
}

// SaveDraft stores the draft's answers, steps done and owner.
func (s *Store) SaveDraft(ctx context.Context, d Draft) error {
	answers, err := json.Marshal(d.Answers)
	if err != nil {
		return fmt.Errorf("save the draft %s: %w", d.ID, err)
	}
	if _, err := s.pool.Exec(ctx, `
		UPDATE submission_drafts SET answers = $2, step = $3, account_id = nullif($4, 0), updated_at = now() WHERE id = $1`,
		d.ID, answers, d.Done, d.Account); err != nil {
		return fmt.Errorf("save the draft %s: %w", d.ID, err)
	}
	return nil
}

// DeleteDraft deletes the draft id with its files.
func (s *Store) DeleteDraft(ctx context.Context, id string) error {
	if _, err := s.pool.Exec(ctx, `DELETE FROM submission_drafts WHERE id = $1`, id); err != nil {
		return fmt.Errorf("delete the draft %s: %w", id, err)
	}
	return nil
}

// AttachFile stores a file uploaded to the draft for its input field ("proof",
// "dogs.1.photo") and returns the answer that refers to it; mediaType is what its content was
// sniffed as.
func (s *Store) AttachFile(ctx context.Context, draft, field, name, mediaType string, content []byte) (engine.FileRef, error) {
	sum := sha256.Sum256(content)
	ref := engine.FileRef{Name: name, Type: mediaType, Size: int64(len(content))}
	err := s.pool.QueryRow(ctx, `
		INSERT INTO submission_files (draft_id, field, name, media_type, size, sha256, content)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text`,
		draft, field, name, mediaType, len(content), sum[:], content).Scan(&ref.ID)
	if err != nil {
		return engine.FileRef{}, fmt.Errorf("attach a file to the draft %s: %w", draft, err)
	}
	return ref, nil
}

// DraftSummary is a draft as the person's account lists it.
type DraftSummary struct {
	Slug, Title string
	UpdatedAt   time.Time
}

// DraftsOf are the drafts of account, newest first, of forms still on offer.
func (s *Store) DraftsOf(ctx context.Context, account int64) ([]DraftSummary, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT DISTINCT ON (v.slug) v.slug, v.title, d.updated_at
		FROM submission_drafts d JOIN form_versions v ON v.id = d.form_version_id
		WHERE d.account_id = $1 AND EXISTS (SELECT 1 FROM form_versions o WHERE o.slug = v.slug AND o.state = 'published')
		ORDER BY v.slug, d.updated_at DESC`, account)
	if err != nil {
		return nil, fmt.Errorf("read the drafts of account %d: %w", account, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (DraftSummary, error) {
		var d DraftSummary
		err := row.Scan(&d.Slug, &d.Title, &d.UpdatedAt)
		return d, err
	})
	if err != nil {
		return nil, fmt.Errorf("read the drafts of account %d: %w", account, err)
	}
	slices.SortFunc(out, func(a, b DraftSummary) int { return b.UpdatedAt.Compare(a.UpdatedAt) })
	return out, nil
}
