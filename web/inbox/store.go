package inbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/geo"
)

// Store is the submissions in PostgreSQL, as the office and their owners see them.
type Store struct {
	pool *pgxpool.Pool
}

// NewStore returns the submissions kept in pool's database.
func NewStore(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

// Filter selects submissions of the inbox; zero fields select all. Agendas is never empty: a
// clerk sees the submissions of the agendas they hold and no others.
type Filter struct {
	Agendas  []string
	Status   Status
	Form     string    // the form's slug
	Assigned string    // assignedMe (to Me), assignedNobody, or "" for anyone
	Me       int64     // the clerk asking
	From, To time.Time // civil dates of submission, both included; zero for open
	Query    string    // words the applicant's name, receipt or reference number must all contain
}

// The values of Filter.Assigned.
const (
	assignedMe     = "ja"
	assignedNobody = "nikdo"
)

// Row is a submission as the inbox lists it.
type Row struct {
	ID              int64
	Receipt         string
	FormTitle       string
	ApplicantName   string
	Status          Status
	ReferenceNumber string // "" before acceptance
	AssignedName    string // "" when no one is assigned
	SubmittedAt     time.Time
	Unread          bool // the citizen wrote after the last thing a clerk did
}

// inAgendas is the WHERE clause of the submissions the office sees in the agendas $1.
const inAgendas = `s.agenda = ANY ($1::text[]) AND s.status <> 'unconfirmed'`

// List returns the submissions f selects, newest first, limit of them after skipping offset,
// and how many it selects in all.
func (s *Store) List(ctx context.Context, f Filter, limit, offset int) ([]Row, int, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT s.id, s.receipt, v.title, s.applicant_name, s.status, COALESCE(s.reference_number, ''),
			COALESCE(trim(a.given_name || ' ' || a.family_name), ''), s.submitted_at,
			EXISTS (SELECT FROM submission_events e WHERE e.submission_id = s.id AND e.kind = 'message' AND e.actor_id IS NULL
				AND NOT EXISTS (SELECT FROM submission_events l WHERE l.submission_id = s.id AND l.actor_id IS NOT NULL AND l.id > e.id)),
			count(*) OVER ()
		FROM submissions s JOIN form_versions v ON v.id = s.form_version_id LEFT JOIN accounts a ON a.id = s.assigned_to
		WHERE `+inAgendas+`
			AND ($2 = '' OR s.status = $2)
			AND ($3 = '' OR v.slug = $3)
			AND CASE $4 WHEN 'ja' THEN s.assigned_to IS NOT DISTINCT FROM $5 WHEN 'nikdo' THEN s.assigned_to IS NULL ELSE true END
			AND ($6::date IS NULL OR s.submitted_at >= $6::date::timestamp AT TIME ZONE 'Europe/Prague')
			AND ($7::date IS NULL OR s.submitted_at < ($7::date + 1)::timestamp AT TIME ZONE 'Europe/Prague')
			AND notice_fold(s.applicant_name || ' ' || s.receipt || ' ' || COALESCE(s.reference_number, '')) LIKE ALL ($8::text[])
		ORDER BY s.submitted_at DESC, s.id DESC
		LIMIT $9 OFFSET $10`,
		f.Agendas, f.Status, f.Form, f.Assigned, f.Me, optionalDate(f.From), optionalDate(f.To), searchPatterns(f.Query), limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("list submissions: %w", err)
	}
	total := 0
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Row, error) {
		var r Row
		err := row.Scan(&r.ID, &r.Receipt, &r.FormTitle, &r.ApplicantName, &r.Status, &r.ReferenceNumber,
			&r.AssignedName, &r.SubmittedAt, &r.Unread, &total)
		return r, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("list submissions: %w", err)
	}
	return list, total, nil
}

// searchPatterns turns a search text into LIKE patterns, one per word as the database folds
// its text (geo.Fold and notice_fold agree). Folded words hold only letters, digits and '/':
// nothing LIKE would read specially.
func searchPatterns(q string) []string {
	words := strings.Fields(geo.Fold(q))
	patterns := make([]string, len(words))
	for i, w := range words {
		patterns[i] = "%" + w + "%"
	}
	return patterns
}

// optionalDate is a civil date for a date parameter, nil (SQL NULL) for the zero time.
func optionalDate(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// Counts returns how many submissions of the agendas are in each status.
func (s *Store) Counts(ctx context.Context, agendas []string) (map[Status]int, error) {
	rows, err := s.pool.Query(ctx, `SELECT s.status, count(*) FROM submissions s WHERE `+inAgendas+` GROUP BY s.status`, agendas)
	if err != nil {
		return nil, fmt.Errorf("count submissions: %w", err)
	}
	counts := map[Status]int{}
	var st Status
	var n int
	_, err = pgx.ForEachRow(rows, []any{&st, &n}, func() error {
		counts[st] = n
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("count submissions: %w", err)
	}
	return counts, nil
}

// FormRef names a form: its slug and the title of its newest version.
type FormRef struct {
	Slug, Title string
}

// Forms returns the forms the agendas handle, or have submissions of, by title.
func (s *Store) Forms(ctx context.Context, agendas []string) ([]FormRef, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT slug, title FROM (
			SELECT DISTINCT ON (v.slug) v.slug, v.title FROM form_versions v
			WHERE v.agenda = ANY ($1::text[])
				OR EXISTS (SELECT FROM submissions s WHERE s.form_version_id = v.id AND s.agenda = ANY ($1::text[]))
			ORDER BY v.slug, v.version DESC) f
		ORDER BY title COLLATE "cs-x-icu", slug`, agendas)
	if err != nil {
		return nil, fmt.Errorf("list forms of agendas: %w", err)
	}
	forms, err := pgx.CollectRows(rows, pgx.RowToStructByPos[FormRef])
	if err != nil {
		return nil, fmt.Errorf("list forms of agendas: %w", err)
	}
	return forms, nil
}

