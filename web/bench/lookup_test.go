//go:build bench

package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web"
	"github.com/radnice/radnice/web/lookup"
)

const (
	lookupSample     = 10_000 // addresses the wrk clients cycle through; their answers fit the default cache
	lookupSampleSeed = "radnice-lookup-1"
	wrkThreads       = 2
	wrkDuration      = "10s"

	targetLookupVsBare  = 0.5
	targetLookupVsNaive = 10.0
	targetLookupP99     = 2 * time.Millisecond
)

// lookupResult is the lookup-by-address benchmark: the same wrk load against four servers.
type lookupResult struct {
	areas       map[string]int // areas made per layer
	assign      time.Duration  // computing address_areas for every layer
	sample      int
	answerBytes int // mean size of an answer, the size the bare handler sends
	connections int
	bare        wrkRun // (a) net/http handler sending a constant JSON of the answer's size
	cached      wrkRun // the portal, answers served from its cache once asked
	uncached    wrkRun // the portal with its answer cache off: every answer read from PostGIS
	naive       wrkRun // (b) point-in-polygon ST_Contains queries per request
	load        string
}

// wrkRun is what wrk reports of one run.
type wrkRun struct {
	requests   int
	perSecond  float64
	p50, p99   time.Duration
	failed     int // non-2xx responses and socket errors
	rawLatency string
}

