package notices

import (
	"context"
	"errors"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/audit"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/editorial"
)

// Editable is a notice in any state, as the editors' screens see it.
type Editable struct {
	ID    int64
	State editorial.State
	Notice
	WithdrawnAt time.Time // zero unless withdrawn
	UpdatedAt   time.Time
}

// Fields are what an editor writes of a notice.
type Fields struct {
	Title, Reference, Department, Category, Description string
	Posted                                              time.Time // zero: the day it is published
	RelevantUntil                                       time.Time
}

// ErrPeriodOver refuses to publish a notice without a posting date whose last day on the
// board has passed: published today, it would never be on the board.
var ErrPeriodOver = geo.Errorf(geo.EINVALID, "the notice's last day on the board has passed")

// editableColumns are what readEditable scans, of the notices n.
const editableColumns = `n.id, n.state, n.slug, n.title, n.category, n.department, n.reference,
	n.posted_on, n.relevant_until, n.description, n.withdrawn_at, n.updated_at`

// scanEditable reads a row of editableColumns, and into more the columns that follow them.
func scanEditable(row pgx.Row, more ...any) (Editable, error) {
	var e Editable
	var posted, withdrawn *time.Time
	err := row.Scan(append([]any{&e.ID, &e.State, &e.Slug, &e.Title, &e.Category, &e.Department, &e.Reference,
		&posted, &e.RelevantUntil, &e.Description, &withdrawn, &e.UpdatedAt}, more...)...)
	if posted != nil {
		e.Posted = *posted
	}
	if withdrawn != nil {
		e.WithdrawnAt = *withdrawn
	}
	return e, err
}

