//go:build bench

// Package bench measures Radnice at national scale: the RÚIAN import against a bare COPY of the
// same rows, address search latency, in process and over HTTP, on the imported register, and
// lookup-by-address throughput with wrk against a bare handler and the naive ST_Contains way,
// and filing forms with the outbox delivering their e-mails (submissions_test.go).
//
// Run it with `make bench`. RADNICE_BENCH_DIR holds the generated national ZIP (the only file
// left behind besides a short report.txt; default: a temporary folder), and
// RADNICE_BENCH_MUNICIPALITIES / RADNICE_BENCH_ROWS shrink the data for development;
// RADNICE_BENCH_PASSES sets how many times each search is measured (default 3, the median
// counts), RADNICE_BENCH_EXPLAIN how many of the slowest searches get an EXPLAIN ANALYZE in the
// report (default 3), RADNICE_BENCH_SKIP=search leaves the search benchmark out, and
// RADNICE_BENCH_CONNECTIONS sets wrk's connections for the lookups (default 4);
// RADNICE_BENCH_SUBMIT_SECONDS how long each concurrency of the submission benchmark runs
// (default 10). Benchmarks report speed, they do not assert it: the test fails only on errors
// and wrong answers.
package bench

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/ruiancsv"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/migrations/dbtest"
	"github.com/radnice/radnice/web"
)

const (
	zipName     = "20261031_OB_ADR_csv.zip" // as ČÚZK names the national export
	reportName  = "report.txt"
	queryCount  = 1000
	searchLimit = 10
	sampleSeed  = "radnice-bench-1" // fixes which addresses the search mix is built from
	candidates  = 200_000           // addresses sampled to draw the mix from

	targetImportRate  = 50_000 // rows/s
	targetImportRatio = 0.5    // of the bare COPY rate
	targetP99         = 10 * time.Millisecond
	minCorrectShare   = 0.90
)

func TestBenchmarkNational(t *testing.T) {
	ctx := context.Background()
	opt := demotown.NationalOptions{
		Municipalities: envInt(t, "RADNICE_BENCH_MUNICIPALITIES", 0),
		Rows:           envInt(t, "RADNICE_BENCH_ROWS", 0),
	}
	explainSlowest := envInt(t, "RADNICE_BENCH_EXPLAIN", 3)
	passes := max(1, envInt(t, "RADNICE_BENCH_PASSES", 3))
	dir := os.Getenv("RADNICE_BENCH_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}

	r := &report{date: time.Now()}
	zipPath := generate(t, dir, opt, r)
	inputs, closeInputs, err := ruiancsv.Inputs([]string{zipPath})
	if err != nil {
		t.Fatalf("inputs: %v", err)
	}
	t.Cleanup(func() { closeInputs() })
	for _, in := range inputs {
		r.csvBytes += in.Size
	}

	r.parse = parseOnly(t, inputs, r.rows)
	r.copy = bareCopy(ctx, t, inputs, r.rows)

	dbURL := dbtest.New(t)
	r.first = importAll(ctx, t, dbURL, inputs, r.rows, "import")
	r.again = importAll(ctx, t, dbURL, inputs, r.rows, "re-import")

	capture := &captureTracer{}
	pool := connect(ctx, t, dbURL, capture)
	describeDatabase(ctx, t, pool, r)
	start := time.Now()
	if _, err := pool.Exec(ctx, "VACUUM (ANALYZE)"); err != nil {
		t.Fatalf("vacuum analyze: %v", err)
	}
	r.vacuum = time.Since(start)

	if os.Getenv("RADNICE_BENCH_SKIP") != "search" {
		r.search = searchBench(ctx, t, pool, passes, explainSlowest)
	}
	r.lookup = lookupBench(ctx, t, pool)

	text := r.String()
	fmt.Print("\n" + text)
	if err := os.WriteFile(filepath.Join(dir, reportName), []byte(text), 0o644); err != nil {
		t.Errorf("write report: %v", err)
	}
	for _, f := range r.search.forms {
		if !f.exempt && f.n > 0 && f.okShare() < minCorrectShare {
			t.Errorf("search form %q: %.0f%% of %d queries answered correctly, want at least %.0f%%",
				f.name, 100*f.okShare(), f.n, 100*minCorrectShare)
		}
	}
	if r.search.errors > 0 {
		t.Errorf("%d searches failed", r.search.errors)
	}
}

// ---- generating the data ----

func generate(t *testing.T, dir string, opt demotown.NationalOptions, r *report) string {
	t.Helper()
	path := filepath.Join(dir, zipName)
	tmp := path + ".tmp"
	start := time.Now()
	err := func() error {
		f, err := os.Create(tmp)
		if err != nil {
			return err
		}
		defer f.Close()
		w := bufio.NewWriterSize(f, 1<<20)
		st, err := demotown.WriteNational(w, opt)
		if err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return err
		}
		r.files, r.rows = st.Files, st.Rows
		return f.Close()
	}()
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		t.Fatalf("generate the national ZIP: %v", err)
	}
	r.generate = time.Since(start)
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	r.zipBytes = st.Size()
	t.Logf("generated %s: %d files, %d rows, %s in %s", path, r.files, r.rows, mb(r.zipBytes), secs(r.generate))
	return path
}

// ---- baselines ----

// recordStream reads the records of all inputs in order, as one pgx.CopyFromSource.
type recordStream struct {
	inputs []ruiancsv.Input
	next   int
	file   io.ReadCloser
	rd     *ruiancsv.Reader
	rec    geo.AddressRecord
	rows   int
	err    error
}

