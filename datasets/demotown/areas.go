package demotown

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/radnice/radnice/geo"
)

// The demo town's areas, committed under AreasDir and written by AreaFiles. Every area is a
// union of units: five quarters of the main part and the four villages. The layers combine
// them so that the fixtures fall in different places:
//
//	unit         polling  waste  zs          ms           fixtures
//	Střed        1        A      ZS-1        MS-1         Záhumenní č. ev. 45
//	Sever        2        B      ZS-2        MS-2
//	Východ       3        B      ZS-1        MS-2
//	Jih          4        B      ZS-3        MS-3
//	Štefánikova  4        B      ZS-3 (1)    MS-1, MS-3   Štefánikova 1163/12, 1170/12a
//	Vlčovice     5        C      ZS-2        MS-2
//	Mniší        6        C      ZS-2        MS-2
//	Lubina       7        C      ZS-3        MS-4         Lubina 25
//	Drnholec     8        C      ZS-3        MS-4
//
// (1) The catchment rules give the odd numbers of Štefánikova to ZS-1. The quarter
// Štefánikova (the streets Štefánikova and Zahradní) is the band where the kindergarten
// catchments MS-1 and MS-3 overlap. The three address points without coordinates lie in no
// area.

// AreasDir is the folder of the committed demo area files.
const AreasDir = "areas"

// The demo area files in AreasDir.
const (
	PollingFile        = "polling.geojson" // polling districts
	WasteFile          = "waste.geojson"   // waste collection zones
	PrimarySchoolsFile = "zs.geojson"      // primary school catchments
	KindergartensFile  = "ms.geojson"      // kindergarten catchments
	CatchmentRulesFile = "zs-rules.txt"    // the ordinance's address rules of the zs layer
	StationsFile       = "stations.csv"    // the polling rooms of Election
	WasteScheduleFile  = "waste.csv"       // the waste collection schedule
	// NextPrimarySchoolsFile is the primary school catchments as the town plans them for a
	// coming school year; LoadAreas leaves it out: the school office uploads it (web/catchments).
	NextPrimarySchoolsFile = "zs-next.geojson"
)

// unit is a building block of the demo areas: a quarter of the main part takes the address
// clusters whose centre lies nearest its own, a village the clusters of its town part.
type unit struct {
	name string
	part int     // town part code of a village; 0 for a quarter of the main part
	y, x float64 // a quarter's centre, RÚIAN Y and X
}

// The units.
const (
	stred = iota
	sever
	vychod
	jih
	stefanikovaQuarter
	vlcovice
	mnisi
	lubina
	drnholec
)

var units = []unit{
	stred:              {name: "Střed", y: 481300, x: 1133500},
	sever:              {name: "Sever", y: 481600, x: 1132400},
	vychod:             {name: "Východ", y: 480100, x: 1133000},
	jih:                {name: "Jih", y: 480500, x: 1134400},
	stefanikovaQuarter: {name: "Štefánikova", y: 481362, x: 1134478},
	vlcovice:           {name: "Vlčovice", part: 169650},
	mnisi:              {name: "Mniší", part: 169641},
	lubina:             {name: "Lubina", part: 169633},
	drnholec:           {name: "Drnholec nad Lubinou", part: 169668},
}

// building names an address point of the demo town: on a street, the č.p. with the lowest
// orientation number; in a village, the č.p. nearest the village's centre.
type building struct {
	street string
	part   int
}

// areaDef is one area of a layer.
type areaDef struct {
	code, name string
	number     int   // polling district number
	units      []int // what it is made of
	school     string
	at         building // the school's building
	web        string
}

// layerDef is one GeoJSON file of areas.
type layerDef struct {
	file  string
	layer geo.Layer
	areas []areaDef
}

