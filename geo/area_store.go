package geo

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// AreaErrors refuses an area import as a whole, listing every feature that is wrong.
type AreaErrors struct {
	Problems []string // "zs.geojson: feature 3: Self-intersection[18.15 49.53]"
}

func (e *AreaErrors) Error() string {
	return "areas refused:\n" + strings.Join(e.Problems, "\n")
}

// Unwrap makes the refusal an EINVALID domain error.
func (e *AreaErrors) Unwrap() error { return Errorf(EINVALID, "%s", e.Error()) }

// ImportAreas writes a file of areas as the layer's version from imp.ValidFrom, in one
// transaction: versions starting that same day are replaced, versions running across it end
// on it, and later versions stay (the new one ends where they begin). Invalid boundaries refuse
// the whole file with PostGIS's reasons, unless imp.Repair makes them valid. The layer's
// address assignments are then recomputed.
func (s *Store) ImportAreas(ctx context.Context, imp AreaImport) (AreaImportResult, error) {
	var res AreaImportResult
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) (err error) {
		res, err = importAreas(ctx, tx, imp)
		return err
	})
	if err != nil {
		return AreaImportResult{}, err
	}
	return res, nil
}

// importAreas is ImportAreas within tx.
func importAreas(ctx context.Context, tx pgx.Tx, imp AreaImport) (AreaImportResult, error) {
	var res AreaImportResult
	validFrom := any(imp.ValidFrom)
	if imp.ValidFrom.IsZero() {
		validFrom = pgInfinity
	}
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('areas:' || $1))`, string(imp.Layer)); err != nil {
		return res, err
	}
	repaired, err := stageAreas(ctx, tx, imp)
	if err != nil {
		return res, err
	}
	res.Repaired = repaired
	schoolIDs, err := upsertSchools(ctx, tx, imp)
	if err != nil {
		return res, err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM areas WHERE layer = $1 AND valid_from = $2`, string(imp.Layer), validFrom); err != nil {
		return res, fmt.Errorf("replace areas of the same day: %w", err)
	}
	tag, err := tx.Exec(ctx, `UPDATE areas SET valid_to = $2
		WHERE layer = $1 AND valid_from < $2 AND (valid_to IS NULL OR valid_to > $2)`, string(imp.Layer), validFrom)
	if err != nil {
		return res, fmt.Errorf("close earlier areas: %w", err)
	}
	res.Closed = int(tag.RowsAffected())
	for i, a := range imp.Areas {
		_, err := tx.Exec(ctx, `INSERT INTO areas (layer, code, name, number, municipality_code, school_id, boundary, valid_from, valid_to)
			SELECT $1, $2, $3, $4, $5, $6, r.geom, $7,
				(SELECT min(valid_from) FROM areas WHERE layer = $1 AND valid_from > $7)
			FROM area_rows r WHERE r.idx = $8`,
			string(imp.Layer), a.Code, a.Name, nullInt(a.Number), nullInt(a.MunicipalityCode), schoolIDs[i], validFrom, i)
		if err != nil {
			return res, fmt.Errorf("%s: %w", a.Where, err)
		}
	}
	// An area drawn without its municipality belongs to the one most of its addresses are in:
	// polling district numbers are only unique within a municipality.
	if _, err := tx.Exec(ctx, `UPDATE areas ar SET municipality_code = (
			SELECT a.municipality_code FROM address_points a WHERE ST_Covers(ar.boundary, a.point_sjtsk)
			GROUP BY a.municipality_code ORDER BY count(*) DESC, a.municipality_code LIMIT 1)
		WHERE ar.layer = $1 AND ar.valid_from = $2 AND ar.municipality_code IS NULL`, string(imp.Layer), validFrom); err != nil {
		return res, fmt.Errorf("find the areas' municipalities: %w", err)
	}
	res.Areas = len(imp.Areas)
	res.Assigned, err = refreshAssignments(ctx, tx, imp.Layer)
	return res, err
}