func (s *recordStream) Next() bool {
	for {
		if s.rd == nil {
			if s.next == len(s.inputs) {
				return false
			}
			in := s.inputs[s.next]
			s.next++
			f, err := in.Open()
			if err != nil {
				s.err = fmt.Errorf("%s: %w", in.Name, err)
				return false
			}
			rd, err := ruiancsv.NewReader(in.Name, f)
			if err != nil {
				f.Close()
				s.err = err
				return false
			}
			s.file, s.rd = f, rd
		}
		rec, err := s.rd.Next()
		if err == nil {
			s.rec = rec
			s.rows++
			return true
		}
		if s.rd.Rejected() > 0 && s.err == nil {
			s.err = fmt.Errorf("%d rows rejected, first: %v", s.rd.Rejected(), s.rd.Rejects()[0])
		}
		s.file.Close()
		s.file, s.rd = nil, nil
		if !errors.Is(err, io.EOF) {
			s.err = err
			return false
		}
		if s.err != nil {
			return false
		}
	}
}

func (s *recordStream) Values() ([]any, error) {
	r := &s.rec
	var x, y, validFrom any
	if r.HasPoint {
		x, y = r.X, r.Y
	}
	if !r.ValidFrom.IsZero() {
		validFrom = r.ValidFrom
	}
	return []any{r.ID, r.MunicipalityCode, r.MunicipalityName, nullInt(r.CityDistrictCode),
		nullText(r.CityDistrictName), nullInt(r.PragueDistrictCode), nullText(r.PragueDistrictName),
		r.PartCode, r.PartName, nullInt(r.StreetCode), nullText(r.StreetName), string(r.BuildingType),
		r.HouseNumber, nullInt(r.OrientationNumber), nullText(r.OrientationLetter), r.Postcode, x, y,
		validFrom}, nil
}

func (s *recordStream) Err() error { return s.err }

func nullInt(v int) any {
	if v == 0 {
		return nil
	}
	return v
}

func nullText(v string) any {
	if v == "" {
		return nil
	}
	return v
}

// The bare COPY target: the record's columns, no key, no index, no constraint beyond NOT NULL.
const bareTableSQL = `CREATE TABLE bench_bare_copy (
	code integer NOT NULL,
	municipality_code integer NOT NULL,
	municipality_name text NOT NULL,
	city_district_code integer,
	city_district_name text,
	prague_district_code integer,
	prague_district_name text,
	part_code integer NOT NULL,
	part_name text NOT NULL,
	street_code integer,
	street_name text,
	building_type text NOT NULL,
	house_number integer NOT NULL,
	orientation_number integer,
	orientation_letter text,
	postcode text NOT NULL,
	x double precision,
	y double precision,
	valid_from date
)`

var bareColumns = []string{"code", "municipality_code", "municipality_name", "city_district_code",
	"city_district_name", "prague_district_code", "prague_district_name", "part_code", "part_name",
	"street_code", "street_name", "building_type", "house_number", "orientation_number",
	"orientation_letter", "postcode", "x", "y", "valid_from"}

// timed is a measured pass over all rows.
type timed struct {
	rows    int
	elapsed time.Duration
	bytes   int64  // table size, where it applies
	load    string // 1-minute load average when the pass began: other work on the machine
}

func (p timed) rate() float64 { return float64(p.rows) / p.elapsed.Seconds() }

// parseOnly reads and parses every row without a database: the client's share of any import.
func parseOnly(t *testing.T, inputs []ruiancsv.Input, want int) timed {
	t.Helper()
	s := &recordStream{inputs: inputs}
	load := loadavg()
	start := time.Now()
	for s.Next() {
	}
	p := timed{rows: s.rows, elapsed: time.Since(start), load: load}
	if s.err != nil {
		t.Fatalf("read the ZIP: %v", s.err)
	}
	if p.rows != want {
		t.Fatalf("read %d rows, the generator wrote %d", p.rows, want)
	}
	t.Logf("read+parse only: %d rows in %s, %.0f rows/s", p.rows, secs(p.elapsed), p.rate())
	return p
}

