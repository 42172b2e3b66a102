package geo_test

import (
	"context"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/twpayne/go-geom"

	"github.com/radnice/radnice/geo"
)

// svgPoints reads the vertices of SVG path data as ST_AsSVG writes it with relative moves
// ("M x y l dx dy dx dy ... z M ..."), in absolute coordinates.
func svgPoints(t *testing.T, path string) [][2]float64 {
	t.Helper()
	var points [][2]float64
	var at [2]float64
	relative := false
	fields := strings.Fields(path)
	for i := 0; i < len(fields); i++ {
		switch fields[i] {
		case "M":
			relative = false
			continue
		case "l":
			relative = true
			continue
		case "z", "Z":
			continue
		}
		if i+1 >= len(fields) {
			t.Fatalf("path data ends in a lone number: %q", path)
		}
		x, errX := strconv.ParseFloat(fields[i], 64)
		y, errY := strconv.ParseFloat(fields[i+1], 64)
		if errX != nil || errY != nil || x != math.Trunc(x) || y != math.Trunc(y) {
			t.Fatalf("path data has %q %q, want whole metres: %q", fields[i], fields[i+1], path)
		}
		i++
		if relative {
			at = [2]float64{at[0] + x, at[1] + y}
		} else {
			at = [2]float64{x, y}
		}
		points = append(points, at)
	}
	return points
}

// inViewBox reports whether an SVG point lies inside the view box.
func inViewBox(box [4]float64, p [2]float64) bool {
	return p[0] >= box[0] && p[0] <= box[0]+box[2] && p[1] >= box[1] && p[1] <= box[1]+box[3]
}

func TestAreaMapFramesTheBoundaryAndTheMarksInSVGCoordinates(t *testing.T) {
	store, _ := demoStore(t)
	l := lookup(t, store, stefanikova1163_12, may3)
	home, room := l.Address, l.Polling.Station.Address
	marks := []geo.MapMark{
		{Kind: geo.FacilityMark, Label: "Volební místnost", Point: *room.Point},
		{Kind: geo.AddressMark, Label: "Vaše adresa", Point: *home.Point},
	}
	m, err := store.AreaMap(context.Background(), l.Polling.District.ID, marks)
	if err != nil {
		t.Fatal(err)
	}
	if m.AreaID != l.Polling.District.ID || !strings.HasPrefix(m.Path, "M ") || !strings.Contains(m.Path, " l ") || !strings.HasSuffix(m.Path, "z") {
		t.Fatalf("map %+v, want the district's path data with relative moves", m)
	}
	points := svgPoints(t, m.Path)
	// S-JTSK coordinates are negative and SVG's y is S-JTSK's negated: x < 0 < y.
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range points {
		if p[0] >= 0 || p[1] <= 0 {
			t.Fatalf("vertex %v is not an S-JTSK point with y negated", p)
		}
		minX, minY, maxX, maxY = min(minX, p[0]), min(minY, p[1]), max(maxX, p[0]), max(maxY, p[1])
	}
	for i, mark := range m.Marks {
		if mark.MapMark != marks[i] || mark.X != math.Round(marks[i].Point.X) || mark.Y != -math.Round(marks[i].Point.Y) {
			t.Errorf("mark %d = %+v, want %+v at its S-JTSK point with y negated", i, mark, marks[i])
		}
		minX, minY, maxX, maxY = min(minX, mark.X), min(minY, mark.Y), max(maxX, mark.X), max(maxY, mark.Y)
	}
	if len(m.Marks) != 2 {
		t.Fatalf("marks %+v, want both", m.Marks)
	}
	// The view box is what is drawn with a margin of 5 % of its larger side on every side (up to
	// the simplification's tolerance, a thousandth of that side).
	side := max(maxX-minX, maxY-minY)
	margin := 0.05 * side
	want := [4]float64{minX - margin, minY - margin, maxX - minX + 2*margin, maxY - minY + 2*margin}
	for i := range want {
		if math.Abs(m.ViewBox[i]-want[i]) > 2+side/1000 {
			t.Errorf("view box %v, want about %v", m.ViewBox, want)
			break
		}
	}
}

func TestAreaMapWidensTheFrameToMarksOutsideTheArea(t *testing.T) {
	store, _ := demoStore(t)
	l := lookup(t, store, stefanikova1163_12, may3)
	alone, err := store.AreaMap(context.Background(), l.Waste.Zone.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	far := *l.Address.Point
	far.X += 20000 // 20 km east
	m, err := store.AreaMap(context.Background(), l.Waste.Zone.ID, []geo.MapMark{{Kind: geo.FacilityMark, Label: "daleko", Point: far}})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Marks) != 1 || !inViewBox(m.ViewBox, [2]float64{m.Marks[0].X, m.Marks[0].Y}) || m.ViewBox[2] < 20000 {
		t.Errorf("view box %v does not reach the mark %+v", m.ViewBox, m.Marks)
	}
	for _, p := range svgPoints(t, alone.Path) {
		if !inViewBox(m.ViewBox, p) {
			t.Fatalf("view box %v leaves out the area's vertex %v", m.ViewBox, p)
		}
	}
}