// stageAreas checks the areas of imp and puts their boundaries, valid and in S-JTSK, in the
// transaction's table area_rows (column geom, by idx: the area's index in imp.Areas). It
// returns how many boundaries it had to repair.
func stageAreas(ctx context.Context, tx pgx.Tx, imp AreaImport) (int, error) {
	if len(imp.Areas) == 0 {
		return 0, Errorf(EINVALID, "The file holds no areas.")
	}
	if err := checkAreaInputs(imp); err != nil {
		return 0, err
	}
	if _, err := tx.Exec(ctx, createAreaStagingSQL); err != nil {
		return 0, fmt.Errorf("create area staging table: %w", err)
	}
	rows := make([][]any, len(imp.Areas))
	for i, a := range imp.Areas {
		rows[i] = []any{i, a.Boundary}
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"area_rows"}, []string{"idx", "geom_in"}, pgx.CopyFromRows(rows)); err != nil {
		return 0, fmt.Errorf("stage area boundaries: %w", err)
	}
	repaired, err := validateBoundaries(ctx, tx, imp)
	if err != nil {
		return 0, err
	}
	return repaired, checkReferences(ctx, tx, imp)
}

// pgInfinity is the valid_from of areas that have always been valid.
const pgInfinity = "-infinity"

const createAreaStagingSQL = `CREATE TEMP TABLE area_rows (
	idx integer PRIMARY KEY,
	geom_in geometry NOT NULL,
	geom geometry(MultiPolygon, 5514)
) ON COMMIT DROP`

// checkAreaInputs refuses files with missing or repeated codes, or fields the layer needs.
func checkAreaInputs(imp AreaImport) error {
	var problems []string
	seen := map[string]string{}
	for _, a := range imp.Areas {
		switch {
		case a.Code == "":
			problems = append(problems, a.Where+": property code is required")
		case seen[a.Code] != "":
			problems = append(problems, fmt.Sprintf("%s: code %q repeats %s", a.Where, a.Code, seen[a.Code]))
		default:
			seen[a.Code] = a.Where
		}
		if a.Boundary == nil {
			problems = append(problems, a.Where+": no geometry")
		}
		if imp.Layer == PollingDistricts && a.Number <= 0 {
			problems = append(problems, a.Where+": property number (the polling district number) is required")
		}
		if (imp.Layer == PrimarySchools || imp.Layer == Kindergartens) && (a.School == nil || a.School.Name == "") {
			problems = append(problems, a.Where+": property school (the school's name) is required")
		}
	}
	if len(problems) > 0 {
		return &AreaErrors{Problems: problems}
	}
	return nil
}

// validateBoundaries turns the staged geometries into valid S-JTSK multipolygons, refusing
// invalid input with PostGIS's reason (in the input's own coordinates) unless repairing.
func validateBoundaries(ctx context.Context, tx pgx.Tx, imp AreaImport) (int, error) {
	rows, err := tx.Query(ctx, `SELECT idx, ST_IsValidReason(geom_in), GeometryType(geom_in), ST_SRID(geom_in)
		FROM area_rows WHERE NOT ST_IsValid(geom_in) OR GeometryType(geom_in) NOT IN ('POLYGON', 'MULTIPOLYGON')
			OR ST_SRID(geom_in) NOT IN (4326, 5514) OR ST_IsEmpty(geom_in)
		ORDER BY idx`)
	if err != nil {
		return 0, fmt.Errorf("validate boundaries: %w", err)
	}
	type invalid struct {
		idx          int
		reason, kind string
		srid         int
	}
	// Scanned by hand: pgx's RowToStructByPos sees only exported fields.
	bad, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (invalid, error) {
		var b invalid
		err := r.Scan(&b.idx, &b.reason, &b.kind, &b.srid)
		return b, err
	})
	if err != nil {
		return 0, fmt.Errorf("validate boundaries: %w", err)
	}
	var problems []string
	repairable := 0
	for _, b := range bad {
		where := imp.Areas[b.idx].Where
		switch {
		case b.kind != "POLYGON" && b.kind != "MULTIPOLYGON":
			problems = append(problems, fmt.Sprintf("%s: geometry is a %s; expected Polygon or MultiPolygon", where, b.kind))
		case b.srid != 4326 && b.srid != 5514:
			problems = append(problems, fmt.Sprintf("%s: coordinates in SRID %d; expected WGS84 (4326) or S-JTSK (5514)", where, b.srid))
		case b.reason == "Valid Geometry":
			problems = append(problems, where+": the geometry is empty")
		case imp.Repair:
			repairable++
		default:
			problems = append(problems, fmt.Sprintf("%s: invalid geometry: %s (import with --repair to make it valid)", where, b.reason))
		}
	}
	if len(problems) > 0 {
		return 0, &AreaErrors{Problems: problems}
	}
	// Transforming a valid polygon can, rarely, leave it invalid by rounding: make it valid then.
	if _, err := tx.Exec(ctx, `UPDATE area_rows SET geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(
		ST_Transform(CASE WHEN ST_IsValid(geom_in) THEN geom_in ELSE ST_MakeValid(geom_in) END, 5514)), 3))`); err != nil {
		return 0, fmt.Errorf("transform boundaries: %w", err)
	}
	return repairable, nil
}

