package forms

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

// File submits the draft d as filed by applicant, for tests of what a submission keeps.
func (s *Store) File(t testing.TB, d Draft, applicant string) Submission {
	t.Helper()
	sub, err := s.Submit(t.Context(), d, filing{Answers: d.Answers, Applicant: applicant, At: now()})
	if err != nil {
		t.Fatal(err)
	}
	return sub
}
