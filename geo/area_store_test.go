package geo_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/twpayne/go-geom"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/geo"
)

// The demo town's areas (datasets/demotown, loaded by demotest) put its fixtures here:
//
//	                      polling  waste  zs                ms
//	Štefánikova 1163/12   4        B      ZS-3              MS-1, MS-3
//	Štefánikova 1170/12a  4        B      ZS-3              MS-1, MS-3
//	Lubina 25             7        C      ZS-3              MS-4
//	Záhumenní č. ev. 45   1        A      ZS-1              MS-1
//
// The odd numbers of Štefánikova lie in ZS-3's boundary but belong to ZS-1 by rule.

// demoStore is a store over a fresh demo town database with its areas.
func demoStore(t *testing.T) (*geo.Store, *pgxpool.Pool) {
	t.Helper()
	pool := demotest.Pool(t)
	return geo.NewStore(pool), pool
}

// pointOf returns the S-JTSK point of an address.
func pointOf(t *testing.T, store *geo.Store, id int64) (x, y float64) {
	t.Helper()
	a, err := store.Address(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Point == nil {
		t.Fatalf("address %d has no point", id)
	}
	return a.Point.X, a.Point.Y
}

// square is an S-JTSK square of half-side metres around x, y.
func square(x, y, half float64) *geom.Polygon {
	return geom.NewPolygon(geom.XY).MustSetCoords([][]geom.Coord{{
		{x - half, y - half}, {x + half, y - half}, {x + half, y + half}, {x - half, y + half}, {x - half, y - half},
	}}).SetSRID(5514)
}

// lookup answers for an address on a day.
func lookup(t *testing.T, store *geo.Store, id int64, date time.Time) geo.Lookup {
	t.Helper()
	l, err := store.Lookup(context.Background(), id, date)
	if err != nil {
		t.Fatalf("lookup %d on %s: %v", id, date.Format(time.DateOnly), err)
	}
	return l
}

// catchments lists the area codes of a school answer, "" when it is not covered.
func catchments(a geo.SchoolAnswer) string {
	var codes []string
	for _, s := range a.Schools {
		codes = append(codes, s.Area.Code)
	}
	return strings.Join(codes, " ")
}

func importAreas(t *testing.T, store *geo.Store, imp geo.AreaImport) geo.AreaImportResult {
	t.Helper()
	res, err := store.ImportAreas(context.Background(), imp)
	if err != nil {
		t.Fatalf("import %s areas: %v", imp.Layer, err)
	}
	return res
}

func newSchoolArea(code, school string, boundary geom.T) geo.AreaInput {
	return geo.AreaInput{Where: code, Code: code, Name: "Obvod " + school, Boundary: boundary, School: &geo.School{Name: school}}
}

func TestNextYearsCatchmentLoadedAheadTakesOverOnItsDate(t *testing.T) {
	store, _ := demoStore(t)
	x, y := pointOf(t, store, stefanikova1163_12)
	september := geo.Date(2027, time.September, 1)

	res := importAreas(t, store, geo.AreaImport{Layer: geo.PrimarySchools, ValidFrom: september, Areas: []geo.AreaInput{
		newSchoolArea("ZS-4", "Základní škola Kopřivnice, Pionýrská", square(x, y, 300)),
	}})
	if res.Areas != 1 || res.Closed != 3 || res.Assigned == 0 {
		t.Errorf("result %+v, want 1 area written, the 3 current ones closed and addresses assigned", res)
	}

	if got := catchments(lookup(t, store, stefanikova1163_12, september.AddDate(0, 0, -1)).PrimarySchools); got != "ZS-3" {
		t.Errorf("on 31 August the catchment is %q, want the current ZS-3", got)
	}
	if got := catchments(lookup(t, store, stefanikova1163_12, september).PrimarySchools); got != "ZS-4" {
		t.Errorf("on 1 September the catchment is %q, want next year's ZS-4", got)
	}
	// The new version replaces the whole layer: an address outside it has no catchment then.
	if l := lookup(t, store, lubina25, september); l.PrimarySchools.Covered || l.PrimarySchools.Reason != "no_area" {
		t.Errorf("Lubina 25 on 1 September: %+v, want not covered, no_area", l.PrimarySchools.Coverage)
	}
	if got := catchments(lookup(t, store, lubina25, september.AddDate(0, 0, -1)).PrimarySchools); got != "ZS-3" {
		t.Errorf("Lubina 25 on 31 August: %q, want ZS-3", got)
	}
}

func TestReimportingTheSameDayReplacesThatDaysVersion(t *testing.T) {
	store, pool := demoStore(t)
	x, y := pointOf(t, store, stefanikova1163_12)
	september := geo.Date(2027, time.September, 1)

	importAreas(t, store, geo.AreaImport{Layer: geo.PrimarySchools, ValidFrom: september, Areas: []geo.AreaInput{
		newSchoolArea("ZS-4", "Základní škola Kopřivnice, Pionýrská", square(x, y, 300)),
	}})
	res := importAreas(t, store, geo.AreaImport{Layer: geo.PrimarySchools, ValidFrom: september, Areas: []geo.AreaInput{
		newSchoolArea("ZS-5", "Základní škola Kopřivnice, Tyršova", square(x, y, 300)),
	}})
	if res.Closed != 0 {
		t.Errorf("%d versions closed; replacing the day's version closes none", res.Closed)
	}
	if got := catchments(lookup(t, store, stefanikova1163_12, september).PrimarySchools); got != "ZS-5" {
		t.Errorf("on 1 September the catchment is %q, want the corrected ZS-5", got)
	}
	var versions []string
	rows, err := pool.Query(context.Background(), `SELECT code || ' ' || valid_from || '…' || coalesce(valid_to::text, '')
		FROM areas WHERE layer = 'zs' ORDER BY valid_from, code`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		versions = append(versions, v)
	}
	want := "ZS-1 -infinity…2027-09-01, ZS-2 -infinity…2027-09-01, ZS-3 -infinity…2027-09-01, ZS-5 2027-09-01…"
	if got := strings.Join(versions, ", "); got != want {
		t.Errorf("versions\n got %s\nwant %s", got, want)
	}
}

func TestAVersionLoadedBeforeALaterOneEndsWhereTheLaterBegins(t *testing.T) {
	store, _ := demoStore(t)
	x, y := pointOf(t, store, stefanikova1163_12)
	importAreas(t, store, geo.AreaImport{Layer: geo.PrimarySchools, ValidFrom: geo.Date(2027, time.September, 1), Areas: []geo.AreaInput{
		newSchoolArea("ZS-4", "Základní škola Kopřivnice, Pionýrská", square(x, y, 300)),
	}})
	importAreas(t, store, geo.AreaImport{Layer: geo.PrimarySchools, ValidFrom: geo.Date(2027, time.January, 1), Areas: []geo.AreaInput{
		newSchoolArea("ZS-5", "Základní škola Kopřivnice, Tyršova", square(x, y, 300)),
	}})
	for _, c := range []struct {
		date time.Time
		want string
	}{
		{geo.Date(2026, time.December, 31), "ZS-3"},
		{geo.Date(2027, time.January, 1), "ZS-5"},
		{geo.Date(2027, time.August, 31), "ZS-5"},
		{geo.Date(2027, time.September, 1), "ZS-4"},
	} {
		if got := catchments(lookup(t, store, stefanikova1163_12, c.date).PrimarySchools); got != c.want {
			t.Errorf("on %s the catchment is %q, want %s", c.date.Format(time.DateOnly), got, c.want)
		}
	}
}

func TestInvalidGeometryIsRefusedWithPostGISsReasonUnlessRepaired(t *testing.T) {
	store, _ := demoStore(t)
	x, y := pointOf(t, store, stefanikova1163_12)
	// A bow tie: its two triangles meet at a point, where the outline crosses itself.
	bowTie := geom.NewPolygon(geom.XY).MustSetCoords([][]geom.Coord{{
		{x - 100, y - 100}, {x + 100, y + 100}, {x + 100, y - 100}, {x - 100, y + 100}, {x - 100, y - 100},
	}}).SetSRID(5514)
	imp := geo.AreaImport{Layer: geo.WasteZones, Areas: []geo.AreaInput{
		{Where: "zones.geojson: feature 1", Code: "D", Name: "Oblast D", Boundary: bowTie},
	}}

	_, err := store.ImportAreas(context.Background(), imp)
	var refused *geo.AreaErrors
	if !errors.As(err, &refused) || geo.ErrorCode(err) != geo.EINVALID {
		t.Fatalf("err = %v, want *geo.AreaErrors, EINVALID", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "zones.geojson: feature 1: invalid geometry: Self-intersection[") ||
		!strings.Contains(msg, "--repair") {
		t.Errorf("message %q, want the feature, PostGIS's reason with its place and the --repair hint", msg)
	}
	if l := lookup(t, store, stefanikova1163_12, geo.Date(2027, time.May, 3)); l.Waste.Zone == nil || l.Waste.Zone.Code != "B" {
		t.Errorf("after the refusal the zone is %+v, want B still", l.Waste.Zone)
	}

	imp.Repair = true
	res := importAreas(t, store, imp)
	if res.Repaired != 1 || res.Assigned == 0 {
		t.Errorf("result %+v, want 1 repaired and addresses assigned", res)
	}
	if l := lookup(t, store, stefanikova1163_12, geo.Date(2027, time.May, 3)); l.Waste.Zone == nil || l.Waste.Zone.Code != "D" {
		t.Errorf("after the repaired import the zone is %+v, want D", l.Waste.Zone)
	}
}

func TestASchoolAddressOutsideTheRegisterIsRefused(t *testing.T) {
	store, _ := demoStore(t)
	x, y := pointOf(t, store, stefanikova1163_12)
	area := newSchoolArea("MS-9", "Mateřská škola Kopřivnice, Pionýrská", square(x, y, 300))
	area.School.AddressCode = 99999999
	_, err := store.ImportAreas(context.Background(), geo.AreaImport{Layer: geo.Kindergartens, Areas: []geo.AreaInput{area}})
	if geo.ErrorCode(err) != geo.EINVALID || !strings.Contains(err.Error(), "MS-9: school_address 99999999 is not an address point in the register") {
		t.Errorf("err = %v, want the unknown school_address refused", err)
	}
	if got := catchments(lookup(t, store, stefanikova1163_12, geo.Date(2027, time.May, 3)).Kindergartens); got != "MS-1 MS-3" {
		t.Errorf("after the refusal the kindergartens are %q, want MS-1 MS-3 still", got)
	}
}

// oddStefanikova returns the lowest odd-numbered address of Štefánikova.
func oddStefanikova(t *testing.T, pool *pgxpool.Pool) int64 {
	t.Helper()
	var id int64
	err := pool.QueryRow(context.Background(), `SELECT a.code FROM address_points a JOIN streets s ON s.code = a.street_code
		WHERE s.name = 'Štefánikova' AND a.orientation_number % 2 = 1 ORDER BY a.orientation_number LIMIT 1`).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestACatchmentRuleBeatsThePolygonTheAddressLiesIn(t *testing.T) {
	store, pool := demoStore(t)
	ctx := context.Background()
	odd := oddStefanikova(t, pool)
	may := geo.Date(2027, time.May, 3)

	var inZS3 bool
	if err := pool.QueryRow(ctx, `SELECT ST_Covers(ar.boundary, a.point_sjtsk) FROM areas ar, address_points a
		WHERE ar.layer = 'zs' AND ar.code = 'ZS-3' AND a.code = $1`, odd).Scan(&inZS3); err != nil {
		t.Fatal(err)
	}
	if !inZS3 {
		t.Fatal("the odd side of Štefánikova should lie within ZS-3's boundary")
	}
	if got := catchments(lookup(t, store, odd, may).PrimarySchools); got != "ZS-1" {
		t.Errorf("odd Štefánikova: %q, want only ZS-1, whose rule takes the odd numbers", got)
	}
	if got := catchments(lookup(t, store, stefanikova1163_12, may).PrimarySchools); got != "ZS-3" {
		t.Errorf("Štefánikova 1163/12: %q, want ZS-3 by its boundary", got)
	}

	// New rules replace the old ones: now 12 (and so 12a) go to ZS-2, the odd side returns to ZS-3.
	rules, err := geo.ParseCatchmentRules("[ZS-2] ZŠ Školní\nŠtefánikova - sudá č. 12\n")
	if err != nil {
		t.Fatal(err)
	}
	if n, err := store.ImportCatchmentRules(ctx, geo.PrimarySchools, rules); err != nil || n != 2 {
		t.Fatalf("rules assigned %d addresses (%v), want 12 and 12a", n, err)
	}
	for id, want := range map[int64]string{stefanikova1163_12: "ZS-2", stefanikova1170_12a: "ZS-2", odd: "ZS-3"} {
		if got := catchments(lookup(t, store, id, may).PrimarySchools); got != want {
			t.Errorf("address %d: %q, want %s", id, got, want)
		}
	}
}

func TestRegisterDistrictNumbersBeatTheBoundaries(t *testing.T) {
	store, pool := demoStore(t)
	ctx := context.Background()
	n, err := store.ImportDistrictNumbers(ctx, []geo.DistrictNumber{{AddressCode: stefanikova1163_12, Number: 1}})
	if err != nil || n != 1 {
		t.Fatalf("assigned %d (%v), want 1", n, err)
	}
	may := geo.Date(2027, time.May, 3)
	l := lookup(t, store, stefanikova1163_12, may)
	if !l.Polling.Covered || l.Polling.District.Number != 1 || l.Polling.Station.Name != "Základní škola Komenského – jídelna" {
		t.Errorf("Štefánikova 1163/12: %+v, district %+v; want district 1 of the register and its room", l.Polling.Coverage, l.Polling.District)
	}
	if l := lookup(t, store, stefanikova1170_12a, may); l.Polling.District == nil || l.Polling.District.Number != 4 {
		t.Errorf("Štefánikova 1170/12a: district %+v, want 4 by its boundary", l.Polling.District)
	}
	var districts int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM areas WHERE layer = 'polling'`).Scan(&districts); err != nil {
		t.Fatal(err)
	}
	if districts != 8 {
		t.Errorf("%d polling districts, want the 8 drawn ones: the register's numbers name them", districts)
	}
}
