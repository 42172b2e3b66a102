package geo

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// ImportCatchmentRules replaces the ordinance rules of a school layer with lines and
// reassigns the layer's addresses, in one transaction. Every area the rules name must exist.
// It returns how many address points the rules assign.
func (s *Store) ImportCatchmentRules(ctx context.Context, layer Layer, lines []CatchmentRuleLine) (int, error) {
	if layer != PrimarySchools && layer != Kindergartens {
		return 0, Errorf(EINVALID, "Catchment rules are for the zs and ms layers, not %s.", layer)
	}
	if len(lines) == 0 {
		return 0, Errorf(EINVALID, "The file holds no rules.")
	}
	var assigned int
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('areas:' || $1))`, string(layer)); err != nil {
			return err
		}
		var problems []string
		known := map[string]bool{}
		for _, l := range lines {
			if _, checked := known[l.Area]; !checked {
				var exists bool
				if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM areas WHERE layer = $1 AND code = $2)`, string(layer), l.Area).Scan(&exists); err != nil {
					return err
				}
				known[l.Area] = exists
				if !exists {
					problems = append(problems, fmt.Sprintf("line %d: area [%s] is not a %s area; import its boundary first", l.Line, l.Area, layer))
				}
			}
		}
		if len(problems) > 0 {
			return Errorf(EINVALID, "%s", strings.Join(problems, "\n"))
		}
		if _, err := tx.Exec(ctx, `DELETE FROM catchment_rules WHERE layer = $1`, string(layer)); err != nil {
			return err
		}
		for _, l := range lines {
			if _, err := tx.Exec(ctx, `INSERT INTO catchment_rules (layer, area_code, line, rule) VALUES ($1, $2, $3, $4)`,
				string(layer), l.Area, l.Line, l.Rule.String()); err != nil {
				return fmt.Errorf("store rule of line %d: %w", l.Line, err)
			}
		}
		if _, err := refreshAssignments(ctx, tx, layer); err != nil {
			return err
		}
		return tx.QueryRow(ctx, `SELECT count(DISTINCT address_code) FROM address_areas WHERE layer = $1 AND source = 'rule'`,
			string(layer)).Scan(&assigned)
	})
	return assigned, err
}

// assignByRules adds the assignments the layer's stored rules make, for every version of the
// area each rule names. Rules are matched within the municipalities the layer covers, since a
// street name alone is not unique across the country.
func assignByRules(ctx context.Context, tx pgx.Tx, layer Layer) error {
	rows, err := tx.Query(ctx, `SELECT area_code, rule FROM catchment_rules WHERE layer = $1 ORDER BY id`, string(layer))
	if err != nil {
		return fmt.Errorf("read %s rules: %w", layer, err)
	}
	type stored struct{ Area, Rule string }
	rules, err := pgx.CollectRows(rows, pgx.RowToStructByPos[stored])
	if err != nil || len(rules) == 0 {
		return err
	}
	rows, err = tx.Query(ctx, `SELECT `+addressColumns+` FROM address_points a `+addressJoins+`
		WHERE a.retired_at IS NULL AND a.municipality_code IN (
			SELECT municipality_code FROM areas WHERE layer = $1 AND municipality_code IS NOT NULL
			UNION SELECT p.municipality_code FROM address_areas aa JOIN address_points p ON p.code = aa.address_code
			WHERE aa.layer = $1)`, string(layer))
	if err != nil {
		return fmt.Errorf("read addresses for %s rules: %w", layer, err)
	}
	addresses, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Address, error) { return scanAddress(r) })
	if err != nil {
		return fmt.Errorf("read addresses for %s rules: %w", layer, err)
	}
	byPlace := map[string][]Address{} // street, or town part where there is no street
	byPart := map[string][]Address{}
	for _, a := range addresses {
		place := a.Part.Name
		if a.Street != nil {
			place = a.Street.Name
		}
		byPlace[CatchmentKey(place)] = append(byPlace[CatchmentKey(place)], a)
		byPart[CatchmentKey(a.Part.Name)] = append(byPart[CatchmentKey(a.Part.Name)], a)
	}
	var codes []int64
	var areas []string
	for _, st := range rules {
		rule, err := ParseCatchmentRule(st.Rule)
		if err != nil {
			return fmt.Errorf("stored %s rule %q: %w", layer, st.Rule, err)
		}
		candidates := byPlace[rule.Key]
		if rule.WholePart {
			candidates = byPart[rule.Key]
		}
		for _, a := range candidates {
			if rule.Matches(a) {
				codes = append(codes, a.ID)
				areas = append(areas, st.Area)
			}
		}
	}
	_, err = tx.Exec(ctx, `INSERT INTO address_areas (address_code, area_id, layer, source)
		SELECT m.code, ar.id, ar.layer, 'rule'
		FROM unnest($2::integer[], $3::text[]) AS m(code, area) JOIN areas ar ON ar.layer = $1 AND ar.code = m.area
		ON CONFLICT (address_code, area_id) DO UPDATE SET source = 'rule'`, string(layer), codes, areas)
	if err != nil {
		return fmt.Errorf("assign %s by rules: %w", layer, err)
	}
	return nil
}