// bareCopy streams the same records with one COPY into an unindexed table of a fresh database.
func bareCopy(ctx context.Context, t *testing.T, inputs []ruiancsv.Input, want int) timed {
	t.Helper()
	conn, err := pgx.Connect(ctx, dbtest.New(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, bareTableSQL); err != nil {
		t.Fatalf("create the bare table: %v", err)
	}
	s := &recordStream{inputs: inputs}
	load := loadavg()
	start := time.Now()
	n, err := conn.CopyFrom(ctx, pgx.Identifier{"bench_bare_copy"}, bareColumns, s)
	p := timed{rows: int(n), elapsed: time.Since(start), load: load}
	if s.err != nil {
		t.Fatalf("bare COPY: read: %v", s.err)
	}
	if err != nil {
		t.Fatalf("bare COPY: %v", err)
	}
	if p.rows != want {
		t.Fatalf("bare COPY wrote %d rows, the generator wrote %d", p.rows, want)
	}
	if err := conn.QueryRow(ctx, "SELECT pg_total_relation_size('bench_bare_copy')").Scan(&p.bytes); err != nil {
		t.Fatal(err)
	}
	// Free the disk now; the database itself is dropped when the test ends.
	if _, err := conn.Exec(ctx, "DROP TABLE bench_bare_copy"); err != nil {
		t.Fatal(err)
	}
	t.Logf("bare COPY: %d rows in %s, %.0f rows/s", p.rows, secs(p.elapsed), p.rate())
	return p
}

// ---- the import ----

// importRun is one timed run of ruiancsv.Importer over all inputs.
type importRun struct {
	timed
	sum    ruiancsv.Summary
	phases map[string]phaseTime
}

func importAll(ctx context.Context, t *testing.T, dbURL string, inputs []ruiancsv.Input, want int, label string) importRun {
	t.Helper()
	tracer := &phaseTracer{phases: map[string]phaseTime{}}
	pool := connect(ctx, t, dbURL, tracer)
	defer pool.Close()
	var problems []string
	im := &ruiancsv.Importer{
		Store:    geo.NewStore(pool),
		Progress: &logProgress{t: t, label: label, files: len(inputs), start: time.Now(), last: time.Now()},
		Problem: func(err error) {
			if len(problems) < 10 {
				problems = append(problems, err.Error())
			}
		},
	}
	tracer.reset()
	load := loadavg()
	start := time.Now()
	sum, err := im.Import(ctx, inputs)
	run := importRun{timed: timed{rows: sum.Rows, elapsed: time.Since(start), load: load}, sum: sum, phases: tracer.snapshot()}
	if err != nil {
		t.Fatalf("%s: %v", label, err)
	}
	if sum.Failed() {
		t.Fatalf("%s: %s; problems:\n%s", label, sum, strings.Join(problems, "\n"))
	}
	if sum.Rows != want || sum.Files != len(inputs) {
		t.Fatalf("%s: %s; want %d files and %d rows", label, sum, len(inputs), want)
	}
	// The first run fills an empty register; the second finds every row as it left it.
	if label == "import" && sum.Inserted != want {
		t.Fatalf("%s: %s; expected every row inserted", label, sum)
	}
	if label != "import" && (sum.Unchanged != want || sum.Inserted+sum.Updated+sum.Retired > 0) {
		t.Fatalf("%s: %s; expected every row unchanged", label, sum)
	}
	t.Logf("%s: %s in %s, %.0f rows/s", label, sum, secs(run.elapsed), run.rate())
	return run
}

// logProgress logs the import's progress every half minute.
type logProgress struct {
	t           *testing.T
	label       string
	files, done int
	start, last time.Time
}

func (p *logProgress) Advance(_ int64, so ruiancsv.Summary) {
	p.done++
	if time.Since(p.last) < 30*time.Second {
		return
	}
	p.last = time.Now()
	p.t.Logf("%s: %d/%d files, %d rows, %.0f rows/s so far", p.label, p.done, p.files, so.Rows,
		float64(so.Rows)/time.Since(p.start).Seconds())
}

// connect opens a pool like geo.Connect does, with tracer attached.
func connect(ctx context.Context, t *testing.T, dbURL string, tracer pgx.QueryTracer) *pgxpool.Pool {
	t.Helper()
	cfg, err := geo.PoolConfig(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	cfg.ConnConfig.Tracer = tracer
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return pool
}

// phaseTime is the time the statements of one kind took, and how many ran.
type phaseTime struct {
	d time.Duration
	n int
}

// phaseTracer sums statement times by the import phase they belong to. Times are wall clock
// from the client, so the COPY includes reading and parsing the CSV it streams.
type phaseTracer struct {
	mu     sync.Mutex
	phases map[string]phaseTime
}

type traceStartKey struct{}

type traceStart struct {
	at    time.Time
	phase string
}

func (p *phaseTracer) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	return context.WithValue(ctx, traceStartKey{}, traceStart{time.Now(), phaseOf(d.SQL)})
}

func (p *phaseTracer) TraceQueryEnd(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryEndData) {
	p.end(ctx)
}

func (p *phaseTracer) TraceCopyFromStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceCopyFromStartData) context.Context {
	return context.WithValue(ctx, traceStartKey{}, traceStart{time.Now(), phaseCopy})
}

func (p *phaseTracer) TraceCopyFromEnd(ctx context.Context, _ *pgx.Conn, _ pgx.TraceCopyFromEndData) {
	p.end(ctx)
}

func (p *phaseTracer) end(ctx context.Context) {
	s, ok := ctx.Value(traceStartKey{}).(traceStart)
	if !ok {
		return
	}
	d := time.Since(s.at)
	p.mu.Lock()
	pt := p.phases[s.phase]
	pt.d += d
	pt.n++
	p.phases[s.phase] = pt
	p.mu.Unlock()
}

func (p *phaseTracer) reset() {
	p.mu.Lock()
	clear(p.phases)
	p.mu.Unlock()
}

func (p *phaseTracer) snapshot() map[string]phaseTime {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[string]phaseTime, len(p.phases))
	for k, v := range p.phases {
		out[k] = v
	}
	return out
}

const phaseCopy = "COPY into staging (+ read/parse)"

// phaseOrder lists the import's phases in the order a file goes through them.
var phaseOrder = []string{"BEGIN", "SET LOCAL", "CREATE TEMP TABLE", phaseCopy, "ANALYZE staging",
	"merge municipalities", "merge municipality_parts", "merge city_districts", "merge prague_districts",
	"merge streets", "merge address_units", "merge address_points", "retire missing", "COMMIT", "other"}

// phaseOf names the import phase a statement belongs to.
func phaseOf(sql string) string {
	f := strings.Fields(strings.ToLower(sql))
	if len(f) == 0 {
		return "other"
	}
	switch {
	case f[0] == "begin":
		return "BEGIN"
	case f[0] == "commit":
		return "COMMIT"
	case f[0] == "set":
		return "SET LOCAL"
	case f[0] == "create":
		return "CREATE TEMP TABLE"
	case f[0] == "analyze":
		return "ANALYZE staging"
	case f[0] == "insert" && len(f) > 2:
		return "merge " + strings.TrimSuffix(f[2], "(")
	case f[0] == "with" && strings.Contains(sql, "address_points"):
		return "merge address_points"
	case f[0] == "update" && len(f) > 1 && f[1] == "address_points":
		return "retire missing"
	}
	return "other"
}

