package outbox_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web/integration"
	"github.com/radnice/radnice/web/integration/integrationtest"
	"github.com/radnice/radnice/web/outbox"
)

const secret = "whsec-test"

// receiver is the town's information system as a webhook's receiver should be: it checks the
// signature and takes each Idempotency-Key once, however often it arrives.
type receiver struct {
	*httptest.Server
	t         *testing.T
	mu        sync.Mutex
	down      int                               // answer 503 to this many requests first
	arrivals  map[string][]time.Time            // by key
	taken     map[string]integration.Submission // by key, deduplicated
	inFlight  map[string]int
	overlaps  int           // requests for a key arriving while one for it was in flight
	hold      time.Duration // how long to take over each request
	badSigned int
}

func newReceiver(t *testing.T, down int, hold time.Duration) *receiver {
	rc := &receiver{t: t, down: down, hold: hold, arrivals: map[string][]time.Time{},
		taken: map[string]integration.Submission{}, inFlight: map[string]int{}}
	rc.Server = httptest.NewServer(http.HandlerFunc(rc.serve))
	t.Cleanup(rc.Close)
	return rc
}

func (rc *receiver) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	key := r.Header.Get("Idempotency-Key")
	rc.mu.Lock()
	rc.arrivals[key] = append(rc.arrivals[key], time.Now())
	if rc.inFlight[key]++; rc.inFlight[key] > 1 {
		rc.overlaps++
	}
	down := rc.down > 0
	rc.down--
	rc.mu.Unlock()
	defer func() {
		rc.mu.Lock()
		rc.inFlight[key]--
		rc.mu.Unlock()
	}()
	time.Sleep(rc.hold)
	if down {
		http.Error(w, "údržba", http.StatusServiceUnavailable)
		return
	}
	if !verify(r.Header.Get("X-Radnice-Signature"), body) || r.Header.Get("X-Radnice-Event") != outbox.Accepted ||
		r.Header.Get("Content-Type") != "application/json" {
		rc.mu.Lock()
		rc.badSigned++
		rc.mu.Unlock()
		http.Error(w, "bad signature", http.StatusBadRequest)
		return
	}
	var sub integration.Submission
	if err := json.Unmarshal(body, &sub); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	rc.mu.Lock()
	if _, seen := rc.taken[key]; !seen {
		rc.taken[key] = sub
	}
	rc.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// verify checks a signature as README tells receivers to: "t=UNIX,v1=HEX", HEX the
// HMAC-SHA256 of "UNIX.BODY" with the shared secret, UNIX within five minutes of now.
func verify(header string, body []byte) bool {
	var unix, sig string
	for part := range strings.SplitSeq(header, ",") {
		k, v, _ := strings.Cut(part, "=")
		switch k {
		case "t":
			unix = v
		case "v1":
			sig = v
		}
	}
	sec, err := strconv.ParseInt(unix, 10, 64)
	if err != nil || time.Since(time.Unix(sec, 0)).Abs() > 5*time.Minute {
		return false
	}
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "%s.%s", unix, body)
	got, err := hex.DecodeString(sig)
	return err == nil && hmac.Equal(got, mac.Sum(nil))
}

func TestAWebhookIsRetriedWithGrowingPausesUntilTheReceiverTakesIt(t *testing.T) {
	pool := demotest.Pool(t)
	rc := newReceiver(t, 6, 0)
	const base = 100 * time.Millisecond
	startWorker(t, pool, outbox.Config{Webhook: outbox.Endpoint{URL: rc.URL, Secret: secret},
		PublicURL: "https://portal.koprivnice.example", RetryBase: base, RetryMax: time.Minute})
	var jobs []outbox.Job
	for range 2 {
		id, _ := integrationtest.Insert(t, pool, integrationtest.Submission{Status: "accepted"})
		jobs = append(jobs, outbox.SubmissionWebhook(outbox.Accepted, id))
	}
	enqueue(t, pool, jobs...)

	for _, j := range jobs {
		r := waitDone(t, pool, j.Key)
		if r.Attempts < 2 || r.LastError == nil || !strings.Contains(*r.LastError, "503") {
			t.Errorf("%s: %d attempts, last error %v; want retries after a 503", j.Key, r.Attempts, r.LastError)
		}
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if len(rc.taken) != len(jobs) || rc.badSigned != 0 {
		t.Errorf("the receiver took %d jobs (%d badly signed), want each of the %d once", len(rc.taken), rc.badSigned, len(jobs))
	}
	for _, j := range jobs {
		arrived := rc.arrivals[j.Key]
		for n := 1; n < len(arrived); n++ {
			// The n-th pause is base doubled n-1 times, less at most half of it.
			if gap, least := arrived[n].Sub(arrived[n-1]), base<<(n-1)/2; gap < least {
				t.Errorf("%s: retry %d came %v after the attempt before, want at least %v", j.Key, n, gap, least)
			}
		}
	}
}

func TestAWebhookCarriesTheSubmissionAsThePullAPIServesIt(t *testing.T) {
	pool := demotest.Pool(t)
	rc := newReceiver(t, 0, 0)
	startWorker(t, pool, outbox.Config{Webhook: outbox.Endpoint{URL: rc.URL, Secret: secret}, PublicURL: "https://portal.koprivnice.example/"})
	account := integrationtest.Account(t, pool)
	id, receipt := integrationtest.Insert(t, pool, integrationtest.Submission{Status: "accepted", Reference: "MUKO 7/2026",
		Email: "jana@example.cz", Account: &account, Answers: `{"dogs": [{"name": "Alík", "born": "2024-05-01"}], "relief": "ne"}`,
		Files: []integrationtest.File{{Field: "proof", Name: "očkování.pdf", MediaType: "application/pdf", Content: []byte("%PDF-1.4 test")}}})
	job := outbox.SubmissionWebhook(outbox.Accepted, id)
	enqueue(t, pool, job)
	waitDone(t, pool, job.Key)

	want, err := integration.NewStore(pool, "https://portal.koprivnice.example").Submission(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	rc.mu.Lock()
	got := rc.taken[job.Key]
	rc.mu.Unlock()
	gotJSON, _ := json.Marshal(got)
	wantJSON, _ := json.Marshal(want)
	if string(gotJSON) != string(wantJSON) {
		t.Errorf("the webhook carried\n%s\nwant what the pull API serves\n%s", gotJSON, wantJSON)
	}
	if got.Receipt != receipt || got.Status != "accepted" || len(got.Files) != 1 ||
		got.Files[0].URL != fmt.Sprintf("https://portal.koprivnice.example/api/v1/admin/submissions/%d/files/%s", id, got.Files[0].ID) {
		t.Errorf("the webhook carried %s", gotJSON)
	}
}
