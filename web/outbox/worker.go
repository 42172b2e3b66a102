package outbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/mail"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/town"
)

// Config is where and how the outbox delivers.
type Config struct {
	SMTP    SMTP     // Addr "": mail jobs wait in the outbox
	Webhook Endpoint // URL "": webhook jobs wait in the outbox
	// PublicURL is where people reach the portal, e.g. "https://portal.koprivnice.cz": links in
	// mail and the files' URLs in webhooks start with it.
	PublicURL string
	// MinePath is the citizen's page of their submission with the receipt number (web/inbox),
	// which mail about a submission filed from an account links to; nil: no link.
	MinePath func(receipt string) string
	Town     *town.Town   // whose office signs the mail
	Logger   *slog.Logger // nil: discard
	// RetryBase is the pause after a first failure, doubled with each further one up to
	// RetryMax; 0: 10 s and 1 h.
	RetryBase, RetryMax time.Duration
}

// SMTP is the mail server the outbox sends through.
type SMTP struct {
	Addr string       // host:port; STARTTLS is used when the server offers it
	From mail.Address // the sender, e.g. "Město Kopřivnice <podatelna@koprivnice.cz>"
	// User and Password log in with AUTH PLAIN, which is sent only over TLS or to localhost.
	User, Password string
}

// Endpoint is where the town's information system takes webhooks.
type Endpoint struct {
	URL    string // POSTed to
	Secret string // signs the body
}

// Worker delivers due jobs until its context ends.
type Worker struct {
	pool    *pgxpool.Pool
	cfg     Config
	kinds   []Kind // those the configuration lets it deliver
	log     *slog.Logger
	stopped chan struct{}
	client  *http.Client // of the webhook
}

// idlePoll bounds how long a worker waits without a notification, in case one was missed.
const idlePoll = time.Minute

// Start starts a worker delivering the jobs cfg configures a way out for (none: it stops at
// once). Several workers, in one server or in several, share the outbox safely: each job is
// locked while it is delivered.
func Start(ctx context.Context, pool *pgxpool.Pool, cfg Config) *Worker {
	if cfg.RetryBase <= 0 {
		cfg.RetryBase = 10 * time.Second
	}
	if cfg.RetryMax <= 0 {
		cfg.RetryMax = time.Hour
	}
	cfg.PublicURL = strings.TrimSuffix(cfg.PublicURL, "/")
	w := &Worker{pool: pool, cfg: cfg, log: cfg.Logger, stopped: make(chan struct{}), client: newWebhookClient()}
	if w.log == nil {
		w.log = slog.New(slog.DiscardHandler)
	}
	if cfg.SMTP.Addr != "" {
		w.kinds = append(w.kinds, Mail)
	}
	if cfg.Webhook.URL != "" {
		w.kinds = append(w.kinds, Webhook)
	}
	if len(w.kinds) == 0 {
		w.log.Info("outbox: no SMTP server and no webhook configured; jobs wait in the outbox")
		close(w.stopped)
		return w
	}
	go w.run(ctx)
	return w
}

// Wait returns once the worker has stopped.
func (w *Worker) Wait() { <-w.stopped }

// run delivers whatever is due, then sleeps until the next job is due or a new one arrives.
func (w *Worker) run(ctx context.Context) {
	defer close(w.stopped)
	wake := make(chan struct{}, 1)
	var wg sync.WaitGroup
	defer wg.Wait()
	wg.Go(func() { w.listen(ctx, wake) })
	for {
		pause := w.deliverDue(ctx)
		select {
		case <-ctx.Done():
			return
		case <-wake:
		case <-time.After(pause):
		}
	}
}

// deliverDue delivers due jobs until none is left and returns how long to sleep.
func (w *Worker) deliverDue(ctx context.Context) time.Duration {
	for {
		found, err := w.deliverOne(ctx)
		if err != nil {
			if ctx.Err() == nil {
				w.log.Error("outbox: cannot deliver", "err", err)
			}
			return min(w.cfg.RetryBase, idlePoll)
		}
		if !found {
			break
		}
	}
	var seconds float64
	err := w.pool.QueryRow(ctx, `SELECT coalesce(extract(epoch FROM min(run_at) - now()), $2)::float8
		FROM outbox WHERE done_at IS NULL AND kind = ANY ($1)`, w.kinds, idlePoll.Seconds()).Scan(&seconds)
	if err != nil {
		return min(w.cfg.RetryBase, idlePoll)
	}
	// A job due but not claimed is being delivered by another worker: look again shortly.
	return min(max(time.Duration(seconds*float64(time.Second)), min(w.cfg.RetryBase, time.Second)), idlePoll)
}

// job is a claimed row of the outbox.
type job struct {
	ID       int64
	Kind     Kind
	Key      string
	Payload  json.RawMessage
	Attempts int
}

// errNothingToSend ends a job that has no one to go to, such as mail about a submission
// without an e-mail address: it is done, with the reason noted.
var errNothingToSend = errors.New("nothing to send")

