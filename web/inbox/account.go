package inbox

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/account"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/forms"
)

// AccountItems lists the person's submissions in the account's "Moje podání", newest first.
func AccountItems(pool *pgxpool.Pool) account.Provider {
	store := NewStore(pool)
	return func(ctx context.Context, u *auth.User) ([]account.Item, error) {
		rows, err := store.Filed(ctx, u.ID)
		if err != nil {
			return nil, err
		}
		items := make([]account.Item, len(rows))
		for i, r := range rows {
			items[i] = account.Item{Title: msg.T(ctx, "item-title", r.FormTitle, r.Receipt), Path: MinePath(r.Receipt),
				Date: geo.PragueDate(r.SubmittedAt), Status: r.Status.Label(ctx)}
		}
		return items, nil
	}
}

// DraftItems lists the person's unfinished forms in the account's "Moje podání", newest
// first: each leads to its form's page, which goes on with it.
func DraftItems(pool *pgxpool.Pool) account.Provider {
	store := forms.NewStore(pool)
	return func(ctx context.Context, u *auth.User) ([]account.Item, error) {
		drafts, err := store.DraftsOf(ctx, u.ID)
		if err != nil {
			return nil, err
		}
		items := make([]account.Item, len(drafts))
		for i, d := range drafts {
			items[i] = account.Item{Title: d.Title, Path: forms.FormPath(d.Slug), Date: d.UpdatedAt, Status: msg.T(ctx, "draft-status")}
		}
		return items, nil
	}
}

// Filed returns the submissions filed from account, newest first, with their receipt, form,
// status and date.
func (s *Store) Filed(ctx context.Context, account int64) ([]Row, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT s.receipt, v.title, s.status, s.submitted_at
		FROM submissions s JOIN form_versions v ON v.id = s.form_version_id
		WHERE s.account_id = $1 ORDER BY s.submitted_at DESC, s.id DESC`, account)
	if err != nil {
		return nil, fmt.Errorf("submissions of account %d: %w", account, err)
	}
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Row, error) {
		var r Row
		err := row.Scan(&r.Receipt, &r.FormTitle, &r.Status, &r.SubmittedAt)
		return r, err
	})
	if err != nil {
		return nil, fmt.Errorf("submissions of account %d: %w", account, err)
	}
	return list, nil
}

// AccountExport adds the person's submissions to the download of their data: what they
// answered, where each stands, the public history with the messages both ways, and the names
// of the files they attached. The clerks' internal notes and assignments are the office's
// working records, not kept about the person, and stay out.
func AccountExport(pool *pgxpool.Pool) account.Exporter {
	store := NewStore(pool)
	return account.Exporter{Key: "submissions", Export: func(ctx context.Context, account int64) (any, error) {
		return store.exported(ctx, account)
	}}
}

// exportedSubmission is a submission in the download of its owner's data.
type exportedSubmission struct {
	Receipt         string          `json:"receipt"`
	Form            string          `json:"form"`
	FormTitle       string          `json:"form_title"`
	FormVersion     int             `json:"form_version"`
	SubmittedAt     time.Time       `json:"submitted_at"`
	Status          Status          `json:"status"`
	ReferenceNumber *string         `json:"reference_number"`
	ContactEmail    string          `json:"contact_email"`
	Answers         json.RawMessage `json:"answers"`
	Files           []exportedFile  `json:"files"`
	History         []exportedEvent `json:"history"`
}

// exportedFile is a file attached to a submission, without its content.
type exportedFile struct {
	Field     string `json:"field"`
	Name      string `json:"name"`
	MediaType string `json:"media_type"`
	Size      int    `json:"size"`
}

// exportedEvent is an event of a submission's public history.
type exportedEvent struct {
	At     time.Time `json:"at"`
	Kind   EventKind `json:"kind"`
	By     string    `json:"by"`
	Status *Status   `json:"status,omitempty"`
	Text   string    `json:"text,omitempty"`
}

// exported are the submissions filed from account as the download of its data has them,
// oldest first.
func (s *Store) exported(ctx context.Context, account int64) ([]exportedSubmission, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT s.receipt, v.slug, v.title, v.version, s.submitted_at, s.status, s.reference_number, s.contact_email, s.answers,
			COALESCE((SELECT json_agg(json_build_object('field', f.field, 'name', f.name, 'media_type', f.media_type, 'size', f.size)
				ORDER BY f.field, f.name) FROM submission_files f WHERE f.submission_id = s.id), '[]'),
			COALESCE((SELECT json_agg(json_strip_nulls(json_build_object('at', e.at, 'kind', e.kind, 'by', e.actor_name,
				'status', e.status, 'text', NULLIF(e.body, ''))) ORDER BY e.at, e.id)
				FROM submission_events e WHERE e.submission_id = s.id AND e.public), '[]')
		FROM submissions s JOIN form_versions v ON v.id = s.form_version_id
		WHERE s.account_id = $1 ORDER BY s.submitted_at, s.id`, account)
	if err != nil {
		return nil, fmt.Errorf("export the submissions of account %d: %w", account, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (exportedSubmission, error) {
		var e exportedSubmission
		err := row.Scan(&e.Receipt, &e.Form, &e.FormTitle, &e.FormVersion, &e.SubmittedAt, &e.Status, &e.ReferenceNumber,
			&e.ContactEmail, &e.Answers, &e.Files, &e.History)
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("export the submissions of account %d: %w", account, err)
	}
	return out, nil
}
