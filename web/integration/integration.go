// Package integration renders submissions for the town's information system: one JSON shape
// for the webhook the outbox sends on acceptance and for the pull API of web/admin, so the two
// never drift apart.
package integration

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/radnice/radnice/geo"
)

// Submission is a submission as the town's information system gets it.
type Submission struct {
	ID              int64           `json:"id"`
	Receipt         string          `json:"receipt"` // the number the citizen quotes, "P-2026-000123"
	Form            Form            `json:"form"`
	Agenda          string          `json:"agenda"`
	Status          string          `json:"status"` // one of Statuses
	ReferenceNumber string          `json:"reference_number,omitempty"`
	SubmittedAt     time.Time       `json:"submitted_at"`
	UpdatedAt       time.Time       `json:"updated_at"`
	Applicant       Applicant       `json:"applicant"`
	Answers         json.RawMessage `json:"answers"` // as stored: keys of the form's fields
	Files           []File          `json:"files"`
}

// Statuses are the statuses of the submissions the office has: podáno, přijato, v řešení,
// vyřízeno, zamítnuto. Until its sender confirms it, an anonymous one is not the office's.
var Statuses = []string{"submitted", "accepted", "in_progress", "resolved", "rejected"}

// Form is the form, in the version the submission was made with.
type Form struct {
	Slug    string `json:"slug"`
	Version int    `json:"version"`
	Title   string `json:"title"`
}

// Applicant is who filed the submission, as far as the form asked.
type Applicant struct {
	Name  string `json:"name"`
	Email string `json:"email,omitempty"`
	// Account tells whether it was filed logged in (through the citizens' identity provider,
	// NIA); an anonymous one was confirmed from Email instead.
	Account bool `json:"account"`
	// LevelOfAssurance is the eIDAS level of the account's last login, when it had one.
	LevelOfAssurance string `json:"level_of_assurance,omitempty"`
}

// File is an uploaded file's metadata; URL downloads it through the pull API.
type File struct {
	ID        string `json:"id"`
	Field     string `json:"field"` // the answer it belongs to, e.g. "proof" or "dogs.1.photo"
	Name      string `json:"name"`
	MediaType string `json:"media_type"`
	Size      int    `json:"size"`
	SHA256    string `json:"sha256"` // hex
	URL       string `json:"url"`
}

// Content is a file with its bytes.
type Content struct {
	Name, MediaType string
	SHA256          []byte
	Data            []byte
}

// DB is what the store reads through: the pool, or the transaction of an outbox delivery.
type DB interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// Store reads submissions for the town's systems.
type Store struct {
	db   DB
	base string
}

// NewStore returns the store over db; base is where the portal is reached
// ("https://portal.koprivnice.cz"), the start of the files' URLs (none: the URLs are paths).
func NewStore(db DB, base string) *Store {
	return &Store{db: db, base: strings.TrimSuffix(base, "/")}
}

// submissionPath is where the pull API serves submission id.
func submissionPath(id int64) string { return "/api/v1/admin/submissions/" + strconv.FormatInt(id, 10) }

// selectSubmissions reads Submission rows; unconfirmed submissions are not the office's yet.
const selectSubmissions = `
	SELECT s.id, s.receipt, f.slug, f.version, f.title, s.agenda, s.status, coalesce(s.reference_number, ''),
		s.submitted_at, s.updated_at, s.applicant_name, s.contact_email, s.account_id IS NOT NULL,
		coalesce(a.level_of_assurance, ''), s.answers
	FROM submissions s
	JOIN form_versions f ON f.id = s.form_version_id
	LEFT JOIN accounts a ON a.id = s.account_id
	WHERE s.status <> 'unconfirmed'`

// Submission returns submission id; ENOTFOUND when there is none or it is not confirmed yet.
func (s *Store) Submission(ctx context.Context, id int64) (Submission, error) {
	list, err := s.query(ctx, selectSubmissions+` AND s.id = $1`, id)
	if err != nil {
		return Submission{}, fmt.Errorf("submission %d: %w", id, err)
	}
	if len(list) == 0 {
		return Submission{}, geo.Errorf(geo.ENOTFOUND, "There is no submission %d.", id)
	}
	return list[0], nil
}

// Filter chooses submissions to list.
type Filter struct {
	Statuses []string  // any of them; none: every status
	Agenda   string    // "": every agenda
	Since    time.Time // changed at or after; zero: from the start
	After    Cursor    // changed after the submission the cursor names
	Limit    int
}

// Cursor is a place in the list of submissions by the time they last changed: the list goes
// on after it. Its text form is opaque to clients.
type Cursor struct {
	UpdatedAt time.Time
	ID        int64
}