// ---- the database ----

func describeDatabase(ctx context.Context, t *testing.T, pool *pgxpool.Pool, r *report) {
	t.Helper()
	q := func(sql string, dst ...any) {
		if err := pool.QueryRow(ctx, sql).Scan(dst...); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	q("SELECT version()", &r.pgVersion)
	q("SELECT postgis_lib_version() || ' (GEOS ' || postgis_geos_version() || ', PROJ ' || postgis_proj_version() || ')'", &r.postgisVersion)
	for _, name := range []string{"shared_buffers", "work_mem", "maintenance_work_mem", "effective_cache_size",
		"max_wal_size", "fsync", "synchronous_commit", "full_page_writes", "jit", "max_parallel_workers_per_gather"} {
		var v string
		q("SELECT current_setting('"+name+"')", &v)
		r.settings = append(r.settings, name+"="+v)
	}
	q(`SELECT pg_database_size(current_database()),
		pg_table_size('address_points'), pg_indexes_size('address_points'),
		pg_total_relation_size('address_units'),
		(SELECT count(*) FROM address_points), (SELECT count(*) FROM address_units),
		(SELECT count(*) FROM streets), (SELECT count(*) FROM municipality_parts),
		(SELECT count(*) FROM municipalities)`,
		&r.dbBytes, &r.pointsTable, &r.pointsIndexes, &r.unitsBytes,
		&r.nPoints, &r.nUnits, &r.nStreets, &r.nParts, &r.nMunicipalities)
}

// ---- search ----

// cand is a sampled address to derive queries from.
type cand struct {
	code               int64
	muni, part, street string // street "" when the address has none
	cev                bool
	house, orient      int // orient 0 when none
	letter, postcode   string
	muniCode           int
}

// number writes the address's number as on the building: "1163/12a" or "25".
func (c cand) number() string {
	if c.orient > 0 {
		return strconv.Itoa(c.house) + "/" + strconv.Itoa(c.orient) + c.letter
	}
	return strconv.Itoa(c.house)
}

// form is one kind of query. matches says whether a returned address answers the query as
// well as the source address does, so that a page full of such answers is correct even when
// the source did not fit on it: nationwide, "č.p. 25" or "Nádražní 12" has hundreds.
type form struct {
	name     string
	example  string // as in the search design
	n        int    // queries of this form in the mix
	exempt   bool   // ambiguous nationwide even then: reported, not checked
	eligible func(c cand) bool
	text     func(c cand, i int) string
	matches  func(c cand, q string, a geo.Address) bool

	// results
	sample         string // the first query of this form in the mix
	found, crowded int
	direct         []time.Duration
	misses         []string
}

func (f *form) okShare() float64 { return float64(f.found+f.crowded) / float64(f.n) }

// folded alternates between the text as written and folded (lower case, no diacritics), the two
// ways citizens type.
func folded(s string, i int) string {
	if i%2 == 1 {
		return geo.Fold(s)
	}
	return s
}

func sameStreet(c cand, a geo.Address) bool {
	return a.Street != nil && geo.Fold(a.Street.Name) == geo.Fold(c.street)
}

func sameNumber(c cand, a geo.Address) bool {
	return a.HouseNumber == c.house && a.OrientationNumber == c.orient && a.OrientationLetter == c.letter
}

// wordsMatch says whether every word of q starts a word of the address's street, part or
// municipality name, as the search matches place words.
func wordsMatch(q string, a geo.Address) bool {
	names := a.Part.Name + " " + a.Municipality.Name
	if a.Street != nil {
		names += " " + a.Street.Name
	}
	hay := strings.Fields(geo.Fold(names))
	for _, w := range strings.Fields(geo.Fold(q)) {
		if !slices.ContainsFunc(hay, func(h string) bool { return strings.HasPrefix(h, w) }) {
			return false
		}
	}
	return true
}

// prefix4 returns the first four letters of the street's first word of four letters or more.
func prefix4(street string) string {
	for _, w := range strings.Fields(street) {
		r := []rune(w)
		if len(r) >= 4 && !slices.ContainsFunc(r[:4], func(c rune) bool { return !unicode.IsLetter(c) }) {
			return strings.ToLower(string(r[:4]))
		}
	}
	return ""
}

// typo replaces one inner letter of the street's longest word by a neighbour of the same kind
// (a vowel by a vowel, a consonant by a consonant), at a position fixed by seed.
func typo(street string, seed int64) string {
	words := strings.Fields(street)
	longest := -1
	for i, w := range words {
		if n := len([]rune(w)); n >= 5 && (longest < 0 || n > len([]rune(words[longest]))) {
			longest = i
		}
	}
	if longest < 0 {
		return ""
	}
	r := []rune(words[longest])
	const vowels, consonants = "aeiouy", "bcdfghjklmnprstvz"
	for k := range len(r) - 2 {
		pos := 1 + (int(seed)+k)%(len(r)-2)
		base := geo.Fold(string(r[pos]))
		for _, set := range []string{vowels, consonants} {
			if i := strings.Index(set, base); i >= 0 && len(base) == 1 {
				r[pos] = rune(set[(i+1)%len(set)])
				words[longest] = string(r)
				return strings.Join(words, " ")
			}
		}
	}
	return ""
}

func square(street string) bool { return strings.Contains(strings.ToLower(street), "náměstí") }

// forms is the query mix, 1,000 queries in all, each form derived from real addresses.
func forms() []*form {
	return []*form{{
		name: "street + orientation", example: "stefanikova 12", n: 150,
		eligible: func(c cand) bool { return c.street != "" && !c.cev && c.orient > 0 },
		text: func(c cand, i int) string {
			return folded(c.street, i) + " " + strconv.Itoa(c.orient) + c.letter
		},
		matches: func(c cand, _ string, a geo.Address) bool {
			return sameStreet(c, a) && a.OrientationNumber == c.orient && (c.letter == "" || a.OrientationLetter == c.letter)
		},
	}, {
		name: "street + house/orientation", example: "Štefánikova 1163/12", n: 110,
		eligible: func(c cand) bool { return c.street != "" && !c.cev && c.orient > 0 },
		text:     func(c cand, i int) string { return folded(c.street, i) + " " + c.number() },
		matches:  func(c cand, _ string, a geo.Address) bool { return sameStreet(c, a) && sameNumber(c, a) },
	}, {
		name: "house/orientation alone", example: "1163/12", n: 80, exempt: true,
		eligible: func(c cand) bool { return !c.cev && c.orient > 0 },
		text:     func(c cand, _ int) string { return c.number() },
		matches:  func(c cand, _ string, a geo.Address) bool { return sameNumber(c, a) },
	}, {
		name: "street prefix + house", example: "štef 1163", n: 80,
		eligible: func(c cand) bool { return c.street != "" && !c.cev && prefix4(c.street) != "" },
		text:     func(c cand, _ int) string { return prefix4(c.street) + " " + strconv.Itoa(c.house) },
		matches: func(c cand, _ string, a geo.Address) bool {
			return wordsMatch(prefix4(c.street), a) && (a.HouseNumber == c.house || a.OrientationNumber == c.house)
		},
	}, {
		name: "č.p. N", example: "č.p. 1163", n: 60,
		eligible: func(c cand) bool { return !c.cev },
		text:     func(c cand, _ int) string { return "č.p. " + strconv.Itoa(c.house) },
		matches: func(c cand, _ string, a geo.Address) bool {
			return a.BuildingType == geo.Descriptive && a.HouseNumber == c.house
		},
	}, {
		name: "cp N municipality", example: "cp 1163 kopřivnice", n: 90,
		eligible: func(c cand) bool { return !c.cev },
		text: func(c cand, _ int) string {
			return "cp " + strconv.Itoa(c.house) + " " + strings.ToLower(c.muni)
		},
		matches: func(c cand, _ string, a geo.Address) bool {
			return a.BuildingType == geo.Descriptive && a.HouseNumber == c.house && wordsMatch(c.muni, a)
		},
	}, {
		name: "č. ev. N", example: "č. ev. 45", n: 60, exempt: true,
		eligible: func(c cand) bool { return c.cev },
		text:     func(c cand, _ int) string { return "č. ev. " + strconv.Itoa(c.house) },
		matches: func(c cand, _ string, a geo.Address) bool {
			return a.BuildingType == geo.Registry && a.HouseNumber == c.house
		},
	}, {
		name: "orientation + letter", example: "12a", n: 60, exempt: true,
		eligible: func(c cand) bool { return c.orient > 0 && c.letter != "" },
		text:     func(c cand, _ int) string { return strconv.Itoa(c.orient) + c.letter },
		matches: func(c cand, _ string, a geo.Address) bool {
			return a.OrientationNumber == c.orient && a.OrientationLetter == c.letter
		},
	}, {
		name: "part + house (no street)", example: "Lubina 25", n: 80,
		eligible: func(c cand) bool { return c.street == "" },
		text:     func(c cand, i int) string { return folded(c.part, i) + " " + strconv.Itoa(c.house) },
		matches: func(c cand, _ string, a geo.Address) bool {
			return a.Street == nil && geo.Fold(a.Part.Name) == geo.Fold(c.part) && a.HouseNumber == c.house
		},
	}, {
		name: "square, abbreviated", example: "Masarykovo nám.", n: 40,
		eligible: func(c cand) bool { return square(c.street) },
		text: func(c cand, i int) string {
			if i%2 == 1 {
				return geo.Fold(c.street)
			}
			return strings.NewReplacer("náměstí", "nám.", "Náměstí", "nám.").Replace(c.street)
		},
		matches: func(c cand, _ string, a geo.Address) bool { return sameStreet(c, a) },
	}, {
		name: "street alone", example: "Nádražní", n: 20,
		eligible: func(c cand) bool { return c.street != "" && !square(c.street) },
		text:     func(c cand, i int) string { return folded(c.street, i) },
		matches:  func(c cand, _ string, a geo.Address) bool { return sameStreet(c, a) },
	}, {
		name: "postcode NNN NN", example: "742 21", n: 40, exempt: true,
		eligible: func(cand) bool { return true },
		text:     func(c cand, _ int) string { return c.postcode[:3] + " " + c.postcode[3:] },
		matches:  func(c cand, _ string, a geo.Address) bool { return a.Postcode == c.postcode },
	}, {
		name: "postcode NNNNN", example: "74221", n: 40, exempt: true,
		eligible: func(cand) bool { return true },
		text:     func(c cand, _ int) string { return c.postcode },
		matches:  func(c cand, _ string, a geo.Address) bool { return a.Postcode == c.postcode },
	}, {
		name: "street typo + number", example: "Štefánkova 1163/12", n: 90,
		eligible: func(c cand) bool { return c.street != "" && !c.cev && typo(c.street, c.code) != "" },
		text:     func(c cand, _ int) string { return typo(c.street, c.code) + " " + c.number() },
		matches:  func(c cand, _ string, a geo.Address) bool { return sameStreet(c, a) && sameNumber(c, a) },
	}}
}

type query struct {
	form *form
	text string
	src  cand
}

// sampleSQL draws addresses in a fixed pseudo-random order: the hash of kód ADM and a seed.
const sampleSQL = `SELECT a.code, m.code, m.name, p.name, coalesce(s.name, ''), a.building_type = 'cev',
	a.house_number, coalesce(a.orientation_number, 0), coalesce(a.orientation_letter, ''), a.postcode
FROM address_points a
JOIN municipalities m ON m.code = a.municipality_code
JOIN municipality_parts p ON p.code = a.part_code
LEFT JOIN streets s ON s.code = a.street_code
WHERE a.retired_at IS NULL
ORDER BY md5(a.code::text || $1), a.code
LIMIT $2`

// buildQueries derives the mix from sampled addresses: each form walks the sample from its
// own starting point and takes the addresses it can be asked about.
func buildQueries(ctx context.Context, t *testing.T, pool *pgxpool.Pool, fs []*form) []query {
	t.Helper()
	rows, err := pool.Query(ctx, sampleSQL, sampleSeed, candidates)
	if err != nil {
		t.Fatal(err)
	}
	cands, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (cand, error) {
		var c cand
		err := row.Scan(&c.code, &c.muniCode, &c.muni, &c.part, &c.street, &c.cev, &c.house, &c.orient, &c.letter, &c.postcode)
		return c, err
	})
	if err != nil {
		t.Fatalf("sample addresses: %v", err)
	}
	var qs []query
	for fi, f := range fs {
		start := fi * len(cands) / len(fs)
		got := 0
		for k := 0; k < len(cands) && got < f.n; k++ {
			c := cands[(start+k)%len(cands)]
			if f.eligible(c) {
				qs = append(qs, query{form: f, text: f.text(c, got), src: c})
				if got == 0 {
					f.sample = qs[len(qs)-1].text
				}
				got++
			}
		}
		if got < f.n {
			t.Logf("search mix: only %d addresses for %q, wanted %d", got, f.name, f.n)
			f.n = got
		}
	}
	// Interleave the forms, the same way every run.
	rand.New(rand.NewPCG(2026, 1031)).Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
	return qs
}

