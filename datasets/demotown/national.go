package demotown

import (
	"archive/zip"
	"cmp"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"
)

// NationalOptions sizes the synthetic national export written by WriteNational.
type NationalOptions struct {
	Date           string // export date YYYYMMDD used in member names; default 20261031
	Municipalities int    // number of CSV members; default 6,258
	Rows           int    // minimum total of address points; default 3,020,222
}

// Stats reports what WriteNational wrote.
type Stats struct {
	Files int // CSV members in the ZIP
	Rows  int // address points, headers not counted
}

const (
	defaultMunicipalities = 6258
	defaultRows           = 3_020_222
	maxMunicipalities     = 50_000 // leaves room in the 6-digit code space for MOMC codes
	pragueCode            = 554782
	pragueRows            = 134_627
	bufFlush              = 64 << 10
)

// Prague's centre in S-JTSK; the rest of the country is drawn from the box
// below, and every point is clamped to the wider box the real export spans.
const (
	pragueY, pragueX = 743000.0, 1043000.0
	minY, maxY       = 430000.0, 905000.0
	minX, maxX       = 935000.0, 1230000.0
)

// class is a municipality's size class.
type class int

const (
	village class = iota
	smallTown
	town
	city
	capital
)

// classRows is each class's row range at national scale, drawn log-uniformly
// because small municipalities vastly outnumber big ones.
var classRows = [...]struct{ lo, hi float64 }{
	village:   {30, 500},
	smallTown: {500, 5_000},
	town:      {5_000, 20_000},
	city:      {40_000, 90_000},
	capital:   {pragueRows, pragueRows},
}

// evidenceShare is each class's share of č.ev. (recreational) address points.
var evidenceShare = [...]float64{village: 0.03, smallTown: 0.015, town: 0.005, city: 0.002, capital: 0.001}

// municipality is one planned CSV member.
type municipality struct {
	code  int
	class class
	rows  int
}

// WriteNational writes a ZIP shaped like ČÚZK's national {date}_OB_ADR_csv.zip:
// one Deflate member CSV/{date}_OB_{kód}_ADR.csv per synthetic municipality,
// at least opt.Rows address points in all. Rows are streamed, so memory does
// not grow with the output; the same options always give the same bytes.
func WriteNational(w io.Writer, opt NationalOptions) (Stats, error) {
	if opt.Date == "" {
		opt.Date = TownFile[:8]
	}
	if opt.Municipalities == 0 {
		opt.Municipalities = defaultMunicipalities
	}
	if opt.Rows == 0 {
		opt.Rows = defaultRows
	}
	modified, err := time.Parse("20060102", opt.Date)
	if err != nil {
		return Stats{}, fmt.Errorf("demotown: date %q is not YYYYMMDD: %w", opt.Date, err)
	}
	if opt.Municipalities < 0 || opt.Municipalities > maxMunicipalities {
		return Stats{}, fmt.Errorf("demotown: %d municipalities, want 1 to %d", opt.Municipalities, maxMunicipalities)
	}
	if opt.Rows < 0 {
		return Stats{}, fmt.Errorf("demotown: negative row count %d", opt.Rows)
	}

	g := &nationalGen{
		rng:        rand.New(rand.NewPCG(20261031, 6258)),
		codes:      map[int]bool{townCode: true, pragueCode: true},
		names:      map[string]bool{},
		adm:        10_000_000, // above the demo town's 7-digit codes, so both can be loaded together
		partCode:   400_000,
		streetCode: 2_000_000,
	}
	zw := zip.NewWriter(w)
	for _, m := range g.plan(opt) {
		g.out, err = zw.CreateHeader(&zip.FileHeader{
			Name:     "CSV/" + opt.Date + "_OB_" + strconv.Itoa(m.code) + "_ADR.csv",
			Method:   zip.Deflate,
			Modified: modified,
		})
		if err != nil {
			return g.stats, err
		}
		g.buf = append(g.buf[:0], headerLine...)
		g.municipality(m)
		g.flush()
		if g.err != nil {
			return g.stats, g.err
		}
		g.stats.Files++
	}
	return g.stats, zw.Close()
}

// nationalGen streams the national export; one rand source drawn in a fixed
// order makes it deterministic.
type nationalGen struct {
	rng   *rand.Rand
	codes map[int]bool    // 6-digit municipality and MOMC codes in use
	names map[string]bool // part and street names of the current municipality

	adm, partCode, streetCode int // last codes handed out
	commonUsed                int // common street names taken by the current municipality

	rec   record // the row being written; fields persist from part to street to house
	buf   []byte
	out   io.Writer
	err   error
	stats Stats
}

