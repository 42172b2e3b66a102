// Package audit is the append-only log of staff actions: who did what to which object, when,
// and how the object looked before and after.
package audit

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Entry is one staff action, recorded in the same transaction as the change it describes.
type Entry struct {
	ActorID   int64  // the account acting; 0 for the command line
	ActorName string // kept with the entry so it outlives the account
	Action    string // dotted verb, e.g. "notice.publish"
	Object    string // kind:id, e.g. "notice:12"
	Before    any    // the object before the change; nil when it did not exist
	After     any    // the object after the change; nil when it is gone
}

// Record appends e to the audit log within tx.
func Record(ctx context.Context, tx pgx.Tx, e Entry) error {
	before, err := jsonOrNull(e.Before)
	if err != nil {
		return fmt.Errorf("audit %s: before: %w", e.Action, err)
	}
	after, err := jsonOrNull(e.After)
	if err != nil {
		return fmt.Errorf("audit %s: after: %w", e.Action, err)
	}
	var actor *int64
	if e.ActorID != 0 {
		actor = &e.ActorID
	}
	_, err = tx.Exec(ctx, `
		INSERT INTO audit_log (actor_id, actor_name, action, object, before, after)
		VALUES ($1, $2, $3, $4, $5, $6)`, actor, e.ActorName, e.Action, e.Object, before, after)
	if err != nil {
		return fmt.Errorf("audit %s %s: %w", e.Action, e.Object, err)
	}
	return nil
}

// jsonOrNull marshals v, or returns nil (SQL NULL) for nil.
func jsonOrNull(v any) ([]byte, error) {
	if v == nil {
		return nil, nil
	}
	return json.Marshal(v)
}
