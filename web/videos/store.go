package videos

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/videos"
	"github.com/radnice/radnice/geo"
)

// Store is the PostgreSQL store of video guides (migration 0007_videos).
type Store struct {
	db *pgxpool.Pool
}

// NewStore returns the video guide store over pool.
func NewStore(pool *pgxpool.Pool) *Store { return &Store{db: pool} }

// Summary is a published guide as the catalogue lists it.
type Summary struct {
	Slug, Title, Description string
	Category                 string // "" for none
	Duration                 time.Duration
	PublishedOn              time.Time
}

// Guide is a published guide as its page shows it.
type Guide struct {
	Summary
	Cues       []videos.Cue
	Situations []videos.Situation
	Video      FileInfo
}

// FileInfo describes a stored video file; Store.OpenVideo reads it.
type FileInfo struct {
	ContentType string
	SHA256      []byte
	Size        int64
	UpdatedAt   time.Time
}

// Captions is a published guide's WebVTT file.
type Captions struct {
	VTT       string
	UpdatedAt time.Time
}

// Item is a guide with its video file, as Replace takes it.
type Item struct {
	videos.Guide
	Video videos.Video
}

// Replace makes items the store's guides, in one transaction: guides not among them are
// deleted, changed ones updated (with updated_at), unchanged ones left as they were. Whether a
// guide is published is not the content files' to say: new guides are, others keep their state.
func (s *Store) Replace(ctx context.Context, items []Item) error {
	return pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		slugs := make([]string, len(items))
		for i, it := range items {
			slugs[i] = it.Slug
		}
		if _, err := tx.Exec(ctx, `DELETE FROM video_guides WHERE slug <> ALL($1)`, slugs); err != nil {
			return fmt.Errorf("delete video guides: %w", err)
		}
		for _, it := range items {
			if err := replaceItem(ctx, tx, it); err != nil {
				return fmt.Errorf("store video guide %s: %w", it.Slug, err)
			}
		}
		return nil
	})
}