// plan assigns size classes, row counts and codes, returning municipalities in
// code order as the real ZIP lists them.
func (g *nationalGen) plan(opt NationalOptions) []municipality {
	n := opt.Municipalities
	cities, towns, small := n/1200, n/150, n/10
	ms := make([]municipality, n)
	raw := make([]float64, n)
	total := 0.0
	for i := range ms {
		c := village
		switch {
		case i == 0:
			c = capital
		case i <= cities:
			c = city
		case i <= cities+towns:
			c = town
		case i <= cities+towns+small:
			c = smallTown
		}
		r := classRows[c]
		ms[i].class = c
		raw[i] = r.lo * math.Exp(g.rng.Float64()*math.Log(r.hi/r.lo))
		total += raw[i]
	}
	// Scale to the requested total, rounding up so that it is reached.
	f := float64(opt.Rows) / total
	sum := 0
	for i := range ms {
		ms[i].rows = max(1, int(math.Ceil(raw[i]*f)))
		sum += ms[i].rows
	}
	ms[0].rows += max(0, opt.Rows-sum) // float rounding
	ms[0].code = pragueCode
	for i := 1; i < n; i++ {
		ms[i].code = g.newCode()
	}
	slices.SortFunc(ms, func(a, b municipality) int { return cmp.Compare(a.code, b.code) })
	return ms
}

// newCode hands out an unused 6-digit municipality or MOMC code.
func (g *nationalGen) newCode() int {
	for {
		c := 500_000 + g.rng.IntN(100_000)
		if !g.codes[c] {
			g.codes[c] = true
			return c
		}
	}
}

// municipality writes all rows of m.
func (g *nationalGen) municipality(m municipality) {
	g.rec = record{obec: m.code}
	clear(g.names)
	g.commonUsed = 0
	if m.class == capital {
		g.prague(m.rows)
		return
	}

	name := placeName(g.rng)
	g.names[name] = true
	g.rec.obecName = cp1250(name)
	cy := minY + 15_000 + g.rng.Float64()*(maxY-minY-30_000)
	cx := minX + 15_000 + g.rng.Float64()*(maxX-minX-30_000)
	spread := 150 + 25*math.Sqrt(float64(m.rows))
	psc := (200+g.rng.IntN(590))*100 + g.rng.IntN(10)*10 + 1

	var nParts int
	switch m.class {
	case village:
		nParts = 1 + g.rng.IntN(3)
	case smallTown:
		nParts = 1 + g.rng.IntN(5)
	case town:
		nParts = 2 + g.rng.IntN(9)
	case city:
		nParts = 12 + g.rng.IntN(20)
	}
	nParts = min(nParts, m.rows)
	weights := make([]float64, nParts)
	for i := range weights {
		weights[i] = 0.3 + g.rng.Float64()
	}
	weights[0] *= 3 // the part named after the municipality is its centre
	rows := split(m.rows, weights)

	// Only statutory cities split into městské obvody (MOMC), each a run of parts.
	nMomc := 0
	if m.class == city {
		nMomc = min(4+g.rng.IntN(9), nParts)
	}
	villageStreets := g.rng.IntN(5) == 0
	smallOrient := g.rng.IntN(2) == 0

	for i := range nParts {
		partName := name
		if i > 0 {
			partName = g.uniqueName(placeName)
		}
		if k := i * nMomc / nParts; nMomc > 0 && (i == 0 || k != (i-1)*nMomc/nParts) {
			momc := name + "-střed"
			if k > 0 {
				momc = name + "-" + partName
			}
			g.rec.momc, g.rec.momcName = g.newCode(), cp1250(momc)
			g.rec.psc = psc + k*100
		} else if nMomc == 0 {
			g.rec.psc = psc
		}

		a := area{rows: rows[i], y: cy, x: cx, evidence: evidenceShare[m.class]}
		if i > 0 {
			d, t := spread*(0.5+g.rng.Float64()), g.rng.Float64()*2*math.Pi
			a.y, a.x = cy+d*math.Sin(t), cx+d*math.Cos(t)
		}
		a.spread = 60 + 12*math.Sqrt(float64(a.rows))
		switch m.class {
		case village:
			a.streets = villageStreets && i == 0
		case smallTown:
			a.streets = i == 0 || g.rng.IntN(3) == 0
			a.orient = a.streets && smallOrient
		default:
			a.streets, a.orient = true, true
		}
		g.part(partName, a)
	}
}