// captureTracer records the statements of a search whose context asks for it, for EXPLAIN.
type captureTracer struct{}

type captureKey struct{}

type captured struct {
	sql  string
	args []any
}

func (captureTracer) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	if c, ok := ctx.Value(captureKey{}).(*[]captured); ok {
		*c = append(*c, captured{d.SQL, d.Args})
	}
	return ctx
}

func (captureTracer) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

type searchResult struct {
	queries        int
	passes         int
	load           string // /proc/loadavg when the measuring began
	forms          []*form
	direct, http   []time.Duration
	errors         int
	httpMismatches []string
	explains       []string
}

func searchBench(ctx context.Context, t *testing.T, pool *pgxpool.Pool, passes, explainSlowest int) searchResult {
	t.Helper()
	fs := forms()
	total := 0
	for _, f := range fs {
		total += f.n
	}
	if total != queryCount {
		t.Fatalf("the forms add up to %d queries, want %d", total, queryCount)
	}
	qs := buildQueries(ctx, t, pool, fs)
	res := searchResult{queries: len(qs), forms: fs, passes: passes}
	store := geo.NewStore(pool)
	search := func(ctx context.Context, text string) ([]geo.Address, error) {
		return store.Search(ctx, geo.SearchParams{Text: text, Limit: searchLimit})
	}

	srv := httptest.NewServer(web.Handler(t.Context(), web.Config{Pool: pool}))
	defer srv.Close()
	transport := &http.Transport{MaxIdleConnsPerHost: 4}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: time.Minute}
	get := func(text string) ([]int64, time.Duration, error) {
		u := srv.URL + "/api/v1/addresses?q=" + url.QueryEscape(text) + "&limit=" + strconv.Itoa(searchLimit)
		start := time.Now()
		resp, err := client.Get(u)
		if err != nil {
			return nil, 0, err
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		d := time.Since(start)
		if err != nil {
			return nil, d, err
		}
		if resp.StatusCode != http.StatusOK {
			return nil, d, fmt.Errorf("HTTP %d: %s", resp.StatusCode, body)
		}
		var out struct {
			Items []struct {
				ID int64 `json:"id"`
			} `json:"items"`
		}
		if err := json.Unmarshal(body, &out); err != nil {
			return nil, d, err
		}
		ids := make([]int64, len(out.Items))
		for i, it := range out.Items {
			ids[i] = it.ID
		}
		return ids, d, nil
	}

	// Warm up: every query once in process, and enough over HTTP to open the connections.
	for _, q := range qs {
		if _, err := search(ctx, q.text); err != nil {
			t.Errorf("search %q: %v", q.text, err)
			res.errors++
		}
	}
	for _, q := range qs[:min(100, len(qs))] {
		if _, _, err := get(q.text); err != nil {
			t.Fatalf("GET %q: %v", q.text, err)
		}
	}

	res.load = loadavg()

	// Measure: each pass runs the whole mix in process, then over HTTP; a query's figure is its
	// median over the passes, which keeps other processes on the machine from setting the tail.
	directIDs := make([][]int64, len(qs)) // nil where the search failed
	directRuns := make([][]time.Duration, len(qs))
	httpRuns := make([][]time.Duration, len(qs))
	for pass := range passes {
		for i, q := range qs {
			start := time.Now()
			found, err := search(ctx, q.text)
			d := time.Since(start)
			if err != nil {
				t.Errorf("search %q: %v", q.text, err)
				res.errors++
				continue
			}
			directRuns[i] = append(directRuns[i], d)
			if pass == 0 {
				directIDs[i] = judge(q, found)
			}
		}
		for i, q := range qs {
			ids, d, err := get(q.text)
			if err != nil {
				t.Errorf("GET %q: %v", q.text, err)
				res.errors++
				continue
			}
			httpRuns[i] = append(httpRuns[i], d)
			if pass == 0 && directIDs[i] != nil && !slices.Equal(ids, directIDs[i]) {
				res.httpMismatches = append(res.httpMismatches, q.text)
			}
		}
	}
	took := make([]time.Duration, len(qs))
	for i, q := range qs {
		if len(directRuns[i]) > 0 {
			took[i] = median(directRuns[i])
			res.direct = append(res.direct, took[i])
			q.form.direct = append(q.form.direct, took[i])
		}
		if len(httpRuns[i]) > 0 {
			res.http = append(res.http, median(httpRuns[i]))
		}
	}

	// EXPLAIN ANALYZE the slowest searches, one per form.
	order := make([]int, 0, len(qs))
	for i := range qs {
		if directIDs[i] != nil {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(took[b], took[a]) })
	seen := map[*form]bool{}
	for _, i := range order {
		if len(res.explains) >= explainSlowest {
			break
		}
		q := qs[i]
		if seen[q.form] {
			continue
		}
		seen[q.form] = true
		var stmts []captured
		if _, err := search(context.WithValue(ctx, captureKey{}, &stmts), q.text); err != nil {
			t.Errorf("search %q: %v", q.text, err)
			continue
		}
		for si, st := range stmts {
			plan, err := explain(ctx, pool, st)
			if err != nil {
				t.Errorf("explain %q: %v", q.text, err)
				continue
			}
			res.explains = append(res.explains, fmt.Sprintf("%q (%s, measured %s), statement %d of %d:\n%s",
				q.text, q.form.name, ms(took[i]), si+1, len(stmts), plan))
		}
	}
	return res
}