func replaceItem(ctx context.Context, tx pgx.Tx, it Item) error {
	_, err := tx.Exec(ctx, `
		INSERT INTO video_guides (slug, title, description, duration_ms, captions, published_on)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (slug) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
			duration_ms = EXCLUDED.duration_ms, captions = EXCLUDED.captions,
			published_on = EXCLUDED.published_on, updated_at = now()
		WHERE (video_guides.title, video_guides.description, video_guides.duration_ms, video_guides.captions, video_guides.published_on)
			IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.description, EXCLUDED.duration_ms, EXCLUDED.captions, EXCLUDED.published_on)`,
		it.Slug, it.Title, it.Description, it.Duration.Milliseconds(), string(it.Captions), it.Published)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM video_guide_situations WHERE guide = $1`, it.Slug); err != nil {
		return err
	}
	for i, sit := range it.Situations {
		_, err := tx.Exec(ctx, `INSERT INTO video_guide_situations (guide, position, situation, title) VALUES ($1, $2, $3, $4)`,
			it.Slug, i+1, sit.Slug, sit.Title)
		if err != nil {
			return err
		}
	}
	sum := sha256.Sum256(it.Video.Data)
	_, err = tx.Exec(ctx, `
		INSERT INTO video_files (guide, content_type, sha256, size, data) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (guide) DO UPDATE SET content_type = EXCLUDED.content_type, sha256 = EXCLUDED.sha256,
			size = EXCLUDED.size, data = EXCLUDED.data, updated_at = now()
		WHERE (video_files.content_type, video_files.sha256) IS DISTINCT FROM (EXCLUDED.content_type, EXCLUDED.sha256)`,
		it.Slug, it.Video.ContentType, sum[:], len(it.Video.Data), it.Video.Data)
	return err
}

// List returns the published guides, newest first.
func (s *Store) List(ctx context.Context) ([]Summary, error) {
	rows, err := s.db.Query(ctx, `
		SELECT slug, title, description, category, duration_ms, published_on FROM video_guides
		WHERE state = 'published' ORDER BY published_on DESC, slug`)
	if err != nil {
		return nil, fmt.Errorf("list video guides: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Summary, error) {
		var g Summary
		var ms int64
		err := row.Scan(&g.Slug, &g.Title, &g.Description, &g.Category, &ms, &g.PublishedOn)
		g.Duration = time.Duration(ms) * time.Millisecond
		return g, err
	})
	if err != nil {
		return nil, fmt.Errorf("list video guides: %w", err)
	}
	return out, nil
}

// Get returns the published guide slug with its cues, situations and video file's description.
func (s *Store) Get(ctx context.Context, slug string) (Guide, error) {
	return s.guide(ctx, slug, true)
}

// guide reads the guide slug, published or, unless publishedOnly, in any state: a draft may
// have no video file yet (a zero Video) and no publication date.
func (s *Store) guide(ctx context.Context, slug string, publishedOnly bool) (Guide, error) {
	var g Guide
	var ms int64
	var vtt string
	var publishedOn *time.Time
	err := s.db.QueryRow(ctx, `
		SELECT g.slug, g.title, g.description, g.category, g.duration_ms, g.published_on, g.captions,
			coalesce(f.content_type, ''), coalesce(f.sha256, ''), coalesce(f.size, 0), coalesce(f.updated_at, g.updated_at)
		FROM video_guides g LEFT JOIN video_files f ON f.guide = g.slug
		WHERE g.slug = $1 AND (g.state = 'published' OR NOT $2)`, slug, publishedOnly).
		Scan(&g.Slug, &g.Title, &g.Description, &g.Category, &ms, &publishedOn, &vtt,
			&g.Video.ContentType, &g.Video.SHA256, &g.Video.Size, &g.Video.UpdatedAt)
	if err != nil {
		return Guide{}, notFound(err, "get video guide %s", slug)
	}
	g.Duration = time.Duration(ms) * time.Millisecond
	if publishedOn != nil {
		g.PublishedOn = *publishedOn
	}
	// Stored captions passed ParseVTT when they were loaded or edited.
	if g.Cues, err = videos.ParseVTT(slug+".vtt", []byte(vtt)); err != nil {
		return Guide{}, fmt.Errorf("get video guide %s: %w", slug, err)
	}
	if g.Situations, err = s.situations(ctx, slug); err != nil {
		return Guide{}, err
	}
	return g, nil
}

// situations are the life situations the guide slug links to, in order.
func (s *Store) situations(ctx context.Context, slug string) ([]videos.Situation, error) {
	rows, err := s.db.Query(ctx, `SELECT situation, title FROM video_guide_situations WHERE guide = $1 ORDER BY position`, slug)
	if err != nil {
		return nil, fmt.Errorf("get situations of video guide %s: %w", slug, err)
	}
	list, err := pgx.CollectRows(rows, pgx.RowToStructByPos[videos.Situation])
	if err != nil {
		return nil, fmt.Errorf("get situations of video guide %s: %w", slug, err)
	}
	return list, nil
}

// Captions returns the WebVTT file of the published guide slug.
func (s *Store) Captions(ctx context.Context, slug string) (Captions, error) {
	return s.captions(ctx, slug, true)
}

// captions reads the WebVTT file of the guide slug, published or, unless publishedOnly, in any state.
func (s *Store) captions(ctx context.Context, slug string, publishedOnly bool) (Captions, error) {
	var c Captions
	err := s.db.QueryRow(ctx, `SELECT captions, updated_at FROM video_guides WHERE slug = $1 AND (state = 'published' OR NOT $2)`, slug, publishedOnly).
		Scan(&c.VTT, &c.UpdatedAt)
	if err != nil {
		return Captions{}, notFound(err, "get captions of video guide %s", slug)
	}
	return c, nil
}

// VideoInfo describes the video file of the published guide slug.
func (s *Store) VideoInfo(ctx context.Context, slug string) (FileInfo, error) {
	return s.videoInfo(ctx, slug, true)
}

// videoInfo describes the video file of the guide slug, published or, unless publishedOnly, in any state.
func (s *Store) videoInfo(ctx context.Context, slug string, publishedOnly bool) (FileInfo, error) {
	var f FileInfo
	err := s.db.QueryRow(ctx, `
		SELECT f.content_type, f.sha256, f.size, f.updated_at
		FROM video_files f JOIN video_guides g ON g.slug = f.guide
		WHERE f.guide = $1 AND (g.state = 'published' OR NOT $2)`, slug, publishedOnly).
		Scan(&f.ContentType, &f.SHA256, &f.Size, &f.UpdatedAt)
	if err != nil {
		return FileInfo{}, notFound(err, "get video file of guide %s", slug)
	}
	return f, nil
}

// notFound turns "no rows" into the ENOTFOUND error pages and APIs answer 404 for; other errors
// are wrapped with what was being done.
func notFound(err error, format string, args ...any) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return geo.Errorf(geo.ENOTFOUND, "No such video guide.")
	}
	return fmt.Errorf(format+": %w", append(args, err)...)
}
