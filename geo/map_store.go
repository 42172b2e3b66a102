package geo

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/jackc/pgx/v5"
)

// MarkKind says what a point drawn on an area map stands for.
type MarkKind string

// The kinds of map marks.
const (
	AddressMark  MarkKind = "address"  // the address the citizen asked about
	FacilityMark MarkKind = "facility" // what the area leads to: the polling room, the school
)

// MapMark is a point to draw on an area map.
type MapMark struct {
	Kind  MarkKind
	Label string // what the legend and the tooltip say of it, in Czech
	Point Coordinates
}

// PlacedMark is a map mark at its position in the map's SVG coordinates.
type PlacedMark struct {
	MapMark
	X, Y float64
}

// AreaMap is an area's boundary and marks for an SVG map. Its coordinates are S-JTSK metres
// (EPSG:5514) with y negated, as SVG's y axis points down.
type AreaMap struct {
	AreaID  int
	Path    string     // SVG path data of the boundary in whole metres; "" for an area without one
	ViewBox [4]float64 // min x, min y, width, height: the boundary and the marks, with a margin
	Marks   []PlacedMark
}

// Map framing: the margin around what is drawn, as a share of its larger side and at least
// mapMinMargin metres, and the simplification tolerance as a share of that side (far below
// a pixel at any size the pages draw the map).
const (
	mapMargin        = 0.05
	mapMinMargin     = 20
	mapSimplifyShare = 0.001
)

// AreaMap draws the area id with the marks for an SVG map: PostGIS writes the boundary as path
// data (simplified by the map's size), and frames the boundary and the marks together.
func (s *Store) AreaMap(ctx context.Context, id int, marks []MapMark) (AreaMap, error) {
	xs, ys := make([]float64, len(marks)), make([]float64, len(marks))
	for i, m := range marks {
		xs[i], ys[i] = m.Point.X, m.Point.Y
	}
	var path *string
	var box []float64
	err := s.db.QueryRow(ctx, `WITH extent AS (
			SELECT ST_Extent(g) AS box FROM (
				SELECT boundary FROM areas WHERE id = $1
				UNION ALL SELECT ST_SetSRID(ST_MakePoint(x, y), 5514) FROM unnest($2::float8[], $3::float8[]) AS p(x, y)
			) AS parts(g)
		), frame AS (
			SELECT side, ST_Expand(box, greatest(side * $4, $5)) AS box
			FROM extent, LATERAL (SELECT greatest(ST_XMax(box) - ST_XMin(box), ST_YMax(box) - ST_YMin(box)) AS side) AS s
		)
		SELECT ST_AsSVG(ST_SimplifyPreserveTopology(ar.boundary, f.side * $6), 1, 0),
			CASE WHEN ar.boundary IS NOT NULL THEN ARRAY[floor(ST_XMin(f.box)), floor(-ST_YMax(f.box)),
				ceil(ST_XMax(f.box)) - floor(ST_XMin(f.box)), ceil(-ST_YMin(f.box)) - floor(-ST_YMax(f.box))] END
		FROM areas ar, frame f WHERE ar.id = $1`,
		id, xs, ys, mapMargin, mapMinMargin, mapSimplifyShare).Scan(&path, &box)
	if errors.Is(err, pgx.ErrNoRows) {
		return AreaMap{}, Errorf(ENOTFOUND, "Area %d does not exist.", id)
	}
	if err != nil {
		return AreaMap{}, fmt.Errorf("map of area %d: %w", id, err)
	}
	m := AreaMap{AreaID: id}
	if path == nil {
		return m, nil
	}
	m.Path = *path
	copy(m.ViewBox[:], box)
	for _, mark := range marks {
		m.Marks = append(m.Marks, PlacedMark{MapMark: mark, X: math.Round(mark.Point.X), Y: -math.Round(mark.Point.Y)})
	}
	return m, nil
}

// AreaBoundary is one version of an area with its boundary as GeoJSON.
type AreaBoundary struct {
	AreaRef
	ValidFrom *time.Time // nil: valid since always
	ValidTo   *time.Time // exclusive; nil: until further notice
	GeoJSON   []byte     // the boundary as a GeoJSON geometry in WGS84; nil when it has none
}

// AreaBoundary returns the area id with its boundary, transformed to WGS84 and written as
// GeoJSON by PostGIS (six decimals: a tenth of a metre).
func (s *Store) AreaBoundary(ctx context.Context, id int) (AreaBoundary, error) {
	var b AreaBoundary
	var layer string
	err := s.db.QueryRow(ctx, `SELECT id, layer, code, name, coalesce(number, 0),
			CASE WHEN isfinite(valid_from) THEN valid_from END, valid_to,
			ST_AsGeoJSON(ST_Transform(boundary, 4326), 6)
		FROM areas WHERE id = $1`, id).
		Scan(&b.ID, &layer, &b.Code, &b.Name, &b.Number, &b.ValidFrom, &b.ValidTo, &b.GeoJSON)
	if errors.Is(err, pgx.ErrNoRows) {
		return AreaBoundary{}, Errorf(ENOTFOUND, "Area %d does not exist.", id)
	}
	if err != nil {
		return AreaBoundary{}, fmt.Errorf("boundary of area %d: %w", id, err)
	}
	b.Layer = Layer(layer)
	return b, nil
}