// makeAreas covers the national set with synthetic areas of every layer: hexagon grids of
// different sizes, their edges densified to points every 50 m so that point-in-polygon tests
// do the work real boundaries ask, each primary and kindergarten catchment with its school,
// an election with a polling room in each district of each municipality, and three waste
// collection rules per zone. Then it assigns every address, as an import does.
func makeAreas(ctx context.Context, t *testing.T, pool *pgxpool.Pool, res *lookupResult) {
	t.Helper()
	year := time.Now().Year() + 1
	layers := []struct {
		layer, prefix, school string
		size                  float64 // hexagon edge in metres
	}{
		{"polling", "O", "", 1200},
		{"waste", "S", "", 5000},
		{"zs", "ZS", "ZŠ", 2500},
		{"ms", "MS", "MŠ", 1500},
	}
	exec := func(sql string, args ...any) {
		t.Helper()
		if _, err := pool.Exec(ctx, sql, args...); err != nil {
			t.Fatalf("synthetic areas: %v\n%s", err, sql)
		}
	}
	res.areas = map[string]int{}
	for _, l := range layers {
		exec(`CREATE TEMP TABLE cells AS
			SELECT row_number() OVER (ORDER BY h.i, h.j)::int AS n, ST_Multi(ST_Segmentize(h.geom, 50)) AS geom,
				(SELECT a.code FROM address_points a WHERE ST_Intersects(a.point_sjtsk, h.geom) AND a.retired_at IS NULL
				 ORDER BY a.code LIMIT 1) AS first_address
			FROM ST_HexagonGrid($1, (SELECT ST_SetSRID(ST_Extent(point_sjtsk), 5514) FROM address_points)) h
			WHERE EXISTS (SELECT 1 FROM address_points a WHERE ST_Intersects(a.point_sjtsk, h.geom) AND a.retired_at IS NULL)`, l.size)
		if l.school != "" {
			exec(`INSERT INTO schools (kind, name, address_code, web)
				SELECT $1, $2 || ' ' || n, first_address, 'https://skola' || n || '.example.cz/' FROM cells`, l.layer, l.school)
		}
		exec(`INSERT INTO areas (layer, code, name, number, school_id, boundary)
			SELECT $1, $2 || n, 'Oblast ' || $2 || n, CASE WHEN $1 = 'polling' THEN n END, s.id, c.geom
			FROM cells c LEFT JOIN schools s ON s.kind = $1 AND s.name = $3 || ' ' || c.n`, l.layer, l.prefix, l.school)
		var n int
		if err := pool.QueryRow(ctx, `SELECT count(*) FROM cells`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		res.areas[l.layer] = n
		exec(`DROP TABLE cells`)
	}
	start := time.Now()
	if err := geo.NewStore(pool).RefreshAssignments(ctx); err != nil {
		t.Fatalf("assign addresses to the synthetic areas: %v", err)
	}
	res.assign = time.Since(start)

	exec(`INSERT INTO elections (id, kind, title) VALUES ('bench', 'kraj', 'Volby do zastupitelstev krajů')`)
	exec(`INSERT INTO election_days (election_id, day, opens, closes) VALUES
		('bench', make_date($1, 10, 8), '14:00', '22:00'), ('bench', make_date($1, 10, 9), '08:00', '14:00')`, year)
	exec(`INSERT INTO polling_stations (election_id, municipality_code, district_number, name, address_code)
		SELECT 'bench', a.municipality_code, ar.number, 'Volební místnost okrsku ' || ar.number, min(a.code)
		FROM address_areas aa JOIN areas ar ON ar.id = aa.area_id JOIN address_points a ON a.code = aa.address_code
		WHERE ar.layer = 'polling' GROUP BY a.municipality_code, ar.number`)
	exec(`INSERT INTO waste_schedules (zone, waste_type, weekday, every_weeks, parity, season_from, season_to, holiday_policy)
		SELECT code, kind.waste_type, (id % 5) + 1, kind.every_weeks, kind.parity, kind.season_from, kind.season_to, 'next_working_day'
		FROM areas, (VALUES ('směsný', 1, NULL, NULL, NULL), ('plast', 2, 'odd', NULL, NULL),
			('bio', 1, NULL, '04-01', '11-30')) AS kind (waste_type, every_weeks, parity, season_from, season_to)
		WHERE layer = 'waste'`)
	exec(`VACUUM (ANALYZE)`)
}

// lookupBench measures GET /api/v1/lookup?address=ID with wrk, cycling through a sample of
// addresses, against the portal with and without its answer cache, a bare handler and the
// naive per-request point-in-polygon lookup.
func lookupBench(ctx context.Context, t *testing.T, pool *pgxpool.Pool) lookupResult {
	t.Helper()
	wrk, err := exec.LookPath("wrk")
	if err != nil {
		t.Fatal("wrk is not installed (make bench installs it with apt-get)")
	}
	res := lookupResult{connections: envInt(t, "RADNICE_BENCH_CONNECTIONS", 4)}
	makeAreas(ctx, t, pool, &res)

	rows, err := pool.Query(ctx, `SELECT code FROM address_points WHERE retired_at IS NULL AND point_sjtsk IS NOT NULL
		ORDER BY md5($1 || code) LIMIT $2`, lookupSampleSeed, lookupSample)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, strconv.FormatInt(id, 10))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	res.sample = len(ids)
	script := filepath.Join(t.TempDir(), "lookup.lua")
	if err := os.WriteFile(script, []byte(wrkScript(ids)), 0o644); err != nil {
		t.Fatal(err)
	}

	portal := func(cacheBytes int) *httptest.Server {
		srv := httptest.NewServer(web.Handler(t.Context(), web.Config{Pool: pool, Lookup: lookup.Config{CacheBytes: cacheBytes}}))
		t.Cleanup(srv.Close)
		return srv
	}
	cached, uncached := portal(0), portal(-1)
	res.answerBytes = meanAnswerSize(t, uncached.URL, ids[:200])
	bare := httptest.NewServer(bareHandler(res.answerBytes))
	t.Cleanup(bare.Close)
	naive := httptest.NewServer(naiveHandler(pool, res.answerBytes))
	t.Cleanup(naive.Close)

	res.load = loadavg()
	run := func(name, base string) wrkRun {
		r := runWrk(t, wrk, script, base, res.connections)
		if r.failed > 0 {
			t.Errorf("%s: %d of %d requests failed", name, r.failed, r.requests)
		}
		return r
	}
	res.bare = run("bare handler", bare.URL)
	warm(t, cached.URL, ids)
	res.cached = run("portal with its answer cache", cached.URL)
	res.uncached = run("portal without its answer cache", uncached.URL)
	res.naive = run("naive ST_Contains lookup", naive.URL)
	return res
}

