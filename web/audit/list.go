package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Logged is one entry as the log keeps it.
type Logged struct {
	ID        int64
	At        time.Time
	ActorName string
	Action    string
	Object    string
	Before    json.RawMessage // nil when the object did not exist
	After     json.RawMessage // nil when it is gone
}

// Filter narrows the log: each set field must match; Before pages back from an entry id.
type Filter struct {
	Object string // "notice:12", or a kind with its colon: "notice:"
	Action string
	Before int64
	Limit  int
}

// List returns entries matching f, newest first.
func List(ctx context.Context, pool *pgxpool.Pool, f Filter) ([]Logged, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	rows, err := pool.Query(ctx, `
		SELECT id, at, actor_name, action, object, before, after FROM audit_log
		WHERE ($1 = '' OR object = $1 OR (right($1, 1) = ':' AND starts_with(object, $1)))
			AND ($2 = '' OR action = $2) AND ($3 = 0 OR id < $3)
		ORDER BY id DESC LIMIT $4`, f.Object, f.Action, f.Before, f.Limit)
	if err != nil {
		return nil, fmt.Errorf("list audit log: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Logged, error) {
		var l Logged
		err := row.Scan(&l.ID, &l.At, &l.ActorName, &l.Action, &l.Object, &l.Before, &l.After)
		return l, err
	})
	if err != nil {
		return nil, fmt.Errorf("list audit log: %w", err)
	}
	return out, nil
}