// deliverOne claims one due job and delivers it, holding its row locked meanwhile so that no
// other worker takes it, and reports whether there was one.
func (w *Worker) deliverOne(ctx context.Context) (bool, error) {
	tx, err := w.pool.Begin(ctx)
	if err != nil {
		return false, fmt.Errorf("outbox: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // after Commit a no-op
	var j job
	err = tx.QueryRow(ctx, `SELECT id, kind, key, payload, attempts FROM outbox
		WHERE done_at IS NULL AND run_at <= now() AND kind = ANY ($1)
		ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`, w.kinds).
		Scan(&j.ID, &j.Kind, &j.Key, &j.Payload, &j.Attempts)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("outbox: claim a job: %w", err)
	}
	// The delivery reads within a savepoint, so that a failed read leaves the claim to record it.
	reads, err := tx.Begin(ctx)
	if err != nil {
		return false, fmt.Errorf("outbox: %w", err)
	}
	derr := w.deliver(ctx, reads, j)
	if err := reads.Rollback(ctx); err != nil && ctx.Err() == nil {
		return false, fmt.Errorf("outbox: %w", err)
	}
	switch {
	case ctx.Err() != nil:
		return false, ctx.Err() // stopping: the job stays as it was, for the next worker
	case derr == nil: // a confirmation link's token is not kept once sent
		_, err = tx.Exec(ctx, `UPDATE outbox SET done_at = now(), attempts = attempts + 1, payload = payload - 'path' WHERE id = $1`, j.ID)
	case errors.Is(derr, errNothingToSend):
		w.log.Info("outbox: nothing to send", "key", j.Key, "reason", derr.Error())
		_, err = tx.Exec(ctx, `UPDATE outbox SET done_at = now(), attempts = attempts + 1, last_error = $2 WHERE id = $1`,
			j.ID, scrub(derr))
	default:
		delay := backoff(j.Attempts+1, w.cfg.RetryBase, w.cfg.RetryMax)
		level := slog.LevelWarn
		if delay >= w.cfg.RetryMax/2 { // at the longest pause: someone should look
			level = slog.LevelError
		}
		w.log.Log(ctx, level, "outbox: delivery failed, will retry", "key", j.Key, "attempts", j.Attempts+1,
			"retry_in", delay.Round(time.Millisecond), "err", scrub(derr))
		_, err = tx.Exec(ctx, `UPDATE outbox SET attempts = attempts + 1, last_error = $2,
			run_at = now() + make_interval(secs => $3) WHERE id = $1`, j.ID, scrub(derr), delay.Seconds())
	}
	if err != nil {
		return false, fmt.Errorf("outbox: record %s: %w", j.Key, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return false, fmt.Errorf("outbox: record %s: %w", j.Key, err)
	}
	return true, nil
}

// deliver sends j; what it needs it reads through tx.
func (w *Worker) deliver(ctx context.Context, tx pgx.Tx, j job) error {
	switch j.Kind {
	case Mail:
		return w.sendMail(ctx, tx, j)
	case Webhook:
		return w.postWebhook(ctx, tx, j)
	default:
		return fmt.Errorf("unknown kind of job %q", j.Kind)
	}
}

// backoff is the pause after the attempts-th failure: base doubled with each failure up to
// most, less a random part of up to half, so that jobs failing together spread out.
func backoff(attempts int, base, most time.Duration) time.Duration {
	d := base
	for i := 1; i < attempts && d < most; i++ {
		d *= 2
	}
	d = min(d, most)
	return d - rand.N(d/2+1)
}

// emailAddress finds e-mail addresses, which a server's error message may repeat.
var emailAddress = regexp.MustCompile(`[^\s<>"'(),;:]+@[^\s<>"'(),;:]+`)

// scrub is err as the outbox keeps and logs it: without e-mail addresses, at most 500 bytes.
func scrub(err error) string {
	s := emailAddress.ReplaceAllString(err.Error(), "[adresa]")
	if len(s) > 500 {
		s = s[:500]
	}
	return s
}

// listen wakes the worker whenever a job is enqueued, until ctx ends; it reconnects with a
// growing pause when its connection is lost.
func (w *Worker) listen(ctx context.Context, wake chan<- struct{}) {
	const maxPause = 30 * time.Second
	pause := 100 * time.Millisecond
	for {
		if w.listenOnce(ctx, wake) {
			pause = 100 * time.Millisecond
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(pause):
		}
		pause = min(2*pause, maxPause)
	}
}

// listenOnce holds one connection listening on the channel until it fails or ctx ends, and
// reports whether it got as far as listening.
func (w *Worker) listenOnce(ctx context.Context, wake chan<- struct{}) bool {
	pooled, err := w.pool.Acquire(ctx)
	if err != nil {
		return false
	}
	// A listening connection must not go back to the pool: it would keep collecting notifications.
	conn := pooled.Hijack()
	defer func() {
		closeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		conn.Close(closeCtx) //nolint:errcheck // the connection is dropped either way
	}()
	if _, err := conn.Exec(ctx, "LISTEN "+channel); err != nil {
		return false
	}
	for {
		// Also on first listening: whatever came while nobody listened is due now.
		select {
		case wake <- struct{}{}:
		default:
		}
		if _, err := conn.WaitForNotification(ctx); err != nil {
			return true
		}
	}
}