// wrkScript is a wrk Lua script asking for the lookup of each of ids in turn, each thread
// starting at its own place in the list (setup runs in wrk's main state and sets the global
// "cursor" of each thread's own state).
func wrkScript(ids []string) string {
	return `ids = {` + strings.Join(ids, ",") + `}
local threads = 0
function setup(thread)
  thread:set("cursor", math.floor(#ids * threads / ` + strconv.Itoa(wrkThreads) + `))
  threads = threads + 1
end
function request()
  cursor = cursor % #ids + 1
  return wrk.format("GET", "/api/v1/lookup?address=" .. ids[cursor])
end
`
}

var (
	wrkRequests = regexp.MustCompile(`(\d+) requests in`)
	wrkRate     = regexp.MustCompile(`Requests/sec:\s+([\d.]+)`)
	wrkNon2xx   = regexp.MustCompile(`Non-2xx or 3xx responses: (\d+)`)
	wrkSocket   = regexp.MustCompile(`Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)`)
	wrkLatency  = regexp.MustCompile(`(?m)^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$`)
)

// runWrk loads base with the script for wrkDuration and reads wrk's report.
func runWrk(t *testing.T, wrk, script, base string, connections int) wrkRun {
	t.Helper()
	out, err := exec.Command(wrk, "-t", strconv.Itoa(wrkThreads), "-c", strconv.Itoa(connections),
		"-d", wrkDuration, "--latency", "-s", script, base).CombinedOutput()
	if err != nil {
		t.Fatalf("wrk: %v\n%s", err, out)
	}
	text := string(out)
	var r wrkRun
	if m := wrkRequests.FindStringSubmatch(text); m != nil {
		r.requests, _ = strconv.Atoi(m[1])
	}
	if m := wrkRate.FindStringSubmatch(text); m != nil {
		r.perSecond, _ = strconv.ParseFloat(m[1], 64)
	}
	if m := wrkNon2xx.FindStringSubmatch(text); m != nil {
		n, _ := strconv.Atoi(m[1])
		r.failed += n
	}
	if m := wrkSocket.FindStringSubmatch(text); m != nil {
		for _, s := range m[1:] {
			n, _ := strconv.Atoi(s)
			r.failed += n
		}
	}
	for _, m := range wrkLatency.FindAllStringSubmatch(text, -1) {
		d, err := time.ParseDuration(m[2] + strings.Replace(m[3], "us", "µs", 1))
		if err != nil {
			t.Fatalf("wrk latency %q: %v", m[0], err)
		}
		if m[1] == "50" {
			r.p50 = d
		} else {
			r.p99 = d
		}
	}
	if r.requests == 0 || r.perSecond == 0 || r.p99 == 0 {
		t.Fatalf("cannot read wrk's report:\n%s", text)
	}
	return r
}