// checkReferences refuses areas naming a school building or a municipality the register
// does not hold.
func checkReferences(ctx context.Context, tx pgx.Tx, imp AreaImport) error {
	var problems []string
	for _, a := range imp.Areas {
		if a.School != nil && a.School.AddressCode != 0 {
			var known bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM address_points WHERE code = $1)`, a.School.AddressCode).Scan(&known); err != nil {
				return fmt.Errorf("%s: check school_address: %w", a.Where, err)
			}
			if !known {
				problems = append(problems, fmt.Sprintf("%s: school_address %d is not an address point in the register", a.Where, a.School.AddressCode))
			}
		}
		if a.MunicipalityCode != 0 {
			var known bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM municipalities WHERE code = $1)`, a.MunicipalityCode).Scan(&known); err != nil {
				return fmt.Errorf("%s: check municipality: %w", a.Where, err)
			}
			if !known {
				problems = append(problems, fmt.Sprintf("%s: municipality %d is not a municipality in the register", a.Where, a.MunicipalityCode))
			}
		}
	}
	if len(problems) > 0 {
		return &AreaErrors{Problems: problems}
	}
	return nil
}

// upsertSchools creates or updates the schools the areas lead to and returns each area's
// school id (nil for layers without schools).
func upsertSchools(ctx context.Context, tx pgx.Tx, imp AreaImport) ([]any, error) {
	ids := make([]any, len(imp.Areas))
	for i, a := range imp.Areas {
		if a.School == nil {
			continue
		}
		var id int
		err := tx.QueryRow(ctx, `INSERT INTO schools (kind, name, address_code, web, izo)
			VALUES ($1, $2, $3, nullif($4, ''), nullif($5, ''))
			ON CONFLICT (kind, name) DO UPDATE SET address_code = coalesce(EXCLUDED.address_code, schools.address_code),
				web = coalesce(EXCLUDED.web, schools.web), izo = coalesce(EXCLUDED.izo, schools.izo)
			RETURNING id`,
			string(imp.Layer), a.School.Name, nullInt(int(a.School.AddressCode)), a.School.Web, a.School.IZO).Scan(&id)
		if err != nil {
			return nil, fmt.Errorf("%s: school %q: %w", a.Where, a.School.Name, err)
		}
		ids[i] = id
	}
	return ids, nil
}

// refreshAssignments recomputes which areas of layer every current address point belongs to:
// by boundary, then overridden by the register's own district numbers (polling) and by the
// ordinance's address rules (schools), which take the address out of the polygons it lies in.
func refreshAssignments(ctx context.Context, tx pgx.Tx, layer Layer) (int, error) {
	steps := []string{
		`DELETE FROM address_areas WHERE layer = $1`,
		`INSERT INTO address_areas (address_code, area_id, layer, source)
		SELECT a.code, ar.id, ar.layer, 'polygon'
		FROM areas ar JOIN address_points a ON ST_Covers(ar.boundary, a.point_sjtsk)
		WHERE ar.layer = $1 AND a.retired_at IS NULL`,
		`INSERT INTO address_areas (address_code, area_id, layer, source)
		SELECT d.address_code, ar.id, ar.layer, 'register'
		FROM address_district_numbers d
		JOIN areas ar ON ar.layer = $1 AND ar.municipality_code = d.municipality_code AND ar.number = d.number
		JOIN address_points a ON a.code = d.address_code AND a.retired_at IS NULL
		ON CONFLICT (address_code, area_id) DO UPDATE SET source = 'register'`,
	}
	for _, q := range steps {
		if _, err := tx.Exec(ctx, q, string(layer)); err != nil {
			return 0, fmt.Errorf("assign addresses to %s areas: %w", layer, err)
		}
	}
	if err := assignByRules(ctx, tx, layer); err != nil {
		return 0, err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM address_areas p
		USING areas pa, (SELECT o.address_code, daterange(oa.valid_from, oa.valid_to) AS span
			FROM address_areas o JOIN areas oa ON oa.id = o.area_id
			WHERE o.layer = $1 AND o.source <> 'polygon') o
		WHERE p.layer = $1 AND p.source = 'polygon' AND pa.id = p.area_id
		AND o.address_code = p.address_code AND o.span && daterange(pa.valid_from, pa.valid_to)`, string(layer)); err != nil {
		return 0, fmt.Errorf("apply %s overrides: %w", layer, err)
	}
	var n int
	err := tx.QueryRow(ctx, `SELECT count(DISTINCT address_code) FROM address_areas WHERE layer = $1`, string(layer)).Scan(&n)
	return n, err
}

// RefreshAssignments recomputes the address assignments of every layer that has areas, e.g.
// after new addresses were imported.
func (s *Store) RefreshAssignments(ctx context.Context) error {
	return pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT DISTINCT layer FROM areas ORDER BY layer`)
		if err != nil {
			return err
		}
		layers, err := pgx.CollectRows(rows, pgx.RowTo[Layer])
		if err != nil {
			return err
		}
		for _, l := range layers {
			if _, err := refreshAssignments(ctx, tx, l); err != nil {
				return err
			}
		}
		return nil
	})
}

