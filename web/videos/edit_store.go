package videos

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/radnice/radnice/datasets/videos"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/audit"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/editorial"
)

// GuideFields are what an editor writes of a guide.
type GuideFields struct {
	Title, Category, Description string
	Duration                     time.Duration
	Captions                     string // a WebVTT file that videos.ParseVTT accepts
	Situations                   []videos.Situation
}

// Editable is a guide in any state, as the editors' screens see it.
type Editable struct {
	Slug  string
	State editorial.State
	GuideFields
	PublishedOn time.Time // zero until it is first published
	Video       FileInfo  // of zero Size until a file is uploaded
	UpdatedAt   time.Time
}

// Publishing needs the video file and captions with at least one cue.
var (
	ErrNoVideo    = geo.Errorf(geo.EINVALID, "the guide has no video file")
	ErrNoCaptions = geo.Errorf(geo.EINVALID, "the guide has no captions")
)

// querier reads the guides: the pool, or a transaction that changes them.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// editableColumns are what scanEditable reads, of the guides g left joined with their files f.
const editableColumns = `g.slug, g.state, g.title, g.category, g.description, g.duration_ms, g.captions,
	g.published_on, g.updated_at, coalesce(f.content_type, ''), coalesce(f.sha256, ''), coalesce(f.size, 0), coalesce(f.updated_at, g.updated_at)`

func scanEditable(row pgx.Row) (Editable, error) {
	var e Editable
	var ms int64
	var publishedOn *time.Time
	err := row.Scan(&e.Slug, &e.State, &e.Title, &e.Category, &e.Description, &ms, &e.Captions, &publishedOn, &e.UpdatedAt,
		&e.Video.ContentType, &e.Video.SHA256, &e.Video.Size, &e.Video.UpdatedAt)
	e.Duration = time.Duration(ms) * time.Millisecond
	if publishedOn != nil {
		e.PublishedOn = *publishedOn
	}
	return e, err
}

// EditorList returns the guides in every state, newest first (those never published first).
func (s *Store) EditorList(ctx context.Context) ([]Editable, error) {
	rows, err := s.db.Query(ctx, `
		SELECT `+editableColumns+` FROM video_guides g LEFT JOIN video_files f ON f.guide = g.slug
		ORDER BY g.published_on DESC NULLS FIRST, g.slug`)
	if err != nil {
		return nil, fmt.Errorf("list video guides for editors: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Editable, error) { return scanEditable(row) })
	if err != nil {
		return nil, fmt.Errorf("list video guides for editors: %w", err)
	}
	return list, nil
}

// Editable returns the guide slug in any state with its situations; ENOTFOUND when there is none.
func (s *Store) Editable(ctx context.Context, slug string) (Editable, error) {
	return readEditable(ctx, s.db, slug, "")
}

// readEditable reads the guide slug with its situations; lock is "" or "FOR UPDATE OF g".
func readEditable(ctx context.Context, q querier, slug, lock string) (Editable, error) {
	e, err := scanEditable(q.QueryRow(ctx, `
		SELECT `+editableColumns+` FROM video_guides g LEFT JOIN video_files f ON f.guide = g.slug
		WHERE g.slug = $1 `+lock, slug))
	if err != nil {
		return e, notFound(err, "get video guide %s", slug)
	}
	rows, err := q.Query(ctx, `SELECT situation, title FROM video_guide_situations WHERE guide = $1 ORDER BY position`, slug)
	if err != nil {
		return e, fmt.Errorf("get situations of video guide %s: %w", slug, err)
	}
	if e.Situations, err = pgx.CollectRows(rows, pgx.RowToStructByPos[videos.Situation]); err != nil {
		return e, fmt.Errorf("get situations of video guide %s: %w", slug, err)
	}
	return e, nil
}

// reservedSlugs are addresses the editors' screens use themselves.
var reservedSlugs = []string{"novy"}

// Create writes a new draft guide, addressed by its title, and returns its address.
func (s *Store) Create(ctx context.Context, u *auth.User, f GuideFields) (string, error) {
	var slug string
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		base := editorial.Slug(f.Title, 60)
		if base == "" {
			base = "videonavod"
		}
		for n := 1; slug == ""; n++ {
			candidate := base
			if n > 1 {
				candidate += "-" + strconv.Itoa(n)
			}
			if slices.Contains(reservedSlugs, candidate) {
				continue
			}
			err := tx.QueryRow(ctx, `
				INSERT INTO video_guides (slug, state, title, category, description, duration_ms, captions)
				VALUES ($1, 'draft', $2, $3, $4, $5, $6) ON CONFLICT (slug) DO NOTHING RETURNING slug`,
				candidate, f.Title, f.Category, f.Description, f.Duration.Milliseconds(), f.Captions).Scan(&slug)
			if err != nil && !errors.Is(err, pgx.ErrNoRows) {
				return fmt.Errorf("create video guide %s: %w", candidate, err)
			}
		}
		if err := writeSituations(ctx, tx, slug, f.Situations); err != nil {
			return err
		}
		return recordChange(ctx, tx, u, "video.create", slug, nil)
	})
	return slug, err
}