var layers = []layerDef{
	{PollingFile, geo.PollingDistricts, []areaDef{
		{number: 1, units: []int{stred}},
		{number: 2, units: []int{sever}},
		{number: 3, units: []int{vychod}},
		{number: 4, units: []int{jih, stefanikovaQuarter}},
		{number: 5, units: []int{vlcovice}},
		{number: 6, units: []int{mnisi}},
		{number: 7, units: []int{lubina}},
		{number: 8, units: []int{drnholec}},
	}},
	{WasteFile, geo.WasteZones, []areaDef{
		{code: "A", name: "Oblast A – střed města", units: []int{stred}},
		{code: "B", name: "Oblast B – okrajové čtvrti", units: []int{sever, vychod, jih, stefanikovaQuarter}},
		{code: "C", name: "Oblast C – místní části", units: []int{vlcovice, mnisi, lubina, drnholec}},
	}},
	{PrimarySchoolsFile, geo.PrimarySchools, []areaDef{
		{code: "ZS-1", name: "Spádový obvod ZŠ Komenského", units: []int{stred, vychod},
			school: "Základní škola Kopřivnice, Komenského", at: building{street: "Komenského"}, web: "https://zskomenskeho.example.cz/"},
		{code: "ZS-2", name: "Spádový obvod ZŠ Školní", units: []int{sever, vlcovice, mnisi},
			school: "Základní škola Kopřivnice, Školní", at: building{street: "Školní"}, web: "https://zsskolni.example.cz/"},
		{code: "ZS-3", name: "Spádový obvod ZŠ Lidická", units: []int{jih, stefanikovaQuarter, lubina, drnholec},
			school: "Základní škola Kopřivnice, Lidická", at: building{street: "Lidická"}, web: "https://zslidicka.example.cz/"},
	}},
	{KindergartensFile, geo.Kindergartens, []areaDef{
		{code: "MS-1", name: "Spádový obvod MŠ Krátká", units: []int{stred, stefanikovaQuarter},
			school: "Mateřská škola Kopřivnice, Krátká", at: building{street: "Krátká"}, web: "https://mskratka.example.cz/"},
		{code: "MS-2", name: "Spádový obvod MŠ Družstevní", units: []int{sever, vychod, vlcovice, mnisi},
			school: "Mateřská škola Kopřivnice, Družstevní", at: building{street: "Družstevní"}, web: "https://msdruzstevni.example.cz/"},
		{code: "MS-3", name: "Spádový obvod MŠ Sadová", units: []int{jih, stefanikovaQuarter},
			school: "Mateřská škola Kopřivnice, Sadová", at: building{street: "Sadová"}},
		{code: "MS-4", name: "Spádový obvod MŠ Lubina", units: []int{lubina, drnholec},
			school: "Mateřská škola Kopřivnice-Lubina", at: building{part: 169633}},
	}},
}

// nextPrimarySchools is the planned change of the primary school catchments: the boundary
// between ZS-1 and ZS-3 moves so that the Štefánikova quarter, whose odd side already goes to
// ZS-1 by rule, lies in ZS-1 whole. Its even side and Zahradní change school; nothing else does.
func nextPrimarySchools() layerDef {
	next := layers[slices.IndexFunc(layers, func(l layerDef) bool { return l.file == PrimarySchoolsFile })]
	next.file = NextPrimarySchoolsFile
	next.areas = slices.Clone(next.areas)
	for i, a := range next.areas {
		switch a.code {
		case "ZS-1":
			next.areas[i].units = []int{stred, vychod, stefanikovaQuarter}
		case "ZS-3":
			next.areas[i].units = []int{jih, lubina, drnholec}
		}
	}
	return next
}

// drawnLayers are the layers written as files: the loaded ones and the planned change.
var drawnLayers = append(slices.Clone(layers), nextPrimarySchools())

// pollingStations are the rooms of Election, each in a building of its own district.
var pollingStations = []struct {
	district int
	name     string
	at       building
	note     string
}{
	{1, "Základní škola Komenského – jídelna", building{street: "Komenského"}, "bezbariérový vstup hlavním vchodem z ulice Komenského"},
	{2, "Základní škola Školní – tělocvična", building{street: "Školní"}, ""},
	{3, "Klub seniorů Alšova", building{street: "Alšova"}, ""},
	{4, "Základní škola Lidická – učebna 12", building{street: "Lidická"}, "vstup bočním vchodem ze dvora"},
	{5, "Hasičská zbrojnice Vlčovice", building{part: 169650}, ""},
	{6, "Kulturní dům Mniší – sál", building{part: 169641}, ""},
	{7, "Mateřská škola Lubina – herna", building{part: 169633}, ""},
	{8, "Obecní dům Drnholec nad Lubinou", building{part: 169668}, ""},
}

