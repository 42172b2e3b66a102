package areasgeojson_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/twpayne/go-geom"

	"github.com/radnice/radnice/datasets/areasgeojson"
	"github.com/radnice/radnice/geo"
)

const square = `[[[18.15,49.52],[18.16,49.52],[18.16,49.53],[18.15,49.53],[18.15,49.52]]]`

func TestReadsPolygonsAndMultiPolygonsWithTheirProperties(t *testing.T) {
	doc := `{"type":"FeatureCollection","features":[
		{"type":"Feature","properties":{"code":"ZS-1","name":"Obvod ZŠ Alšova","school":"ZŠ Alšova","school_address":2401163,"school_web":"https://zs.example"},
		 "geometry":{"type":"Polygon","coordinates":` + square + `}},
		{"type":"Feature","properties":{"code":2,"school":"ZŠ Emila Zátopka","municipality":"599565"},
		 "geometry":{"type":"MultiPolygon","coordinates":[` + square + `]}}]}`

	areas, err := areasgeojson.Read("zs.geojson", strings.NewReader(doc), geo.PrimarySchools)
	if err != nil {
		t.Fatal(err)
	}
	if len(areas) != 2 {
		t.Fatalf("areas = %d, want 2", len(areas))
	}
	first := areas[0]
	if first.Code != "ZS-1" || first.Name != "Obvod ZŠ Alšova" || first.School == nil || first.School.Name != "ZŠ Alšova" ||
		first.School.AddressCode != 2401163 || first.School.Web != "https://zs.example" {
		t.Errorf("first area = %+v, school %+v", first, first.School)
	}
	if p, ok := first.Boundary.(*geom.Polygon); !ok || p.SRID() != 4326 || p.NumCoords() != 5 {
		t.Errorf("first boundary = %#v, want a WGS84 polygon of 5 points", first.Boundary)
	}
	second := areas[1]
	if second.Code != "2" || second.Name != "2" || second.MunicipalityCode != 599565 {
		t.Errorf("second area = %+v", second)
	}
	if mp, ok := second.Boundary.(*geom.MultiPolygon); !ok || mp.SRID() != 4326 || mp.NumPolygons() != 1 {
		t.Errorf("second boundary = %#v, want a WGS84 multipolygon", second.Boundary)
	}
}

func TestListsEveryBadFeatureAndRefusesTheFile(t *testing.T) {
	doc := `{"type":"FeatureCollection","features":[
		{"type":"Feature","properties":{"code":"1","number":"x"},"geometry":{"type":"Polygon","coordinates":` + square + `}},
		{"type":"Feature","properties":{"code":"2","number":2},"geometry":{"type":"Point","coordinates":[18.1,49.5]}},
		{"type":"Feature","properties":{"code":"3","number":3},"geometry":null}]}`

	_, err := areasgeojson.Read("okrsky.geojson", strings.NewReader(doc), geo.PollingDistricts)

	var ae *geo.AreaErrors
	if !errors.As(err, &ae) {
		t.Fatalf("err = %v, want the list of problems", err)
	}
	want := []string{
		"okrsky.geojson:2: feature 1 (code 1): property number must be a whole number",
		"okrsky.geojson:3: feature 2 (code 2): geometry is a Point; expected Polygon or MultiPolygon",
		"okrsky.geojson:4: feature 3 (code 3): no geometry",
	}
	if strings.Join(ae.Problems, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems =\n%s\nwant\n%s", strings.Join(ae.Problems, "\n"), strings.Join(want, "\n"))
	}
}

func TestNamesTheLineEachBadFeatureStartsOn(t *testing.T) {
	doc := "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n    {\n      \"type\": \"Feature\",\n" +
		"      \"properties\": {\"code\": \"ZS-1\", \"school\": \"ZŠ Alšova\"},\n      \"geometry\": {\"type\": \"Polygon\", \"coordinates\": " + square + "}\n    },\n" +
		"    {\"type\": \"Feature\", \"properties\": {\"code\": \"ZS-2\", \"school_address\": \"u školy\"},\n     \"geometry\": {\"type\": \"Polygon\", \"coordinates\": " + square + "}}\n  ]\n}\n"

	_, err := areasgeojson.Read("zs.geojson", strings.NewReader(doc), geo.PrimarySchools)

	var ae *geo.AreaErrors
	if !errors.As(err, &ae) || len(ae.Problems) != 1 {
		t.Fatalf("err = %v, want one problem", err)
	}
	if want := "zs.geojson:9: feature 2 (code ZS-2): property school_address must be a kód ADM, a whole number"; ae.Problems[0] != want {
		t.Errorf("problem %q, want %q", ae.Problems[0], want)
	}
}

func TestSaysWhereTheJSONIsBroken(t *testing.T) {
	_, err := areasgeojson.Read("bad.geojson", strings.NewReader("{\"type\": \"FeatureCollection\",\n \"features\": [,]}"), geo.WasteZones)
	if err == nil || !strings.Contains(err.Error(), "bad.geojson: line 2, column") || geo.ErrorCode(err) != geo.EINVALID {
		t.Errorf("err = %v", err)
	}
	_, err = areasgeojson.Read("point.geojson", strings.NewReader(`{"type":"Feature"}`), geo.WasteZones)
	if err == nil || !strings.Contains(err.Error(), "a GeoJSON FeatureCollection is expected") {
		t.Errorf("err = %v", err)
	}
}