// Submission is one submission with what its pages show.
type Submission struct {
	ID              int64
	Receipt         string
	FormTitle       string
	FormVersionID   int64 // the version of the form it was made with (form_versions.id)
	FormVersion     int   // its number
	Agenda          string
	AccountID       int64 // 0 for an anonymous one, or when the account is gone
	ApplicantName   string
	ContactEmail    string
	Answers         json.RawMessage
	Status          Status
	ReferenceNumber string
	AssignedTo      int64 // 0 when no one is assigned
	AssignedName    string
	SubmittedAt     time.Time
	UpdatedAt       time.Time // its version: a change made from an older page is refused
}

// selectSubmission reads a Submission; its WHERE clause follows.
const selectSubmission = `
	SELECT s.id, s.receipt, v.title, v.id, v.version, s.agenda, COALESCE(s.account_id, 0), s.applicant_name,
		s.contact_email, s.answers, s.status, COALESCE(s.reference_number, ''), COALESCE(s.assigned_to, 0),
		COALESCE(trim(a.given_name || ' ' || a.family_name), ''), s.submitted_at, s.updated_at
	FROM submissions s JOIN form_versions v ON v.id = s.form_version_id LEFT JOIN accounts a ON a.id = s.assigned_to
	WHERE `

// scanSubmission reads a row of selectSubmission.
func scanSubmission(row pgx.Row) (Submission, error) {
	var sub Submission
	err := row.Scan(&sub.ID, &sub.Receipt, &sub.FormTitle, &sub.FormVersionID, &sub.FormVersion, &sub.Agenda,
		&sub.AccountID, &sub.ApplicantName, &sub.ContactEmail, &sub.Answers, &sub.Status, &sub.ReferenceNumber,
		&sub.AssignedTo, &sub.AssignedName, &sub.SubmittedAt, &sub.UpdatedAt)
	return sub, err
}

