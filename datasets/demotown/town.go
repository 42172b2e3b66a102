// Package demotown generates synthetic RÚIAN address-point exports in the
// ČÚZK CSV format: a demo town modelled on Kopřivnice and a national-sized ZIP.
package demotown

import (
	"cmp"
	"io"
	"math"
	"math/rand/v2"
	"slices"
)

// TownFile is the ČÚZK-style file name of the committed demo town export.
const TownFile = "20261031_OB_599565_ADR.csv"

const (
	townCode = 599565
	townName = "Kopřivnice"
	townPSC  = 74221
)

// Fixtures that tests elsewhere rely on; change them only together with those tests.
const (
	fixtureStreet = "Štefánikova"
	fixtureHouse  = 1163 // Štefánikova 1163/12
	fixtureADM    = 2401163
	infillHouse   = 1170 // Štefánikova 1170/12a, the only 12a in town
	infillADM     = 2401170
	lubinaHouse   = 25 // Lubina 25, without street
	lubinaADM     = 2500025
	colonyStreet  = "Záhumenní"
	colonyEV      = 45 // Záhumenní č.ev. 45, garden colony
	colonyADM     = 2600045
	squareStreet  = "Masarykovo náměstí"
)

// townPart is a část obce: a cluster of houses around a centre.
type townPart struct {
	code         int
	name         string
	y, x, spread float64 // centre and scatter, S-JTSK metres
	houses       int     // č.p. without street; the main part has streets instead
	evidence     []int   // č.ev. numbers without street
}

// townParts lists the parts, main part first; the villages lie in their own
// clusters (Lubina south-east, Mniší north-east, Vlčovice north-west).
var townParts = []townPart{
	{169625, "Kopřivnice", 481200, 1133400, 1300, 0, nil},
	{169633, "Lubina", 478400, 1136200, 350, 300, []int{1, 2, 3, 4, 5}},
	{169641, "Mniší", 479000, 1131000, 300, 170, []int{6, 7, 8, 9}},
	{169650, "Vlčovice", 482600, 1130600, 300, 140, nil},
	{169668, "Drnholec nad Lubinou", 479600, 1136900, 200, 80, nil},
}

// townStreets are the main part's streets and their number of č.p. addresses.
var townStreets = []struct {
	name   string
	houses int
}{
	{squareStreet, 15}, {fixtureStreet, 40}, {colonyStreet, 28}, {"Obránců míru", 92},
	{"Husova", 48}, {"Česká", 75}, {"Panská", 22}, {"Alšova", 34}, {"Komenského", 78},
	{"Smetanova", 41}, {"Sokolovská", 52}, {"Pionýrská", 47}, {"Francouzská", 88},
	{"Kpt. Nálepky", 38}, {"Dukelská", 85}, {"Nerudova", 36}, {"Polní", 44}, {"Severní", 53},
	{"Zahradní", 49}, {"Školní", 45}, {"Lidická", 57}, {"Horní", 39}, {"Luční", 42},
	{"Nádražní", 51}, {"Přátelství", 35}, {"Osadní", 43}, {"Krátká", 18}, {"Myslbekova", 33},
	{"Hřbitovní", 27}, {"Kadlecova", 46}, {"Obecní", 31}, {"Tyršova", 50}, {"Jiráskova", 44},
	{"Palackého", 56}, {"Erbenova", 29}, {"Máchova", 37}, {"Janáčkova", 48}, {"Dvořákova", 41},
	{"Sadová", 54}, {"Lesní", 90}, {"Ke Koupališti", 24}, {"Pod Bílou horou", 75},
	{"Na Vyhlídce", 45}, {"Lomená", 32}, {"Moravská", 52}, {"Bezručova", 47}, {"Družstevní", 80},
	{"Tovární", 26}, {"Křižíkova", 38}, {"Sportovní", 30},
}

// colonyNumbers are the č.ev. of the garden colony on Záhumenní.
var colonyNumbers = []int{34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, colonyEV}

// WriteTown writes the demo town's address points as a ČÚZK CSV export
// (windows-1250, CRLF, rows sorted by kód ADM); the output never changes.
func WriteTown(w io.Writer) error {
	rows := buildTown()
	b := make([]byte, 0, 128*len(rows))
	b = append(b, headerLine...)
	for i := range rows {
		b = appendRecord(b, &rows[i])
	}
	_, err := w.Write(b)
	return err
}

// townBuilder collects the demo town's rows.
type townBuilder struct {
	rng  *rand.Rand
	rows []record
}

// add appends a row in part p at the given point; kód ADM is assigned later.
func (t *townBuilder) add(p *townPart, y, x float64) *record {
	t.rows = append(t.rows, record{
		obec: townCode, obecName: cp1250(townName),
		part: p.code, partName: cp1250(p.name),
		psc: townPSC, y: cents(y), x: cents(x),
		since: t.rng.IntN(len(validFrom)),
	})
	return &t.rows[len(t.rows)-1]
}

