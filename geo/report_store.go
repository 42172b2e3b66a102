package geo

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// ReportSampleSize is how many addresses a report lists for each problem it counts.
const ReportSampleSize = 50

// AreaReport is the data quality of the area layers on one day: the addresses the areas do
// not settle, and polling rooms outside their own district. A clean report counts zeros.
type AreaReport struct {
	Date     string           `json:"date"` // the day checked, YYYY-MM-DD
	Layers   []LayerReport    `json:"layers"`
	Stations []StationProblem `json:"stations"` // rooms of elections not over on Date
}

// LayerReport is the data quality of one layer. It considers the current addresses of the
// municipalities the layer covers on the day: those named by one of its areas valid that
// day, or holding an address assigned to one.
type LayerReport struct {
	Layer           Layer              `json:"layer"`
	Areas           int                `json:"areas"`            // areas valid on the day
	Addresses       int                `json:"addresses"`        // current addresses considered
	Uncovered       int                `json:"uncovered"`        // of those, in no area of the layer
	UncoveredSample []ReportAddress    `json:"uncovered_sample"` // the first by kód ADM
	Ambiguous       int                `json:"ambiguous"`        // in more than one area of an exclusive layer
	AmbiguousSample []AmbiguousAddress `json:"ambiguous_sample"` // the first by kód ADM
}

// ReportAddress names an address point in a report.
type ReportAddress struct {
	ID      int64  `json:"id"`
	Label   string `json:"label"`
	NoPoint bool   `json:"no_point,omitempty"` // the register gives it no coordinates: no boundary can hold it
}

func reportAddress(a Address) ReportAddress {
	return ReportAddress{ID: a.ID, Label: a.Label(), NoPoint: a.Point == nil}
}

// AmbiguousAddress is an address point in more than one area of an exclusive layer.
type AmbiguousAddress struct {
	ReportAddress
	Areas []string `json:"areas"` // the areas' codes
}

// Station problems.
const (
	StationOutside    = "outside"     // the building lies outside its district
	StationNoDistrict = "no_district" // no polling district of that number is valid on the day
)

// StationProblem is a polling room whose building is not in its own district. Where the
// district has a boundary the building's point is compared with it, else the building's
// address with the district's assigned addresses.
type StationProblem struct {
	Election       string        `json:"election"`
	DistrictNumber int           `json:"district_number"`
	Name           string        `json:"name"`
	Building       ReportAddress `json:"building"`
	Problem        string        `json:"problem"`      // StationOutside or StationNoDistrict
	InDistricts    []int         `json:"in_districts"` // the districts whose boundary holds the building
}

// validOn selects the areas (aliased ar) valid on the civil date $1.
const validOn = `ar.valid_from <= $1::date AND (ar.valid_to IS NULL OR ar.valid_to > $1::date)`

// coveredMunicipalities lists the municipalities layer $2 covers on $1 (see LayerReport).
const coveredMunicipalities = `SELECT ar.municipality_code FROM areas ar
	WHERE ar.layer = $2 AND ` + validOn + ` AND ar.municipality_code IS NOT NULL
	UNION SELECT p.municipality_code FROM address_areas aa JOIN areas ar ON ar.id = aa.area_id
	JOIN address_points p ON p.code = aa.address_code
	WHERE aa.layer = $2 AND ` + validOn

// AreaReport checks the area data on date (a civil date): for every layer, the addresses in
// no area valid that day and, for polling districts and waste zones, in more than one; and
// the polling rooms of the elections not over by date whose building lies outside their
// district. It reports problems, it does not fail on them.
func (s *Store) AreaReport(ctx context.Context, date time.Time) (AreaReport, error) {
	date = civil(date)
	rep := AreaReport{Date: date.Format(time.DateOnly), Layers: []LayerReport{}}
	for _, l := range Layers {
		lr, err := s.layerReport(ctx, l, date)
		if err != nil {
			return AreaReport{}, fmt.Errorf("report on %s: %w", l, err)
		}
		rep.Layers = append(rep.Layers, lr)
	}
	var err error
	if rep.Stations, err = s.stationProblems(ctx, date); err != nil {
		return AreaReport{}, fmt.Errorf("report on polling stations: %w", err)
	}
	return rep, nil
}

