package outbox

import (
	"testing"
	"time"
)

func TestTheRetryPauseDoublesUpToTheLongestLessUpToHalf(t *testing.T) {
	const base, most = 10 * time.Second, time.Hour
	for _, c := range []struct {
		attempts int
		full     time.Duration
	}{
		{1, 10 * time.Second}, {2, 20 * time.Second}, {3, 40 * time.Second}, {9, 2560 * time.Second},
		{10, time.Hour}, {11, time.Hour}, {1000, time.Hour},
	} {
		for range 100 {
			if d := backoff(c.attempts, base, most); d < c.full/2 || d > c.full {
				t.Fatalf("after failure %d: %v, want between %v and %v", c.attempts, d, c.full/2, c.full)
			}
		}
	}
}
