package forms

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/formdefs"
	"github.com/radnice/radnice/geo"
)

// Store keeps the forms' versions, the drafts people fill in and the submissions they file,
// in PostgreSQL.
type Store struct {
	pool *pgxpool.Pool
	// parsed holds the definitions read back from stored versions, by version id: a version
	// never changes, so each is parsed once.
	parsed sync.Map
}

// NewStore returns the store of the forms in pool's database.
func NewStore(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

// Form is one version of a form.
type Form struct {
	ID      int64 // of the version (form_versions.id)
	Version int
	*formdefs.Definition
}

// Path is the form's page, in Czech.
func (f Form) Path() string { return FormPath(f.Slug) }

// FormPath is the page of the form slug, in Czech: the address life situations link to.
func FormPath(slug string) string { return "/formulare/" + slug }

// Publish stores defs as the forms on offer, all or nothing: each as a new version when its
// file is new, as the version it was before when not. Every other version of those forms, and
// every form defs lacks, is withdrawn. It returns how many forms are on offer.
func (s *Store) Publish(ctx context.Context, defs []*formdefs.Definition) (int, error) {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		slugs := make([]string, len(defs))
		for i, d := range defs {
			slugs[i] = d.Slug
			definition, err := json.Marshal(d)
			if err != nil {
				return fmt.Errorf("store the form %s: %w", d.Slug, err)
			}
			var id int64
			err = tx.QueryRow(ctx, `SELECT id FROM form_versions WHERE slug = $1 AND hash = $2`, d.Slug, d.Hash).Scan(&id)
			if errors.Is(err, pgx.ErrNoRows) {
				err = tx.QueryRow(ctx, `
					INSERT INTO form_versions (slug, version, hash, title, agenda, anonymous, definition, source)
					SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6, $7 FROM form_versions WHERE slug = $1
					RETURNING id`,
					d.Slug, d.Hash, d.Title, d.Agenda, d.Anonymous, definition, d.Source).Scan(&id)
			}
			if err != nil {
				return fmt.Errorf("store the form %s: %w", d.Slug, err)
			}
			if _, err := tx.Exec(ctx, `
				UPDATE form_versions SET state = CASE WHEN id = $2 THEN 'published' ELSE 'withdrawn' END
				WHERE slug = $1 AND state <> CASE WHEN id = $2 THEN 'published' ELSE 'withdrawn' END`, d.Slug, id); err != nil {
				return fmt.Errorf("offer the form %s: %w", d.Slug, err)
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE form_versions SET state = 'withdrawn' WHERE state = 'published' AND slug <> ALL ($1)`, slugs); err != nil {
			return fmt.Errorf("withdraw the forms no longer offered: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(defs), nil
}

// Current is the version of the form slug on offer; ENOTFOUND when none is.
func (s *Store) Current(ctx context.Context, slug string) (Form, error) {
	forms, err := s.read(ctx, `SELECT id, version FROM form_versions WHERE slug = $1 AND state = 'published'`, slug)
	if err != nil {
		return Form{}, err
	}
	if len(forms) == 0 {
		return Form{}, geo.Errorf(geo.ENOTFOUND, "No form %q is on offer.", slug)
	}
	return forms[0], nil
}

// Version is the form version id, whether on offer or not; ENOTFOUND when there is none.
func (s *Store) Version(ctx context.Context, id int64) (Form, error) {
	forms, err := s.read(ctx, `SELECT id, version FROM form_versions WHERE id = $1`, id)
	if err != nil {
		return Form{}, err
	}
	if len(forms) == 0 {
		return Form{}, geo.Errorf(geo.ENOTFOUND, "No form version %d.", id)
	}
	return forms[0], nil
}

// Offered are the versions of every form on offer, by slug.
func (s *Store) Offered(ctx context.Context) ([]Form, error) {
	return s.read(ctx, `SELECT id, version FROM form_versions WHERE state = 'published' ORDER BY slug`)
}

// read reads the versions a query of (id, version) selects, with their definitions:
// those not parsed before are read from their sources, once.
func (s *Store) read(ctx context.Context, query string, args ...any) ([]Form, error) {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("read forms: %w", err)
	}
	var f Form
	var out []Form
	var missing []int64
	_, err = pgx.ForEachRow(rows, []any{&f.ID, &f.Version}, func() error {
		f.Definition = nil
		if d, ok := s.parsed.Load(f.ID); ok {
			f.Definition = d.(*formdefs.Definition)
		} else {
			missing = append(missing, f.ID)
		}
		out = append(out, f)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read forms: %w", err)
	}
	if len(missing) == 0 {
		return out, nil
	}
	if err := s.parse(ctx, missing); err != nil {
		return nil, err
	}
	for i := range out {
		d, ok := s.parsed.Load(out[i].ID)
		if !ok {
			return nil, fmt.Errorf("read the form version %d: its source is gone", out[i].ID)
		}
		out[i].Definition = d.(*formdefs.Definition)
	}
	return out, nil
}

// parse reads the definitions of the versions ids from their sources into the store's cache.
func (s *Store) parse(ctx context.Context, ids []int64) error {
	rows, err := s.pool.Query(ctx, `SELECT id, slug, source FROM form_versions WHERE id = ANY ($1)`, ids)
	if err != nil {
		return fmt.Errorf("read form sources: %w", err)
	}
	var id int64
	var slug, source string
	_, err = pgx.ForEachRow(rows, []any{&id, &slug, &source}, func() error {
		d, err := formdefs.Parse(slug+formdefs.Ext, []byte(source))
		if err != nil {
			return fmt.Errorf("read the stored form version %d: %w", id, err)
		}
		s.parsed.Store(id, d)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read form sources: %w", err)
	}
	return nil
}