func (s *Store) layerReport(ctx context.Context, l Layer, date time.Time) (LayerReport, error) {
	lr := LayerReport{Layer: l, UncoveredSample: []ReportAddress{}, AmbiguousSample: []AmbiguousAddress{}}
	err := s.db.QueryRow(ctx, `SELECT
			(SELECT count(*) FROM areas ar WHERE ar.layer = $2 AND `+validOn+`),
			(SELECT count(*) FROM address_points a WHERE a.retired_at IS NULL
				AND a.municipality_code IN (`+coveredMunicipalities+`))`,
		date, string(l)).Scan(&lr.Areas, &lr.Addresses)
	if err != nil {
		return lr, err
	}
	rows, err := s.db.Query(ctx, `SELECT `+addressColumns+`, count(*) OVER ()
		FROM address_points a `+addressJoins+`
		WHERE a.retired_at IS NULL AND a.municipality_code IN (`+coveredMunicipalities+`)
		AND NOT EXISTS (SELECT 1 FROM address_areas aa JOIN areas ar ON ar.id = aa.area_id
			WHERE aa.address_code = a.code AND aa.layer = $2 AND `+validOn+`)
		ORDER BY a.code LIMIT $3`, date, string(l), ReportSampleSize)
	if err != nil {
		return lr, err
	}
	_, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (struct{}, error) {
		a, err := scanAddress(r, &lr.Uncovered)
		lr.UncoveredSample = append(lr.UncoveredSample, reportAddress(a))
		return struct{}{}, err
	})
	if err != nil || !l.Exclusive() {
		return lr, err
	}
	rows, err = s.db.Query(ctx, `WITH multiple AS (
			SELECT aa.address_code AS code, array_agg(ar.code ORDER BY ar.code) AS areas
			FROM address_areas aa JOIN areas ar ON ar.id = aa.area_id
			WHERE aa.layer = $2 AND `+validOn+`
			GROUP BY aa.address_code HAVING count(*) > 1)
		SELECT `+addressColumns+`, mult.areas, count(*) OVER ()
		FROM multiple mult JOIN address_points a ON a.code = mult.code `+addressJoins+`
		WHERE a.retired_at IS NULL
		ORDER BY a.code LIMIT $3`, date, string(l), ReportSampleSize)
	if err != nil {
		return lr, err
	}
	_, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (struct{}, error) {
		var m AmbiguousAddress
		a, err := scanAddress(r, &m.Areas, &lr.Ambiguous)
		m.ReportAddress = reportAddress(a)
		lr.AmbiguousSample = append(lr.AmbiguousSample, m)
		return struct{}{}, err
	})
	return lr, err
}

// stationProblems lists the polling rooms of the elections not over on date that are not in
// their own district, by election and district.
func (s *Store) stationProblems(ctx context.Context, date time.Time) ([]StationProblem, error) {
	rows, err := s.db.Query(ctx, `SELECT ps.election_id, ps.district_number, ps.name, coalesce(ps.address_code, 0),
			CASE WHEN d.id IS NULL THEN $2
				WHEN d.boundary IS NOT NULL AND b.point IS NOT NULL AND NOT ST_Covers(d.boundary, b.point) THEN $3
				WHEN d.boundary IS NULL AND NOT EXISTS (SELECT 1 FROM address_areas aa
					WHERE aa.area_id = d.id AND aa.address_code = ps.address_code) THEN $3
				ELSE '' END,
			ARRAY(SELECT ar.number FROM areas ar WHERE ar.layer = 'polling' AND `+validOn+`
				AND ST_Covers(ar.boundary, b.point) ORDER BY ar.number)
		FROM polling_stations ps
		LEFT JOIN LATERAL (SELECT a.point_sjtsk AS point FROM address_points a WHERE a.code = ps.address_code) b ON true
		LEFT JOIN LATERAL (SELECT ar.id, ar.boundary FROM areas ar
			WHERE ar.layer = 'polling' AND `+validOn+` AND ar.number = ps.district_number
			AND (ar.municipality_code = ps.municipality_code OR ar.municipality_code IS NULL AND EXISTS (
				SELECT 1 FROM address_areas aa JOIN address_points p ON p.code = aa.address_code
				WHERE aa.area_id = ar.id AND p.municipality_code = ps.municipality_code))
			ORDER BY ar.municipality_code NULLS LAST, ar.id LIMIT 1) d ON true
		WHERE ps.election_id IN (SELECT election_id FROM election_days GROUP BY election_id HAVING max(day) >= $1::date)
		ORDER BY ps.election_id, ps.municipality_code, ps.district_number`, date, StationNoDistrict, StationOutside)
	if err != nil {
		return nil, err
	}
	all, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (StationProblem, error) {
		var p StationProblem
		err := r.Scan(&p.Election, &p.DistrictNumber, &p.Name, &p.Building.ID, &p.Problem, &p.InDistricts)
		return p, err
	})
	if err != nil {
		return nil, err
	}
	problems := []StationProblem{}
	for _, p := range all {
		if p.Problem == "" {
			continue
		}
		if p.Building.ID != 0 {
			a, err := s.Address(ctx, p.Building.ID)
			if err != nil {
				return nil, err
			}
			p.Building = reportAddress(a)
		}
		if p.InDistricts == nil {
			p.InDistricts = []int{}
		}
		problems = append(problems, p)
	}
	return problems, nil
}
