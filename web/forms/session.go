package forms

import (
	"context"
	"slices"
	"strings"
)

// Session keeps values in the visitor's session between requests (auth.Service does). Forms
// keep there what someone filled in or filed without logging in, so that only they see it.
type Session interface {
	// SessionValue is the value kept under key, "" when none.
	SessionValue(ctx context.Context, key string) string
	// PutSessionValue keeps value under key, starting a session for a visitor who has none.
	PutSessionValue(ctx context.Context, key, value string)
}

// The keys the forms keep in the session: each a list of ids separated by spaces.
const (
	sessionDrafts      = "forms.drafts"      // the drafts started without logging in
	sessionSubmissions = "forms.submissions" // the submissions filed in this session
)

// sessionLimit is how many ids each list keeps: the oldest go first.
const sessionLimit = 20

// sessionIDs are the ids the session keeps under key.
func sessionIDs(ctx context.Context, s Session, key string) []string {
	return strings.Fields(s.SessionValue(ctx, key))
}

// remember adds id to the list under key.
func remember(ctx context.Context, s Session, key, id string) {
	ids := slices.DeleteFunc(sessionIDs(ctx, s, key), func(x string) bool { return x == id })
	ids = append(ids, id)
	if len(ids) > sessionLimit {
		ids = ids[len(ids)-sessionLimit:]
	}
	s.PutSessionValue(ctx, key, strings.Join(ids, " "))
}

// forget removes id from the list under key.
func forget(ctx context.Context, s Session, key, id string) {
	ids := sessionIDs(ctx, s, key)
	if i := slices.Index(ids, id); i >= 0 {
		s.PutSessionValue(ctx, key, strings.Join(slices.Delete(ids, i, i+1), " "))
	}
}
