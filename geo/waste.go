package geo

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// HolidayPolicy says what becomes of a regular collection that falls on a public holiday.
type HolidayPolicy string

// The holiday policies a schedule can have.
const (
	HolidayNextWorkingDay HolidayPolicy = "next_working_day" // moved to the next working day
	HolidayKeep           HolidayPolicy = "keep"             // collected on the holiday all the same
	HolidayCancel         HolidayPolicy = "cancel"           // not collected, not replaced
)

// Week parities of WasteSchedule.Parity: the parity of the ISO week number.
const (
	OddWeeks  = "odd"  // liché týdny: ISO weeks 1, 3, 5, …, 53
	EvenWeeks = "even" // sudé týdny: ISO weeks 2, 4, …, 52
)

// MonthDay is a day of the year without the year, bounding a season: MonthDay{time.April, 1}.
type MonthDay struct {
	Month time.Month
	Day   int
}

// IsZero reports whether md is unset.
func (md MonthDay) IsZero() bool { return md == MonthDay{} }

// String writes md the Czech way, "1. 4.".
func (md MonthDay) String() string { return fmt.Sprintf("%d. %d.", md.Day, int(md.Month)) }

// valid reports whether md is a day that exists in some year (29 February included).
func (md MonthDay) valid() bool {
	return md.Month >= time.January && md.Month <= time.December &&
		md.Day >= 1 && md.Day <= Date(2024, md.Month+1, 0).Day()
}

// before reports whether md comes earlier in the year than other.
func (md MonthDay) before(other MonthDay) bool {
	return md.Month < other.Month || md.Month == other.Month && md.Day < other.Day
}

// WasteSchedule is the rule by which one waste type is collected in one zone of a town, with its
// exceptions. All its dates are civil dates (see Date).
//
// Regular collections fall on Weekday every EveryWeeks weeks, within ValidFrom–ValidTo and the
// season. Every second week is chosen either by Parity, the parity of the ISO week number, as
// Czech municipal calendars print it ("liché týdny"), or by Anchor, one collection date from
// which every EveryWeeks-th week counts, both forwards and backwards. ISO years have 52 or 53
// weeks, so odd weeks are not strictly every second week: after week 53 (2026, 2032, 2037, …)
// comes week 1, and both collect. An Anchor keeps the rhythm across the year end instead.
type WasteSchedule struct {
	Zone       string        // the collection zone (svozová oblast) as the town names it
	WasteType  string        // the waste collected, as the town names it: "směsný", "plast", "bio"
	Weekday    time.Weekday  // the day of the regular collection
	EveryWeeks int           // 1 weekly, 2 fortnightly, up to 8
	Parity     string        // OddWeeks, EvenWeeks or "" (only with EveryWeeks 2)
	Anchor     time.Time     // a collection date fixing the phase when EveryWeeks > 1 without Parity
	SeasonFrom MonthDay      // first day of the season; zero with SeasonTo for all year
	SeasonTo   MonthDay      // last day of the season (inclusive); before SeasonFrom it wraps the year end
	Holidays   HolidayPolicy // what becomes of a regular collection on a public holiday
	Extra      []time.Time   // collections outside the rule, on exactly these dates
	Cancelled  []time.Time   // collection dates that do not take place (after the holiday policy)
	ValidFrom  time.Time     // first day the rule applies; zero for no bound
	ValidTo    time.Time     // first day the rule no longer applies (exclusive); zero for no bound
}

// holidayMargin is how many days before a range Dates looks for regular collections that a
// holiday moves into it; the longest Czech run of days off (24–26 December and a weekend) is 5.
const holidayMargin = 14

// day is a civil date counted in days from 1 January 1970.
type day int64

func dayOf(t time.Time) day         { return day(civil(t).Unix() / 86400) }
func (d day) time() time.Time       { return time.Unix(int64(d)*86400, 0).UTC() }
func (d day) weekday() time.Weekday { return d.time().Weekday() }

// Validate reports the first problem of the schedule as an EINVALID error naming the field:
// a missing zone or waste type, EveryWeeks outside 1..8, Parity other than "", "odd" or "even"
// or set without EveryWeeks 2, an Anchor missing where it fixes the phase, set where it does
// not, or not on Weekday, half a season or a day that does not exist, an unknown holiday policy,
// ValidTo not after ValidFrom, and exceptions that change nothing: an Extra date outside the
// validity or already a collection date, a Cancelled date that is not a collection date, a date
// listed twice or both extra and cancelled.
func (s WasteSchedule) Validate() error {
	if err := s.ruleError(); err != nil {
		return err
	}
	return s.exceptionsError()
}

