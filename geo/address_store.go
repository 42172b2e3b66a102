package geo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/twpayne/go-geom"
)

// addressColumns selects everything an Address holds; use with addressJoins and scanAddress.
const addressColumns = `a.code, m.code, m.name, p.code, p.name, cd.code, cd.name, pd.code, pd.name,
	s.code, s.name, a.building_type, a.house_number, a.orientation_number, a.orientation_letter,
	a.postcode, a.point_sjtsk, a.point_wgs84, a.valid_from, a.retired_at IS NOT NULL`

const addressJoins = `JOIN municipalities m ON m.code = a.municipality_code
	JOIN municipality_parts p ON p.code = a.part_code
	LEFT JOIN city_districts cd ON cd.code = a.city_district_code
	LEFT JOIN prague_districts pd ON pd.code = a.prague_district_code
	LEFT JOIN streets s ON s.code = a.street_code`

// scanAddress reads one row of addressColumns, then any extra columns into extra.
func scanAddress(row pgx.Row, extra ...any) (Address, error) {
	var (
		a                     Address
		cdCode, pdCode, sCode *int
		cdName, pdName, sName *string
		orientation           *int
		letter                *string
		sjtsk, wgs84          *geom.Point
		validFrom             *time.Time
	)
	dest := []any{&a.ID, &a.Municipality.Code, &a.Municipality.Name, &a.Part.Code, &a.Part.Name,
		&cdCode, &cdName, &pdCode, &pdName, &sCode, &sName, &a.BuildingType, &a.HouseNumber,
		&orientation, &letter, &a.Postcode, &sjtsk, &wgs84, &validFrom, &a.Retired}
	err := row.Scan(append(dest, extra...)...)
	if err != nil {
		return Address{}, err
	}
	a.CityDistrict = optionalRef(cdCode, cdName)
	a.PragueDistrict = optionalRef(pdCode, pdName)
	a.Street = optionalRef(sCode, sName)
	if orientation != nil {
		a.OrientationNumber = *orientation
	}
	if letter != nil {
		a.OrientationLetter = *letter
	}
	if sjtsk != nil && wgs84 != nil {
		a.Point = &Coordinates{X: sjtsk.X(), Y: sjtsk.Y(), Lon: wgs84.X(), Lat: wgs84.Y()}
	}
	if validFrom != nil {
		a.ValidFrom = *validFrom
	}
	return a, nil
}

func optionalRef(code *int, name *string) *Ref {
	if code == nil || name == nil {
		return nil
	}
	return &Ref{Code: *code, Name: *name}
}

// Address returns the address point with the given kód ADM, retired ones included.
func (s *Store) Address(ctx context.Context, id int64) (Address, error) {
	row := s.db.QueryRow(ctx, `SELECT `+addressColumns+` FROM address_points a `+addressJoins+` WHERE a.code = $1`, id)
	a, err := scanAddress(row)
	if errors.Is(err, pgx.ErrNoRows) {
		return Address{}, Errorf(ENOTFOUND, "Address point %d does not exist.", id)
	}
	if err != nil {
		return Address{}, fmt.Errorf("address %d: %w", id, err)
	}
	return a, nil
}

// addresses returns the address points of ids that exist, by id, in one query.
func (s *Store) addresses(ctx context.Context, ids []int64) (map[int64]Address, error) {
	rows, err := s.db.Query(ctx, `SELECT `+addressColumns+` FROM address_points a `+addressJoins+` WHERE a.code = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("addresses %v: %w", ids, err)
	}
	defer rows.Close()
	found := make(map[int64]Address, len(ids))
	for rows.Next() {
		a, err := scanAddress(rows)
		if err != nil {
			return nil, fmt.Errorf("addresses %v: %w", ids, err)
		}
		found[a.ID] = a
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("addresses %v: %w", ids, err)
	}
	return found, nil
}

// Nearby is an address point with its distance from the point asked about.
type Nearby struct {
	Address
	DistanceMetres float64
}

// Nearest returns the current address point closest to the WGS84 position, measured in
// S-JTSK metres through the GiST index (KNN).
func (s *Store) Nearest(ctx context.Context, lat, lon float64) (Nearby, error) {
	if lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return Nearby{}, Errorf(EINVALID, "Coordinates out of range: lat %g, lon %g.", lat, lon)
	}
	row := s.db.QueryRow(ctx, `WITH here AS (SELECT ST_Transform(ST_SetSRID(ST_MakePoint($2, $1), 4326), 5514) AS g)
		SELECT `+addressColumns+`, ST_Distance(a.point_sjtsk, here.g)
		FROM here, address_points a `+addressJoins+`
		WHERE a.retired_at IS NULL AND a.point_sjtsk IS NOT NULL
		ORDER BY a.point_sjtsk <-> here.g
		LIMIT 1`, lat, lon)
	var n Nearby
	var err error
	n.Address, err = scanAddress(row, &n.DistanceMetres)
	if errors.Is(err, pgx.ErrNoRows) {
		return Nearby{}, Errorf(ENOTFOUND, "No address point is known.")
	}
	if err != nil {
		return Nearby{}, fmt.Errorf("nearest address to %g,%g: %w", lat, lon, err)
	}
	return n, nil
}

// RegisterEmpty reports whether the register holds no address point at all.
func (s *Store) RegisterEmpty(ctx context.Context) (bool, error) {
	var exists bool
	if err := s.db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM address_points)`).Scan(&exists); err != nil {
		return false, fmt.Errorf("check for addresses: %w", err)
	}
	return !exists, nil
}