// Election returns the upcoming election the demo town's polling stations are for: the
// presidential election of January 2028 with its possible second round.
func Election() geo.Election {
	return geo.Election{
		ID:    "prezident-2028",
		Kind:  "prezidentská",
		Title: "Volba prezidenta republiky 2028",
		Days: []geo.PollingDay{
			{Round: 1, Date: geo.Date(2028, time.January, 14), Opens: "14:00", Closes: "22:00"},
			{Round: 1, Date: geo.Date(2028, time.January, 15), Opens: "08:00", Closes: "14:00"},
			{Round: 2, Date: geo.Date(2028, time.January, 28), Opens: "14:00", Closes: "22:00"},
			{Round: 2, Date: geo.Date(2028, time.January, 29), Opens: "08:00", Closes: "14:00"},
		},
	}
}

// catchmentRules is the zs-rules.txt file: the ordinance's one exception to the boundaries.
const catchmentRules = `# Spádové obvody základních škol města Kopřivnice: adresy, které patří do jiného obvodu,
# než v jakém leží podle hranic v zs.geojson. Syntaxi popisuje geo/catchment_rules.go.

[ZS-1] Základní škola Kopřivnice, Komenského
Štefánikova - lichá č.
`

// demoArea is an area of the demo town with its outline and the address sites it holds.
type demoArea struct {
	def   areaDef
	polys []polygon
}

// townAreas is the demo town's areas drawn around its address points.
type townAreas struct {
	rows   []record
	sites  []site
	siteOf map[int]int // kód ADM → index in sites
	grid   *lattice
	layers [][]demoArea // as layers
}

// drawAreas lays out the units over the demo town and outlines every area.
func drawAreas() (*townAreas, error) {
	t := &townAreas{rows: buildTown(), siteOf: map[int]int{}}
	var siteRows []int
	for i, r := range t.rows {
		if r.noXY {
			continue
		}
		t.siteOf[r.adm] = len(t.sites)
		siteRows = append(siteRows, i)
		t.sites = append(t.sites, site{e: -float64(r.y) / 100, n: -float64(r.x) / 100})
	}
	unitOf := func(members []int) int {
		parts := map[int]int{}
		var e, n float64
		for _, m := range members {
			parts[t.rows[siteRows[m]].part]++
			e += t.sites[m].e
			n += t.sites[m].n
		}
		part, most := 0, 0
		for p, c := range parts {
			if c > most || c == most && p < part {
				part, most = p, c
			}
		}
		best, bestD := -1, math.Inf(1)
		for u, def := range units {
			if def.part != 0 {
				if def.part == part {
					return u
				}
				continue
			}
			if d := math.Hypot(e/float64(len(members))+def.y, n/float64(len(members))+def.x); d < bestD {
				best, bestD = u, d
			}
		}
		return best
	}
	var err error
	if t.grid, err = partition(t.sites, unitOf); err != nil {
		return nil, err
	}
	chains := t.grid.chains()
	straighten(t.grid, t.sites, chains)
	for _, ld := range drawnLayers {
		var out []demoArea
		for _, def := range ld.areas {
			polys, err := outline(chains, func(u int) bool { return slices.Contains(def.units, u) })
			if err != nil {
				return nil, fmt.Errorf("%s: %s: %w", ld.file, def.code, err)
			}
			out = append(out, demoArea{def: def, polys: polys})
		}
		t.layers = append(t.layers, out)
	}
	return t, t.check()
}

// check verifies the drawing: each address point lies in exactly the areas of its unit, at
// least the clearance from every boundary.
func (t *townAreas) check() error {
	for li, areas := range t.layers {
		for _, s := range t.sites {
			x, y := t.grid.cells(s.e, s.n)
			for _, a := range areas {
				want := slices.Contains(a.def.units, s.unit)
				if got := contains(a.polys, x, y); got != want {
					return fmt.Errorf("%s: the point %.2f %.2f (unit %s) inside %s is %v, want %v",
						drawnLayers[li].file, s.e, s.n, units[s.unit].name, a.def.code, got, want)
				}
				if d := boundaryDistance(a.polys, x, y) * cellSize; d < clearance-1e-6 {
					return fmt.Errorf("%s: the point %.2f %.2f lies %.1f m from the boundary of %s", drawnLayers[li].file, s.e, s.n, d, a.def.code)
				}
			}
		}
	}
	return nil
}

// find returns the kód ADM of a building and the unit it lies in.
func (t *townAreas) find(b building) (int, int, error) {
	best, bestKey := -1, math.Inf(1)
	for i, r := range t.rows {
		if r.noXY || r.evidence {
			continue
		}
		var key float64
		switch {
		case b.street != "":
			if r.streetName != cp1250(b.street) || r.letter != 0 {
				continue
			}
			key = float64(r.orient)
		default:
			if r.part != b.part {
				continue
			}
			p := partByCode(b.part)
			key = math.Hypot(float64(r.y)/100-p.y, float64(r.x)/100-p.x)
		}
		if key < bestKey {
			best, bestKey = i, key
		}
	}
	if best < 0 {
		return 0, 0, fmt.Errorf("no building %+v in the demo town", b)
	}
	adm := t.rows[best].adm
	return adm, t.sites[t.siteOf[adm]].unit, nil
}

