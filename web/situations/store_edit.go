package situations

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/radnice/radnice/datasets/situations"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/audit"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/editorial"
)

// Edit is a situation as its editors see it, in any state; it is also what the audit log
// records of it.
type Edit struct {
	Situation
	State     editorial.State
	UpdatedAt time.Time `json:"-"`
}

// Listed is a situation as the editors' list shows it.
type Listed struct {
	Slug, Title, CategoryTitle string
	State                      editorial.State
	UpdatedAt                  time.Time
}

// ListFilter narrows the editors' list; the zero value lists every situation.
type ListFilter struct {
	State    editorial.State // "": every state
	Category string          // "": every category
}

// errSlugTaken is a new slug that another situation has.
var errSlugTaken = errors.New("the slug is another life situation's")

// List is the situations in every state that f lets through, in Czech alphabetical order.
func (s *Store) List(ctx context.Context, f ListFilter) ([]Listed, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT s.slug, s.title, c.title, s.state, s.updated_at
		FROM situations s
		JOIN situation_categories c ON c.slug = s.category
		WHERE ($1 = '' OR s.state = $1) AND ($2 = '' OR s.category = $2)
		ORDER BY s.title COLLATE "cs-x-icu", s.slug`, string(f.State), f.Category)
	if err != nil {
		return nil, fmt.Errorf("list life situations: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Listed, error) {
		var l Listed
		err := row.Scan(&l.Slug, &l.Title, &l.CategoryTitle, &l.State, &l.UpdatedAt)
		return l, err
	})
	if err != nil {
		return nil, fmt.Errorf("list life situations: %w", err)
	}
	return out, nil
}

// AllCategories are every category in the signpost's order, without counts: those a situation
// can be put in.
func (s *Store) AllCategories(ctx context.Context) ([]Category, error) {
	rows, err := s.pool.Query(ctx, `SELECT slug, title, description FROM situation_categories ORDER BY position, slug`)
	if err != nil {
		return nil, fmt.Errorf("read the categories of life situations: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Category, error) {
		var c Category
		err := row.Scan(&c.Slug, &c.Title, &c.Description)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("read the categories of life situations: %w", err)
	}
	return out, nil
}

// Edited is the situation slug in any state; ENOTFOUND when there is none.
func (s *Store) Edited(ctx context.Context, slug string) (Edit, error) {
	return readSituation(ctx, s.pool, slug, "true", false)
}

// Create writes sit as a new draft, on behalf of by; errSlugTaken when its slug is taken.
func (s *Store) Create(ctx context.Context, by *auth.User, sit situations.Situation) error {
	return s.edit(ctx, func(tx pgx.Tx) error {
		batch := &pgx.Batch{}
		queueSituation(batch, sit, editorial.Draft)
		if err := tx.SendBatch(ctx, batch).Close(); err != nil {
			return err
		}
		after := Edit{Situation: Situation{Situation: sit}, State: editorial.Draft}
		return audit.Record(ctx, tx, by.Audit("situation.create", auditObject(sit.Slug), nil, after))
	})
}

// Update replaces the content of the situation slug with sit, keeping its state, on behalf of
// by. sit.Slug may differ from slug (the situation moves, with its links); errSlugTaken when
// another situation has it.
func (s *Store) Update(ctx context.Context, by *auth.User, slug string, sit situations.Situation) error {
	return s.edit(ctx, func(tx pgx.Tx) error {
		before, err := readSituation(ctx, tx, slug, "true", true)
		if err != nil {
			return err
		}
		batch := &pgx.Batch{}
		batch.Queue(`
			UPDATE situations SET (`+situationColumns+`, updated_at)
				= ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, now())
			WHERE slug = $1`, append([]any{slug}, situationValues(sit)...)...)
		batch.Queue(`DELETE FROM situation_links WHERE situation = $1`, sit.Slug)
		queueLinks(batch, sit)
		if err := tx.SendBatch(ctx, batch).Close(); err != nil {
			return err
		}
		after := Edit{Situation: Situation{Situation: sit}, State: before.State}
		return audit.Record(ctx, tx, by.Audit("situation.update", auditObject(slug), before, after))
	})
}

// SetState moves the situation slug to the state to, on behalf of by; EINVALID when its
// current state does not lead there (someone else moved it meanwhile).
func (s *Store) SetState(ctx context.Context, by *auth.User, slug string, to editorial.State) error {
	return s.edit(ctx, func(tx pgx.Tx) error {
		before, err := readSituation(ctx, tx, slug, "true", true)
		if err != nil {
			return err
		}
		if !slices.Contains(before.State.Transitions(), to) {
			return geo.Errorf(geo.EINVALID, "A %s life situation cannot become %s.", before.State, to)
		}
		if _, err := tx.Exec(ctx, `UPDATE situations SET state = $2, updated_at = now() WHERE slug = $1`, slug, to); err != nil {
			return err
		}
		after := before
		after.State = to
		return audit.Record(ctx, tx, by.Audit("situation."+to.Verb(), auditObject(slug), before, after))
	})
}

// edit runs change in a transaction, telling a taken slug by errSlugTaken.
func (s *Store) edit(ctx context.Context, change func(pgx.Tx) error) error {
	err := pgx.BeginFunc(ctx, s.pool, change)
	var pgErr *pgconn.PgError
	switch {
	case errors.As(err, &pgErr) && pgErr.Code == "23505" && pgErr.ConstraintName == "situations_pkey":
		return errSlugTaken
	case err != nil:
		return fmt.Errorf("edit life situations: %w", err)
	}
	return nil
}

// auditObject names the situation slug in the audit log.
func auditObject(slug string) string { return "situation:" + slug }
