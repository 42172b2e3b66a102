package geo_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/twpayne/go-geom"
	"github.com/twpayne/go-geom/encoding/ewkb"

	"github.com/radnice/radnice/geo"
)

// The demo town's three address points without coordinates.
var withoutCoordinates = []geo.ReportAddress{
	{ID: 3030322, Label: "Drnholec nad Lubinou 2960, 742 21 Kopřivnice", NoPoint: true},
	{ID: 3864742, Label: "Husova 506/40, 742 21 Kopřivnice", NoPoint: true},
	{ID: 4532387, Label: "Francouzská 736/75, 742 21 Kopřivnice", NoPoint: true},
}

func areaReport(t *testing.T, store *geo.Store, date time.Time) geo.AreaReport {
	t.Helper()
	rep, err := store.AreaReport(context.Background(), date)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// layer returns the report on one layer.
func layer(t *testing.T, rep geo.AreaReport, l geo.Layer) geo.LayerReport {
	t.Helper()
	for _, lr := range rep.Layers {
		if lr.Layer == l {
			return lr
		}
	}
	t.Fatalf("the report has no %s layer", l)
	return geo.LayerReport{}
}

func TestTheDemoTownsReportListsOnlyTheAddressesWithoutCoordinates(t *testing.T) {
	store, _ := demoStore(t)
	rep := areaReport(t, store, may3)
	if rep.Date != "2027-05-03" || len(rep.Layers) != 4 {
		t.Fatalf("report for %s with %d layers, want 2027-05-03 and all 4", rep.Date, len(rep.Layers))
	}
	for l, areas := range map[geo.Layer]int{geo.PollingDistricts: 8, geo.WasteZones: 3, geo.PrimarySchools: 3, geo.Kindergartens: 4} {
		lr := layer(t, rep, l)
		if lr.Areas != areas || lr.Addresses != 3041 || lr.Uncovered != 3 || !slices.Equal(lr.UncoveredSample, withoutCoordinates) ||
			lr.Ambiguous != 0 || len(lr.AmbiguousSample) != 0 {
			t.Errorf("%s: %+v; want %d areas, 3,041 addresses, the 3 without coordinates uncovered, none ambiguous", l, lr, areas)
		}
	}
	if len(rep.Stations) != 0 {
		t.Errorf("stations %+v, want every room in its district", rep.Stations)
	}
}

func TestTheReportFindsUncoveredAndAmbiguousAddressesAndMisplacedRooms(t *testing.T) {
	store, pool := demoStore(t)
	ctx := context.Background()
	// Lubina 25 is surveyed again and lands 10 km away, beyond every area.
	if _, err := pool.Exec(ctx, `UPDATE address_points SET point_sjtsk = ST_Translate(point_sjtsk, 10000, 0) WHERE code = $1`, lubina25); err != nil {
		t.Fatal(err)
	}
	if err := store.RefreshAssignments(ctx); err != nil {
		t.Fatal(err)
	}
	// Waste zone D is drawn over part of zone B around Štefánikova 1163/12.
	x, y := pointOf(t, store, stefanikova1163_12)
	zones := []geo.AreaInput{{Where: "D", Code: "D", Name: "Oblast D", Boundary: square(x, y, 40)}}
	for _, code := range []string{"A", "B", "C"} {
		var boundary []byte
		if err := pool.QueryRow(ctx, `SELECT ST_AsEWKB(boundary) FROM areas WHERE layer = 'waste' AND code = $1`, code).Scan(&boundary); err != nil {
			t.Fatal(err)
		}
		zones = append(zones, geo.AreaInput{Where: code, Code: code, Name: "Oblast " + code, Boundary: mustEWKB(t, boundary)})
	}
	importAreas(t, store, geo.AreaImport{Layer: geo.WasteZones, Areas: zones})
	// District 1 votes in a room on Štefánikova, in district 4; district 9 does not exist.
	stations := []geo.PollingStation{
		{DistrictNumber: 1, Name: "Klub Štefánikova", AddressCode: stefanikova1163_12, Where: "okrsek 1"},
		{DistrictNumber: 9, Name: "Hasičská zbrojnice", AddressCode: lubina25, Where: "okrsek 9"},
	}
	if err := store.ReplacePollingStations(ctx, "prezident-2028", stations); err != nil {
		t.Fatal(err)
	}

	rep := areaReport(t, store, may3)
	lubina := geo.ReportAddress{ID: lubina25, Label: "Lubina 25, 742 21 Kopřivnice"}
	for _, l := range geo.Layers {
		lr := layer(t, rep, l)
		if lr.Uncovered != 4 || !slices.Contains(lr.UncoveredSample, lubina) {
			t.Errorf("%s: %d uncovered %+v, want Lubina 25 among 4", l, lr.Uncovered, lr.UncoveredSample)
		}
	}
	waste := layer(t, rep, geo.WasteZones)
	if waste.Ambiguous == 0 || waste.Ambiguous > geo.ReportSampleSize || len(waste.AmbiguousSample) != waste.Ambiguous {
		t.Fatalf("waste: %d ambiguous, sample %d; want the addresses under zone D, each listed", waste.Ambiguous, len(waste.AmbiguousSample))
	}
	i := slices.IndexFunc(waste.AmbiguousSample, func(a geo.AmbiguousAddress) bool { return a.ID == stefanikova1163_12 })
	if i < 0 || !slices.Equal(waste.AmbiguousSample[i].Areas, []string{"B", "D"}) ||
		waste.AmbiguousSample[i].Label != "Štefánikova 1163/12, 742 21 Kopřivnice" {
		t.Errorf("ambiguous sample %+v, want Štefánikova 1163/12 in B and D", waste.AmbiguousSample)
	}

	want := []geo.StationProblem{
		{Election: "prezident-2028", DistrictNumber: 1, Name: "Klub Štefánikova", Problem: geo.StationOutside, InDistricts: []int{4},
			Building: geo.ReportAddress{ID: stefanikova1163_12, Label: "Štefánikova 1163/12, 742 21 Kopřivnice"}},
		{Election: "prezident-2028", DistrictNumber: 9, Name: "Hasičská zbrojnice", Problem: geo.StationNoDistrict, InDistricts: []int{},
			Building: lubina},
	}
	if got, _ := json.Marshal(rep.Stations); string(got) != string(mustJSON(t, want)) {
		t.Errorf("stations\n got %s\nwant %s", got, mustJSON(t, want))
	}

	// Once the election is over its rooms are no longer checked.
	if after := areaReport(t, store, geo.Date(2028, time.February, 1)); len(after.Stations) != 0 {
		t.Errorf("after the election: %+v, want no rooms checked", after.Stations)
	}
}

func TestTheReportIsJSONWithEmptyListsNotNull(t *testing.T) {
	store, pool := demoStore(t)
	if _, err := pool.Exec(context.Background(), `DELETE FROM address_areas; DELETE FROM areas WHERE layer = 'ms'`); err != nil {
		t.Fatal(err)
	}
	body := string(mustJSON(t, areaReport(t, store, may3)))
	for _, want := range []string{
		`"date":"2027-05-03"`,
		`{"layer":"ms","areas":0,"addresses":0,"uncovered":0,"uncovered_sample":[],"ambiguous":0,"ambiguous_sample":[]}`,
		`"stations":[`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("JSON lacks %s:\n%s", want, body)
		}
	}
	if strings.Contains(body, "null") {
		t.Errorf("JSON holds a null:\n%s", body)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustEWKB(t *testing.T, b []byte) geom.T {
	t.Helper()
	g, err := ewkb.Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return g
}
