package geo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// AddressRecord is one address point as a RÚIAN export states it.
type AddressRecord struct {
	ID                 int64 // kód ADM
	MunicipalityCode   int
	MunicipalityName   string
	CityDistrictCode   int // 0 when none
	CityDistrictName   string
	PragueDistrictCode int // 0 when none
	PragueDistrictName string
	PartCode           int
	PartName           string
	StreetCode         int // 0 in parts without streets
	StreetName         string
	BuildingType       BuildingType
	HouseNumber        int
	OrientationNumber  int    // 0 when none
	OrientationLetter  string // "" when none
	Postcode           string
	HasPoint           bool
	X, Y               float64   // EPSG:5514, negative east and north
	ValidFrom          time.Time // zero when not stated
}

// RecordSource streams the records of one file. Next returns io.EOF after the last record;
// any other error means the file cannot be trusted and the whole file is refused.
type RecordSource interface {
	Next() (AddressRecord, error)
}

// ImportResult counts what importing one file did.
type ImportResult struct {
	Rows         int // records written to the register's staging
	Inserted     int
	Updated      int
	Unchanged    int
	Retired      int // current addresses of the file's municipalities that the file no longer lists
	WithoutPoint int // records without coordinates (kept, with no point)
}

// ImportAddresses merges one file's records into the register in a single transaction:
// new addresses are inserted, changed ones updated, unchanged ones left untouched, and the
// current addresses of the file's municipalities that the file does not list are retired.
// When src fails midway nothing of the file is written.
func (s *Store) ImportAddresses(ctx context.Context, src RecordSource) (ImportResult, error) {
	var res ImportResult
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SET LOCAL synchronous_commit = off`); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, createStagingSQL); err != nil {
			return fmt.Errorf("create staging table: %w", err)
		}
		copySrc := &stagingSource{src: src, keys: map[[3]string][2]string{}, munis: map[int]bool{}}
		n, err := tx.CopyFrom(ctx, pgx.Identifier{"import_rows"}, stagingColumns, copySrc)
		if copySrc.err != nil {
			return copySrc.err
		}
		if err != nil {
			return fmt.Errorf("copy rows: %w", err)
		}
		res.Rows = int(n)
		res.WithoutPoint = copySrc.withoutPoint
		municipalities := copySrc.municipalityCodes()
		var known bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM address_points WHERE municipality_code = ANY($1))`,
			municipalities).Scan(&known); err != nil {
			return fmt.Errorf("check for known addresses: %w", err)
		}
		// Temporary tables get no automatic statistics; without them the planner misjudges the
		// update's joins. A municipality seen for the first time only needs inserting.
		if known && n >= analyzeThreshold {
			if _, err := tx.Exec(ctx, `ANALYZE import_rows`); err != nil {
				return fmt.Errorf("analyze staging table: %w", err)
			}
		}
		for _, q := range mergeDimensionsSQL {
			if _, err := tx.Exec(ctx, q); err != nil {
				return fmt.Errorf("merge register objects: %w", err)
			}
		}
		if known {
			// Update before insert, so that the update does not compare the rows just inserted.
			tag, err := tx.Exec(ctx, updateAddressesSQL)
			if err != nil {
				return fmt.Errorf("update address points: %w", err)
			}
			res.Updated = int(tag.RowsAffected())
		}
		tag, err := tx.Exec(ctx, insertAddressesSQL)
		if err != nil {
			return fmt.Errorf("insert address points: %w", err)
		}
		res.Inserted = int(tag.RowsAffected())
		res.Unchanged = res.Rows - res.Inserted - res.Updated
		if known {
			if tag, err = tx.Exec(ctx, retireMissingSQL, municipalities); err != nil {
				return fmt.Errorf("retire missing address points: %w", err)
			}
			res.Retired = int(tag.RowsAffected())
		}
		return nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

var stagingColumns = []string{"code", "municipality_code", "municipality_name", "city_district_code",
	"city_district_name", "prague_district_code", "prague_district_name", "part_code", "part_name",
	"street_code", "street_name", "place_key", "search_text", "building_type", "house_number",
	"orientation_number", "orientation_letter", "postcode", "x", "y", "valid_from"}

// analyzeThreshold is the file size in rows from which the staging table is analysed.
const analyzeThreshold = 1000