// EditorList returns the notices in state (in every state when ""), newest first (drafts not
// yet dated before all), limit of them after skipping offset, and how many there are.
func (s *Store) EditorList(ctx context.Context, state editorial.State, limit, offset int) ([]Editable, int, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT `+editableColumns+`, count(*) OVER ()
		FROM notices n WHERE $1 = '' OR n.state = $1
		ORDER BY n.posted_on DESC NULLS FIRST, n.id DESC
		LIMIT $2 OFFSET $3`, state, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("list notices for editors: %w", err)
	}
	total := 0
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Editable, error) {
		return scanEditable(row, &total)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("list notices for editors: %w", err)
	}
	return list, total, nil
}

// Editable returns the notice id in any state, with its attachments; ENOTFOUND when there is none.
func (s *Store) Editable(ctx context.Context, id int64) (Editable, error) {
	return readEditable(ctx, s.pool, id, "")
}

// readEditable reads the notice id with its attachments; lock is "" or "FOR UPDATE".
func readEditable(ctx context.Context, q querier, id int64, lock string) (Editable, error) {
	e, err := scanEditable(q.QueryRow(ctx, `SELECT `+editableColumns+` FROM notices n WHERE n.id = $1 `+lock, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return e, geo.Errorf(geo.ENOTFOUND, "No notice %d.", id)
	}
	if err != nil {
		return e, fmt.Errorf("notice %d: %w", id, err)
	}
	byNotice, err := attachments(ctx, q, []int64{id})
	e.Attachments = byNotice[id]
	return e, err
}

// Create writes a new draft notice, addressed by the year of today and its title, and
// returns its id.
func (s *Store) Create(ctx context.Context, u *auth.User, f Fields, today time.Time) (int64, error) {
	var id int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		base := strconv.Itoa(today.Year())
		if slug := editorial.Slug(f.Title, 70); slug != "" {
			base += "-" + slug
		}
		for n := 1; id == 0; n++ {
			slug := base
			if n > 1 {
				slug += "-" + strconv.Itoa(n)
			}
			err := tx.QueryRow(ctx, `
				INSERT INTO notices (slug, state, title, category, department, reference, posted_on, relevant_until, description)
				VALUES ($1, 'draft', $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (slug) DO NOTHING RETURNING id`,
				slug, f.Title, f.Category, f.Department, f.Reference, optionalDate(f.Posted), f.RelevantUntil, f.Description).Scan(&id)
			if err != nil && !errors.Is(err, pgx.ErrNoRows) {
				return fmt.Errorf("create notice %s: %w", slug, err)
			}
		}
		return recordChange(ctx, tx, u, "notice.create", id, nil)
	})
	return id, err
}

// Update rewrites the fields of notice id, keeping its state and attachments.
func (s *Store) Update(ctx context.Context, u *auth.User, id int64, f Fields) error {
	return s.change(ctx, u, "notice.update", id, func(tx pgx.Tx, _ Editable) error {
		_, err := tx.Exec(ctx, `
			UPDATE notices SET title = $2, category = $3, department = $4, reference = $5, posted_on = $6,
				relevant_until = $7, description = $8, updated_at = now()
			WHERE id = $1`, id, f.Title, f.Category, f.Department, f.Reference, optionalDate(f.Posted), f.RelevantUntil, f.Description)
		return err
	})
}

// SetState moves notice id to the state to, if its state leads there (EINVALID otherwise).
// Publishing dates a notice that has no posting date today; ErrPeriodOver when its last day
// on the board is then already past.
func (s *Store) SetState(ctx context.Context, u *auth.User, id int64, to editorial.State, today time.Time) error {
	return s.change(ctx, u, "notice."+to.Verb(), id, func(tx pgx.Tx, e Editable) error {
		if !slices.Contains(e.State.Transitions(), to) {
			return geo.Errorf(geo.EINVALID, "a %s notice cannot become %s", e.State, to)
		}
		if to == editorial.Published && e.Posted.IsZero() && e.RelevantUntil.Before(today) {
			return ErrPeriodOver
		}
		_, err := tx.Exec(ctx, `
			UPDATE notices SET state = $2,
				posted_on = CASE WHEN $2 = 'published' THEN coalesce(posted_on, $3) ELSE posted_on END,
				withdrawn_at = CASE WHEN $2 = 'withdrawn' THEN now() END, updated_at = now()
			WHERE id = $1`, id, to, today)
		return err
	})
}

// Upload is a file an editor attaches to a notice, its type already checked.
type Upload struct {
	File      string // its name in the address; made unique within the notice when taken
	Title     string
	MediaType string
	Content   []byte
}

// AddAttachment attaches the file up to notice id, after its other attachments, and returns the
// file name it is stored under.
func (s *Store) AddAttachment(ctx context.Context, u *auth.User, id int64, up Upload) (string, error) {
	var file string
	err := s.change(ctx, u, "notice.attachment_add", id, func(tx pgx.Tx, e Editable) error {
		file = uniqueFileName(up.File, e.Attachments)
		_, err := tx.Exec(ctx, `
			INSERT INTO notice_attachments (notice_id, position, file_name, title, media_type, content)
			SELECT $1, coalesce(max(position), 0) + 1, $2, $3, $4, $5 FROM notice_attachments WHERE notice_id = $1`,
			id, file, up.Title, up.MediaType, up.Content)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE notices SET updated_at = now() WHERE id = $1`, id)
		return err
	})
	return file, err
}

// uniqueFileName is file, or file with a number before its extension when one of the
// attachments has the name already.
func uniqueFileName(file string, taken []Attachment) string {
	ext := path.Ext(file)
	name := file
	for n := 2; slices.ContainsFunc(taken, func(a Attachment) bool { return a.File == name }); n++ {
		name = strings.TrimSuffix(file, ext) + "-" + strconv.Itoa(n) + ext
	}
	return name
}