func partByCode(code int) townPart {
	for _, p := range townParts {
		if p.code == code {
			return p
		}
	}
	panic(fmt.Sprintf("demotown: no town part %d", code))
}

// AreaFiles returns the demo town's area files by name, byte for byte what is committed under
// AreasDir; go generate rewrites those from it.
func AreaFiles() (map[string][]byte, error) {
	t, err := drawAreas()
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{
		CatchmentRulesFile: []byte(catchmentRules),
		WasteScheduleFile:  []byte(wasteSchedule),
	}
	for li, ld := range drawnLayers {
		var feats []geoFeature
		for _, a := range t.layers[li] {
			props := map[string]any{}
			switch ld.layer {
			case geo.PollingDistricts:
				props["code"] = fmt.Sprintf("%d-%d", townCode, a.def.number)
				props["name"] = fmt.Sprintf("Okrsek č. %d", a.def.number)
				props["number"] = a.def.number
			default:
				props["code"], props["name"] = a.def.code, a.def.name
			}
			if a.def.school != "" {
				adm, u, err := t.find(a.def.at)
				if err != nil {
					return nil, err
				}
				if !slices.Contains(a.def.units, u) {
					return nil, fmt.Errorf("%s: %s: the school's building %d lies in %s, outside the area", ld.file, a.def.code, adm, units[u].name)
				}
				props["school"], props["school_address"] = a.def.school, adm
				if a.def.web != "" {
					props["school_web"] = a.def.web
				}
			}
			feats = append(feats, geoFeature{props: props, polys: a.polys})
		}
		if files[ld.file], err = t.geoJSON(feats); err != nil {
			return nil, err
		}
	}
	var st bytes.Buffer
	st.WriteString("okrsek;nazev;adresa;poznamka\n")
	for _, ps := range pollingStations {
		adm, u, err := t.find(ps.at)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(layers[0].areas[ps.district-1].units, u) {
			return nil, fmt.Errorf("%s: the room of district %d lies in %s, outside the district", StationsFile, ps.district, units[u].name)
		}
		fmt.Fprintf(&st, "%d;%s;%d;%s\n", ps.district, ps.name, adm, ps.note)
	}
	files[StationsFile] = st.Bytes()
	return files, nil
}

// geoFeature is one area to write as a GeoJSON feature.
type geoFeature struct {
	props map[string]any
	polys []polygon
}

// geoJSON writes a FeatureCollection in WGS84, one feature a line, coordinates to 6 decimals
// (a decimetre at most); shells run counter-clockwise and holes clockwise (RFC 7946).
func (t *townAreas) geoJSON(feats []geoFeature) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"type":"FeatureCollection","features":[` + "\n")
	for i, f := range feats {
		props, err := json.Marshal(f.props)
		if err != nil {
			return nil, err
		}
		kind := "Polygon"
		if len(f.polys) > 1 {
			kind = "MultiPolygon"
		}
		fmt.Fprintf(&b, `{"type":"Feature","properties":%s,"geometry":{"type":"%s","coordinates":`, props, kind)
		if kind == "MultiPolygon" {
			b.WriteByte('[')
		}
		for pi, p := range f.polys {
			if pi > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('[')
			for ri, ring := range append([][]ipt{p.shell}, p.holes...) {
				if ri > 0 {
					b.WriteByte(',')
				}
				b.WriteByte('[')
				for k, v := range ring {
					if k > 0 {
						b.WriteByte(',')
					}
					lon, lat := sjtskToWGS84(t.grid.metres(v))
					b.WriteByte('[')
					b.WriteString(strconv.FormatFloat(lon, 'f', 6, 64))
					b.WriteByte(',')
					b.WriteString(strconv.FormatFloat(lat, 'f', 6, 64))
					b.WriteByte(']')
				}
				b.WriteByte(']')
			}
			b.WriteByte(']')
		}
		if kind == "MultiPolygon" {
			b.WriteByte(']')
		}
		b.WriteString("}}")
		if i < len(feats)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]}\n")
	return b.Bytes(), nil
}