// String returns the cursor's text form; "" for the zero cursor.
func (c Cursor) String() string {
	if c.ID == 0 {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString([]byte(c.UpdatedAt.UTC().Format(time.RFC3339Nano) + "/" + strconv.FormatInt(c.ID, 10)))
}

// ParseCursor reads a cursor's text form.
func ParseCursor(s string) (Cursor, error) {
	bad := errors.New("not a cursor of this API")
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return Cursor{}, bad
	}
	at, id, _ := strings.Cut(string(raw), "/")
	var c Cursor
	if c.UpdatedAt, err = time.Parse(time.RFC3339Nano, at); err != nil {
		return Cursor{}, bad
	}
	if c.ID, err = strconv.ParseInt(id, 10, 64); err != nil || c.ID <= 0 {
		return Cursor{}, bad
	}
	return c, nil
}

// Submissions returns the submissions f chooses by the time they last changed, oldest first,
// and the cursor after the last of them (f.After when there are none).
func (s *Store) Submissions(ctx context.Context, f Filter) ([]Submission, Cursor, error) {
	list, err := s.query(ctx, selectSubmissions+`
		AND (coalesce(cardinality($1::text[]), 0) = 0 OR s.status = ANY ($1))
		AND ($2 = '' OR s.agenda = $2)
		AND s.updated_at >= $3
		AND (s.updated_at, s.id) > ($4, $5)
		ORDER BY s.updated_at, s.id LIMIT $6`,
		f.Statuses, f.Agenda, f.Since, f.After.UpdatedAt, f.After.ID, f.Limit)
	if err != nil {
		return nil, Cursor{}, fmt.Errorf("list submissions: %w", err)
	}
	next := f.After
	if n := len(list); n > 0 {
		next = Cursor{UpdatedAt: list[n-1].UpdatedAt, ID: list[n-1].ID}
	}
	return list, next, nil
}

// query reads the submissions sql selects, with their files.
func (s *Store) query(ctx context.Context, sql string, args ...any) ([]Submission, error) {
	rows, err := s.db.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Submission, error) {
		var v Submission
		a := &v.Applicant
		err := row.Scan(&v.ID, &v.Receipt, &v.Form.Slug, &v.Form.Version, &v.Form.Title, &v.Agenda, &v.Status,
			&v.ReferenceNumber, &v.SubmittedAt, &v.UpdatedAt, &a.Name, &a.Email, &a.Account, &a.LevelOfAssurance, &v.Answers)
		v.Files = []File{}
		return v, err
	})
	if err != nil || len(list) == 0 {
		return list, err
	}
	byID := make(map[int64]*Submission, len(list))
	ids := make([]int64, len(list))
	for i := range list {
		byID[list[i].ID], ids[i] = &list[i], list[i].ID
	}
	rows, err = s.db.Query(ctx, `
		SELECT submission_id, id::text, field, name, media_type, size, sha256 FROM submission_files
		WHERE submission_id = ANY ($1) ORDER BY submission_id, created_at, field`, ids)
	if err != nil {
		return nil, fmt.Errorf("files: %w", err)
	}
	var (
		sub int64
		f   File
		sum []byte
	)
	_, err = pgx.ForEachRow(rows, []any{&sub, &f.ID, &f.Field, &f.Name, &f.MediaType, &f.Size, &sum}, func() error {
		f.SHA256 = hex.EncodeToString(sum)
		f.URL = s.base + submissionPath(sub) + "/files/" + f.ID
		byID[sub].Files = append(byID[sub].Files, f)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("files: %w", err)
	}
	return list, nil
}

// File returns file fileID of submission id; ENOTFOUND when the submission has no such file.
func (s *Store) File(ctx context.Context, id int64, fileID string) (Content, error) {
	var c Content
	err := s.db.QueryRow(ctx, `
		SELECT f.name, f.media_type, f.sha256, f.content FROM submission_files f
		JOIN submissions s ON s.id = f.submission_id
		WHERE f.submission_id = $1 AND f.id::text = $2 AND s.status <> 'unconfirmed'`, id, fileID).
		Scan(&c.Name, &c.MediaType, &c.SHA256, &c.Data)
	if errors.Is(err, pgx.ErrNoRows) {
		return Content{}, geo.Errorf(geo.ENOTFOUND, "Submission %d has no file %s.", id, fileID)
	}
	if err != nil {
		return Content{}, fmt.Errorf("file %s of submission %d: %w", fileID, id, err)
	}
	return c, nil
}
