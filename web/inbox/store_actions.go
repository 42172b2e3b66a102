package inbox

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/audit"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/outbox"
)

// ErrStale is the answer to an action made from a page older than the submission: someone (or
// the same clerk, sending twice) changed it in between.
var ErrStale = errors.New("the submission changed since the page was loaded")

// ErrNotAllowed is the answer to a change of status the workflow does not allow from the
// submission's status.
var ErrNotAllowed = errors.New("the workflow does not allow this change of status")

// ErrNotClerk is the answer to an assignment to someone who is no clerk of the submission's agenda.
var ErrNotClerk = errors.New("the assignee is no clerk of the agenda")

// ReferenceTakenError is the answer to an acceptance with a reference number that another
// submission has already.
type ReferenceTakenError struct {
	Receipt string // of the submission that has it
}

func (e *ReferenceTakenError) Error() string {
	return "the reference number is given to the submission " + e.Receipt + " already"
}

// Action is a clerk's change to a submission: a move to another status (with the reference
// number when it leaves "submitted", by acceptance or rejection, and the reason when
// rejecting), a message to the citizen, an internal note, or an assignment.
type Action struct {
	Kind      EventKind
	To        Status // of a StatusEvent
	Reference string // of a move from Submitted: the číslo jednací the office registers it under
	Body      string // the reason, message or note
	Assignee  int64  // of an AssignmentEvent; 0 for no one
}

// auditState is a submission in the audit log: its workflow state, and the event an action
// added. Answers and messages stay out of the log, which administrators read.
type auditState struct {
	Status          Status `json:"status"`
	ReferenceNumber string `json:"reference_number,omitempty"`
	AssignedTo      int64  `json:"assigned_to,omitempty"`
	Event           int64  `json:"event_id,omitempty"`
}

