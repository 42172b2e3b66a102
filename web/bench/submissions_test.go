//go:build bench

package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web"
	"github.com/radnice/radnice/web/authtest"
	"github.com/radnice/radnice/web/mailtest"
	"github.com/radnice/radnice/web/outbox"
	"github.com/radnice/radnice/web/webtest"
)

const (
	submissionsReport = "submissions-report.txt" // beside report.txt in RADNICE_BENCH_DIR
	baselineRun       = 3 * time.Second          // each baseline at each concurrency
	drainLimit        = 3 * time.Minute          // for the outbox to deliver the receipts
	submitAddress     = 1009830                  // Česká 1318/30, the address point every form names
)

// submitConcurrency are the numbers of clients submitting at once.
var submitConcurrency = []int{1, 4, 16}

// filers are the demo people who file the forms. The portal keeps one draft per person and
// form, and a submit files the person's newest draft of the form, so each client submitting
// at the same time is a person and form of its own: six people and three forms make 18.
var filers = []string{"jana", "petr", "referent", "redaktorka", "skola", "spravce"}

// shortForm is a short demo form (datasets/demotown/content/formulare) with the answers its
// steps are posted with by a person, in the names the step pages use.
type shortForm struct {
	slug  string
	steps func(p demotown.IdentityClaims) []url.Values
}

// applicant is the first step these forms share: the person filing, their address and contacts.
func applicant(p demotown.IdentityClaims) url.Values {
	return url.Values{"applicant.given": {p.CurrentGivenName}, "applicant.family": {p.CurrentFamilyName},
		"applicant.birth": {p.DateOfBirth}, "residence": {fmt.Sprint(submitAddress)}, "email": {p.EMail}, "phone": {""}}
}

// shortForms are the forms filed: two steps each, no files.
var shortForms = []shortForm{
	{"nadoba-na-bioodpad", func(p demotown.IdentityClaims) []url.Values {
		first := applicant(p)
		first.Del("residence")
		first.Set("relation", "vlastnik")
		return []url.Values{first, {"house": {fmt.Sprint(submitAddress)}, "kind": {"nadoba"}, "count": {"1"}, "rules": {"ano"}}}
	}},
	{"zmena-udaju-k-poplatku", func(p demotown.IdentityClaims) []url.Values {
		return []url.Values{applicant(p), {"fee": {"odpad"}, "change": {"jmeno"},
			"description": {"Změna příjmení po sňatku: původně Nováková, nově Dvořáková."},
			"date":        {time.Now().AddDate(0, 0, -7).Format(time.DateOnly)}, "truth": {"ano"}}}
	}},
	{"hrobove-misto", func(p demotown.IdentityClaims) []url.Values {
		return []url.Values{applicant(p), {"request": {"novy"}, "cemetery": {"koprivnice"}, "grave_kind": {"urna"},
			"years": {"let10"}, "truth": {"ano"}}}
	}},
}

// slot is one person's draft of one form, which one client files again and again: after each
// submit it copies the draft walked through the steps at the start, as a new draft with a
// key of its own.
type slot struct {
	client  *http.Client
	slug    string
	key     string // the idempotency key of the draft to submit next
	version int64  // of the draft walked through the steps, which each copy repeats
	account int64
	answers string
	step    int
}

// loadRun is a load of one operation by concurrent workers.
type loadRun struct {
	concurrency, done int
	failed            int
	firstErr          error
	wall              time.Duration // from the start until the last operation ended
	lat               latency       // of each operation
	prepared          time.Duration // mean time a worker spent preparing the next operation, outside lat
	backlog           int           // receipt e-mails not yet delivered at the end
}

func (r loadRun) perSecond() float64 { return float64(r.done) / r.wall.Seconds() }

