// Package outbox carries e-mails and webhooks out of the database: a job is written in the
// same transaction as the change it announces, so a crash neither loses nor doubles it, and
// the server's workers deliver it with retries and backoff.
package outbox

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Kind is how a job leaves the portal.
type Kind string

// The kinds of job.
const (
	Mail    Kind = "mail"    // an e-mail through SMTP
	Webhook Kind = "webhook" // a signed POST to the town's information system
)

// Job is one delivery to make.
type Job struct {
	Kind Kind
	// Key names the delivery: enqueueing the same key twice keeps one job, and receivers get it
	// as the Idempotency-Key, e.g. "webhook:submission.accepted:42".
	Key     string
	Payload any // what the worker needs to render the delivery, marshalled to JSON
}

// channel is where a new job is announced to the workers, at the commit of its transaction.
const channel = "outbox"

// Enqueue writes j within tx; a job with the same key already there is kept as it is.
func Enqueue(ctx context.Context, tx pgx.Tx, j Job) error {
	payload, err := json.Marshal(j.Payload)
	if err != nil {
		return fmt.Errorf("enqueue %s: %w", j.Key, err)
	}
	if _, err := tx.Exec(ctx, `
		WITH job AS (INSERT INTO outbox (kind, key, payload) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING id)
		SELECT pg_notify('`+channel+`', '') FROM job`,
		j.Kind, j.Key, payload); err != nil {
		return fmt.Errorf("enqueue %s: %w", j.Key, err)
	}
	return nil
}

// Template names an e-mail about a submission.
type Template string

// The e-mails about a submission, rendered at delivery from the database.
const (
	Received Template = "submission.received" // it reached the office
	Confirm  Template = "submission.confirm"  // an anonymous one waits for its sender's confirmation
	Status   Template = "submission.status"   // its status changed (with the event)
	Message  Template = "submission.message"  // the office wrote to the citizen (with the event)
)

// mailPayload is what a mail job carries.
type mailPayload struct {
	Template     Template `json:"template"`
	SubmissionID int64    `json:"submission_id"`
	EventID      int64    `json:"event_id,omitempty"` // of Status and Message
	// Path is the confirmation link's path with its token, of Confirm; the database keeps only
	// the token's hash with the submission, and the outbox drops it once the e-mail is sent.
	Path string `json:"path,omitempty"`
}

// SubmissionMail is the job of e-mail t about submission id; event is the history's event it
// announces, for Status and Message (0 for Received). Confirm takes ConfirmationMail.
func SubmissionMail(t Template, id, event int64) Job {
	key := fmt.Sprintf("mail:%s:%d", t, id)
	if event != 0 {
		key += fmt.Sprintf(":%d", event)
	}
	return Job{Kind: Mail, Key: key, Payload: mailPayload{Template: t, SubmissionID: id, EventID: event}}
}

// ConfirmationMail is the job of the e-mail asking the sender of anonymous submission id to
// confirm it at path (with its token).
func ConfirmationMail(id int64, path string) Job {
	return Job{Kind: Mail, Key: fmt.Sprintf("mail:%s:%d", Confirm, id),
		Payload: mailPayload{Template: Confirm, SubmissionID: id, Path: path}}
}

// webhookPayload is what a webhook job carries.
type webhookPayload struct {
	Event        string `json:"event"`
	SubmissionID int64  `json:"submission_id"`
}

// Accepted is the webhook's event of a submission the office accepted.
const Accepted = "submission.accepted"

// SubmissionWebhook is the job of the webhook announcing event (Accepted) of submission id.
func SubmissionWebhook(event string, id int64) Job {
	return Job{Kind: Webhook, Key: fmt.Sprintf("webhook:%s:%d", event, id),
		Payload: webhookPayload{Event: event, SubmissionID: id}}
}