// Update rewrites what the editor writes of the guide slug, keeping its state and video file.
func (s *Store) Update(ctx context.Context, u *auth.User, slug string, f GuideFields) error {
	return s.change(ctx, u, "video.update", slug, func(tx pgx.Tx, _ Editable) error {
		_, err := tx.Exec(ctx, `
			UPDATE video_guides SET title = $2, category = $3, description = $4, duration_ms = $5, captions = $6, updated_at = now()
			WHERE slug = $1`, slug, f.Title, f.Category, f.Description, f.Duration.Milliseconds(), f.Captions)
		if err != nil {
			return err
		}
		return writeSituations(ctx, tx, slug, f.Situations)
	})
}

// writeSituations makes list the life situations the guide slug links to, in its order.
func writeSituations(ctx context.Context, tx pgx.Tx, slug string, list []videos.Situation) error {
	if _, err := tx.Exec(ctx, `DELETE FROM video_guide_situations WHERE guide = $1`, slug); err != nil {
		return fmt.Errorf("situations of video guide %s: %w", slug, err)
	}
	for i, sit := range list {
		_, err := tx.Exec(ctx, `INSERT INTO video_guide_situations (guide, position, situation, title) VALUES ($1, $2, $3, $4)`,
			slug, i+1, sit.Slug, sit.Title)
		if err != nil {
			return fmt.Errorf("situations of video guide %s: %w", slug, err)
		}
	}
	return nil
}

// SetState moves the guide slug to the state to, if its state leads there (EINVALID
// otherwise). Publishing needs its video file (ErrNoVideo) and captions (ErrNoCaptions), and
// dates a guide never published before today.
func (s *Store) SetState(ctx context.Context, u *auth.User, slug string, to editorial.State, today time.Time) error {
	return s.change(ctx, u, "video."+to.Verb(), slug, func(tx pgx.Tx, e Editable) error {
		if !slices.Contains(e.State.Transitions(), to) {
			return geo.Errorf(geo.EINVALID, "a %s guide cannot become %s", e.State, to)
		}
		if to == editorial.Published {
			if e.Video.Size == 0 {
				return ErrNoVideo
			}
			if cues, err := videos.ParseVTT(slug+".vtt", []byte(e.Captions)); err != nil || len(cues) == 0 {
				return ErrNoCaptions
			}
		}
		_, err := tx.Exec(ctx, `
			UPDATE video_guides SET state = $2, updated_at = now(),
				published_on = CASE WHEN $2 = 'published' THEN coalesce(published_on, $3) ELSE published_on END
			WHERE slug = $1`, slug, to, today)
		return err
	})
}

