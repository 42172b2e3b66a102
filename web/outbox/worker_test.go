package outbox_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web/integration/integrationtest"
	"github.com/radnice/radnice/web/outbox"
)

func TestTwoServersNeverDeliverOneJobTwiceAtOnce(t *testing.T) {
	pool := demotest.Pool(t)
	other, err := pgxpool.New(context.Background(), pool.Config().ConnString())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(other.Close)
	rc := newReceiver(t, 0, 30*time.Millisecond)
	cfg := outbox.Config{Webhook: outbox.Endpoint{URL: rc.URL, Secret: secret}}
	var jobs []outbox.Job
	for range 12 {
		id, _ := integrationtest.Insert(t, pool, integrationtest.Submission{Status: "accepted"})
		jobs = append(jobs, outbox.SubmissionWebhook(outbox.Accepted, id))
	}
	enqueue(t, pool, jobs...)
	startWorker(t, pool, cfg)
	startWorker(t, other, cfg) // as a second server would, with its own pool

	for _, j := range jobs {
		waitDone(t, pool, j.Key)
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if rc.overlaps != 0 {
		t.Errorf("%d requests came while the same job was being delivered", rc.overlaps)
	}
	for _, j := range jobs {
		if n := len(rc.arrivals[j.Key]); n != 1 {
			t.Errorf("%s arrived %d times, want once", j.Key, n)
		}
	}
}

func TestEnqueueingTheSameKeyAgainKeepsOneJob(t *testing.T) {
	pool := demotest.Pool(t)
	id, _ := integrationtest.Insert(t, pool, integrationtest.Submission{Email: "jana@example.cz"})
	job := outbox.SubmissionMail(outbox.Received, id, 0)
	enqueue(t, pool, job)
	enqueue(t, pool, job, job)
	// A job belongs to its transaction: rolled back, it never was.
	rolledBack := outbox.SubmissionMail(outbox.Received, id+1, 0)
	errRollback := errors.New("rolled back")
	err := pgx.BeginFunc(context.Background(), pool, func(tx pgx.Tx) error {
		if err := outbox.Enqueue(context.Background(), tx, rolledBack); err != nil {
			return err
		}
		return errRollback
	})
	if !errors.Is(err, errRollback) {
		t.Fatal(err)
	}
	rows, _ := pool.Query(context.Background(), `SELECT key FROM outbox ORDER BY id`)
	keys, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 1 || keys[0] != job.Key {
		t.Errorf("the outbox holds %q, want only %q", keys, job.Key)
	}
	if r := jobRow(t, pool, job.Key); r.Attempts != 0 || r.DoneAt != nil {
		t.Errorf("with no worker running: %+v", r)
	}
}

func TestAWorkerWithNowhereToDeliverLeavesTheJobsWaiting(t *testing.T) {
	pool := demotest.Pool(t)
	id, _ := integrationtest.Insert(t, pool, integrationtest.Submission{Email: "jana@example.cz"})
	job := outbox.SubmissionMail(outbox.Received, id, 0)
	enqueue(t, pool, job)
	w := outbox.Start(context.Background(), pool, outbox.Config{})
	done := make(chan struct{})
	go func() { w.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a worker with no SMTP server and no webhook still runs")
	}
	if r := jobRow(t, pool, job.Key); r.Attempts != 0 || r.DoneAt != nil {
		t.Errorf("the job was touched: %+v", r)
	}
}

func TestAStoppedWorkerLeavesTheJobItWasDeliveringForTheNext(t *testing.T) {
	pool := demotest.Pool(t)
	arrived := make(chan struct{}, 1)
	hanging := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body) //nolint:errcheck // read, so that the server notices the client leave
		arrived <- struct{}{}
		<-r.Context().Done() // the receiver hangs
	}))
	t.Cleanup(hanging.Close)
	id, _ := integrationtest.Insert(t, pool, integrationtest.Submission{Status: "accepted"})
	job := outbox.SubmissionWebhook(outbox.Accepted, id)
	enqueue(t, pool, job)
	ctx, cancel := context.WithCancel(context.Background())
	w := outbox.Start(ctx, pool, outbox.Config{Webhook: outbox.Endpoint{URL: hanging.URL, Secret: secret}})
	<-arrived
	cancel()
	stopped := make(chan struct{})
	go func() { w.Wait(); close(stopped) }()
	select {
	case <-stopped:
	case <-time.After(2 * time.Second):
		t.Fatal("the worker did not stop within 2 s of its context's end")
	}
	if r := jobRow(t, pool, job.Key); r.Attempts != 0 || r.DoneAt != nil || r.LastError != nil {
		t.Errorf("the interrupted job: %+v, want it as it was", r)
	}
}
