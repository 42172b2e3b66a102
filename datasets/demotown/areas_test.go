package demotown

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/twpayne/go-geom"

	"github.com/radnice/radnice/datasets/areasgeojson"
	"github.com/radnice/radnice/datasets/pollingstations"
	"github.com/radnice/radnice/datasets/wasteschedule"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/migrations/dbtest"
)

func TestCommittedAreaFilesAreAreaFilesOutput(t *testing.T) {
	files, err := AreaFiles()
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(AreasDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(files) {
		t.Errorf("%s holds %d files, AreaFiles gives %d", AreasDir, len(entries), len(files))
	}
	for name, want := range files {
		disk, err := os.ReadFile(filepath.Join(AreasDir, name))
		if err != nil {
			t.Fatal(err)
		}
		embedded, err := AreaFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(disk, want) || !bytes.Equal(embedded, want) {
			t.Errorf("%s/%s is stale: run go generate ./datasets/demotown", AreasDir, name)
		}
	}
}

// readLayer reads a committed GeoJSON file through the import's reader.
func readLayer(t *testing.T, file string, layer geo.Layer) []geo.AreaInput {
	t.Helper()
	body, err := AreaFile(file)
	if err != nil {
		t.Fatal(err)
	}
	areas, err := areasgeojson.Read(file, bytes.NewReader(body), layer)
	if err != nil {
		t.Fatalf("%s does not read: %v", file, err)
	}
	return areas
}

// located is a demo address point with its WGS84 position.
type located struct {
	record
	lon, lat float64
}

func locatedAddresses() []located {
	var out []located
	for _, r := range buildTown() {
		if !r.noXY {
			lon, lat := sjtskToWGS84(-float64(r.y)/100, -float64(r.x)/100)
			out = append(out, located{r, lon, lat})
		}
	}
	return out
}

// areasHolding lists the codes of the areas whose boundary holds the point.
func areasHolding(areas []geo.AreaInput, lon, lat float64) []string {
	var codes []string
	for _, a := range areas {
		if holds(a.Boundary, lon, lat) {
			codes = append(codes, a.Code)
		}
	}
	return codes
}

// holds reports whether a Polygon or MultiPolygon holds the point (even-odd over all rings).
func holds(g geom.T, lon, lat float64) bool {
	inside := false
	for _, ring := range rings(g) {
		for k := 0; k+1 < len(ring); k++ {
			a, b := ring[k], ring[k+1]
			if (a[1] > lat) != (b[1] > lat) && lon < a[0]+(lat-a[1])*(b[0]-a[0])/(b[1]-a[1]) {
				inside = !inside
			}
		}
	}
	return inside
}

func rings(g geom.T) [][]geom.Coord {
	switch g := g.(type) {
	case *geom.Polygon:
		return g.Coords()
	case *geom.MultiPolygon:
		var out [][]geom.Coord
		for _, p := range g.Coords() {
			out = append(out, p...)
		}
		return out
	}
	panic(fmt.Sprintf("unexpected geometry %T", g))
}

// metresToBoundary is the distance from the point to the nearest ring, in local metres.
func metresToBoundary(g geom.T, lon, lat float64) float64 {
	kx, ky := 111320*math.Cos(lat*math.Pi/180), 110574.0
	best := math.Inf(1)
	for _, ring := range rings(g) {
		for k := 0; k+1 < len(ring); k++ {
			a, b := ring[k], ring[k+1]
			best = min(best, segmentDistance(lon*kx, lat*ky, a[0]*kx, a[1]*ky, b[0]*kx, b[1]*ky))
		}
	}
	return best
}

func isStreet(r record, name string) bool { return r.streetName == cp1250(name) }

func TestEveryLocatedAddressLiesInOneAreaOfThePollingWasteAndZSFiles(t *testing.T) {
	for _, l := range []struct {
		file  string
		layer geo.Layer
		areas int
	}{{PollingFile, geo.PollingDistricts, 8}, {WasteFile, geo.WasteZones, 3}, {PrimarySchoolsFile, geo.PrimarySchools, 3}} {
		areas := readLayer(t, l.file, l.layer)
		if len(areas) != l.areas {
			t.Errorf("%s has %d areas, want %d", l.file, len(areas), l.areas)
		}
		for _, a := range locatedAddresses() {
			if in := areasHolding(areas, a.lon, a.lat); len(in) != 1 {
				t.Errorf("%s: kód ADM %d lies in %v, want exactly one area", l.file, a.adm, in)
			}
		}
	}
}

func TestKindergartenCatchmentsOverlapInTheStefanikovaBand(t *testing.T) {
	areas := readLayer(t, KindergartensFile, geo.Kindergartens)
	twice := 0
	for _, a := range locatedAddresses() {
		in := areasHolding(areas, a.lon, a.lat)
		band := isStreet(a.record, "Štefánikova") || isStreet(a.record, "Zahradní")
		switch {
		case band && !slices.Equal(in, []string{"MS-1", "MS-3"}):
			t.Errorf("kód ADM %d on Štefánikova or Zahradní lies in %v, want MS-1 and MS-3", a.adm, in)
		case !band && len(in) != 1:
			t.Errorf("kód ADM %d lies in %v, want exactly one catchment", a.adm, in)
		}
		if len(in) == 2 {
			twice++
		}
	}
	if twice != 89 {
		t.Errorf("%d addresses have two kindergartens, want the 89 of Štefánikova and Zahradní", twice)
	}
}

func TestFixturesFallInTheAreasTheDesignGivesThem(t *testing.T) {
	files := []struct {
		file  string
		layer geo.Layer
	}{{PollingFile, geo.PollingDistricts}, {WasteFile, geo.WasteZones}, {PrimarySchoolsFile, geo.PrimarySchools}, {KindergartensFile, geo.Kindergartens}}
	want := map[int][4]string{
		fixtureADM: {"599565-4", "B", "ZS-3", "MS-1 MS-3"}, // the odd side of Štefánikova goes to ZS-1 by rule
		infillADM:  {"599565-4", "B", "ZS-3", "MS-1 MS-3"},
		lubinaADM:  {"599565-7", "C", "ZS-3", "MS-4"},
		colonyADM:  {"599565-1", "A", "ZS-1", "MS-1"},
	}
	found := 0
	for _, a := range locatedAddresses() {
		w, ok := want[a.adm]
		if !ok {
			continue
		}
		found++
		for i, f := range files {
			if got := strings.Join(areasHolding(readLayer(t, f.file, f.layer), a.lon, a.lat), " "); got != w[i] {
				t.Errorf("kód ADM %d lies in %s %q, want %q", a.adm, f.file, got, w[i])
			}
		}
	}
	if found != len(want) {
		t.Errorf("found %d of the %d fixtures", found, len(want))
	}
}

func TestNoAddressLiesWithin30MetresOfABoundary(t *testing.T) {
	for _, f := range []struct {
		file  string
		layer geo.Layer
	}{{PollingFile, geo.PollingDistricts}, {WasteFile, geo.WasteZones}, {PrimarySchoolsFile, geo.PrimarySchools}, {KindergartensFile, geo.Kindergartens}} {
		areas := readLayer(t, f.file, f.layer)
		for _, a := range locatedAddresses() {
			for _, ar := range areas {
				// Local metres from degrees err by well under a metre over the town.
				if d := metresToBoundary(ar.Boundary, a.lon, a.lat); d < clearance-1 {
					t.Errorf("%s: kód ADM %d lies %.1f m from the boundary of %s", f.file, a.adm, d, ar.Code)
				}
			}
		}
	}
}

func TestSchoolsArePropertiesOfTheirCatchments(t *testing.T) {
	adm := map[int]bool{}
	for _, r := range buildTown() {
		adm[r.adm] = true
	}
	for _, f := range []struct {
		file  string
		layer geo.Layer
	}{{PrimarySchoolsFile, geo.PrimarySchools}, {KindergartensFile, geo.Kindergartens}} {
		for _, a := range readLayer(t, f.file, f.layer) {
			if a.School == nil || a.School.Name == "" || !adm[int(a.School.AddressCode)] {
				t.Errorf("%s: %s: school %+v, want a name and a demo kód ADM", f.file, a.Code, a.School)
			}
		}
	}
}

func TestStationsRulesAndScheduleReadWithTheImportReaders(t *testing.T) {
	body, _ := AreaFile(StationsFile)
	stations, err := pollingstations.Read(StationsFile, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var districts []int
	barrierFree := 0
	for _, s := range stations {
		districts = append(districts, s.DistrictNumber)
		if strings.Contains(s.Note, "bezbariérov") {
			barrierFree++
		}
	}
	if !slices.Equal(districts, []int{1, 2, 3, 4, 5, 6, 7, 8}) || barrierFree != 1 {
		t.Errorf("stations for districts %v with %d notes on barrier-free access; want 1–8 and one", districts, barrierFree)
	}

	body, _ = AreaFile(CatchmentRulesFile)
	rules, err := geo.ReadCatchmentRules(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) != 1 || rules[0].Area != "ZS-1" || rules[0].Rule.String() != "Štefánikova - lichá č." {
		t.Errorf("rules %+v, want the one override of the odd Štefánikova numbers to ZS-1", rules)
	}
}

func TestScheduleCollectsEveryWasteInEveryZoneThrough2027(t *testing.T) {
	body, _ := AreaFile(WasteScheduleFile)
	schedules, err := wasteschedule.Parse(WasteScheduleFile, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	dates := map[string][]time.Time{}
	for _, s := range schedules {
		k := s.Zone + " " + s.WasteType
		dates[k] = append(dates[k], s.Dates(geo.Date(2026, time.December, 1), geo.Date(2027, time.December, 31))...)
	}
	for _, zone := range []string{"A", "B", "C"} {
		for _, waste := range []string{"směsný", "plast", "papír", "sklo", "bio"} {
			k := zone + " " + waste
			months := map[time.Month]bool{}
			for _, d := range dates[k] {
				if d.Year() == 2027 {
					months[d.Month()] = true
				}
			}
			want := 12
			if waste == "bio" {
				want = 8 // April to November
				if months[time.January] || months[time.March] || months[time.December] {
					t.Errorf("%s collected out of season: %v", k, months)
				}
			}
			if len(months) != want {
				t.Errorf("%s is collected in %d months of 2027, want %d", k, len(months), want)
			}
			for _, d := range dates[k] {
				if _, holiday := geo.Holiday(d); holiday {
					t.Errorf("%s collected on the holiday %s", k, d.Format(time.DateOnly))
				}
			}
		}
	}
	// Easter Monday 2027 moves zone A's Monday collection to Tuesday.
	if a := dates["A směsný"]; !slices.ContainsFunc(a, func(d time.Time) bool { return d.Equal(geo.Date(2027, time.March, 30)) }) {
		t.Error("zone A's mixed waste of Easter Monday 29 March 2027 is not moved to 30 March")
	}
}

func TestConversionAgreesWithPostGIS(t *testing.T) {
	ctx := context.Background()
	pool, err := geo.Connect(ctx, dbtest.New(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	// The town's corners and centre, and the fixtures, in EPSG:5514.
	points := [][2]float64{{-483300, -1129740}, {-477460, -1137380}, {-483300, -1137380}, {-477460, -1129740}, {-481200, -1133400}}
	for _, a := range locatedAddresses() {
		if a.adm == fixtureADM || a.adm == lubinaADM || a.adm == colonyADM {
			points = append(points, [2]float64{-float64(a.y) / 100, -float64(a.x) / 100})
		}
	}
	for _, p := range points {
		lon, lat := sjtskToWGS84(p[0], p[1])
		var metres, back float64
		err := pool.QueryRow(ctx, `SELECT
				ST_Distance(ST_Transform(ST_SetSRID(ST_MakePoint($1, $2), 5514), 4326)::geography, ST_SetSRID(ST_MakePoint($3, $4), 4326)::geography),
				ST_Distance(ST_Transform(ST_SetSRID(ST_MakePoint($3, $4), 4326), 5514), ST_SetSRID(ST_MakePoint($1, $2), 5514))`,
			p[0], p[1], lon, lat).Scan(&metres, &back)
		if err != nil {
			t.Fatal(err)
		}
		// PostGIS picks the transformation PROJ deems best; any of the 1 m ones agrees this well.
		if metres > 0.5 || back > 0.5 {
			t.Errorf("%.2f %.2f → %.7f %.7f is %.3f m from PostGIS's, %.3f m back in S-JTSK", p[0], p[1], lon, lat, metres, back)
		}
	}
}