// submissionsResult is the submission benchmark: the portal's submit against the bare POST and
// the bare INSERT at each concurrency, and the delivery of the receipts.
type submissionsResult struct {
	seconds           int
	poolConns         int32
	fsync, syncCommit string
	load, loadAfter   string // 1-minute load average at the start and after the submits
	submit, bare      []loadRun
	insert            []loadRun
	submitted         int
	submitting        time.Duration // from the first submit to the end of the last
	drain             time.Duration // from the end of the last submit until every receipt was delivered
	mailTotal         time.Duration // from the first submit until every receipt was delivered
	retried           int           // receipts delivered at a second attempt or later
	accepted          uint64        // messages mailpit took during the benchmark
}

// TestBenchmarkSubmissions measures the submit of a filled-in form over real HTTP: logged-in
// clients each filing a short form again and again, 1, 4 and 16 at a time, for a fixed time,
// while the outbox worker delivers the receipt e-mails to mailpit. The baselines, measured in
// the same run at the same concurrency, are a bare POST answered with a redirect by a trivial
// handler, and a bare INSERT of the same submission in a transaction of its own. At the end
// every receipt must have been delivered: each mail job done and mailpit holding as many.
func TestBenchmarkSubmissions(t *testing.T) {
	ctx := t.Context()
	res := submissionsResult{seconds: envInt(t, "RADNICE_BENCH_SUBMIT_SECONDS", 10), load: loadavg()}
	duration := time.Duration(res.seconds) * time.Second
	pool := demotest.Pool(t)
	res.poolConns = pool.Config().MaxConns
	if err := pool.QueryRow(ctx, `SELECT current_setting('fsync'), current_setting('synchronous_commit')`).Scan(&res.fsync, &res.syncCommit); err != nil {
		t.Fatal(err)
	}
	// The copies of drafts go through a pool of their own, leaving the portal's to the portal.
	prep, err := pgxpool.New(ctx, pool.Config().ConnString())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(prep.Close)

	mp := mailtest.Mailpit(t)
	acceptedBefore := mailpitAccepted(t, mp)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.Copy(io.Discard, r.Body) }))
	t.Cleanup(hook.Close)
	srv := webtest.Server(t, web.Config{Pool: pool, Auth: authtest.Provider(t).PortalConfig(), Outbox: outbox.Config{
		SMTP:      outbox.SMTP{Addr: mp.SMTPAddr, From: mail.Address{Name: "Město Kopřivnice", Address: "podatelna@koprivnice.example"}},
		Webhook:   outbox.Endpoint{URL: hook.URL, Secret: "bench"},
		PublicURL: "https://portal.koprivnice.example",
	}})
	transport := benchTransport()
	slots := walkDrafts(t, srv, transport, prep)
	if len(slots) < submitConcurrency[len(submitConcurrency)-1] {
		t.Fatalf("%d people and forms to file, fewer than the clients", len(slots))
	}

	bare := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ParseForm() != nil || r.PostForm.Get("klic") == "" {
			http.Error(w, "no key", http.StatusBadRequest)
			return
		}
		http.Redirect(w, r, "/formulare/podano/P-2026-000001", http.StatusSeeOther)
	}))
	t.Cleanup(bare.Close)
	bareClient := &http.Client{Transport: benchTransport(), CheckRedirect: noRedirects}
	for _, c := range submitConcurrency {
		res.bare = append(res.bare, drive(c, baselineRun, func(int) (time.Duration, error) {
			return timedSubmit(ctx, bareClient, bare.URL+"/formulare/x/odeslat", "00000000-0000-0000-0000-000000000000")
		}))
	}

	first := time.Now()
	for _, c := range submitConcurrency {
		r := drive(c, duration, func(w int) (time.Duration, error) { return slots[w].submit(ctx, srv.URL, prep) })
		r.backlog = undelivered(t, pool)
		res.submit = append(res.submit, r)
		res.submitted += r.done
		if r.failed > 0 {
			t.Errorf("%d clients: %d of %d submits failed, the first: %v", c, r.failed, r.done+r.failed, r.firstErr)
		}
	}
	last := time.Now()
	res.submitting, res.loadAfter = last.Sub(first), loadavg()
	for undelivered(t, pool) > 0 {
		if time.Since(last) > drainLimit {
			t.Fatalf("%d receipt e-mails not delivered %v after the last submit", undelivered(t, pool), drainLimit)
		}
		time.Sleep(20 * time.Millisecond)
	}
	res.drain, res.mailTotal = time.Since(last), time.Since(first)
	res.retried = checkDelivered(t, pool, res.submitted)
	if res.accepted = mailpitAccepted(t, mp) - acceptedBefore; res.accepted != uint64(res.submitted) {
		t.Errorf("mailpit took %d messages, want one receipt for each of %d submissions", res.accepted, res.submitted)
	}

	// Last, so that its rows are not submissions the checks above count.
	template := slots[0]
	for _, c := range submitConcurrency {
		res.insert = append(res.insert, drive(c, baselineRun, func(int) (time.Duration, error) {
			start := time.Now()
			err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
				_, err := tx.Exec(ctx, `INSERT INTO submissions (receipt, idempotency_key, form_version_id, agenda, account_id,
					applicant_name, contact_email, answers)
					SELECT 'B-' || nextval('submission_receipts'), gen_random_uuid(), v.id, v.agenda, $2, 'Jana Nováková',
						'jana.novakova@posta.example', $3::jsonb
					FROM form_versions v WHERE v.id = $1`, template.version, template.account, template.answers)
				return err
			})
			return time.Since(start), err
		}))
	}

	text := res.String()
	t.Log("\n" + text)
	if dir := os.Getenv("RADNICE_BENCH_DIR"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, submissionsReport), []byte(text), 0o644); err != nil {
			t.Error(err)
		}
	}
	for _, r := range append(res.bare, res.insert...) {
		if r.failed > 0 {
			t.Errorf("a baseline with %d workers: %d failed, the first: %v", r.concurrency, r.failed, r.firstErr)
		}
	}
}

