package lookup_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/twpayne/go-geom"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web"
	"github.com/radnice/radnice/web/lookup"
	"github.com/radnice/radnice/web/webtest"
)

// The demo town's address points the fixtures are built around.
const (
	stefanikova   = 2401163 // Štefánikova 1163/12: in polling district 1, waste zone A, two ZŠ catchments and one MŠ
	pollingRoom   = 7442807 // Štefánikova 1806/14: the building of district 1's polling room
	nadrazni      = 9837751 // Nádražní 1545/15: in polling district 2, whose room is not published
	lubina        = 2500025 // Lubina 25: outside every area
	zsStefanikova = 3539859 // Štefánikova 1796/11: a primary school
	zsKomenskeho  = 9239169 // Komenského 1168/66: another primary school
	msSmetanova   = 6396499 // Smetanova 2317/36: a kindergarten
)

// The tests' "today": Monday 20 September 2027, late morning in Prague.
var testNow = time.Date(2027, time.September, 20, 10, 30, 0, 0, time.FixedZone("CEST", 2*60*60))

// The waste collection rules of zone A.
var (
	mixedWaste = geo.WasteSchedule{Zone: "A", WasteType: "směsný", Weekday: time.Tuesday, EveryWeeks: 1, Holidays: geo.HolidayNextWorkingDay}
	plastics   = geo.WasteSchedule{Zone: "A", WasteType: "plast", Weekday: time.Thursday, EveryWeeks: 2, Parity: geo.OddWeeks, Holidays: geo.HolidayNextWorkingDay}
)

// newServer serves the portal on a demo town with the fixtures below, its clock at testNow.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	return newServerWith(t, lookup.Config{})
}

// newServerWith is newServer with the lookup feature configured by cfg.
func newServerWith(t *testing.T, cfg lookup.Config) *httptest.Server {
	t.Helper()
	pool := demotest.Pool(t)
	seedTown(t, geo.NewStore(pool), func(sql string) {
		if _, err := pool.Exec(context.Background(), sql); err != nil {
			t.Fatal(err)
		}
	})
	lookup.SetClock(t, testNow)
	return webtest.Server(t, web.Config{Pool: pool, Lookup: cfg})
}

// seedTown gives the town, through the geo store, what the lookups read:
//
//   - polling district 1 around Štefánikova 1163/12 with its room for the regional election of
//     Friday 8 and Saturday 9 October 2027, and district 2 around Nádražní 1545/15 without one;
//   - waste zone A ("Oblast A, sever") around Štefánikova 1163/12: mixed waste every Tuesday,
//     plastics on Thursdays of odd weeks, both moved to the next working day from a holiday;
//   - two overlapping primary school catchments and one kindergarten catchment around it.
//
// The demo seed may hold areas of its own; exec clears them first, so that these tests state
// everything they rely on.
func seedTown(t *testing.T, store *geo.Store, exec func(sql string)) {
	t.Helper()
	ctx := context.Background()
	exec(`DELETE FROM address_areas; DELETE FROM catchment_rules; DELETE FROM address_district_numbers;
		DELETE FROM areas; DELETE FROM schools; DELETE FROM elections; DELETE FROM waste_schedules`)
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(store.ImportAreas(ctx, geo.AreaImport{Layer: geo.PollingDistricts, Areas: []geo.AreaInput{
		{Where: "okrsek 1", Code: "599565-1", Name: "Okrsek č. 1", Number: 1, MunicipalityCode: 599565, Boundary: square(-481384.05, -1134622.97, 150)},
		{Where: "okrsek 2", Code: "599565-2", Name: "Okrsek č. 2", Number: 2, MunicipalityCode: 599565, Boundary: square(-481958.48, -1134219.01, 50)},
	}}))
	must(nil, store.SaveElection(ctx, geo.Election{ID: "kraj-2027", Kind: "krajské", Title: "Volby do zastupitelstva Moravskoslezského kraje",
		Days: []geo.PollingDay{
			{Round: 1, Date: geo.Date(2027, time.October, 8), Opens: "14:00", Closes: "22:00"},
			{Round: 1, Date: geo.Date(2027, time.October, 9), Opens: "08:00", Closes: "14:00"},
		}}))
	must(nil, store.ReplacePollingStations(ctx, "kraj-2027", []geo.PollingStation{
		{DistrictNumber: 1, Name: "Gymnázium, učebna 12", AddressCode: pollingRoom, Note: "Vchod ze dvora; bezbariérový přístup", Where: "okrsek 1"},
	}))
	must(store.ImportAreas(ctx, geo.AreaImport{Layer: geo.WasteZones, Areas: []geo.AreaInput{
		{Where: "zóna A", Code: "A", Name: "Oblast A, sever", Boundary: square(-481384.05, -1134622.97, 150)},
	}}))
	must(nil, store.ReplaceWasteSchedules(ctx, []geo.WasteSchedule{mixedWaste, plastics}))
	must(store.ImportAreas(ctx, geo.AreaImport{Layer: geo.PrimarySchools, Areas: []geo.AreaInput{
		{Where: "zs 1", Code: "zs-stefanikova", Name: "Obvod ZŠ Štefánikova", Boundary: square(-481384.05, -1134622.97, 150),
			School: &geo.School{Name: "Základní škola Štefánikova", Web: "https://zs-stefanikova.example.cz/", AddressCode: zsStefanikova}},
		{Where: "zs 2", Code: "zs-komenskeho", Name: "Obvod ZŠ Komenského", Boundary: square(-481400, -1134600, 100),
			School: &geo.School{Name: "Základní škola Komenského", AddressCode: zsKomenskeho}},
	}}))
	must(store.ImportAreas(ctx, geo.AreaImport{Layer: geo.Kindergartens, Areas: []geo.AreaInput{
		{Where: "ms 1", Code: "ms-smetanova", Name: "Obvod MŠ Smetanova", Boundary: square(-481384.05, -1134622.97, 150),
			School: &geo.School{Name: "Mateřská škola Smetanova", Web: "https://ms-smetanova.example.cz/", AddressCode: msSmetanova}},
	}}))
}

// square is an S-JTSK square of half-side metres around x, y.
func square(x, y, half float64) *geom.Polygon {
	return geom.NewPolygon(geom.XY).MustSetCoords([][]geom.Coord{{
		{x - half, y - half}, {x + half, y - half}, {x + half, y + half}, {x - half, y + half}, {x - half, y - half},
	}}).SetSRID(5514)
}
