package addresses_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web"
	"github.com/radnice/radnice/web/webtest"
)

type problemBody struct {
	Type          string `json:"type"`
	Title         string `json:"title"`
	Status        int    `json:"status"`
	Detail        string `json:"detail"`
	InvalidParams []struct {
		Name, Reason string
	} `json:"invalid_params"`
}

func TestSearchAPIReturnsItemsWithLabelComponentsAndCoordinates(t *testing.T) {
	srv := webtest.NewPortal(t)
	var body struct {
		Items []map[string]any `json:"items"`
	}
	res := webtest.GetJSON(t, srv, "/api/v1/addresses?q="+url.QueryEscape("Štefánikova 1163/12")+"&limit=2", &body)

	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("status %d, type %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if len(body.Items) == 0 || len(body.Items) > 2 {
		t.Fatalf("items = %d, want 1 or 2", len(body.Items))
	}
	first := body.Items[0]
	want := map[string]any{
		"id":                 float64(2401163),
		"label":              "Štefánikova 1163/12, 742 21 Kopřivnice",
		"number":             "1163/12",
		"building_type":      "cp",
		"house_number":       float64(1163),
		"orientation_number": float64(12),
		"orientation_letter": nil,
		"postcode":           "74221",
		"municipality":       map[string]any{"code": float64(599565), "name": "Kopřivnice"},
		"part":               map[string]any{"code": float64(169625), "name": "Kopřivnice"},
		"street":             map[string]any{"code": float64(1401099), "name": "Štefánikova"},
		"city_district":      nil,
		"prague_district":    nil,
		"retired":            false,
	}
	for k, v := range want {
		if !jsonEqual(first[k], v) {
			t.Errorf("%s = %#v, want %#v", k, first[k], v)
		}
	}
	lat, latOK := first["lat"].(float64)
	lon, lonOK := first["lon"].(float64)
	if !latOK || !lonOK || lat < 49.4 || lat > 49.7 || lon < 18.0 || lon > 18.3 {
		t.Errorf("lat, lon = %v, %v; want WGS84 degrees near Kopřivnice", first["lat"], first["lon"])
	}
}

func TestAddressAPIGivesNullCoordinatesWhenRUIANHasNone(t *testing.T) {
	pool := demotest.Pool(t)
	srv := webtest.Server(t, web.Config{Pool: pool})
	var id int64
	if err := pool.QueryRow(context.Background(), `SELECT code FROM address_points WHERE point_sjtsk IS NULL LIMIT 1`).Scan(&id); err != nil {
		t.Fatalf("the demo town should have addresses without coordinates: %v", err)
	}

	var item map[string]any
	webtest.GetJSON(t, srv, "/api/v1/addresses/"+strconv.FormatInt(id, 10), &item)

	for _, k := range []string{"lat", "lon", "sjtsk"} {
		if v, present := item[k]; !present || v != nil {
			t.Errorf("%s = %v (present %v), want null", k, v, present)
		}
	}
}

func TestAddressAPIAnswersByIDAndProblemDetailsOtherwise(t *testing.T) {
	srv := webtest.NewPortal(t)
	var item map[string]any
	if res := webtest.GetJSON(t, srv, "/api/v1/addresses/2500025", &item); res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	if item["label"] != "Lubina 25, 742 21 Kopřivnice" || item["street"] != nil {
		t.Errorf("item = %v", item)
	}

	var p problemBody
	res := webtest.GetJSON(t, srv, "/api/v1/addresses/1", &p)
	if res.StatusCode != 404 || res.Header.Get("Content-Type") != "application/problem+json" || p.Status != 404 || p.Title != "Not Found" || p.Type == "" {
		t.Errorf("unknown id: status %d, %+v", res.StatusCode, p)
	}
	res = webtest.GetJSON(t, srv, "/api/v1/addresses/abc", &p)
	if res.StatusCode != 400 || p.Status != 400 || len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "id" {
		t.Errorf("bad id: status %d, %+v", res.StatusCode, p)
	}
}

func TestSearchAPIExplainsBadParametersAsProblemDetails(t *testing.T) {
	srv := webtest.NewPortal(t)
	cases := []struct {
		query string
		param string
	}{
		{"", "q"},
		{"?q=stefanikova&limit=0", "limit"},
		{"?q=stefanikova&limit=51", "limit"},
		{"?q=stefanikova&limit=ten", "limit"},
		{"?q=stefanikova&municipality=12", "municipality"},
	}
	for _, c := range cases {
		var p problemBody
		res := webtest.GetJSON(t, srv, "/api/v1/addresses"+c.query, &p)
		if res.StatusCode != 400 || res.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%q: status %d, type %q", c.query, res.StatusCode, res.Header.Get("Content-Type"))
		}
		if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != c.param || p.Detail == "" {
			t.Errorf("%q: problem = %+v, want invalid parameter %q", c.query, p, c.param)
		}
	}
	var p problemBody
	res := webtest.GetJSON(t, srv, "/api/v1/addresses?q=%2C%3B", &p)
	if res.StatusCode != 400 || !strings.Contains(p.Detail, "names no street") {
		t.Errorf("query of punctuation only: status %d, %+v", res.StatusCode, p)
	}
}

func TestNearestAPIFindsTheAddressAtAPosition(t *testing.T) {
	srv := webtest.NewPortal(t)
	var item map[string]any
	webtest.GetJSON(t, srv, "/api/v1/addresses/2401163", &item)
	var near map[string]any
	path := "/api/v1/addresses/nearest?lat=" + jsonNumber(item["lat"]) + "&lon=" + jsonNumber(item["lon"])
	if res := webtest.GetJSON(t, srv, path, &near); res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	if near["id"] != float64(2401163) || near["distance_m"] != float64(0) {
		t.Errorf("nearest = %v at %v m", near["label"], near["distance_m"])
	}
	var p problemBody
	res := webtest.GetJSON(t, srv, "/api/v1/addresses/nearest?lat=100&lon=x", &p)
	if res.StatusCode != 400 || len(p.InvalidParams) != 2 {
		t.Errorf("bad coordinates: status %d, %+v", res.StatusCode, p)
	}
}

func TestUnknownAPIPathIsAProblemNotAPage(t *testing.T) {
	srv := webtest.NewPortal(t)
	var p problemBody
	if res := webtest.GetJSON(t, srv, "/api/v1/nothing", &p); res.StatusCode != 404 || p.Status != 404 {
		t.Errorf("status %d, %+v", res.StatusCode, p)
	}
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func jsonNumber(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