// benchTransport keeps a connection for each of the most clients, as browsers keep theirs.
func benchTransport() *http.Transport {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = submitConcurrency[len(submitConcurrency)-1]
	return tr
}

// noRedirects lets a client see the redirect a submit answers with.
func noRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// keyInput is the check page's hidden field with the draft's idempotency key.
var keyInput = regexp.MustCompile(`<input type="hidden" name="klic" value="([^"]+)"`)

// walkDrafts logs each of the filers in and walks each short form's steps as them up to its
// check page, whose key the first submit sends, and keeps the draft to copy. The slots go round
// the people first, so that the first clients are different people.
func walkDrafts(t *testing.T, srv *httptest.Server, transport http.RoundTripper, prep *pgxpool.Pool) []*slot {
	t.Helper()
	clients := map[string]*http.Client{}
	for _, login := range filers {
		c := webtest.LogIn(t, srv, login)
		c.Transport = transport
		clients[login] = c
	}
	var slots []*slot
	for round := range shortForms {
		for i, login := range filers {
			f := shortForms[(i+round)%len(shortForms)]
			c, path := clients[login], "/formulare/"+f.slug
			steps := append([]url.Values{{}}, f.steps(authtest.Person(t, login).Claims)...)
			for n, form := range steps {
				to := path // starting the form, then its steps
				if n > 0 {
					to += fmt.Sprintf("/krok/%d", n)
				}
				res, body := webtest.As(t, c, authtest.Form(t, srv.URL+to, form))
				if res.StatusCode != http.StatusSeeOther {
					t.Fatalf("%s posting %s: status %d\n%.2000s", login, to, res.StatusCode, webtest.Text(body))
				}
			}
			req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL+path+"/kontrola", nil)
			if err != nil {
				t.Fatal(err)
			}
			res, check := webtest.As(t, c, req)
			m := keyInput.FindStringSubmatch(check)
			if res.StatusCode != http.StatusOK || m == nil {
				t.Fatalf("%s: the check of %s (status %d) has no key to submit with\n%.2000s", login, f.slug, res.StatusCode, webtest.Text(check))
			}
			s := &slot{client: c, slug: f.slug, key: html.UnescapeString(m[1])}
			err = prep.QueryRow(t.Context(), `SELECT form_version_id, account_id, answers::text, step FROM submission_drafts
				WHERE idempotency_key = $1`, s.key).Scan(&s.version, &s.account, &s.answers, &s.step)
			if err != nil {
				t.Fatalf("%s: the draft of %s: %v", login, f.slug, err)
			}
			slots = append(slots, s)
		}
	}
	return slots
}