// createStagingSQL makes the session's staging table once; its rows go at every commit or
// rollback, so a connection reuses it for file after file without catalog churn.
const createStagingSQL = `CREATE TEMP TABLE IF NOT EXISTS import_rows (
	code integer PRIMARY KEY,
	municipality_code integer NOT NULL,
	municipality_name text NOT NULL,
	city_district_code integer,
	city_district_name text,
	prague_district_code integer,
	prague_district_name text,
	part_code integer NOT NULL,
	part_name text NOT NULL,
	street_code integer,
	street_name text,
	place_key text NOT NULL,
	search_text text NOT NULL,
	building_type text NOT NULL,
	house_number integer NOT NULL,
	orientation_number integer,
	orientation_letter text,
	postcode text NOT NULL,
	x double precision,
	y double precision,
	valid_from date
) ON COMMIT DELETE ROWS`

// mergeDimensionsSQL upserts the named register objects the rows refer to, writing only
// what changed.
var mergeDimensionsSQL = []string{
	`INSERT INTO municipalities (code, name)
	SELECT DISTINCT ON (municipality_code) municipality_code, municipality_name FROM import_rows
	ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name WHERE municipalities.name <> EXCLUDED.name`,
	`INSERT INTO municipality_parts (code, municipality_code, name)
	SELECT DISTINCT ON (part_code) part_code, municipality_code, part_name FROM import_rows
	ON CONFLICT (code) DO UPDATE SET municipality_code = EXCLUDED.municipality_code, name = EXCLUDED.name
	WHERE (municipality_parts.municipality_code, municipality_parts.name) <> (EXCLUDED.municipality_code, EXCLUDED.name)`,
	`INSERT INTO city_districts (code, municipality_code, name)
	SELECT DISTINCT ON (city_district_code) city_district_code, municipality_code, city_district_name
	FROM import_rows WHERE city_district_code IS NOT NULL
	ON CONFLICT (code) DO UPDATE SET municipality_code = EXCLUDED.municipality_code, name = EXCLUDED.name
	WHERE (city_districts.municipality_code, city_districts.name) <> (EXCLUDED.municipality_code, EXCLUDED.name)`,
	`INSERT INTO prague_districts (code, name)
	SELECT DISTINCT ON (prague_district_code) prague_district_code, prague_district_name
	FROM import_rows WHERE prague_district_code IS NOT NULL
	ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name WHERE prague_districts.name <> EXCLUDED.name`,
	`INSERT INTO streets (code, municipality_code, name)
	SELECT DISTINCT ON (street_code) street_code, municipality_code, street_name
	FROM import_rows WHERE street_code IS NOT NULL
	ON CONFLICT (code) DO UPDATE SET municipality_code = EXCLUDED.municipality_code, name = EXCLUDED.name
	WHERE (streets.municipality_code, streets.name) <> (EXCLUDED.municipality_code, EXCLUDED.name)`,
	`INSERT INTO address_units (municipality_code, part_code, street_code, place_key, search_text)
	SELECT DISTINCT ON (part_code, street_code) municipality_code, part_code, street_code, place_key, search_text
	FROM import_rows
	ON CONFLICT (part_code, street_code) DO UPDATE
	SET municipality_code = EXCLUDED.municipality_code, place_key = EXCLUDED.place_key, search_text = EXCLUDED.search_text
	WHERE (address_units.municipality_code, address_units.place_key, address_units.search_text)
		<> (EXCLUDED.municipality_code, EXCLUDED.place_key, EXCLUDED.search_text)`,
}

// stagedAddresses is each staged row as the address_points columns it sets.
const stagedAddresses = `SELECT r.code, r.municipality_code, r.part_code, r.city_district_code,
		r.prague_district_code, r.street_code, u.id AS unit_id, r.building_type, r.house_number,
		r.orientation_number, r.orientation_letter, r.postcode,
		CASE WHEN r.x IS NOT NULL THEN ST_SetSRID(ST_MakePoint(r.x, r.y), 5514) END AS point_sjtsk, r.valid_from
	FROM import_rows r
	JOIN address_units u ON u.part_code = r.part_code AND coalesce(u.street_code, 0) = coalesce(r.street_code, 0)`

// insertAddressesSQL adds the address points the register does not know yet.
const insertAddressesSQL = `INSERT INTO address_points (code, municipality_code, part_code, city_district_code,
		prague_district_code, street_code, unit_id, building_type, house_number, orientation_number,
		orientation_letter, postcode, point_sjtsk, valid_from)
	SELECT n.* FROM (` + stagedAddresses + `) n
	WHERE NOT EXISTS (SELECT 1 FROM address_points a WHERE a.code = n.code)`