// Act makes a's change to submission id of u's agendas, as of its version (its UpdatedAt on the
// page the clerk acted from), in one transaction with its event in the history, its audit
// entry and the outbox's jobs: an e-mail to the citizen for a change of status and a message
// (when they gave an e-mail), the webhook to the town's systems for an acceptance. ENOTFOUND
// when the agendas hold no such submission; ErrStale, ErrNotAllowed, ErrNotClerk or a
// *ReferenceTakenError when the change cannot be made.
func (s *Store) Act(ctx context.Context, u *auth.User, id int64, version time.Time, a Action) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var before auditState
		var updated time.Time
		var email string
		err := tx.QueryRow(ctx, `
			SELECT s.status, COALESCE(s.reference_number, ''), COALESCE(s.assigned_to, 0), s.updated_at, s.contact_email
			FROM submissions s WHERE `+inAgendas+` AND s.id = $2 FOR UPDATE`, clerkAgendas(u), id).
			Scan(&before.Status, &before.ReferenceNumber, &before.AssignedTo, &updated, &email)
		if errors.Is(err, pgx.ErrNoRows) {
			return geo.Errorf(geo.ENOTFOUND, "no submission %d in the agendas of account %d", id, u.ID)
		}
		if err != nil {
			return err
		}
		if !updated.Equal(version) {
			return ErrStale
		}
		after := before
		switch a.Kind {
		case StatusEvent:
			if !before.Status.Allows(a.To) {
				return ErrNotAllowed
			}
			after.Status = a.To
			if before.ReferenceNumber == "" { // leaving "submitted": the office registers it
				if err := checkReferenceFree(ctx, tx, id, a.Reference); err != nil {
					return err
				}
				after.ReferenceNumber = a.Reference
			}
		case AssignmentEvent:
			if a.Body, err = assigneeName(ctx, tx, id, a.Assignee); err != nil {
				return err
			}
			after.AssignedTo = a.Assignee
		}
		if _, err := tx.Exec(ctx, `
			UPDATE submissions SET status = $2, reference_number = NULLIF($3, ''), assigned_to = NULLIF($4, 0), updated_at = now()
			WHERE id = $1`, id, after.Status, after.ReferenceNumber, after.AssignedTo); err != nil {
			return err
		}
		public := a.Kind == StatusEvent || a.Kind == MessageEvent
		var status *Status
		if a.Kind == StatusEvent {
			status = &a.To
		}
		var event int64
		if err := tx.QueryRow(ctx, `
			INSERT INTO submission_events (submission_id, kind, actor_id, actor_name, status, body, public)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, id, a.Kind, u.ID, u.Name(), status, a.Body, public).Scan(&event); err != nil {
			return err
		}
		if err := enqueue(ctx, tx, id, event, a, email); err != nil {
			return err
		}
		after.Event = event
		return audit.Record(ctx, tx, u.Audit("submission."+verb(a), "submission:"+strconv.FormatInt(id, 10), before, after))
	})
	if err != nil {
		return fmt.Errorf("%s submission %d: %w", verb(a), id, err)
	}
	return nil
}

// verb names an action in the audit log: "accept", "message", "assign".
func verb(a Action) string {
	switch a.Kind {
	case StatusEvent:
		return a.To.verb()
	case AssignmentEvent:
		return "assign"
	}
	return string(a.Kind)
}

// checkReferenceFree makes sure no submission but id has the reference number.
func checkReferenceFree(ctx context.Context, tx pgx.Tx, id int64, reference string) error {
	var receipt string
	err := tx.QueryRow(ctx, `SELECT receipt FROM submissions WHERE reference_number = $1 AND id <> $2 LIMIT 1`, reference, id).Scan(&receipt)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	return &ReferenceTakenError{Receipt: receipt}
}

// assigneeName is the name of account, a clerk of the agenda of submission id, for the
// history; "" for no one.
func assigneeName(ctx context.Context, tx pgx.Tx, id, account int64) (string, error) {
	if account == 0 {
		return "", nil
	}
	var name string
	err := tx.QueryRow(ctx, `
		SELECT trim(a.given_name || ' ' || a.family_name)
		FROM submissions s JOIN role_grants g ON g.role = 'clerk' AND g.agenda = s.agenda JOIN accounts a ON a.id = g.account_id
		WHERE s.id = $1 AND a.id = $2`, id, account).Scan(&name)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", ErrNotClerk
	}
	return name, err
}

// enqueue writes the outbox's jobs for event, a's record on submission id: the e-mail to the
// citizen at email about a change of status or a message, and the webhook of an acceptance.
func enqueue(ctx context.Context, tx pgx.Tx, id, event int64, a Action, email string) error {
	var mail outbox.Template
	switch a.Kind {
	case StatusEvent:
		mail = outbox.Status
	case MessageEvent:
		mail = outbox.Message
	}
	if mail != "" && email != "" {
		if err := outbox.Enqueue(ctx, tx, outbox.SubmissionMail(mail, id, event)); err != nil {
			return err
		}
	}
	if a.Kind == StatusEvent && a.To == Accepted {
		return outbox.Enqueue(ctx, tx, outbox.SubmissionWebhook(outbox.Accepted, id))
	}
	return nil
}

// Reply adds the citizen's message to the submission with the receipt number filed from
// account u, as of its version on the page they wrote from. The same message sent again from
// that page (a double click, a retry) is kept once. ENOTFOUND when u filed no such submission.
func (s *Store) Reply(ctx context.Context, u *auth.User, receipt string, version time.Time, body string) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var id int64
		var updated time.Time
		err := tx.QueryRow(ctx, `SELECT id, updated_at FROM submissions WHERE account_id = $1 AND receipt = $2 FOR UPDATE`, u.ID, receipt).
			Scan(&id, &updated)
		if errors.Is(err, pgx.ErrNoRows) {
			return geo.Errorf(geo.ENOTFOUND, "account %d filed no submission %s", u.ID, receipt)
		}
		if err != nil {
			return err
		}
		if !updated.Equal(version) {
			var repeated bool
			err := tx.QueryRow(ctx, `
				SELECT kind = 'message' AND actor_id IS NULL AND body = $2 FROM submission_events
				WHERE submission_id = $1 ORDER BY id DESC LIMIT 1`, id, body).Scan(&repeated)
			if err != nil && !errors.Is(err, pgx.ErrNoRows) {
				return err
			}
			if repeated {
				return nil
			}
		}
		if _, err := tx.Exec(ctx, `
			INSERT INTO submission_events (submission_id, kind, actor_name, body, public) VALUES ($1, 'message', $2, $3, true)`,
			id, u.Name(), body); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE submissions SET updated_at = now() WHERE id = $1`, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("reply to submission %s: %w", receipt, err)
	}
	return nil
}