// RemoveAttachment removes the attachment file from notice id; ENOTFOUND when it has none such.
func (s *Store) RemoveAttachment(ctx context.Context, u *auth.User, id int64, file string) error {
	return s.change(ctx, u, "notice.attachment_remove", id, func(tx pgx.Tx, _ Editable) error {
		tag, err := tx.Exec(ctx, `DELETE FROM notice_attachments WHERE notice_id = $1 AND file_name = $2`, id, file)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return geo.Errorf(geo.ENOTFOUND, "Notice %d has no attachment %s.", id, file)
		}
		_, err = tx.Exec(ctx, `UPDATE notices SET updated_at = now() WHERE id = $1`, id)
		return err
	})
}

// EditorAttachmentFile returns the attachment file of notice id in any state, for previews.
func (s *Store) EditorAttachmentFile(ctx context.Context, id int64, file string) (AttachmentFile, error) {
	var a AttachmentFile
	err := s.pool.QueryRow(ctx, `
		SELECT file_name, title, media_type, size, content, sha256 FROM notice_attachments
		WHERE notice_id = $1 AND file_name = $2`, id, file).
		Scan(&a.File, &a.Title, &a.MediaType, &a.Size, &a.Content, &a.SHA256)
	if errors.Is(err, pgx.ErrNoRows) {
		return a, geo.Errorf(geo.ENOTFOUND, "Příloha nenalezena.")
	}
	if err != nil {
		return a, fmt.Errorf("notice %d attachment %s: %w", id, file, err)
	}
	return a, nil
}

// change runs apply on notice id, locked, in a transaction that records the action with the
// notice before and after in the audit log.
func (s *Store) change(ctx context.Context, u *auth.User, action string, id int64, apply func(pgx.Tx, Editable) error) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		before, err := readEditable(ctx, tx, id, "FOR UPDATE")
		if err != nil {
			return err
		}
		if err := apply(tx, before); err != nil {
			return err
		}
		b := before.audited()
		return recordChange(ctx, tx, u, action, id, &b)
	})
	if err != nil {
		return fmt.Errorf("%s %d: %w", action, id, err)
	}
	return nil
}

// recordChange writes the action on notice id to the audit log, with the notice as it is now.
func recordChange(ctx context.Context, tx pgx.Tx, u *auth.User, action string, id int64, before *auditNotice) error {
	after, err := readEditable(ctx, tx, id, "")
	if err != nil {
		return err
	}
	a := after.audited()
	var b any
	if before != nil {
		b = before
	}
	return audit.Record(ctx, tx, u.Audit(action, "notice:"+strconv.FormatInt(id, 10), b, a))
}

// auditNotice is a notice as the audit log keeps it: its fields, its state and its
// attachments described (never their content).
type auditNotice struct {
	Slug          string            `json:"slug"`
	State         editorial.State   `json:"state"`
	Title         string            `json:"title"`
	Reference     string            `json:"reference"`
	Department    string            `json:"department"`
	Category      string            `json:"category"`
	Posted        string            `json:"posted_on"`
	RelevantUntil string            `json:"relevant_until"`
	Description   string            `json:"description"`
	Attachments   []auditAttachment `json:"attachments"`
}

type auditAttachment struct {
	File      string `json:"file"`
	Title     string `json:"title"`
	MediaType string `json:"media_type"`
	Size      int64  `json:"size"`
}

// audited is e as the audit log keeps it.
func (e Editable) audited() auditNotice {
	a := auditNotice{Slug: e.Slug, State: e.State, Title: e.Title, Reference: e.Reference, Department: e.Department,
		Category: e.Category, RelevantUntil: e.RelevantUntil.Format(time.DateOnly), Description: e.Description,
		Attachments: []auditAttachment{}}
	if !e.Posted.IsZero() {
		a.Posted = e.Posted.Format(time.DateOnly)
	}
	for _, f := range e.Attachments {
		a.Attachments = append(a.Attachments, auditAttachment{File: f.File, Title: f.Title, MediaType: f.MediaType, Size: f.Size})
	}
	return a
}

// optionalDate is a date for the database: NULL for the zero time.
func optionalDate(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