// ruleError checks everything but the exceptions: what Dates needs to compute regular dates.
func (s WasteSchedule) ruleError() error {
	switch {
	case strings.TrimSpace(s.Zone) == "":
		return Errorf(EINVALID, "Zone is required.")
	case strings.TrimSpace(s.WasteType) == "":
		return Errorf(EINVALID, "WasteType is required.")
	case s.Weekday < time.Sunday || s.Weekday > time.Saturday:
		return Errorf(EINVALID, "Weekday %d is not a day of the week.", int(s.Weekday))
	case s.EveryWeeks < 1 || s.EveryWeeks > 8:
		return Errorf(EINVALID, "EveryWeeks must be between 1 and 8, not %d.", s.EveryWeeks)
	case s.Parity != "" && s.Parity != OddWeeks && s.Parity != EvenWeeks:
		return Errorf(EINVALID, "Parity must be %q, %q or empty, not %q.", OddWeeks, EvenWeeks, s.Parity)
	case s.Parity != "" && s.EveryWeeks != 2:
		return Errorf(EINVALID, "Parity %q needs EveryWeeks 2, not %d.", s.Parity, s.EveryWeeks)
	}
	needsAnchor := s.EveryWeeks > 1 && s.Parity == ""
	switch {
	case needsAnchor && s.Anchor.IsZero():
		return Errorf(EINVALID, "Anchor is required: a collection date fixing which weeks of every %d collect.", s.EveryWeeks)
	case !needsAnchor && !s.Anchor.IsZero() && s.EveryWeeks == 1:
		return Errorf(EINVALID, "Anchor is only for rules every 2 to 8 weeks; a weekly rule starts at ValidFrom.")
	case !needsAnchor && !s.Anchor.IsZero():
		return Errorf(EINVALID, "Anchor and Parity exclude each other: the weeks are fixed by Parity.")
	case needsAnchor && s.Anchor.Weekday() != s.Weekday:
		return Errorf(EINVALID, "Anchor %s is a %s, not a %s (Weekday).", isoDate(s.Anchor), s.Anchor.Weekday(), s.Weekday)
	}
	switch {
	case s.SeasonFrom.IsZero() != s.SeasonTo.IsZero():
		return Errorf(EINVALID, "SeasonFrom and SeasonTo are set together or not at all.")
	case !s.SeasonFrom.IsZero() && !s.SeasonFrom.valid():
		return Errorf(EINVALID, "SeasonFrom %d/%d is not a day of the year.", s.SeasonFrom.Day, int(s.SeasonFrom.Month))
	case !s.SeasonTo.IsZero() && !s.SeasonTo.valid():
		return Errorf(EINVALID, "SeasonTo %d/%d is not a day of the year.", s.SeasonTo.Day, int(s.SeasonTo.Month))
	}
	switch s.Holidays {
	case HolidayNextWorkingDay, HolidayKeep, HolidayCancel:
	default:
		return Errorf(EINVALID, "Holidays must be %q, %q or %q, not %q.", HolidayNextWorkingDay, HolidayKeep, HolidayCancel, s.Holidays)
	}
	if !s.ValidFrom.IsZero() && !s.ValidTo.IsZero() && dayOf(s.ValidTo) <= dayOf(s.ValidFrom) {
		return Errorf(EINVALID, "ValidTo %s must be after ValidFrom %s (it is exclusive).", isoDate(s.ValidTo), isoDate(s.ValidFrom))
	}
	return nil
}

// exceptionsError checks that every Extra and Cancelled date changes the schedule.
func (s WasteSchedule) exceptionsError() error {
	seen := map[day]string{}
	for _, t := range s.Extra {
		d := dayOf(t)
		if _, dup := seen[d]; dup {
			return Errorf(EINVALID, "Extra lists %s twice.", isoDate(t))
		}
		seen[d] = "Extra"
		if !s.valid(d) {
			return Errorf(EINVALID, "Extra date %s is outside the validity of the schedule.", isoDate(t))
		}
		if len(s.regular(d, d)) > 0 {
			return Errorf(EINVALID, "Extra date %s is already a collection date.", isoDate(t))
		}
	}
	for _, t := range s.Cancelled {
		d := dayOf(t)
		if first, dup := seen[d]; dup {
			return Errorf(EINVALID, "Cancelled lists %s, already listed in %s.", isoDate(t), first)
		}
		seen[d] = "Cancelled"
		if len(s.regular(d, d)) == 0 {
			return Errorf(EINVALID, "Cancelled date %s is not a collection date.", isoDate(t))
		}
	}
	return nil
}