// submit files the slot's draft as its check page does and returns how long the request took;
// then it prepares the next draft.
func (s *slot) submit(ctx context.Context, base string, prep *pgxpool.Pool) (time.Duration, error) {
	took, err := timedSubmit(ctx, s.client, base+"/formulare/"+s.slug+"/odeslat", s.key)
	if err != nil {
		return took, err
	}
	err = prep.QueryRow(ctx, `INSERT INTO submission_drafts (form_version_id, account_id, answers, step)
		VALUES ($1, $2, $3::jsonb, $4) RETURNING idempotency_key::text`, s.version, s.account, s.answers, s.step).Scan(&s.key)
	if err != nil {
		return took, fmt.Errorf("copy the draft of %s: %w", s.slug, err)
	}
	return took, nil
}

// timedSubmit posts the idempotency key to target as the check page's form does, and returns
// how long the request took, an error unless it led to a receipt.
func timedSubmit(ctx context.Context, c *http.Client, target, key string) (time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, strings.NewReader(url.Values{"klic": {key}}.Encode()))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	start := time.Now()
	res, err := c.Do(req)
	if err != nil {
		return time.Since(start), err
	}
	_, err = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	took := time.Since(start)
	if to := res.Header.Get("Location"); err == nil && (res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(to, "/formulare/podano/P-")) {
		err = fmt.Errorf("POST %s: status %d to %q, want a redirect to the receipt", target, res.StatusCode, to)
	}
	return took, err
}

// drive runs op in c workers, each again and again until d has passed. op returns the time of
// what it measures; what else it does counts in the wall time only.
func drive(c int, d time.Duration, op func(worker int) (time.Duration, error)) loadRun {
	r := loadRun{concurrency: c}
	var mu sync.Mutex
	var all []time.Duration
	var busy time.Duration
	var wg sync.WaitGroup
	start := time.Now()
	for w := range c {
		wg.Go(func() {
			var mine []time.Duration
			var failed int
			var firstErr error
			var spent time.Duration
			for time.Since(start) < d {
				began := time.Now()
				took, err := op(w)
				spent += time.Since(began) - took
				if err != nil {
					failed++
					firstErr = orErr(firstErr, err)
					continue
				}
				mine = append(mine, took)
			}
			mu.Lock()
			defer mu.Unlock()
			all = append(all, mine...)
			busy += spent
			r.failed += failed
			r.firstErr = orErr(r.firstErr, firstErr)
		})
	}
	wg.Wait()
	r.wall, r.done, r.lat = time.Since(start), len(all), stats(all)
	if r.done > 0 {
		r.prepared = busy / time.Duration(r.done+r.failed)
	}
	return r
}

