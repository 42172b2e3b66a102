package outbox_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/web/outbox"
)

// startWorker runs a worker on pool with cfg, logging to the test, until the end of t.
func startWorker(t *testing.T, pool *pgxpool.Pool, cfg outbox.Config) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cfg.Logger = slog.New(slog.NewTextHandler(t.Output(), nil))
	w := outbox.Start(ctx, pool, cfg)
	t.Cleanup(func() {
		cancel()
		w.Wait()
	})
}

// enqueue writes jobs in one transaction.
func enqueue(t *testing.T, pool *pgxpool.Pool, jobs ...outbox.Job) {
	t.Helper()
	err := pgx.BeginFunc(context.Background(), pool, func(tx pgx.Tx) error {
		for _, j := range jobs {
			if err := outbox.Enqueue(context.Background(), tx, j); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// row is a job as the outbox keeps it.
type row struct {
	Attempts  int
	LastError *string
	RunAt     time.Time
	DoneAt    *time.Time
}

// jobRow reads the outbox's row of key.
func jobRow(t *testing.T, pool *pgxpool.Pool, key string) row {
	t.Helper()
	var r row
	err := pool.QueryRow(context.Background(), `SELECT attempts, last_error, run_at, done_at FROM outbox WHERE key = $1`, key).
		Scan(&r.Attempts, &r.LastError, &r.RunAt, &r.DoneAt)
	if err != nil {
		t.Fatalf("job %s: %v", key, err)
	}
	return r
}

// waitDone waits up to 10 seconds for the job of key to be done and returns it.
func waitDone(t *testing.T, pool *pgxpool.Pool, key string) row {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if r := jobRow(t, pool, key); r.DoneAt != nil {
			return r
		}
	}
	r := jobRow(t, pool, key)
	t.Fatalf("job %s not done after 10 s: %d attempts, last error %v", key, r.Attempts, r.LastError)
	return r
}

// waitListening waits until a worker listens for new jobs on pool's database, so that a job
// enqueued from now on can only be noticed through its notification.
func waitListening(t *testing.T, pool *pgxpool.Pool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var n int
		err := pool.QueryRow(context.Background(), `SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND query = 'LISTEN outbox' AND state = 'idle'`).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			return
		}
	}
	t.Fatal("no worker listens after 10 s")
}