// Dates returns the collection dates from from to to, both included, in order and each once.
//
// The rule gives the regular dates: on Weekday, in the weeks chosen by EveryWeeks with Parity or
// Anchor, within ValidFrom–ValidTo and the season. A regular date on a public holiday is then
// moved to the next working day, kept or dropped by the Holidays policy; validity and season
// are those of the regular date, so a collection moved from 24 December is made on 28 December
// even when the rule ends on 27 December, and one moved from the day before from lands in the
// range. Finally Cancelled dates are removed and Extra dates, exact and never moved, added.
// A schedule whose rule does not validate has no dates.
func (s WasteSchedule) Dates(from, to time.Time) []time.Time {
	if s.ruleError() != nil {
		return nil
	}
	f, t := dayOf(from), dayOf(to)
	if f > t {
		return nil
	}
	days := s.regular(f, t)
	for _, c := range s.Cancelled {
		days = slices.DeleteFunc(days, func(d day) bool { return d == dayOf(c) })
	}
	for _, e := range s.Extra {
		if d := dayOf(e); d >= f && d <= t {
			days = append(days, d)
		}
	}
	slices.Sort(days)
	days = slices.Compact(days)
	dates := make([]time.Time, len(days))
	for i, d := range days {
		dates[i] = d.time()
	}
	return dates
}

// regular returns, sorted and once each, the dates in [from, to] on which the rule collects
// after the holiday policy, before Extra and Cancelled.
func (s WasteSchedule) regular(from, to day) []day {
	start, end := from-holidayMargin, to
	if !s.ValidFrom.IsZero() {
		start = max(start, dayOf(s.ValidFrom))
	}
	if !s.ValidTo.IsZero() {
		end = min(end, dayOf(s.ValidTo)-1)
	}
	var days []day
	for r := start + day((s.Weekday-start.weekday()+7)%7); r <= end; r += 7 {
		if !s.inPhase(r) || !s.inSeason(r) {
			continue
		}
		d := r
		if _, holiday := Holiday(r.time()); holiday {
			switch s.Holidays {
			case HolidayCancel:
				continue
			case HolidayNextWorkingDay:
				d = dayOf(NextWorkingDay(r.time()))
			}
		}
		if d >= from && d <= to {
			days = append(days, d)
		}
	}
	slices.Sort(days)
	return slices.Compact(days)
}

// valid reports whether d is within ValidFrom–ValidTo.
func (s WasteSchedule) valid(d day) bool {
	return (s.ValidFrom.IsZero() || d >= dayOf(s.ValidFrom)) && (s.ValidTo.IsZero() || d < dayOf(s.ValidTo))
}

// inPhase reports whether the week of d, a Weekday, is one the rule collects in.
func (s WasteSchedule) inPhase(d day) bool {
	switch {
	case s.EveryWeeks == 1:
		return true
	case s.Parity != "":
		_, week := d.time().ISOWeek()
		return (week%2 == 1) == (s.Parity == OddWeeks)
	default:
		weeks := int64(d-dayOf(s.Anchor)) / 7 // negative before the anchor: divisibility holds
		return weeks%int64(s.EveryWeeks) == 0
	}
}

// inSeason reports whether d falls in the season, which may wrap the year end.
func (s WasteSchedule) inSeason(d day) bool {
	if s.SeasonFrom.IsZero() {
		return true
	}
	_, m, dd := d.time().Date()
	md := MonthDay{m, dd}
	afterFrom, beforeTo := !md.before(s.SeasonFrom), !s.SeasonTo.before(md)
	if s.SeasonTo.before(s.SeasonFrom) {
		return afterFrom || beforeTo
	}
	return afterFrom && beforeTo
}

// isoDate writes the civil date of t as 2026-04-06.
func isoDate(t time.Time) string { return t.Format(time.DateOnly) }
