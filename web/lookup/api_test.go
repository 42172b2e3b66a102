package lookup_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/webtest"
)

func TestLookupByAddressAnswersPollingWasteAndSchoolsInOneDocument(t *testing.T) {
	srv := newServer(t)
	var doc map[string]any
	res := webtest.GetJSON(t, srv, "/api/v1/lookup?address=2401163", &doc)

	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("status %d, type %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	var keys []string
	for k := range doc {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if !slices.Equal(keys, []string{"address", "date", "polling", "schools", "waste"}) {
		t.Errorf("top-level keys = %v", keys)
	}
	address := doc["address"].(map[string]any)
	if address["id"] != float64(stefanikova) || address["label"] != "Štefánikova 1163/12, 742 21 Kopřivnice" || address["street"] == nil {
		t.Errorf("address = %v, want the addresses API's item of Štefánikova 1163/12", address)
	}
	if doc["date"] != "2027-09-20" {
		t.Errorf("date = %v, want today in Prague, 2027-09-20", doc["date"])
	}

	wantPolling := map[string]any{
		"covered":  true,
		"reason":   nil,
		"message":  nil,
		"district": map[string]any{"code": "599565-1", "number": 1, "name": "Okrsek č. 1"},
		"election": map[string]any{
			"id": "kraj-2027", "kind": "krajské", "title": "Volby do zastupitelstva Moravskoslezského kraje",
			"days": []any{
				map[string]any{"round": 1, "date": "2027-10-08", "opens": "14:00", "closes": "22:00"},
				map[string]any{"round": 1, "date": "2027-10-09", "opens": "08:00", "closes": "14:00"},
			},
		},
	}
	polling := doc["polling"].(map[string]any)
	for k, v := range wantPolling {
		if !jsonEqual(polling[k], v) {
			t.Errorf("polling.%s = %v, want %v", k, polling[k], v)
		}
	}
	station := polling["station"].(map[string]any)
	stationAddress := station["address"].(map[string]any)
	if station["name"] != "Gymnázium, učebna 12" || station["note"] != "Vchod ze dvora; bezbariérový přístup" ||
		stationAddress["id"] != float64(pollingRoom) || stationAddress["label"] != "Štefánikova 1806/14, 742 21 Kopřivnice" {
		t.Errorf("station = %v", station)
	}
	if station["lat"] != stationAddress["lat"] || station["lon"] != stationAddress["lon"] || station["lat"] == nil {
		t.Errorf("station lat, lon = %v, %v; want its building's", station["lat"], station["lon"])
	}

	waste := doc["waste"].(map[string]any)
	if !jsonEqual(waste["zone"], map[string]any{"code": "A", "name": "Oblast A, sever"}) || waste["covered"] != true {
		t.Errorf("waste = %v", waste)
	}
	var collections []struct {
		WasteType string   `json:"waste_type"`
		Dates     []string `json:"dates"`
	}
	remarshal(t, waste["collections"], &collections)
	if len(collections) != 2 || collections[0].WasteType != "směsný" || collections[1].WasteType != "plast" {
		t.Fatalf("collections = %+v, want směsný and plast", collections)
	}
	// 28 September and 28 October are public holidays: their collections move to the next day.
	if got, want := collections[0].Dates[:3], []string{"2027-09-21", "2027-09-29", "2027-10-05"}; !slices.Equal(got, want) {
		t.Errorf("směsný dates start %v, want %v", got, want)
	}
	if got, want := collections[1].Dates[:3], []string{"2027-09-30", "2027-10-14", "2027-10-29"}; !slices.Equal(got, want) {
		t.Errorf("plast dates start %v, want %v", got, want)
	}

	schools := doc["schools"].(map[string]any)
	var zs, ms struct {
		section
		Schools []struct {
			Name    string  `json:"name"`
			Web     *string `json:"web"`
			Area    struct{ Code, Name string }
			Address *struct {
				ID int64 `json:"id"`
			} `json:"address"`
		} `json:"schools"`
	}
	remarshal(t, schools["zs"], &zs)
	remarshal(t, schools["ms"], &ms)
	if !zs.Covered || len(zs.Schools) != 2 {
		t.Fatalf("zs = %+v, want two schools: the catchments overlap", zs)
	}
	komenskeho, stefanikovaSchool := zs.Schools[0], zs.Schools[1]
	if komenskeho.Name != "Základní škola Komenského" || komenskeho.Web != nil || komenskeho.Area.Code != "zs-komenskeho" ||
		komenskeho.Address == nil || komenskeho.Address.ID != zsKomenskeho {
		t.Errorf("first primary school = %+v", komenskeho)
	}
	if stefanikovaSchool.Name != "Základní škola Štefánikova" || stefanikovaSchool.Web == nil || *stefanikovaSchool.Web != "https://zs-stefanikova.example.cz/" {
		t.Errorf("second primary school = %+v", stefanikovaSchool)
	}
	if !ms.Covered || len(ms.Schools) != 1 || ms.Schools[0].Name != "Mateřská škola Smetanova" || ms.Schools[0].Area.Name != "Obvod MŠ Smetanova" {
		t.Errorf("ms = %+v", ms)
	}
}

func TestLookupSaysWhyWhenTheDataDoesNotSettleIt(t *testing.T) {
	srv := newServer(t)

	var nowhere map[string]any
	webtest.GetJSON(t, srv, "/api/v1/lookup?address=2500025", &nowhere)
	for _, path := range []string{"polling", "waste", "schools.zs", "schools.ms"} {
		answer := dig(nowhere, path)
		if answer["covered"] != false || answer["reason"] != "no_area" || answer["message"] == "" || answer["message"] == nil {
			t.Errorf("Lubina 25 %s = %v, want not covered for no_area with a message", path, answer)
		}
	}
	if !jsonEqual(dig(nowhere, "waste")["collections"], []any{}) || !jsonEqual(dig(nowhere, "schools.zs")["schools"], []any{}) {
		t.Errorf("lists of what is not known must be empty, not null: %v", nowhere)
	}

	var noRoom map[string]any
	webtest.GetJSON(t, srv, "/api/v1/lookup?address=9837751", &noRoom)
	polling := dig(noRoom, "polling")
	if polling["covered"] != false || polling["reason"] != "no_station" || polling["station"] != nil {
		t.Errorf("Nádražní 1545/15 polling = %v, want no_station", polling)
	}
	if dig(polling, "district")["number"] != float64(2) || dig(polling, "election")["id"] != "kraj-2027" {
		t.Errorf("what is known is still given: district %v, election %v", polling["district"], polling["election"])
	}
}

func TestLookupDateParameterChoosesTheDay(t *testing.T) {
	srv := newServer(t)
	var doc map[string]any
	webtest.GetJSON(t, srv, "/api/v1/lookup?address=2401163&date=2027-10-10", &doc)

	if doc["date"] != "2027-10-10" {
		t.Errorf("date = %v", doc["date"])
	}
	if polling := dig(doc, "polling"); polling["reason"] != "no_election" || polling["election"] != nil {
		t.Errorf("the day after the election: polling = %v, want no_election", polling)
	}
	var collections []struct {
		Dates []string `json:"dates"`
	}
	remarshal(t, dig(doc, "waste")["collections"], &collections)
	if collections[0].Dates[0] != "2027-10-12" {
		t.Errorf("first směsný date = %v, want the Tuesday after 10 October", collections[0].Dates[0])
	}
}

func TestLookupByTextAnswersForTheOneAddressItMeans(t *testing.T) {
	srv := newServer(t)
	cases := []struct {
		q    string
		want int64
		why  string
	}{
		{"Štefánikova 1163/12", stefanikova, "the search finds exactly one address"},
		{"lubina 25, 742 21 koprivnice", lubina, "several found, and the text is the first one's label apart from case and diacritics"},
	}
	for _, c := range cases {
		var doc lookupDoc
		res := webtest.GetJSON(t, srv, "/api/v1/lookup?q="+url.QueryEscape(c.q), &doc)
		if res.StatusCode != 200 || doc.Address.ID != c.want || doc.Date != "2027-09-20" {
			t.Errorf("q=%q (%s): status %d, address %d, date %q; want a lookup of %d", c.q, c.why, res.StatusCode, doc.Address.ID, doc.Date, c.want)
		}
	}
}

func TestLookupByAmbiguousTextOffersCandidatesInstead(t *testing.T) {
	srv := newServer(t)
	var doc map[string]any
	res := webtest.GetJSON(t, srv, "/api/v1/lookup?q="+url.QueryEscape("stefanikova 12"), &doc)

	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	if _, looked := doc["polling"]; looked || len(doc) != 1 {
		t.Errorf("an ambiguous text must answer only candidates, got keys of %v", doc)
	}
	var candidates []struct {
		ID    int64  `json:"id"`
		Label string `json:"label"`
	}
	remarshal(t, doc["candidates"], &candidates)
	if len(candidates) != 2 || candidates[0].ID != stefanikova || candidates[1].Label != "Štefánikova 1170/12a, 742 21 Kopřivnice" {
		t.Errorf("candidates = %+v, want Štefánikova 1163/12 and 1170/12a", candidates)
	}

	var none map[string]any
	webtest.GetJSON(t, srv, "/api/v1/lookup?q="+url.QueryEscape("Lubina 99999"), &none)
	if !jsonEqual(none, map[string]any{"candidates": []any{}}) {
		t.Errorf("a text that finds nothing: %v, want no candidates", none)
	}
}

func TestLookupByPositionUsesTheNearestAddress(t *testing.T) {
	srv := newServer(t)
	var here lookupDoc
	webtest.GetJSON(t, srv, "/api/v1/lookup?address=2401163", &here)

	var doc map[string]any
	path := "/api/v1/lookup?lat=" + strconv.FormatFloat(here.Address.Lat, 'f', -1, 64) + "&lon=" + strconv.FormatFloat(here.Address.Lon, 'f', -1, 64)
	res := webtest.GetJSON(t, srv, path, &doc)
	if res.StatusCode != 200 || dig(doc, "address")["id"] != float64(stefanikova) || doc["distance_m"] != float64(0) {
		t.Errorf("status %d, address %v at %v m; want Štefánikova 1163/12 at 0 m", res.StatusCode, dig(doc, "address")["label"], doc["distance_m"])
	}
	if dig(doc, "polling")["covered"] != true {
		t.Errorf("polling = %v, want the lookup of the address found", doc["polling"])
	}
}

func TestLookupRefusesBadParametersAsProblemDetails(t *testing.T) {
	srv := newServer(t)
	cases := []struct {
		query string
		names []string
	}{
		{"", []string{"address"}},
		{"?address=abc", []string{"address"}},
		{"?address=0", []string{"address"}},
		{"?address=99999999999", []string{"address"}},
		{"?address=2401163&q=stefanikova", []string{"address", "q"}},
		{"?q=stefanikova&lat=49.5&lon=18.1", []string{"q", "lat"}},
		{"?q=", []string{"q"}},
		{"?q=%2C%3B", []string{"q"}},
		{"?lat=49.5", []string{"lon"}},
		{"?lat=north&lon=181", []string{"lat", "lon"}},
		{"?address=2401163&date=2027-13-01", []string{"date"}},
		{"?address=2401163&date=", []string{"date"}},
	}
	for _, c := range cases {
		var p problemDoc
		res := webtest.GetJSON(t, srv, "/api/v1/lookup"+c.query, &p)
		if res.StatusCode != 400 || res.Header.Get("Content-Type") != "application/problem+json" || p.Status != 400 || p.Detail == "" {
			t.Errorf("%q: status %d, type %q, %+v", c.query, res.StatusCode, res.Header.Get("Content-Type"), p)
		}
		if !slices.Equal(p.paramNames(), c.names) {
			t.Errorf("%q: invalid_params = %+v, want %v", c.query, p.InvalidParams, c.names)
		}
	}
}

func TestLookupOfAnUnknownAddressIsNotFound(t *testing.T) {
	srv := newServer(t)
	var p problemDoc
	res := webtest.GetJSON(t, srv, "/api/v1/lookup?address=1", &p)
	if res.StatusCode != 404 || p.Status != 404 || p.Title != "Not Found" || res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("status %d, cache %q, %+v", res.StatusCode, res.Header.Get("Cache-Control"), p)
	}
}

func TestLookupAnswersCarryAnETagAndRevalidateTo304(t *testing.T) {
	srv := newServer(t)
	const path = "/api/v1/lookup?address=2401163"
	res, body := webtest.Get(t, srv, path)
	etag := res.Header.Get("ETag")
	if len(etag) < 10 || etag[0] != '"' || res.Header.Get("Cache-Control") != "public, max-age=300" {
		t.Fatalf("ETag %q, Cache-Control %q", etag, res.Header.Get("Cache-Control"))
	}
	if again, body2 := webtest.Get(t, srv, path); again.Header.Get("ETag") != etag || body2 != body {
		t.Errorf("the same answer must have the same ETag: %q, then %q", etag, again.Header.Get("ETag"))
	}

	for _, inm := range []string{etag, "W/" + etag, `"other", ` + etag, "*"} {
		res, body := webtest.Get(t, srv, path, "If-None-Match", inm)
		if res.StatusCode != 304 || len(body) != 0 || res.Header.Get("ETag") != etag || res.Header.Get("Cache-Control") != "public, max-age=300" {
			t.Errorf("If-None-Match %s: status %d, %d bytes, ETag %q, Cache-Control %q; want 304 without a body",
				inm, res.StatusCode, len(body), res.Header.Get("ETag"), res.Header.Get("Cache-Control"))
		}
	}
	if res, _ := webtest.Get(t, srv, path, "If-None-Match", `"stale"`); res.StatusCode != 200 {
		t.Errorf("a stale ETag: status %d, want 200", res.StatusCode)
	}
	if res, _ := webtest.Get(t, srv, "/api/v1/lookup?address=2401163&date=2027-10-10", "If-None-Match", etag); res.StatusCode != 200 || res.Header.Get("ETag") == etag {
		t.Errorf("another day's answer: status %d, ETag %q; want a new answer", res.StatusCode, res.Header.Get("ETag"))
	}
}

func TestLookupByTextOrPositionStaysOutOfSharedCaches(t *testing.T) {
	srv := newServer(t)
	for _, path := range []string{
		"/api/v1/lookup?q=" + url.QueryEscape("Štefánikova 1163/12"),
		"/api/v1/lookup?q=" + url.QueryEscape("stefanikova 12"),
		"/api/v1/lookup?lat=49.531&lon=18.173",
	} {
		res, _ := webtest.Get(t, srv, path)
		if res.StatusCode != 200 || res.Header.Get("Cache-Control") != "private, max-age=300" || res.Header.Get("ETag") == "" {
			t.Errorf("%s: status %d, Cache-Control %q, ETag %q", path, res.StatusCode, res.Header.Get("Cache-Control"), res.Header.Get("ETag"))
		}
	}
}

func TestAPIAllowsCrossOriginGETsWithoutCredentials(t *testing.T) {
	srv := newServer(t)
	for _, path := range []string{"/api/v1/lookup?address=2401163", "/api/v1/addresses?q=lubina", "/api/v1/waste/2401163.ics", "/api/v1/lookup"} {
		res, _ := webtest.Get(t, srv, path, "Origin", "https://example.org")
		if res.Header.Get("Access-Control-Allow-Origin") != "*" || res.Header.Get("Access-Control-Allow-Credentials") != "" {
			t.Errorf("GET %s: Allow-Origin %q, Allow-Credentials %q", path, res.Header.Get("Access-Control-Allow-Origin"), res.Header.Get("Access-Control-Allow-Credentials"))
		}
		if res.Header.Get("Access-Control-Expose-Headers") != "ETag" {
			t.Errorf("GET %s: Expose-Headers %q, want ETag for revalidation by scripts", path, res.Header.Get("Access-Control-Expose-Headers"))
		}
	}

	req, _ := http.NewRequest(http.MethodOptions, srv.URL+"/api/v1/lookup?address=2401163", nil)
	req.Header.Set("Origin", "https://example.org")
	req.Header.Set("Access-Control-Request-Method", "GET")
	req.Header.Set("Access-Control-Request-Headers", "if-none-match")
	res, body := webtest.Do(t, req)
	if res.StatusCode != 204 || len(body) != 0 {
		t.Errorf("preflight: status %d, body %q; want 204", res.StatusCode, body)
	}
	want := map[string]string{
		"Access-Control-Allow-Origin":      "*",
		"Access-Control-Allow-Methods":     "GET",
		"Access-Control-Allow-Headers":     "If-None-Match",
		"Access-Control-Allow-Credentials": "",
	}
	for k, v := range want {
		if res.Header.Get(k) != v {
			t.Errorf("preflight: %s = %q, want %q", k, res.Header.Get(k), v)
		}
	}

	if res, _ := webtest.Get(t, srv, "/kde-volim", "Origin", "https://example.org"); res.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("pages are not shared across origins: Allow-Origin %q", res.Header.Get("Access-Control-Allow-Origin"))
	}
}

// dig follows a dotted path of object keys: dig(doc, "schools.zs").
func dig(v map[string]any, path string) map[string]any {
	for _, key := range strings.Split(path, ".") {
		next, _ := v[key].(map[string]any)
		v = next
	}
	return v
}

// remarshal decodes a part of a decoded JSON document into a typed value.
func remarshal(t *testing.T, from, to any) {
	t.Helper()
	b, err := json.Marshal(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, to); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
}
