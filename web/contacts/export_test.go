package contacts

import (
	"testing"
	"time"
)

// SetNow makes the pages' clock stand at t until the test ends.
func SetNow(tb testing.TB, t time.Time) {
	tb.Cleanup(func() { now = time.Now })
	now = func() time.Time { return t }
}

// The edits the store refuses, for the tests.
var (
	ErrCycle    = errCycle
	ErrNotEmpty = errNotEmpty
)