// orErr is a, or b when a is nil.
func orErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// undelivered counts the receipt e-mails waiting in the outbox.
func undelivered(t *testing.T, pool *pgxpool.Pool) int {
	t.Helper()
	var n int
	if err := pool.QueryRow(context.Background(), `SELECT count(*) FROM outbox WHERE kind = 'mail' AND done_at IS NULL`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// checkDelivered fails t unless each of the n submissions has its receipt e-mail's job, done
// without an error, and returns how many of them took more than one attempt.
func checkDelivered(t *testing.T, pool *pgxpool.Pool, n int) (retried int) {
	t.Helper()
	var submissions, jobs, done, failed int
	err := pool.QueryRow(context.Background(), `SELECT (SELECT count(*) FROM submissions),
		count(*), count(o.done_at), count(*) FILTER (WHERE o.attempts = 1 AND o.last_error IS NOT NULL),
		count(*) FILTER (WHERE o.attempts > 1)
		FROM outbox o WHERE o.kind = 'mail' AND o.payload->>'template' = 'submission.received'`).
		Scan(&submissions, &jobs, &done, &failed, &retried)
	if err != nil {
		t.Fatal(err)
	}
	if submissions != n || jobs != n || done != n || failed != 0 {
		t.Errorf("%d submits: %d submissions, %d receipt e-mail jobs, %d done, %d with nothing sent", n, submissions, jobs, done, failed)
	}
	return retried
}

// mailpitAccepted is how many messages mailpit has taken since it started, also those it has
// pruned since (it keeps the newest 500).
func mailpitAccepted(t *testing.T, mp *mailtest.Server) uint64 {
	t.Helper()
	res, err := http.Get(mp.API + "/api/v1/info")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var info struct{ RuntimeStats struct{ SMTPAccepted uint64 } }
	if err := json.NewDecoder(res.Body).Decode(&info); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("mailpit info: status %d %v", res.StatusCode, err)
	}
	return info.RuntimeStats.SMTPAccepted
}

func (s submissionsResult) String() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	p("SUBMISSIONS over HTTP: logged-in clients each filing a short form again and again, %d s per concurrency, while", s.seconds)
	p("  the outbox delivers the receipt e-mails to mailpit; %d CPUs, the portal's pool of %d connections, PostgreSQL", runtime.NumCPU(), s.poolConns)
	p("  fsync %s, synchronous_commit %s; load average %s at the start, %s after the submits", s.fsync, s.syncCommit, s.load, s.loadAfter)
	p("  %-8s %11s %8s %9s %9s %14s %22s", "clients", "submissions", "per s", "p50", "p99", "copy of draft", "receipts still to send")
	for _, r := range s.submit {
		p("  %-8d %11s %8.0f %9s %9s %14s %22d", r.concurrency, count(int64(r.done)), r.perSecond(), ms(r.lat.p50), ms(r.lat.p99),
			ms(r.prepared), r.backlog)
	}
	p("  (the submit request alone is timed; between its submits a client copies its next draft with one INSERT, mean")
	p("  in \"copy of draft\", through a pool of its own: that time is in the wall time the rate is of)")
	p("  baselines in the same run, same clients: (a) a bare POST of the key to a trivial handler answering the redirect,")
	p("  (b) a bare INSERT of the same submission row in a transaction of its own, on the portal's pool")
	p("  %-8s %9s %9s %9s %9s │ %-27s │ %s", "clients", "(a) per s", "p50", "(b) per s", "p50", "submit ÷ (a): rate, p50", "submit ÷ (b): rate, p50")
	for i, r := range s.submit {
		bare, insert := s.bare[i], s.insert[i]
		p("  %-8d %9.0f %9s %9.0f %9s │ %10.4f× %14.1f× │ %10.3f× %14.1f×", r.concurrency,
			bare.perSecond(), ms(bare.lat.p50), insert.perSecond(), ms(insert.lat.p50),
			r.perSecond()/bare.perSecond(), float64(r.lat.p50)/float64(bare.lat.p50),
			r.perSecond()/insert.perSecond(), float64(r.lat.p50)/float64(insert.lat.p50))
	}
	sent := s.submitted - s.submit[len(s.submit)-1].backlog
	p("  receipts: %s submissions, %s e-mails taken by mailpit (%d delivered at a later attempt); while submitting the",
		count(int64(s.submitted)), count(int64(s.accepted)), s.retried)
	p("  outbox sent %s in %s (%.0f/s), the rest in %s after the last submit (%.0f/s); all %s after the first submit",
		count(int64(sent)), secs(s.submitting), float64(sent)/s.submitting.Seconds(), secs(s.drain),
		float64(s.submitted-sent)/s.drain.Seconds(), secs(s.mailTotal))
	return b.String()
}