// judge scores one answer for its form and returns the answer's kód ADM in order.
func judge(q query, found []geo.Address) []int64 {
	f := q.form
	ids := make([]int64, len(found))
	ok := true
	for j, a := range found {
		ids[j] = a.ID
		ok = ok && f.matches(q.src, q.text, a)
	}
	switch {
	case slices.Contains(ids, q.src.code):
		f.found++
	case len(found) == searchLimit && ok:
		f.crowded++
	default:
		got := "no result"
		if len(found) > 0 {
			got = fmt.Sprintf("%d results, first %q", len(found), found[0].Label())
		}
		f.misses = append(f.misses, fmt.Sprintf("%q for %s (ADM %d): %s", q.text, describe(q.src), q.src.code, got))
	}
	return ids
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func explain(ctx context.Context, pool *pgxpool.Pool, st captured) (string, error) {
	rows, err := pool.Query(ctx, "EXPLAIN (ANALYZE, BUFFERS) "+st.sql, st.args...)
	if err != nil {
		return "", err
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return "", err
	}
	return "    " + strings.Join(lines, "\n    "), nil
}

func describe(c cand) string {
	place := c.part
	if c.street != "" {
		place = c.street + ", " + c.part
	}
	kind := "č.p."
	if c.cev {
		kind = "č.ev."
	}
	return fmt.Sprintf("%s %s %s, %s %s", place, kind, c.number(), c.postcode, c.muni)
}

// ---- the report ----

type report struct {
	date                                               time.Time
	files, rows                                        int
	zipBytes, csvBytes                                 int64
	generate, vacuum                                   time.Duration
	parse, copy                                        timed
	first, again                                       importRun
	pgVersion, postgisVersion                          string
	settings                                           []string
	dbBytes, pointsTable, pointsIndexes, unitsBytes    int64
	nPoints, nUnits, nStreets, nParts, nMunicipalities int64
	search                                             searchResult
	lookup                                             lookupResult
}

func (r *report) String() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	met := func(ok bool) string {
		if ok {
			return "met"
		}
		return "MISSED"
	}
	p("RADNICE NATIONAL BENCHMARK  %s", r.date.Format("2006-01-02 15:04:05 MST"))
	p("machine   %d CPUs, %s/%s, %s; load average is the 1-minute figure: other processes share the", runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version())
	p("          machine, so with a load above the CPU count the figures below are pessimistic")
	p("database  %s", r.pgVersion)
	p("          PostGIS %s", r.postgisVersion)
	p("          %s", strings.Join(r.settings, " "))
	p("data      %s municipality files, %s rows; ZIP %s (CSV %s), generated in %s",
		count(int64(r.files)), count(int64(r.rows)), mb(r.zipBytes), mb(r.csvBytes), secs(r.generate))
	p("")
	p("IMPORT                                       time     rows/s   vs bare COPY   load at start")
	row := func(name string, t timed) {
		p("  %-40s %8s %10s %8.2f×  %9s", name, secs(t.elapsed), count(int64(t.rate())), t.rate()/r.copy.rate(), t.load)
	}
	row("read + parse only (no database)", r.parse)
	row(fmt.Sprintf("bare COPY, one unindexed table (%s)", mb(r.copy.bytes)), r.copy)
	row("import into an empty register", r.first.timed)
	row("re-import, every row unchanged", r.again.timed)
	p("  targets: import ≥ %s rows/s: %s; import ≥ %.1f× bare COPY: %s; re-import ≥ %s rows/s: %s",
		count(targetImportRate), met(r.first.rate() >= targetImportRate), targetImportRatio,
		met(r.first.rate()/r.copy.rate() >= targetImportRatio), count(targetImportRate), met(r.again.rate() >= targetImportRate))
	p("  import:    %s", r.first.sum)
	p("  re-import: %s", r.again.sum)
	p("")
	p("  where the time goes (client wall clock per statement kind, summed over %d files)", r.files)
	p("  %-34s %18s %18s", "", "import", "re-import")
	var sum1, sum2 time.Duration
	for _, ph := range phaseOrder {
		a, c := r.first.phases[ph], r.again.phases[ph]
		if a.n == 0 && c.n == 0 {
			continue
		}
		sum1 += a.d
		sum2 += c.d
		p("  %-34s %9s %6.1f%%  %9s %6.1f%%", ph, secs(a.d), share(a.d, r.first.elapsed), secs(c.d), share(c.d, r.again.elapsed))
	}
	p("  %-34s %9s %6.1f%%  %9s %6.1f%%", "outside statements", secs(r.first.elapsed-sum1),
		share(r.first.elapsed-sum1, r.first.elapsed), secs(r.again.elapsed-sum2), share(r.again.elapsed-sum2, r.again.elapsed))
	p("  (the COPY phase streams the CSV as it reads it: read + parse alone took %s)", secs(r.parse.elapsed))
	p("")
	p("REGISTER  %s address points, %s search units, %s streets, %s town parts, %s municipalities",
		count(r.nPoints), count(r.nUnits), count(r.nStreets), count(r.nParts), count(r.nMunicipalities))
	p("          database %s; address_points %s + indexes %s; address_units %s; VACUUM ANALYZE %s",
		mb(r.dbBytes), mb(r.pointsTable), mb(r.pointsIndexes), mb(r.unitsBytes), secs(r.vacuum))
	p("")
	s := r.search
	p("SEARCH  %d queries, limit %d, one at a time after a warm-up pass (warm cache); each query's", s.queries, searchLimit)
	p("        time is its median over %d passes; 1-minute load average when measuring began: %s", s.passes, s.load)
	p("                      p50      p95      p99      max     mean")
	lat := func(name string, ds []time.Duration) {
		st := stats(ds)
		p("  %-14s %8s %8s %8s %8s %8s", name, ms(st.p50), ms(st.p95), ms(st.p99), ms(st.max), ms(st.mean))
	}
	lat("in process", s.direct)
	lat("HTTP loopback", s.http)
	p("  target p99 ≤ %s: in process %s, over HTTP %s", ms(targetP99),
		met(stats(s.direct).p99 <= targetP99), met(stats(s.http).p99 <= targetP99))
	if s.errors > 0 {
		p("  ERRORS: %d searches failed", s.errors)
	}
	if len(s.httpMismatches) > 0 {
		p("  MISMATCH: %d queries answered differently over HTTP, e.g. %q", len(s.httpMismatches), s.httpMismatches[0])
	} else {
		p("  HTTP answers equal the in-process answers for every query")
	}
	p("")
	p("  per form (in process)            n  found     ok      p50      p95      max  design / sample query")
	for _, f := range s.forms {
		if f.n == 0 {
			p("  %-30s   0  (no address of this kind in the data)", f.name)
			continue
		}
		st := stats(f.direct)
		flag := ""
		switch {
		case f.exempt:
			flag = "  (ambiguous nationwide: not checked)"
		case f.okShare() < minCorrectShare:
			flag = "  BELOW 90%"
		}
		p("  %-30s %4d %5.0f%% %5.0f%% %8s %8s %8s  %q / %q%s", f.name, f.n, 100*float64(f.found)/float64(f.n),
			100*f.okShare(), ms(st.p50), ms(st.p95), ms(st.max), f.example, f.sample, flag)
	}
	p("  found: the sampled address is among the %d results; ok: found, or all %d results answer the", searchLimit, searchLimit)
	p("  query as well as it does (same street and numbers, same č.p., same postcode...), so it only")
	p("  fell off a full page; forms below 90%% ok fail the test unless marked ambiguous.")
	for _, f := range s.forms {
		if len(f.misses) == 0 {
			continue
		}
		p("  misses of %q (%d), e.g.:", f.name, len(f.misses))
		for _, m := range f.misses[:min(3, len(f.misses))] {
			p("    %s", m)
		}
	}
	p("")
	b.WriteString(r.lookup.String())
	if len(s.explains) > 0 {
		p("")
		p("SLOWEST SEARCHES, EXPLAIN (ANALYZE, BUFFERS), one per form")
		for _, e := range s.explains {
			p("  %s", e)
		}
	}
	return b.String()
}

type latency struct{ p50, p95, p99, max, mean time.Duration }

func stats(ds []time.Duration) latency {
	if len(ds) == 0 {
		return latency{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	at := func(q float64) time.Duration {
		i := int(q*float64(len(s))+0.999999) - 1
		return s[min(max(i, 0), len(s)-1)]
	}
	var total time.Duration
	for _, d := range s {
		total += d
	}
	return latency{at(0.50), at(0.95), at(0.99), s[len(s)-1], total / time.Duration(len(s))}
}

// loadavg returns the 1-minute load average, "?" where the system does not tell.
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}

func envInt(t *testing.T, name string, def int) int {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(strings.ReplaceAll(v, "_", ""))
	if err != nil || n < 0 {
		t.Fatalf("%s=%q: expected a whole number", name, v)
	}
	return n
}

func share(d, of time.Duration) float64 { return 100 * d.Seconds() / of.Seconds() }

func secs(d time.Duration) string { return fmt.Sprintf("%.1f s", d.Seconds()) }

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }

func mb(n int64) string { return fmt.Sprintf("%.0f MB", float64(n)/1e6) }

// count writes n with thousands separators: 3,020,222.
func count(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