// warm asks the portal once for the lookup of each of ids, four at a time, so that the cached
// run measures answers from the cache: "once asked".
func warm(t *testing.T, base string, ids []string) {
	t.Helper()
	var wg sync.WaitGroup
	next := make(chan string)
	for range 4 {
		wg.Go(func() {
			for id := range next {
				resp, err := http.Get(base + "/api/v1/lookup?address=" + id)
				if err != nil {
					t.Error(err)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
	for _, id := range ids {
		next <- id
	}
	close(next)
	wg.Wait()
}

// meanAnswerSize asks the portal for the lookups of ids and returns the mean body size, failing
// the test on any answer that is not a covered lookup.
func meanAnswerSize(t *testing.T, base string, ids []string) int {
	t.Helper()
	total := 0
	for _, id := range ids {
		resp, err := http.Get(base + "/api/v1/lookup?address=" + id)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("lookup of %s: HTTP %d %v\n%s", id, resp.StatusCode, err, body)
		}
		var answer struct {
			Polling, Waste struct {
				Covered bool   `json:"covered"`
				Reason  string `json:"reason"`
			}
		}
		if err := json.Unmarshal(body, &answer); err != nil {
			t.Fatalf("lookup of %s: %v", id, err)
		}
		if !answer.Polling.Covered || !answer.Waste.Covered {
			t.Errorf("lookup of %s is not covered by the synthetic areas: polling %q, waste %q", id, answer.Polling.Reason, answer.Waste.Reason)
		}
		total += len(body)
	}
	return total / len(ids)
}

// bareHandler is the limit: a net/http handler that sends a constant JSON body of size bytes.
func bareHandler(size int) http.Handler {
	body := padded(map[string]string{}, size)
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	})
}

// naiveHandler finds the address's areas the naive way, with a point-in-polygon ST_Contains
// query per layer on every request, and sends them as JSON padded to size bytes.
func naiveHandler(pool *pgxpool.Pool, size int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		found := map[string]string{}
		for _, layer := range []string{"polling", "waste", "zs", "ms"} {
			var codes string
			err := pool.QueryRow(r.Context(), `SELECT coalesce(string_agg(ar.code || ' ' || ar.name, ', '), '')
				FROM address_points a JOIN areas ar ON ST_Contains(ar.boundary, a.point_sjtsk)
				WHERE a.code = $1 AND ar.layer = $2 AND ar.valid_from <= current_date
				AND (ar.valid_to IS NULL OR ar.valid_to > current_date)`, r.URL.Query().Get("address"), layer).Scan(&codes)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			found[layer] = codes
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(padded(found, size))
	})
}

// padded encodes fields as a JSON object, with a "pad" member making it size bytes long.
func padded(fields map[string]string, size int) []byte {
	b, _ := json.Marshal(fields)
	fields["pad"] = strings.Repeat(" ", max(0, size-len(b)-len(`,"pad":""`)))
	b, _ = json.Marshal(fields)
	return b
}

func (l lookupResult) String() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	p("LOOKUP BY ADDRESS over HTTP, wrk -t%d -c%d -d%s, cycling through %s addresses; load at start %s",
		wrkThreads, l.connections, wrkDuration, count(int64(l.sample)), l.load)
	p("  synthetic areas: %d polling districts, %d waste zones, %d ZŠ and %d MŠ catchments (hexagons,",
		l.areas["polling"], l.areas["waste"], l.areas["zs"], l.areas["ms"])
	p("  edges densified every 50 m); assigning every address to them took %s", secs(l.assign))
	p("  %-52s %10s %8s %8s %9s %9s", "", "requests/s", "p50", "p99", "vs bare", "vs naive")
	row := func(name string, r wrkRun) {
		p("  %-52s %10s %8s %8s %8.2f× %8.1f×", name, count(int64(r.perSecond)), ms(r.p50), ms(r.p99),
			r.perSecond/l.bare.perSecond, r.perSecond/l.naive.perSecond)
	}
	row(fmt.Sprintf("(a) bare net/http handler, constant %d B JSON", l.answerBytes), l.bare)
	row("portal, answers from its cache once asked", l.cached)
	row("portal, answer cache off (every answer from PostGIS)", l.uncached)
	row("(b) naive: ST_Contains per layer per request", l.naive)
	met := func(ok bool) string {
		if ok {
			return "met"
		}
		return "MISSED"
	}
	p("  targets (portal with cache): ≥ %.1f× bare: %s; ≥ %.0f× naive: %s; p99 ≤ %s: %s",
		targetLookupVsBare, met(l.cached.perSecond >= targetLookupVsBare*l.bare.perSecond),
		targetLookupVsNaive, met(l.cached.perSecond >= targetLookupVsNaive*l.naive.perSecond),
		ms(targetLookupP99), met(l.cached.p99 <= targetLookupP99))
	return b.String()
}
