package lookup_test

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/lookup"
	"github.com/radnice/radnice/web/webtest"
)

// areaIDs are the ids of the areas the answer page at path draws, in page order.
func areaIDs(t *testing.T, srv *httptest.Server, path string) []string {
	t.Helper()
	_, body := webtest.Get(t, srv, path)
	var ids []string
	for _, f := range figures.FindAllStringSubmatch(body, -1) {
		ids = append(ids, f[1])
	}
	return ids
}

// featureDoc is GET /api/v1/areas/{id}'s answer.
type featureDoc struct {
	Type     string `json:"type"`
	ID       int    `json:"id"`
	Geometry struct {
		Type        string           `json:"type"`
		Coordinates [][][][2]float64 `json:"coordinates"`
	} `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

func TestAreaAnswersAGeoJSONFeatureInWGS84(t *testing.T) {
	srv := newServer(t)
	ids := areaIDs(t, srv, "/moje-adresa/2401163")
	if len(ids) != 5 {
		t.Fatalf("area ids %v, want the five areas of Štefánikova 1163/12", ids)
	}
	var f featureDoc
	res := webtest.GetJSON(t, srv, "/api/v1/areas/"+ids[0], &f)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/geo+json" ||
		res.Header.Get("Cache-Control") != "public, max-age=300" || res.Header.Get("ETag") == "" ||
		res.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("status %d, headers %v", res.StatusCode, res.Header)
	}
	props, _ := json.Marshal(f.Properties)
	if want := `{"code":"599565-1","id":` + ids[0] + `,"layer":"polling","name":"Okrsek č. 1","number":1,"valid_from":null,"valid_to":null}`; string(props) != want {
		t.Errorf("properties %s, want %s", props, want)
	}
	if f.Type != "Feature" || f.Geometry.Type != "MultiPolygon" || len(f.Geometry.Coordinates) != 1 {
		t.Fatalf("feature %+v, want a Feature of the district's MultiPolygon", f)
	}
	// The district is a square of 300 m around the address, at 49.531057 N, 18.173230 E.
	ring := f.Geometry.Coordinates[0][0]
	if len(ring) != 5 || ring[0] != ring[4] {
		t.Fatalf("ring %v, want the closed square", ring)
	}
	var west, east, south, north = 180.0, -180.0, 90.0, -90.0
	for _, p := range ring {
		west, east, south, north = min(west, p[0]), max(east, p[0]), min(south, p[1]), max(north, p[1])
	}
	if !(west < 18.173230 && 18.173230 < east && south < 49.531057 && 49.531057 < north) || east-west > 0.01 || north-south > 0.01 {
		t.Errorf("the square spans %g–%g E, %g–%g N; want some 300 m around the address", west, east, south, north)
	}

	var zone featureDoc
	webtest.GetJSON(t, srv, "/api/v1/areas/"+ids[1], &zone)
	if zone.Properties["layer"] != "waste" || zone.Properties["code"] != "A" || zone.Properties["number"] != nil {
		t.Errorf("waste zone properties %v, want layer waste, code A and no number", zone.Properties)
	}

	res, body := webtest.Get(t, srv, "/api/v1/areas/"+ids[0], "If-None-Match", res.Header.Get("ETag"))
	if res.StatusCode != 304 || len(body) != 0 {
		t.Errorf("revalidation: status %d, body %q; want 304", res.StatusCode, body)
	}
}

func TestAreaRefusesAMalformedIDAndDoesNotFindAnUnknownOne(t *testing.T) {
	srv := newServer(t)
	for _, id := range []string{"abc", "0", "-3", "2147483648", "1.5"} {
		var p problemDoc
		res := webtest.GetJSON(t, srv, "/api/v1/areas/"+id, &p)
		if res.StatusCode != 400 || res.Header.Get("Content-Type") != "application/problem+json" || strings.Join(p.paramNames(), ",") != "id" {
			t.Errorf("id %q: status %d, problem %+v; want 400 naming id", id, res.StatusCode, p)
		}
	}
	var p problemDoc
	res := webtest.GetJSON(t, srv, "/api/v1/areas/2147483647", &p)
	if res.StatusCode != 404 || res.Header.Get("Content-Type") != "application/problem+json" || p.Detail != "Area 2147483647 does not exist." {
		t.Errorf("unknown area: status %d, problem %+v; want 404", res.StatusCode, p)
	}
}

func TestMapsCarryTheConfiguredBasemapForTheScript(t *testing.T) {
	srv := newServerWith(t, lookup.Config{Basemap: lookup.Basemap{
		URL: "https://{s}.tile.example.org/{z}/{x}/{y}.png", Attribution: `© <a href="https://example.org/">Example</a>`,
	}})
	res, body := webtest.Get(t, srv, "/svoz-odpadu/2401163")
	want := ` data-tiles="https://{s}.tile.example.org/{z}/{x}/{y}.png" data-attribution="© &lt;a href=&#34;https://example.org/&#34;&gt;Example&lt;/a&gt;"`
	if f := figures.FindStringSubmatch(body); f == nil || f[3] != want {
		t.Errorf("the map's figure has not the attributes%s:\n%s", want, body)
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "img-src 'self' data: https://*.tile.example.org;") {
		t.Errorf("Content-Security-Policy %q does not allow the tiles", csp)
	}

	res, body = webtest.Get(t, newServer(t), "/svoz-odpadu/2401163")
	if f := figures.FindStringSubmatch(body); f == nil || f[3] != "" {
		t.Errorf("without a basemap the map's figure names tiles:\n%s", body)
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "img-src 'self' data:;") {
		t.Errorf("without a basemap the Content-Security-Policy %q allows other images", csp)
	}
}

func TestBasemapTileSourceIsTheOriginOfItsURL(t *testing.T) {
	cases := map[string]string{
		"": "",
		"https://tile.example.org/{z}/{x}/{y}.png":              "https://tile.example.org",
		"https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png":    "https://*.tile.openstreetmap.org",
		"http://127.0.0.1:8081/tiles/{z}/{x}/{y}.png?key=abc":   "http://127.0.0.1:8081",
		"https://[2001:db8::1]:8443/{z}/{x}/{y}.png":            "https://[2001:db8::1]:8443",
		"tile.example.org/{z}/{x}/{y}.png":                      "",
		"ftp://tile.example.org/{z}/{x}/{y}.png":                "",
		"javascript:alert(1)":                                   "",
		"https://user:secret@tile.example.org/{z}/{x}/{y}.png":  "",
		"https://tile.example.org;script-src:*/{z}/{x}/{y}.png": "",
		"https://tile-{s}.example.org/{z}/{x}/{y}.png":          "",
	}
	for url, want := range cases {
		if got := (lookup.Basemap{URL: url}).TileSource(); got != want {
			t.Errorf("TileSource of %q = %q, want %q", url, got, want)
		}
	}
}