// updateAddressesSQL rewrites the known address points whose staged row differs (un-retiring
// any that come back); rows equal to what is stored are neither written nor locked.
const updateAddressesSQL = `UPDATE address_points a SET
		municipality_code = n.municipality_code, part_code = n.part_code,
		city_district_code = n.city_district_code, prague_district_code = n.prague_district_code,
		street_code = n.street_code, unit_id = n.unit_id, building_type = n.building_type,
		house_number = n.house_number, orientation_number = n.orientation_number,
		orientation_letter = n.orientation_letter, postcode = n.postcode,
		point_sjtsk = n.point_sjtsk, valid_from = n.valid_from, retired_at = NULL, updated_at = now()
	FROM (` + stagedAddresses + `) n
	WHERE a.code = n.code
	AND (a.municipality_code, a.part_code, a.city_district_code, a.prague_district_code, a.street_code,
		a.unit_id, a.building_type, a.house_number, a.orientation_number, a.orientation_letter, a.postcode,
		a.point_sjtsk, a.valid_from, a.retired_at)
	IS DISTINCT FROM (n.municipality_code, n.part_code, n.city_district_code, n.prague_district_code,
		n.street_code, n.unit_id, n.building_type, n.house_number, n.orientation_number,
		n.orientation_letter, n.postcode, n.point_sjtsk, n.valid_from, NULL::timestamptz)`

// retireMissingSQL flags the current addresses of the file's municipalities that the file no
// longer lists; they stay in the register for the data that points at them.
const retireMissingSQL = `UPDATE address_points a SET retired_at = now(), updated_at = now()
	WHERE a.municipality_code = ANY($1)
	AND a.retired_at IS NULL
	AND NOT EXISTS (SELECT 1 FROM import_rows r WHERE r.code = a.code)`

// stagingSource adapts a RecordSource to pgx.CopyFromSource, adding the folded search keys.
type stagingSource struct {
	src          RecordSource
	rec          AddressRecord
	err          error
	withoutPoint int
	keys         map[[3]string][2]string // place key and search text per (street, part, municipality)
	munis        map[int]bool            // the municipalities the file speaks for
}

func (s *stagingSource) Next() bool {
	rec, err := s.src.Next()
	if err != nil {
		if !errors.Is(err, io.EOF) {
			s.err = err
		}
		return false
	}
	s.rec = rec
	return true
}

func (s *stagingSource) Values() ([]any, error) {
	r := s.rec
	s.munis[r.MunicipalityCode] = true
	key := [3]string{r.StreetName, r.PartName, r.MunicipalityName}
	keys, ok := s.keys[key]
	if !ok {
		place := r.PartName
		if r.StreetName != "" {
			place = r.StreetName
		}
		keys = [2]string{Fold(place), searchText(key[:]...)}
		s.keys[key] = keys
	}
	var x, y any
	if r.HasPoint {
		x, y = r.X, r.Y
	} else {
		s.withoutPoint++
	}
	var validFrom any
	if !r.ValidFrom.IsZero() {
		validFrom = r.ValidFrom
	}
	return []any{r.ID, r.MunicipalityCode, r.MunicipalityName, nullInt(r.CityDistrictCode),
		nullString(r.CityDistrictName, r.CityDistrictCode), nullInt(r.PragueDistrictCode),
		nullString(r.PragueDistrictName, r.PragueDistrictCode), r.PartCode, r.PartName,
		nullInt(r.StreetCode), nullString(r.StreetName, r.StreetCode), keys[0], keys[1],
		string(r.BuildingType), r.HouseNumber, nullInt(r.OrientationNumber),
		nullString(r.OrientationLetter, len(r.OrientationLetter)), r.Postcode, x, y, validFrom}, nil
}

func (s *stagingSource) Err() error { return s.err }

func (s *stagingSource) municipalityCodes() []int32 {
	codes := make([]int32, 0, len(s.munis))
	for c := range s.munis {
		codes = append(codes, int32(c))
	}
	return codes
}

// searchText is the folded, de-duplicated words of the names, with a leading space so that
// every word start can be matched as "% word".
func searchText(names ...string) string {
	var words []string
	seen := map[string]bool{}
	for _, n := range names {
		for _, w := range strings.Fields(Fold(n)) {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	return " " + strings.Join(words, " ")
}

func nullInt(v int) any {
	if v == 0 {
		return nil
	}
	return v
}

// nullString returns name, or NULL when the object it names is absent (present == 0).
func nullString(name string, present int) any {
	if present == 0 {
		return nil
	}
	return name
}
