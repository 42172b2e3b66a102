package inbox

import (
	"context"
	"slices"
)

// Status is where a submission stands (submissions.status).
type Status string

// The statuses: podáno → přijato (with a reference number) → v řešení → vyřízeno, and
// zamítnuto from any but the last. An anonymous submission is unconfirmed until its sender
// confirms the e-mail; the office does not see it before.
const (
	Unconfirmed Status = "unconfirmed"
	Submitted   Status = "submitted"
	Accepted    Status = "accepted"
	InProgress  Status = "in_progress"
	Resolved    Status = "resolved"
	Rejected    Status = "rejected"
)

// statuses are the statuses the office sees, in the order of their life.
var statuses = []Status{Submitted, Accepted, InProgress, Resolved, Rejected}

// parseStatus reads a status the office sees from a form or query value.
func parseStatus(s string) (Status, bool) {
	st := Status(s)
	return st, slices.Contains(statuses, st)
}

// Next are the statuses a clerk may move a submission in s to, in the order the detail offers them.
func (s Status) Next() []Status {
	switch s {
	case Submitted:
		return []Status{Accepted, Rejected}
	case Accepted:
		return []Status{InProgress, Rejected}
	case InProgress:
		return []Status{Resolved, Rejected}
	}
	return nil
}

// Allows reports whether a clerk may move a submission in s to to.
func (s Status) Allows(to Status) bool { return slices.Contains(s.Next(), to) }

// Label is the status in the language of ctx: "Podáno", "V řešení".
func (s Status) Label(ctx context.Context) string { return msg.T(ctx, "status-"+string(s)) }

// verb names the move to s in the audit log: "submission.accept".
func (s Status) verb() string {
	switch s {
	case Accepted:
		return "accept"
	case InProgress:
		return "start"
	case Resolved:
		return "resolve"
	}
	return "reject"
}
