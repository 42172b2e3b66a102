package geo

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// deferrableIndexes are the search indexes a bulk load builds after the rows: the secondary
// indexes of address_points, whose row-by-row upkeep dominates a first load. Keys and the
// indexes the load itself reads stay, and so do the trigram indexes of the small units table
// (measured: deferring them made a load slower, not faster).
var deferrableIndexes = []string{"address_points_unit_house", "address_points_unit_orientation",
	"address_points_house", "address_points_orientation", "address_points_postcode", "address_points_point_sjtsk"}

// DeferIndexes prepares an empty register for a large first load: it drops the search
// indexes, recording their definitions so that RestoreIndexes (run by every
// import and at server start) rebuilds them even after an interrupted load. It does nothing
// and returns false when the register already holds addresses.
func (s *Store) DeferIndexes(ctx context.Context) (bool, error) {
	deferred := false
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `LOCK TABLE address_points IN SHARE ROW EXCLUSIVE MODE`); err != nil {
			return err
		}
		var empty bool
		if err := tx.QueryRow(ctx, `SELECT NOT EXISTS (SELECT 1 FROM address_points)`).Scan(&empty); err != nil || !empty {
			return err
		}
		tag, err := tx.Exec(ctx, `INSERT INTO deferred_indexes (name, definition)
			SELECT indexname, indexdef FROM pg_indexes
			WHERE schemaname = current_schema() AND indexname = ANY($1)
			ON CONFLICT (name) DO NOTHING`, deferrableIndexes)
		if err != nil {
			return fmt.Errorf("record deferred indexes: %w", err)
		}
		for _, name := range deferrableIndexes {
			if _, err := tx.Exec(ctx, `DROP INDEX IF EXISTS `+pgx.Identifier{name}.Sanitize()); err != nil {
				return fmt.Errorf("drop index %s: %w", name, err)
			}
		}
		deferred = tag.RowsAffected() > 0
		return nil
	})
	return deferred, err
}

// RestoreIndexes rebuilds every index DeferIndexes dropped and refreshes the planner's
// statistics; it returns how many it built. With nothing deferred it costs one query.
func (s *Store) RestoreIndexes(ctx context.Context) (int, error) {
	rows, err := s.db.Query(ctx, `SELECT name, definition FROM deferred_indexes ORDER BY name`)
	if err != nil {
		return 0, fmt.Errorf("read deferred indexes: %w", err)
	}
	type deferred struct{ Name, Definition string }
	pending, err := pgx.CollectRows(rows, pgx.RowToStructByPos[deferred])
	if err != nil || len(pending) == 0 {
		return 0, err
	}
	for _, d := range pending {
		err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, `DROP INDEX IF EXISTS `+pgx.Identifier{d.Name}.Sanitize()); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, d.Definition); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `DELETE FROM deferred_indexes WHERE name = $1`, d.Name)
			return err
		})
		if err != nil {
			return 0, fmt.Errorf("rebuild index %s: %w", d.Name, err)
		}
	}
	if _, err := s.db.Exec(ctx, `ANALYZE address_points, address_units`); err != nil {
		return 0, fmt.Errorf("analyze the register: %w", err)
	}
	return len(pending), nil
}
