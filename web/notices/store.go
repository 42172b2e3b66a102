package notices

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/radnice/radnice/geo"
)

// Store is the notice board in PostgreSQL.
type Store struct {
	pool *pgxpool.Pool
}

// NewStore returns the notice board kept in pool's database.
func NewStore(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

// Notice is one published document of the board.
type Notice struct {
	Slug          string // its address: /uredni-deska/{slug}
	Title         string
	Category      string
	Department    string
	Reference     string // číslo jednací; "" for none
	Posted        time.Time
	RelevantUntil time.Time // the last day on the board
	Description   string
	Attachments   []Attachment // filled by Notice and Export, not by List
}

// Current reports whether n is on the board on the date today, rather than in the archive.
func (n Notice) Current(today time.Time) bool { return !n.RelevantUntil.Before(today) }

// Attachment describes a file published with a notice.
type Attachment struct {
	File      string // its name in the address
	Title     string
	MediaType string
	Size      int64
}

// AttachmentFile is an attachment with its content.
type AttachmentFile struct {
	Attachment
	Content []byte
	SHA256  []byte
}

// Board says which part of the board a query reads: the current notices or the archive.
type Board int

// The parts of the board.
const (
	CurrentBoard Board = iota // posted and still relevant
	Archive                   // relevant until a day before today
)

// Filter selects notices of one part of the board as of a day; zero fields select all.
type Filter struct {
	Board      Board
	Today      time.Time // the civil date the board is shown for
	Category   string
	Department string
	Year       int    // of posting
	Query      string // words the notices must all contain, ignoring case and diacritics
}

// Facets are the values a filter can take on a part of the board: every category,
// department and year of posting found there, in Czech order (years newest first).
type Facets struct {
	Categories, Departments []string
	Years                   []int
}

// onBoard is the WHERE clause of the notices a filter's part of the board holds: published,
// posted by $1 (today) and, as $2 says, still relevant ($2 true) or not.
const onBoard = `n.state = 'published' AND n.posted_on <= $1 AND (n.relevant_until >= $1) = $2`

// List returns the notices the filter selects, newest first, limit of them after skipping
// offset, and how many it selects in all.
func (s *Store) List(ctx context.Context, f Filter, limit, offset int) ([]Notice, int, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT n.slug, n.title, n.category, n.department, n.reference, n.posted_on, n.relevant_until, count(*) OVER ()
		FROM notices n
		WHERE `+onBoard+`
		  AND ($3 = '' OR n.category = $3)
		  AND ($4 = '' OR n.department = $4)
		  AND ($5 = 0 OR n.posted_on >= make_date($5, 1, 1) AND n.posted_on < make_date($5 + 1, 1, 1))
		  AND n.search_text LIKE ALL ($6::text[])
		ORDER BY n.posted_on DESC, n.id DESC
		LIMIT $7 OFFSET $8`,
		f.Today, f.Board == CurrentBoard, f.Category, f.Department, f.Year, searchPatterns(f.Query), limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("list notices: %w", err)
	}
	total := 0
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Notice, error) {
		var n Notice
		err := row.Scan(&n.Slug, &n.Title, &n.Category, &n.Department, &n.Reference, &n.Posted, &n.RelevantUntil, &total)
		return n, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("list notices: %w", err)
	}
	return list, total, nil
}

// searchPatterns turns a search text into LIKE patterns, one per word as the database folds
// its text. Czech inflects its words (rozpočet, rozpočtu, rozpočtové), so a word of letters is
// looked for by its start: all but its last two letters, at least four. Words with digits
// (years, reference numbers) are looked for whole. Folded words hold only letters, digits and
// '/': nothing LIKE would read specially.
func searchPatterns(q string) []string {
	words := strings.Fields(geo.Fold(q))
	patterns := make([]string, len(words))
	for i, w := range words {
		if r := []rune(w); len(r) > 4 && !strings.ContainsAny(w, "0123456789/") {
			w = string(r[:max(4, len(r)-2)])
		}
		patterns[i] = "%" + w + "%"
	}
	return patterns
}

// czechOrder sorts names as a Czech reader expects ("Č" after "C", "Ch" after "H").
var czechOrder = collate.New(language.Czech)

// Facets returns the categories, departments and years of posting on a part of the board.
func (s *Store) Facets(ctx context.Context, board Board, today time.Time) (Facets, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT DISTINCT n.category, n.department, extract(year FROM n.posted_on)::int
		FROM notices n WHERE `+onBoard, today, board == CurrentBoard)
	if err != nil {
		return Facets{}, fmt.Errorf("notice board facets: %w", err)
	}
	var f Facets
	var category, department string
	var year int
	_, err = pgx.ForEachRow(rows, []any{&category, &department, &year}, func() error {
		f.Categories = append(f.Categories, category)
		f.Departments = append(f.Departments, department)
		f.Years = append(f.Years, year)
		return nil
	})
	if err != nil {
		return Facets{}, fmt.Errorf("notice board facets: %w", err)
	}
	for _, names := range []*[]string{&f.Categories, &f.Departments} {
		slices.SortFunc(*names, czechOrder.CompareString)
		*names = slices.Compact(*names)
	}
	slices.Sort(f.Years)
	slices.Reverse(f.Years)
	f.Years = slices.Compact(f.Years)
	return f, nil
}

