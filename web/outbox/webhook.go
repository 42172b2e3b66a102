package outbox

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/radnice/radnice/web/integration"
)

// webhookTimeout bounds one POST to the town's information system.
const webhookTimeout = 10 * time.Second

// newWebhookClient returns the client that posts webhooks: a redirect is an answer like any
// other that is not 2xx, so the job is retried rather than re-sent somewhere else as a GET.
func newWebhookClient() *http.Client {
	return &http.Client{
		Timeout:       webhookTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// postWebhook POSTs the submission of webhook job j, as it is now, to the configured URL,
// signed; only a 2xx answer delivers it.
func (w *Worker) postWebhook(ctx context.Context, tx pgx.Tx, j job) error {
	var p webhookPayload
	if err := json.Unmarshal(j.Payload, &p); err != nil {
		return fmt.Errorf("webhook payload: %w", err)
	}
	sub, err := integration.NewStore(tx, w.cfg.PublicURL).Submission(ctx, p.SubmissionID)
	if err != nil {
		return err
	}
	body, err := json.Marshal(sub)
	if err != nil {
		return fmt.Errorf("webhook body: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.cfg.Webhook.URL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("webhook request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Radnice")
	req.Header.Set("Idempotency-Key", j.Key)
	req.Header.Set("X-Radnice-Event", p.Event)
	req.Header.Set("X-Radnice-Signature", signature(w.cfg.Webhook.Secret, time.Now(), body))
	resp, err := w.client.Do(req)
	if err != nil {
		return fmt.Errorf("webhook: %w", err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) //nolint:errcheck // only to reuse the connection
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("webhook: the receiver answered %s", resp.Status)
	}
	return nil
}

// signature signs body sent at t with secret, in the X-Radnice-Signature header's form
// "t=UNIX,v1=HEX": HEX is the HMAC-SHA256 of "UNIX.BODY". The time lets receivers refuse
// replays of old requests.
func signature(secret string, t time.Time, body []byte) string {
	unix := strconv.FormatInt(t.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(unix + "."))
	mac.Write(body)
	return "t=" + unix + ",v1=" + hex.EncodeToString(mac.Sum(nil))
}