func TestAreaMapSimplifiesADenseBoundaryByTheMapsSize(t *testing.T) {
	store, _ := demoStore(t)
	x, y := pointOf(t, store, stefanikova1163_12)
	// A circle of radius 500 m drawn with 4,000 vertices: at a tolerance of a thousandth of its
	// 1 km side, some fifty remain.
	const vertices = 4000
	ring := make([]geom.Coord, vertices+1)
	for i := range vertices {
		a := 2 * math.Pi * float64(i) / vertices
		ring[i] = geom.Coord{x + 500*math.Cos(a), y + 500*math.Sin(a)}
	}
	ring[vertices] = ring[0]
	importAreas(t, store, geo.AreaImport{Layer: geo.WasteZones, Areas: []geo.AreaInput{
		{Where: "kruh", Code: "K", Name: "Kruh", Boundary: geom.NewPolygon(geom.XY).MustSetCoords([][]geom.Coord{ring}).SetSRID(5514)},
	}})
	l := lookup(t, store, stefanikova1163_12, may3)
	m, err := store.AreaMap(context.Background(), l.Waste.Zone.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	points := svgPoints(t, m.Path)
	if len(points) < 20 || len(points) > 200 {
		t.Errorf("the circle is drawn with %d vertices, want some fifty", len(points))
	}
	for _, p := range points {
		if r := math.Hypot(p[0]-x, -p[1]-y); math.Abs(r-500) > 2 {
			t.Fatalf("vertex %v lies %.1f m from the centre, want 500 m", p, r)
		}
	}
	if m.ViewBox[2] < 1100 || m.ViewBox[2] > 1102 || m.ViewBox[3] < 1100 || m.ViewBox[3] > 1102 {
		t.Errorf("view box %v, want the 1 km circle with 50 m on each side", m.ViewBox)
	}
}

func TestAreaMapOfAnAreaWithoutBoundaryDrawsNothing(t *testing.T) {
	store, pool := demoStore(t)
	var id int
	if err := pool.QueryRow(context.Background(), `INSERT INTO areas (layer, code, name, number)
		VALUES ('polling', 'bez-hranic', 'Okrsek č. 99', 99) RETURNING id`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	x, y := pointOf(t, store, stefanikova1163_12)
	m, err := store.AreaMap(context.Background(), id, []geo.MapMark{{Kind: geo.AddressMark, Point: geo.Coordinates{X: x, Y: y}}})
	if err != nil || m.Path != "" || len(m.Marks) != 0 {
		t.Errorf("map %+v, %v; want an empty map", m, err)
	}
	b, err := store.AreaBoundary(context.Background(), id)
	if err != nil || b.GeoJSON != nil || b.Number != 99 {
		t.Errorf("boundary %+v, %v; want district 99 without GeoJSON", b, err)
	}

	for _, unknown := range []int{0, 1 << 30} {
		if _, err := store.AreaMap(context.Background(), unknown, nil); geo.ErrorCode(err) != geo.ENOTFOUND {
			t.Errorf("map of area %d: %v, want not found", unknown, err)
		}
		if _, err := store.AreaBoundary(context.Background(), unknown); geo.ErrorCode(err) != geo.ENOTFOUND {
			t.Errorf("boundary of area %d: %v, want not found", unknown, err)
		}
	}
}

func TestAreaBoundaryIsGeoJSONInWGS84(t *testing.T) {
	store, _ := demoStore(t)
	l := lookup(t, store, stefanikova1163_12, may3)
	d := l.Polling.District
	b, err := store.AreaBoundary(context.Background(), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if b.AreaRef != *d || b.ValidFrom != nil || b.ValidTo != nil {
		t.Errorf("boundary %+v, want district %+v valid always", b, d)
	}
	var g struct {
		Type        string
		Coordinates [][][][2]float64
	}
	if err := json.Unmarshal(b.GeoJSON, &g); err != nil || g.Type != "MultiPolygon" || len(g.Coordinates) == 0 {
		t.Fatalf("GeoJSON %s: %v, want a MultiPolygon", b.GeoJSON, err)
	}
	lat, lon := l.Address.Point.Lat, l.Address.Point.Lon
	for _, p := range g.Coordinates[0][0] {
		if math.Abs(p[0]-lon) > 0.1 || math.Abs(p[1]-lat) > 0.1 {
			t.Fatalf("vertex %v is not a WGS84 longitude and latitude near the address (%g, %g)", p, lon, lat)
		}
		if s := strconv.FormatFloat(p[0], 'f', -1, 64); len(s) > len("18.123456") {
			t.Fatalf("vertex %v has more than six decimals", p)
		}
	}
}

func TestAreaBoundaryTellsTheVersionsDates(t *testing.T) {
	store, _ := demoStore(t)
	x, y := pointOf(t, store, stefanikova1163_12)
	september := geo.Date(2027, time.September, 1)
	before := lookup(t, store, stefanikova1163_12, may3).Waste.Zone
	importAreas(t, store, geo.AreaImport{Layer: geo.WasteZones, ValidFrom: september, Areas: []geo.AreaInput{
		{Where: "nová", Code: "N", Name: "Nová oblast", Boundary: square(x, y, 300)},
	}})
	after := lookup(t, store, stefanikova1163_12, september).Waste.Zone

	old, err := store.AreaBoundary(context.Background(), before.ID)
	if err != nil || old.ValidFrom != nil || old.ValidTo == nil || !old.ValidTo.Equal(september) {
		t.Errorf("the earlier version %+v, %v; want valid until 1 September", old, err)
	}
	next, err := store.AreaBoundary(context.Background(), after.ID)
	if err != nil || next.ValidFrom == nil || !next.ValidFrom.Equal(september) || next.ValidTo != nil || next.Code != "N" {
		t.Errorf("the new version %+v, %v; want N valid from 1 September on", next, err)
	}
}