// buildTown lays out the whole town deterministically and returns it sorted by kód ADM.
func buildTown() []record {
	t := &townBuilder{rng: rand.New(rand.NewPCG(townCode, townPSC))}
	mainNos, restNos := townHouseNumbers(t.rng)
	t.addStreets(&townParts[0], mainNos)
	restNos = append([]int{lubinaHouse}, restNos...)
	for i := 1; i < len(townParts); i++ {
		p := &townParts[i]
		for _, n := range restNos[:p.houses] {
			r := t.add(p, p.y+t.rng.NormFloat64()*p.spread, p.x+t.rng.NormFloat64()*p.spread)
			r.house = n
			if n == lubinaHouse {
				r.adm = lubinaADM
			}
		}
		restNos = restNos[p.houses:]
		for _, n := range p.evidence {
			// Weekend cottages sit on the village outskirts.
			r := t.add(p, p.y+t.rng.NormFloat64()*p.spread*1.6, p.x+t.rng.NormFloat64()*p.spread*1.6)
			r.evidence, r.house = true, n
		}
	}
	t.dropCoordinates(3)
	t.assignADM()
	slices.SortFunc(t.rows, func(a, b record) int { return cmp.Compare(a.adm, b.adm) })
	return t.rows
}

// townHouseNumbers splits the č.p. so that each is unique in the whole town:
// the main part gets a random subset of 1–2400, the villages the leftovers
// and then numbers above 2400. Fixture numbers and 45 (a č.ev.) are held back.
func townHouseNumbers(rng *rand.Rand) (main, rest []int) {
	var pool []int
	for n := 1; n <= 2400; n++ {
		switch n {
		case lubinaHouse, colonyEV, fixtureHouse, infillHouse:
		default:
			pool = append(pool, n)
		}
	}
	need := -2 // the two Štefánikova fixtures bring their own numbers
	for _, s := range townStreets {
		need += s.houses
	}
	others := -1 // Lubina's fixture brings its own number
	for _, p := range townParts {
		others += p.houses
	}
	rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	main, rest = pool[:need], pool[need:]
	slices.Sort(main)
	slices.Sort(rest)
	for n := 2401; len(rest) < others; n++ {
		rest = append(rest, n)
	}
	return main, rest
}

// addStreets builds the main part. Streets take consecutive runs of the sorted
// house numbers, as neighbouring houses tend to be built together; the square
// comes first because it holds the oldest houses.
func (t *townBuilder) addStreets(p *townPart, nos []int) {
	codes := make([]int, len(townStreets))
	code := 1401000
	for i := range codes {
		code += 1 + t.rng.IntN(60)
		codes[i] = code
	}
	order := make([]int, len(townStreets)-1)
	for i := range order {
		order[i] = i + 1
	}
	t.rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	order = append([]int{0}, order...)

	for _, si := range order {
		s := townStreets[si]
		k := s.houses
		if s.name == fixtureStreet {
			k -= 2
		}
		run := nos[:k]
		nos = nos[k:]
		t.rng.Shuffle(len(run), func(i, j int) { run[i], run[j] = run[j], run[i] })

		r := p.spread * math.Sqrt(t.rng.Float64())
		a := t.rng.Float64() * 2 * math.Pi
		l := newLane(t.rng, p.y+r*math.Sin(a), p.x+r*math.Cos(a))
		add := func(y, x float64, house, orient int, letter byte) *record {
			row := t.add(p, y, x)
			row.street, row.streetName = codes[si], cp1250(s.name)
			row.house, row.orient, row.letter = house, orient, letter
			return row
		}

		switch s.name {
		case squareStreet:
			// A square is numbered consecutively around its perimeter.
			for i, house := range run {
				ang := 2 * math.Pi * float64(i) / float64(len(run))
				add(l.y+45*math.Sin(ang), l.x+45*math.Cos(ang), house, i+1, 0)
			}
		case fixtureStreet:
			var nb numbering
			for _, house := range run {
				side, num, _ := nb.next(t.rng, false)
				if side == 1 && num == 12 {
					y, x := l.at(t.rng, side, num, 0)
					add(y, x, fixtureHouse, 12, 0).adm = fixtureADM
					y, x = l.at(t.rng, side, num, 'a')
					add(y, x, infillHouse, 12, 'a').adm = infillADM
					side, num, _ = nb.next(t.rng, false)
				}
				y, x := l.at(t.rng, side, num, 0)
				add(y, x, house, num, 0)
			}
		default:
			var nb numbering
			for _, house := range run {
				side, num, letter := nb.next(t.rng, true)
				y, x := l.at(t.rng, side, num, letter)
				add(y, x, house, num, letter)
			}
		}

		if s.name == colonyStreet {
			// The garden colony lies past the street's far end.
			y, x := l.at(t.rng, 0, s.houses+10, 0)
			for _, n := range colonyNumbers {
				row := add(y+t.rng.NormFloat64()*40, x+t.rng.NormFloat64()*40, n, 0, 0)
				row.evidence = true
				if n == colonyEV {
					row.adm = colonyADM
				}
			}
		}
	}
}

// dropCoordinates blanks the coordinates of n rows, never a fixture, as the
// export has a few address points not yet surveyed.
func (t *townBuilder) dropCoordinates(n int) {
	for n > 0 {
		r := &t.rows[t.rng.IntN(len(t.rows))]
		if r.adm == 0 && !r.noXY {
			r.noXY = true
			n--
		}
	}
}

// assignADM gives every non-fixture row a unique random 7-digit kód ADM.
func (t *townBuilder) assignADM() {
	used := map[int]bool{fixtureADM: true, infillADM: true, lubinaADM: true, colonyADM: true}
	for i := range t.rows {
		r := &t.rows[i]
		for r.adm == 0 {
			c := 1_000_000 + t.rng.IntN(9_000_000)
			if !used[c] {
				used[c] = true
				r.adm = c
			}
		}
	}
}