// prague writes the capital: every part belongs to a městská část and a
// správní obvod, and every address has a street and an orientation number.
func (g *nationalGen) prague(n int) {
	g.rec.obecName = cp1250("Praha")
	weights := make([]float64, len(pragueDistricts))
	for i, d := range pragueDistricts {
		weights[i] = float64(d.weight)
	}
	rows := split(n, weights)
	for i, d := range pragueDistricts {
		o := pragueObvody[d.obvod]
		g.rec.momc, g.rec.momcName = g.newCode(), cp1250(d.momc)
		g.rec.obvod, g.rec.obvodName = o.code, cp1250(o.name)
		g.rec.psc = d.psc
		// Praha 1–10 form the compact centre, the rest the outskirts.
		dist := 6000 + g.rng.Float64()*6000
		if i < 10 {
			dist = float64(i) * 500
		}
		pw := make([]float64, len(d.parts))
		for j := range pw {
			pw[j] = 0.5 + g.rng.Float64()
		}
		for j, pr := range split(rows[i], pw) {
			t := g.rng.Float64() * 2 * math.Pi
			pd := dist + g.rng.Float64()*1500
			g.names[d.parts[j]] = true
			g.part(d.parts[j], area{
				rows: pr, y: pragueY + pd*math.Sin(t), x: pragueX + pd*math.Cos(t),
				spread:  60 + 12*math.Sqrt(float64(pr)),
				streets: true, orient: true, evidence: evidenceShare[capital],
			})
		}
	}
}

// area describes one town part to lay out.
type area struct {
	rows            int
	y, x, spread    float64 // centre and scatter, S-JTSK metres
	streets, orient bool
	evidence        float64 // share of č.ev. rows
}

// part writes a town part: houses along streets where it has them, otherwise
// scattered around its centre. House numbers run per part, with occasional
// gaps where a house was demolished; č.ev. have their own sequence.
func (g *nationalGen) part(name string, a area) {
	g.partCode += 1 + g.rng.IntN(20)
	g.rec.part, g.rec.partName = g.partCode, cp1250(name)
	house, ev := 0, 0
	number := func() {
		g.rec.evidence = g.rng.Float64() < a.evidence
		if g.rec.evidence {
			ev++
			g.rec.house = ev
			return
		}
		house++
		if g.rng.IntN(8) == 0 {
			house += 1 + g.rng.IntN(3)
		}
		g.rec.house = house
	}

	g.rec.street, g.rec.streetName, g.rec.orient, g.rec.letter = 0, "", 0, 0
	if !a.streets {
		for range a.rows {
			number()
			g.emit(a.y+g.rng.NormFloat64()*a.spread, a.x+g.rng.NormFloat64()*a.spread)
		}
		return
	}

	avg := 15 + g.rng.IntN(35)
	for left := a.rows; left > 0; {
		k := min(left, 3+g.rng.IntN(2*avg))
		left -= k
		g.streetCode += 1 + g.rng.IntN(10)
		g.rec.street, g.rec.streetName = g.streetCode, cp1250(g.uniqueName(g.pickStreet))
		d, t := a.spread*math.Sqrt(g.rng.Float64()), g.rng.Float64()*2*math.Pi
		l := newLane(g.rng, a.y+d*math.Sin(t), a.x+d*math.Cos(t))
		var nb numbering
		for range k {
			number()
			side, num, letter := nb.next(g.rng, a.orient)
			g.rec.orient, g.rec.letter = 0, 0
			if a.orient && !g.rec.evidence {
				g.rec.orient, g.rec.letter = num, letter
			}
			g.emit(l.at(g.rng, side, num, letter))
		}
	}
}

// pickStreet draws a street name: common names first, skewed towards the most
// frequent, until half of them are taken, then invented ones.
func (g *nationalGen) pickStreet(rng *rand.Rand) string {
	if g.commonUsed < len(commonStreets)/2 {
		s := commonStreets[rng.IntN(rng.IntN(len(commonStreets))+1)]
		if !g.names[s] {
			g.commonUsed++
		}
		return s
	}
	return streetName(rng)
}

// uniqueName draws names until one is new in the current municipality.
func (g *nationalGen) uniqueName(draw func(*rand.Rand) string) string {
	for {
		s := draw(g.rng)
		if !g.names[s] {
			g.names[s] = true
			return s
		}
	}
}

// emit writes the current record at the given point with a fresh kód ADM.
func (g *nationalGen) emit(y, x float64) {
	r := &g.rec
	g.adm += 1 + g.rng.IntN(40)
	r.adm = g.adm
	r.y, r.x = cents(min(max(y, minY), maxY)), cents(min(max(x, minX), maxX))
	r.noXY = g.rng.IntN(3333) == 0 // about 0.03 % of points lack coordinates
	r.since = g.rng.IntN(len(validFrom))
	g.buf = appendRecord(g.buf, r)
	g.stats.Rows++
	if len(g.buf) >= bufFlush {
		g.flush()
	}
}

// flush writes the buffered rows to the current member, keeping the first error.
func (g *nationalGen) flush() {
	if g.err == nil && len(g.buf) > 0 {
		_, g.err = g.out.Write(g.buf)
	}
	g.buf = g.buf[:0]
}

// split divides total proportionally to weights; the remainder goes to the first.
func split(total int, weights []float64) []int {
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	out := make([]int, len(weights))
	given := 0
	for i, w := range weights {
		out[i] = int(float64(total) * w / sum)
		given += out[i]
	}
	out[0] += total - given
	return out
}