// DistrictNumber is an address point's polling district as ČÚZK's report states it.
type DistrictNumber struct {
	AddressCode int64
	Number      int
}

// ImportDistrictNumbers records the report's district of each address, replacing what the
// report's municipalities had, creates the districts it names that have no boundary yet, and
// reassigns the polling layer; the numbers override boundaries. It returns the addresses
// assigned by the report.
func (s *Store) ImportDistrictNumbers(ctx context.Context, rows []DistrictNumber) (int, error) {
	if len(rows) == 0 {
		return 0, Errorf(EINVALID, "The report assigns no address to a district.")
	}
	addresses := make([]int64, len(rows))
	numbers := make([]int32, len(rows))
	for i, r := range rows {
		addresses[i], numbers[i] = r.AddressCode, int32(r.Number)
	}
	var assigned int
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('areas:' || $1))`, string(PollingDistricts)); err != nil {
			return err
		}
		var unknown []int64
		rows, err := tx.Query(ctx, `SELECT c FROM unnest($1::bigint[]) c WHERE NOT EXISTS (SELECT 1 FROM address_points WHERE code = c) LIMIT 20`, addresses)
		if err != nil {
			return err
		}
		if unknown, err = pgx.CollectRows(rows, pgx.RowTo[int64]); err != nil {
			return err
		}
		if len(unknown) > 0 {
			return Errorf(EINVALID, "The report names address points the register does not hold, e.g. %v; import the municipality's addresses first.", unknown)
		}
		// The report lacks the municipality code in some layouts: the register supplies it.
		if _, err := tx.Exec(ctx, `DELETE FROM address_district_numbers d USING address_points a
			WHERE a.code = ANY($1) AND d.address_code = a.code`, addresses); err != nil {
			return fmt.Errorf("replace district numbers: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO address_district_numbers (address_code, municipality_code, number)
			SELECT r.code, a.municipality_code, r.number
			FROM unnest($1::bigint[], $2::integer[]) AS r(code, number)
			JOIN address_points a ON a.code = r.code
			ON CONFLICT (address_code) DO UPDATE SET municipality_code = EXCLUDED.municipality_code, number = EXCLUDED.number`,
			addresses, numbers); err != nil {
			return fmt.Errorf("store district numbers: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO areas (layer, code, name, number, municipality_code)
			SELECT DISTINCT 'polling', d.municipality_code || '-' || d.number, 'Okrsek č. ' || d.number, d.number, d.municipality_code
			FROM address_district_numbers d
			WHERE NOT EXISTS (SELECT 1 FROM areas ar WHERE ar.layer = 'polling'
				AND ar.municipality_code = d.municipality_code AND ar.number = d.number)`); err != nil {
			return fmt.Errorf("create districts named by the report: %w", err)
		}
		if _, err := refreshAssignments(ctx, tx, PollingDistricts); err != nil {
			return err
		}
		return tx.QueryRow(ctx, `SELECT count(*) FROM address_areas WHERE layer = 'polling' AND source = 'register'`).Scan(&assigned)
	})
	return assigned, err
}
