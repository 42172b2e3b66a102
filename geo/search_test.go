package geo_test

import (
	"context"
	"strings"
	"testing"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/geo"
)

// The demo town (datasets/demotown) holds, among ~3,000 addresses:
const (
	stefanikova1163_12  = 2401163 // Štefánikova 1163/12, 742 21 Kopřivnice
	stefanikova1170_12a = 2401170 // Štefánikova 1170/12a
	lubina25            = 2500025 // Lubina 25: a town part without streets
	zahumenniEv45       = 2600045 // Záhumenní č. ev. 45
	kopřivnice          = 599565
)

func search(t *testing.T, store *geo.Store, text string, limit int) []geo.Address {
	t.Helper()
	found, err := store.Search(context.Background(), geo.SearchParams{Text: text, Limit: limit})
	if err != nil {
		t.Fatalf("search %q: %v", text, err)
	}
	return found
}

func TestSearchFindsTheAddressFirstForEveryQueryForm(t *testing.T) {
	store := geo.NewStore(demotest.Pool(t))
	cases := []struct {
		query string
		want  int64
	}{
		{"stefanikova 12", stefanikova1163_12},
		{"Štefánikova 1163/12", stefanikova1163_12},
		{"ŠTEFÁNIKOVA 1163 / 12", stefanikova1163_12},
		{"1163/12", stefanikova1163_12},
		{"štef 1163", stefanikova1163_12},
		{"č.p. 1163", stefanikova1163_12},
		{"cp 1163 kopřivnice", stefanikova1163_12},
		{"č. ev. 45", zahumenniEv45},
		{"ev. č. 45", zahumenniEv45},
		{"12a", stefanikova1170_12a},
		{"Štefánikova 12 a", stefanikova1170_12a},
		{"Lubina 25", lubina25},
		{"stefanikova 12, 742 21 Kopřivnice", stefanikova1163_12},
		{"Štefánikova 1163/12, 74221 Kopřivnice", stefanikova1163_12},
		{"stefanikva 12", stefanikova1163_12},    // a letter missing
		{"stefanikiva 1163", stefanikova1163_12}, // a letter wrong
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			found := search(t, store, c.query, 5)
			if len(found) == 0 || found[0].ID != c.want {
				t.Fatalf("first result = %v, want %d", labels(found), c.want)
			}
		})
	}
}

func TestSearchForgivesATypoInAShortStreetName(t *testing.T) {
	store := geo.NewStore(demotest.Pool(t))
	for _, q := range []string{"Nerudva", "Nerudowa", "Husva"} {
		found := search(t, store, q, 3)
		if len(found) == 0 || found[0].Street == nil || (found[0].Street.Name != "Nerudova" && found[0].Street.Name != "Husova") {
			t.Errorf("%q found %v", q, labels(found))
		}
	}
}

func TestSearchByStreetNameListsThatStreetWhateverTheSpelling(t *testing.T) {
	store := geo.NewStore(demotest.Pool(t))
	for _, q := range []string{"Masarykovo nám.", "masarykovo namesti", "MASARYKOVO NÁMĚSTÍ", "masarykovo n"} {
		found := search(t, store, q, 10)
		if len(found) != 10 {
			t.Fatalf("%q found %d addresses, want 10", q, len(found))
		}
		for _, a := range found {
			if a.Street == nil || a.Street.Name != "Masarykovo náměstí" {
				t.Errorf("%q found %q, not on Masarykovo náměstí", q, a.Label())
			}
		}
	}
}

func TestSearchByPostcodeAcceptsBothWritings(t *testing.T) {
	store := geo.NewStore(demotest.Pool(t))
	for _, q := range []string{"742 21", "74221"} {
		found := search(t, store, q, 7)
		if len(found) != 7 {
			t.Fatalf("%q found %d, want the limit of 7", q, len(found))
		}
		for _, a := range found {
			if a.Postcode != "74221" {
				t.Errorf("%q found %q", q, a.Label())
			}
		}
	}
	if found := search(t, store, "110 00", 5); len(found) != 0 {
		t.Errorf("a postcode of another town found %v", labels(found))
	}
}

func TestSearchRanksExactNumbersBeforePrefixesTypedSoFar(t *testing.T) {
	store := geo.NewStore(demotest.Pool(t))

	found := search(t, store, "Lubina 25", 10)
	if found[0].ID != lubina25 {
		t.Fatalf("first = %q, want Lubina 25", found[0].Label())
	}
	for _, a := range found[1:] {
		if a.HouseNumber == 25 || !strings.HasPrefix(a.Number(), "25") {
			t.Errorf("after the exact match came %q; want only numbers starting with 25", a.Label())
		}
	}

	// "stefanikova 1" is typed on the way to "stefanikova 12": orientation number 1 first,
	// then the numbers that start with 1.
	found = search(t, store, "stefanikova 1", 10)
	if found[0].OrientationNumber != 1 {
		t.Errorf("first = %q, want orientation number 1", found[0].Label())
	}
	var sawPrefix bool
	for _, a := range found {
		sawPrefix = sawPrefix || a.OrientationNumber >= 10
	}
	if !sawPrefix {
		t.Errorf("as-you-type prefixes missing from %v", labels(found))
	}
}