// ReplaceVideo makes data, of contentType (video/webm or video/mp4), the video file of the
// guide slug.
func (s *Store) ReplaceVideo(ctx context.Context, u *auth.User, slug, contentType string, data []byte) error {
	return s.change(ctx, u, "video.file_replace", slug, func(tx pgx.Tx, _ Editable) error {
		sum := sha256.Sum256(data)
		_, err := tx.Exec(ctx, `
			INSERT INTO video_files (guide, content_type, sha256, size, data) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (guide) DO UPDATE SET content_type = EXCLUDED.content_type, sha256 = EXCLUDED.sha256,
				size = EXCLUDED.size, data = EXCLUDED.data, updated_at = now()`,
			slug, contentType, sum[:], len(data), data)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE video_guides SET updated_at = now() WHERE slug = $1`, slug)
		return err
	})
}

// change runs apply on the guide slug, locked, in a transaction that records the action with
// the guide before and after in the audit log.
func (s *Store) change(ctx context.Context, u *auth.User, action, slug string, apply func(pgx.Tx, Editable) error) error {
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		before, err := readEditable(ctx, tx, slug, "FOR UPDATE OF g")
		if err != nil {
			return err
		}
		if err := apply(tx, before); err != nil {
			return err
		}
		b := before.audited()
		return recordChange(ctx, tx, u, action, slug, &b)
	})
	if err != nil {
		return fmt.Errorf("%s %s: %w", action, slug, err)
	}
	return nil
}

// recordChange writes the action on the guide slug to the audit log, with the guide as it is now.
func recordChange(ctx context.Context, tx pgx.Tx, u *auth.User, action, slug string, before *auditGuide) error {
	after, err := readEditable(ctx, tx, slug, "")
	if err != nil {
		return err
	}
	var b any
	if before != nil {
		b = before
	}
	return audit.Record(ctx, tx, u.Audit(action, "video:"+slug, b, after.audited()))
}

// auditGuide is a guide as the audit log keeps it: what the editor writes, its state, and its
// captions and video file described by their size and hash (never their content).
type auditGuide struct {
	State          editorial.State `json:"state"`
	Title          string          `json:"title"`
	Category       string          `json:"category"`
	Description    string          `json:"description"`
	Duration       string          `json:"duration"`
	PublishedOn    string          `json:"published_on"`
	CaptionsSHA256 string          `json:"captions_sha256"`
	Situations     []string        `json:"situations"`
	VideoType      string          `json:"video_type"`
	VideoSize      int64           `json:"video_size"`
	VideoSHA256    string          `json:"video_sha256"`
}

// audited is e as the audit log keeps it.
func (e Editable) audited() auditGuide {
	captions := sha256.Sum256([]byte(e.Captions))
	a := auditGuide{State: e.State, Title: e.Title, Category: e.Category, Description: e.Description,
		Duration: videos.FormatDuration(e.Duration), CaptionsSHA256: hex.EncodeToString(captions[:]), Situations: []string{},
		VideoType: e.Video.ContentType, VideoSize: e.Video.Size, VideoSHA256: hex.EncodeToString(e.Video.SHA256)}
	if !e.PublishedOn.IsZero() {
		a.PublishedOn = e.PublishedOn.Format(time.DateOnly)
	}
	for _, s := range e.Situations {
		a.Situations = append(a.Situations, s.Slug)
	}
	return a
}

// SituationGroup is a category of life situations a guide can link to.
type SituationGroup struct {
	Category   string
	Situations []videos.Situation
}

// SituationChoices are the published life situations (web/situations), by category in the
// signpost's order, each in Czech alphabetical order: what a guide can link to.
func (s *Store) SituationChoices(ctx context.Context) ([]SituationGroup, error) {
	rows, err := s.db.Query(ctx, `
		SELECT c.title, s.slug, s.title FROM situations s JOIN situation_categories c ON c.slug = s.category
		WHERE s.state = 'published' ORDER BY c.position, c.slug`)
	if err != nil {
		return nil, fmt.Errorf("life situations to link: %w", err)
	}
	var out []SituationGroup
	var category string
	var sit videos.Situation
	_, err = pgx.ForEachRow(rows, []any{&category, &sit.Slug, &sit.Title}, func() error {
		if len(out) == 0 || out[len(out)-1].Category != category {
			out = append(out, SituationGroup{Category: category})
		}
		g := &out[len(out)-1]
		g.Situations = append(g.Situations, sit)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("life situations to link: %w", err)
	}
	byTitle := collate.New(language.Czech)
	for _, g := range out {
		slices.SortFunc(g.Situations, func(a, b videos.Situation) int { return byTitle.CompareString(a.Title, b.Title) })
	}
	return out, nil
}
