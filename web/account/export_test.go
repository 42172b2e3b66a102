package account

import (
	"testing"
	"time"
)

// SetClock makes the package's clock read at until the test ends.
func SetClock(t testing.TB, at time.Time) {
	old := now
	now = func() time.Time { return at }
	t.Cleanup(func() { now = old })
}