func TestSearchHonoursTheBuildingTypeMarker(t *testing.T) {
	store := geo.NewStore(demotest.Pool(t))
	for _, a := range search(t, store, "č. ev. 45", 10) {
		if a.BuildingType != geo.Registry {
			t.Errorf("č. ev. search found %q", a.Label())
		}
	}
	if found := search(t, store, "č.p. 45", 10); len(found) != 0 {
		t.Errorf("the demo town has no č.p. 45, yet found %v", labels(found))
	}
}

func TestSearchRespectsLimitAndMunicipality(t *testing.T) {
	store := geo.NewStore(demotest.Pool(t))
	if found := search(t, store, "stefanikova", 3); len(found) != 3 {
		t.Errorf("limit 3 returned %d", len(found))
	}
	found, err := store.Search(context.Background(), geo.SearchParams{Text: "stefanikova 12", Municipality: 554782})
	if err != nil || len(found) != 0 {
		t.Errorf("search within Prague found %v (err %v); the demo town is not there", labels(found), err)
	}
	found, err = store.Search(context.Background(), geo.SearchParams{Text: "stefanikova 12", Municipality: kopřivnice})
	if err != nil || len(found) == 0 || found[0].ID != stefanikova1163_12 {
		t.Errorf("search within Kopřivnice found %v (err %v)", labels(found), err)
	}
}

func TestSearchRefusesBadRequests(t *testing.T) {
	store := geo.NewStore(demotest.Pool(t))
	for _, p := range []geo.SearchParams{
		{Text: ""},
		{Text: " ,.; "},
		{Text: "č.p."},
		{Text: "stefanikova", Limit: geo.MaxSearchLimit + 1},
		{Text: "stefanikova", Limit: -1},
		{Text: strings.Repeat("a", 201)},
	} {
		if _, err := store.Search(context.Background(), p); geo.ErrorCode(err) != geo.EINVALID {
			t.Errorf("Search(%+v) error = %v, want %s", p, err, geo.EINVALID)
		}
	}
}

func TestSearchTreatsPatternCharactersLiterally(t *testing.T) {
	store := geo.NewStore(demotest.Pool(t))
	for _, q := range []string{"%", "_ 12", `\`, "stef%"} {
		found, err := store.Search(context.Background(), geo.SearchParams{Text: q})
		if err != nil && geo.ErrorCode(err) != geo.EINVALID {
			t.Errorf("%q: %v", q, err)
		}
		if len(found) > 0 && q == "stef%" && found[0].Street.Name != "Štefánikova" {
			t.Errorf("%q found %v", q, labels(found))
		}
	}
}

func TestSearchLeavesOutRetiredAddresses(t *testing.T) {
	pool := demotest.Pool(t)
	if _, err := pool.Exec(context.Background(), `UPDATE address_points SET retired_at = now() WHERE code = $1`, stefanikova1163_12); err != nil {
		t.Fatal(err)
	}
	for _, a := range search(t, geo.NewStore(pool), "Štefánikova 1163/12", 5) {
		if a.ID == stefanikova1163_12 {
			t.Error("a retired address was offered")
		}
	}
}

func TestNearestFindsTheClosestAddressPoint(t *testing.T) {
	store := geo.NewStore(demotest.Pool(t))
	a, err := store.Address(context.Background(), stefanikova1163_12)
	if err != nil {
		t.Fatal(err)
	}
	// A metre or so away from the address point.
	n, err := store.Nearest(context.Background(), a.Point.Lat+0.00001, a.Point.Lon)
	if err != nil {
		t.Fatal(err)
	}
	if n.ID != stefanikova1163_12 || n.DistanceMetres > 2 {
		t.Errorf("nearest = %q at %.1f m", n.Label(), n.DistanceMetres)
	}
	if _, err := store.Nearest(context.Background(), 91, 0); geo.ErrorCode(err) != geo.EINVALID {
		t.Errorf("latitude 91: err = %v", err)
	}
}

func TestAddressOfUnknownIDIsNotFound(t *testing.T) {
	store := geo.NewStore(demotest.Pool(t))
	if _, err := store.Address(context.Background(), 1); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("err = %v", err)
	}
}

func labels(as []geo.Address) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.Label()
	}
	return out
}