// Submission returns submission id of the agendas; ENOTFOUND when there is none there.
func (s *Store) Submission(ctx context.Context, agendas []string, id int64) (Submission, error) {
	sub, err := scanSubmission(s.pool.QueryRow(ctx, selectSubmission+inAgendas+` AND s.id = $2`, agendas, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return Submission{}, geo.Errorf(geo.ENOTFOUND, "no submission %d in the agendas %v", id, agendas)
	}
	if err != nil {
		return Submission{}, fmt.Errorf("submission %d: %w", id, err)
	}
	return sub, nil
}

// Mine returns the submission with the receipt number filed from account; ENOTFOUND when the
// account filed none such.
func (s *Store) Mine(ctx context.Context, account int64, receipt string) (Submission, error) {
	sub, err := scanSubmission(s.pool.QueryRow(ctx, selectSubmission+`s.account_id = $1 AND s.receipt = $2`, account, receipt))
	if errors.Is(err, pgx.ErrNoRows) {
		return Submission{}, geo.Errorf(geo.ENOTFOUND, "account %d filed no submission %s", account, receipt)
	}
	if err != nil {
		return Submission{}, fmt.Errorf("submission %s: %w", receipt, err)
	}
	return sub, nil
}

// EventKind is what an event of a submission's history records.
type EventKind string

// The kinds of event (submission_events.kind).
const (
	StatusEvent     EventKind = "status"     // a change of status, with its reason
	MessageEvent    EventKind = "message"    // from the office to the citizen, or back
	NoteEvent       EventKind = "note"       // the clerks' internal note
	AssignmentEvent EventKind = "assignment" // to a clerk, or to no one
)

// Event is one entry of a submission's history.
type Event struct {
	At        time.Time
	Kind      EventKind
	ActorID   int64 // 0: the citizen or the system
	ActorName string
	Status    Status // the new status of a StatusEvent
	Body      string // the reason, message or note; the assignee's name
}

// FromCitizen reports whether e is the citizen's message to the office.
func (e Event) FromCitizen() bool { return e.Kind == MessageEvent && e.ActorID == 0 }

// Events returns the history of submission id, oldest first: every event, or only the public
// ones (what the citizen sees).
func (s *Store) Events(ctx context.Context, id int64, publicOnly bool) ([]Event, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT at, kind, COALESCE(actor_id, 0), actor_name, COALESCE(status, ''), body
		FROM submission_events WHERE submission_id = $1 AND (public OR NOT $2)
		ORDER BY at, id`, id, publicOnly)
	if err != nil {
		return nil, fmt.Errorf("history of submission %d: %w", id, err)
	}
	events, err := pgx.CollectRows(rows, pgx.RowToStructByPos[Event])
	if err != nil {
		return nil, fmt.Errorf("history of submission %d: %w", id, err)
	}
	return events, nil
}

// File describes a file attached to a submission.
type File struct {
	ID        string // its address
	Field     string // the answer it belongs to: "proof", "dogs.1.photo"
	Name      string // as the citizen's computer named it
	MediaType string // sniffed from its content
}

// Files returns the files attached to submission id, by field and name.
func (s *Store) Files(ctx context.Context, id int64) ([]File, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT id::text, field, name, media_type FROM submission_files WHERE submission_id = $1
		ORDER BY field, name, id`, id)
	if err != nil {
		return nil, fmt.Errorf("files of submission %d: %w", id, err)
	}
	files, err := pgx.CollectRows(rows, pgx.RowToStructByPos[File])
	if err != nil {
		return nil, fmt.Errorf("files of submission %d: %w", id, err)
	}
	return files, nil
}

// FileContent returns the file with its content, attached to submission id of the agendas;
// ENOTFOUND when there is none such.
func (s *Store) FileContent(ctx context.Context, agendas []string, id int64, file string) (File, []byte, error) {
	var f File
	var content []byte
	err := s.pool.QueryRow(ctx, `
		SELECT f.id::text, f.field, f.name, f.media_type, f.content
		FROM submission_files f JOIN submissions s ON s.id = f.submission_id
		WHERE `+inAgendas+` AND s.id = $2 AND f.id::text = $3`, agendas, id, file).
		Scan(&f.ID, &f.Field, &f.Name, &f.MediaType, &content)
	if errors.Is(err, pgx.ErrNoRows) {
		return File{}, nil, geo.Errorf(geo.ENOTFOUND, "no file %q of submission %d", file, id)
	}
	if err != nil {
		return File{}, nil, fmt.Errorf("file %q of submission %d: %w", file, id, err)
	}
	return f, content, nil
}

// Clerk is an account holding the clerk role of an agenda.
type Clerk struct {
	ID   int64
	Name string
}

// Clerks returns the accounts holding the clerk role of agenda, by name.
func (s *Store) Clerks(ctx context.Context, agenda string) ([]Clerk, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT a.id, trim(a.given_name || ' ' || a.family_name)
		FROM role_grants g JOIN accounts a ON a.id = g.account_id
		WHERE g.role = 'clerk' AND g.agenda = $1
		ORDER BY a.family_name COLLATE "cs-x-icu", a.given_name COLLATE "cs-x-icu", a.id`, agenda)
	if err != nil {
		return nil, fmt.Errorf("clerks of %s: %w", agenda, err)
	}
	clerks, err := pgx.CollectRows(rows, pgx.RowToStructByPos[Clerk])
	if err != nil {
		return nil, fmt.Errorf("clerks of %s: %w", agenda, err)
	}
	return clerks, nil
}

// FormSubmissions returns the submissions of the form slug in the agendas, oldest first.
func (s *Store) FormSubmissions(ctx context.Context, agendas []string, slug string) ([]Submission, error) {
	rows, err := s.pool.Query(ctx, selectSubmission+inAgendas+` AND v.slug = $2 ORDER BY s.submitted_at, s.id`, agendas, slug)
	if err != nil {
		return nil, fmt.Errorf("submissions of form %s: %w", slug, err)
	}
	subs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Submission, error) { return scanSubmission(row) })
	if err != nil {
		return nil, fmt.Errorf("submissions of form %s: %w", slug, err)
	}
	return subs, nil
}
