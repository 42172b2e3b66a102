package contacts

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	contactfiles "github.com/radnice/radnice/datasets/contacts"
	"github.com/radnice/radnice/geo"
)

// OfficeHours are when the office receives the public: its week, the days it keeps other
// hours, and a note. Public holidays close it (geo.Holiday) unless a day says otherwise.
type OfficeHours contactfiles.Hours

// Day is what the office keeps on one day.
type Day struct {
	Date    time.Time // the civil date (geo.Date)
	Hours   []contactfiles.Interval
	Special bool   // the hours are not the weekday's: an exception or a public holiday
	Why     string // an exception's note or the holiday's name; "" when not said
}

// horizon is how far ahead the next opening is looked for: past any Christmas closure.
const horizon = 60

// Known reports whether the office publishes any hours.
func (h OfficeHours) Known() bool { return !h.Week.Empty() || len(h.Exceptions) > 0 }

// On is what the office keeps on the civil date day.
func (h OfficeHours) On(day time.Time) Day {
	if at := slices.IndexFunc(h.Exceptions, func(e contactfiles.Exception) bool { return e.Day.Equal(day) }); at >= 0 {
		e := h.Exceptions[at]
		return Day{Date: day, Hours: e.Hours, Special: true, Why: e.Note}
	}
	regular := h.Week[day.Weekday()]
	if name, holiday := geo.Holiday(day); holiday && len(regular) > 0 {
		return Day{Date: day, Special: true, Why: name}
	}
	return Day{Date: day, Hours: regular}
}

// SpecialDays are the days from the civil date from, for days days, on which the office keeps
// other hours than its weekday's.
func (h OfficeHours) SpecialDays(from time.Time, days int) []Day {
	var out []Day
	for i := range days {
		if d := h.On(from.AddDate(0, 0, i)); d.Special {
			out = append(out, d)
		}
	}
	return out
}

// Status is whether the office is open at an instant, and until when or from when.
type Status struct {
	Known  bool // the office publishes hours; nothing else is set when it does not
	Open   bool
	Closes contactfiles.Clock // when Open: the end of the current hours
	// When closed: the next opening, on the civil date OpensOn, InDays days from today; OpensOn
	// is zero when the office does not open within the horizon.
	Opens   contactfiles.Clock
	OpensOn time.Time
	InDays  int
	Today   Day
}

// StatusAt is the office's status at the instant t, on Prague's clock.
func (h OfficeHours) StatusAt(t time.Time) Status {
	if !h.Known() {
		return Status{}
	}
	local := t.In(geo.Prague)
	minute := contactfiles.Clock(local.Hour()*60 + local.Minute())
	today := h.On(geo.Date(local.Date()))
	s := Status{Known: true, Today: today}
	for _, in := range today.Hours {
		switch {
		case minute >= in.Opens && minute < in.Closes:
			s.Open, s.Closes = true, in.Closes
			return s
		case minute < in.Opens:
			s.Opens, s.OpensOn = in.Opens, today.Date
			return s
		}
	}
	for i := 1; i <= horizon; i++ {
		if d := h.On(today.Date.AddDate(0, 0, i)); len(d.Hours) > 0 {
			s.Opens, s.OpensOn, s.InDays = d.Hours[0].Opens, d.Date, i
			break
		}
	}
	return s
}

// OfficeHours reads the office hours.
func (s *Store) OfficeHours(ctx context.Context) (OfficeHours, error) {
	var h OfficeHours
	rows, err := s.pool.Query(ctx, `
		SELECT weekday, extract(epoch FROM opens)::int / 60, extract(epoch FROM closes)::int / 60
		FROM contact_hours WHERE person_id IS NULL ORDER BY weekday, opens`)
	if err != nil {
		return h, fmt.Errorf("read office hours: %w", err)
	}
	var days, opens, closes []int
	var day, open, close int
	if _, err := pgx.ForEachRow(rows, []any{&day, &open, &close}, func() error {
		days, opens, closes = append(days, day), append(opens, open), append(closes, close)
		return nil
	}); err != nil {
		return h, fmt.Errorf("read office hours: %w", err)
	}
	h.Week = week(days, opens, closes)

	rows, err = s.pool.Query(ctx, `
		SELECT d.day, d.note,
			coalesce(array_agg(extract(epoch FROM h.opens)::int / 60 ORDER BY h.opens) FILTER (WHERE h.day IS NOT NULL), '{}'),
			coalesce(array_agg(extract(epoch FROM h.closes)::int / 60 ORDER BY h.opens) FILTER (WHERE h.day IS NOT NULL), '{}')
		FROM contact_office_days d LEFT JOIN contact_office_day_hours h USING (day)
		GROUP BY d.day ORDER BY d.day`)
	if err != nil {
		return h, fmt.Errorf("read office days: %w", err)
	}
	h.Exceptions, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (contactfiles.Exception, error) {
		var e contactfiles.Exception
		var opens, closes []int
		err := r.Scan(&e.Day, &e.Note, &opens, &closes)
		for i := range opens {
			e.Hours = append(e.Hours, contactfiles.Interval{Opens: contactfiles.Clock(opens[i]), Closes: contactfiles.Clock(closes[i])})
		}
		return e, err
	})
	if err != nil {
		return h, fmt.Errorf("read office days: %w", err)
	}
	err = s.pool.QueryRow(ctx, `SELECT hours_note FROM contact_office`).Scan(&h.Note)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return h, fmt.Errorf("read office hours note: %w", err)
	}
	return h, nil
}

// OfficeStatus is whether the office is open at the instant t: for the site's footer.
func (s *Store) OfficeStatus(ctx context.Context, t time.Time) (Status, error) {
	h, err := s.OfficeHours(ctx)
	if err != nil {
		return Status{}, err
	}
	return h.StatusAt(t), nil
}