// Notice returns the published notice with the slug and its attachments, as of the date
// today: a notice posted later is not found yet, and a withdrawn one is a *WithdrawnError.
func (s *Store) Notice(ctx context.Context, slug string, today time.Time) (Notice, error) {
	var n Notice
	var id int64
	var withdrawn *time.Time
	err := s.pool.QueryRow(ctx, `
		SELECT id, slug, title, category, department, reference, posted_on, relevant_until, description, withdrawn_at
		FROM notices WHERE slug = $1 AND state IN ('published', 'withdrawn') AND posted_on <= $2`, slug, today).
		Scan(&id, &n.Slug, &n.Title, &n.Category, &n.Department, &n.Reference, &n.Posted, &n.RelevantUntil, &n.Description, &withdrawn)
	if errors.Is(err, pgx.ErrNoRows) {
		return Notice{}, geo.Errorf(geo.ENOTFOUND, "Dokument úřední desky nenalezen.")
	}
	if err != nil {
		return Notice{}, fmt.Errorf("notice %s: %w", slug, err)
	}
	if withdrawn != nil {
		return Notice{}, &WithdrawnError{On: geo.PragueDate(*withdrawn)}
	}
	byNotice, err := attachments(ctx, s.pool, []int64{id})
	n.Attachments = byNotice[id]
	return n, err
}

// WithdrawnError is the answer for a notice the office has taken down before its time: its
// address says so, without its content.
type WithdrawnError struct {
	On time.Time // the civil date it was withdrawn
}

func (e *WithdrawnError) Error() string {
	return "the notice was withdrawn on " + e.On.Format(time.DateOnly)
}

// querier is what reads the board: the pool, or a transaction that changes it.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// attachments returns the attachments of the notices ids, by notice, in their order.
func attachments(ctx context.Context, q querier, ids []int64) (map[int64][]Attachment, error) {
	rows, err := q.Query(ctx, `
		SELECT notice_id, file_name, title, media_type, size FROM notice_attachments
		WHERE notice_id = ANY ($1) ORDER BY notice_id, position`, ids)
	if err != nil {
		return nil, fmt.Errorf("notice attachments: %w", err)
	}
	out := map[int64][]Attachment{}
	var id int64
	var a Attachment
	_, err = pgx.ForEachRow(rows, []any{&id, &a.File, &a.Title, &a.MediaType, &a.Size}, func() error {
		out[id] = append(out[id], a)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("notice attachments: %w", err)
	}
	return out, nil
}

// AttachmentFile returns the attachment file of the published notice slug, as of today.
func (s *Store) AttachmentFile(ctx context.Context, slug, file string, today time.Time) (AttachmentFile, error) {
	var a AttachmentFile
	err := s.pool.QueryRow(ctx, `
		SELECT a.file_name, a.title, a.media_type, a.size, a.content, a.sha256
		FROM notice_attachments a JOIN notices n ON n.id = a.notice_id
		WHERE n.slug = $1 AND a.file_name = $2 AND n.state = 'published' AND n.posted_on <= $3`, slug, file, today).
		Scan(&a.File, &a.Title, &a.MediaType, &a.Size, &a.Content, &a.SHA256)
	if errors.Is(err, pgx.ErrNoRows) {
		return a, geo.Errorf(geo.ENOTFOUND, "Příloha nenalezena.")
	}
	if err != nil {
		return a, fmt.Errorf("notice %s attachment %s: %w", slug, file, err)
	}
	return a, nil
}

// Export returns every notice on the current board as of today, newest first, with its text
// and attachments: the board as open data.
func (s *Store) Export(ctx context.Context, today time.Time) ([]Notice, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT n.id, n.slug, n.title, n.category, n.department, n.reference, n.posted_on, n.relevant_until, n.description
		FROM notices n WHERE `+onBoard+`
		ORDER BY n.posted_on DESC, n.id DESC`, today, true)
	if err != nil {
		return nil, fmt.Errorf("export notices: %w", err)
	}
	var ids []int64
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Notice, error) {
		var n Notice
		var id int64
		err := row.Scan(&id, &n.Slug, &n.Title, &n.Category, &n.Department, &n.Reference, &n.Posted, &n.RelevantUntil, &n.Description)
		ids = append(ids, id)
		return n, err
	})
	if err != nil {
		return nil, fmt.Errorf("export notices: %w", err)
	}
	byNotice, err := attachments(ctx, s.pool, ids)
	for i := range list {
		list[i].Attachments = byNotice[ids[i]]
	}
	return list, err
}
