package geo_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/radnice/radnice/geo"
)

// weekly is a valid weekly schedule collected on wd that keeps its holiday collections.
func weekly(wd time.Weekday) geo.WasteSchedule {
	return geo.WasteSchedule{Zone: "A", WasteType: "směsný", Weekday: wd, EveryWeeks: 1, Holidays: geo.HolidayKeep}
}

// wasteDates runs s.Dates on ISO dates and writes the result as ISO dates.
func wasteDates(t *testing.T, s geo.WasteSchedule, from, to string) []string {
	t.Helper()
	var out []string
	for _, d := range s.Dates(calDate(from), calDate(to)) {
		if d.Location() != time.UTC || d.Hour() != 0 {
			t.Errorf("Dates returned %v, not a civil date at midnight UTC", d)
		}
		out = append(out, d.Format(time.DateOnly))
	}
	return out
}

func wantWasteDates(t *testing.T, s geo.WasteSchedule, from, to string, want ...string) {
	t.Helper()
	if got := wasteDates(t, s, from, to); !slices.Equal(got, want) {
		t.Errorf("Dates(%s, %s) = %v, want %v", from, to, got, want)
	}
}

func TestWeeklyWasteScheduleCollectsEveryWeekWithinTheRangeBothEndsIncluded(t *testing.T) {
	s := weekly(time.Monday)
	wantWasteDates(t, s, "2026-01-01", "2026-01-31", "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26")
	wantWasteDates(t, s, "2026-01-05", "2026-01-26", "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26")
	wantWasteDates(t, s, "2026-01-06", "2026-01-11")
	wantWasteDates(t, s, "2026-01-31", "2026-01-01") // an inverted range is empty
}

func TestFortnightlyWasteScheduleKeepsTheAnchorRhythmAcrossTheYearEnd(t *testing.T) {
	s := weekly(time.Wednesday)
	s.EveryWeeks, s.Anchor = 2, calDate("2026-01-07")
	wantWasteDates(t, s, "2026-12-01", "2027-01-31", "2026-12-09", "2026-12-23", "2027-01-06", "2027-01-20")
	// The anchor fixes the phase backwards too.
	wantWasteDates(t, s, "2025-12-01", "2025-12-31", "2025-12-10", "2025-12-24")
}

func TestEveryFourWeeksWasteScheduleCountsFromTheAnchor(t *testing.T) {
	s := weekly(time.Thursday)
	s.EveryWeeks, s.Anchor = 4, calDate("2026-01-15")
	wantWasteDates(t, s, "2026-01-01", "2026-03-31", "2026-01-15", "2026-02-12", "2026-03-12")
}

func TestOddWeeksWasteScheduleCollectsInBothISOWeek53And1(t *testing.T) {
	// 2026 has 53 ISO weeks: week 53 is 28 Dec 2026 – 3 Jan 2027, then week 1 of 2027 begins.
	s := weekly(time.Thursday)
	s.EveryWeeks, s.Parity = 2, geo.OddWeeks
	wantWasteDates(t, s, "2026-12-07", "2027-01-31",
		"2026-12-17", // week 51
		"2026-12-31", // week 53
		"2027-01-07", // week 1: one week after week 53
		"2027-01-21", // week 3
	)
	s.Parity = geo.EvenWeeks
	wantWasteDates(t, s, "2026-12-07", "2027-01-31",
		"2026-12-10", // week 50
		"2026-12-24", // week 52, a holiday kept
		"2027-01-14", // week 2: three weeks later
		"2027-01-28", // week 4
	)
}

func TestSeasonalWasteScheduleCollectsOnlyFromAprilToNovember(t *testing.T) {
	s := weekly(time.Wednesday)
	s.WasteType = "bio"
	s.SeasonFrom, s.SeasonTo = geo.MonthDay{Month: time.April, Day: 1}, geo.MonthDay{Month: time.November, Day: 30}
	got := wasteDates(t, s, "2026-01-01", "2026-12-31")
	if len(got) != 35 || got[0] != "2026-04-01" || got[len(got)-1] != "2026-11-25" {
		t.Errorf("bio season collects %d times from %v, want 35 times from 2026-04-01 (the first day) to 2026-11-25", len(got), got)
	}
	wantWasteDates(t, s, "2026-03-18", "2026-04-08", "2026-04-01", "2026-04-08")
	wantWasteDates(t, s, "2026-11-25", "2026-12-09", "2026-11-25")
}

func TestWinterWasteScheduleWrapsTheYearEnd(t *testing.T) {
	s := weekly(time.Tuesday)
	s.SeasonFrom, s.SeasonTo = geo.MonthDay{Month: time.November, Day: 1}, geo.MonthDay{Month: time.March, Day: 31}
	got := wasteDates(t, s, "2026-01-01", "2026-12-31")
	want := []string{
		"2026-01-06", "2026-01-13", "2026-01-20", "2026-01-27", "2026-02-03", "2026-02-10", "2026-02-17",
		"2026-02-24", "2026-03-03", "2026-03-10", "2026-03-17", "2026-03-24", "2026-03-31", // the last day
		"2026-11-03", "2026-11-10", "2026-11-17", "2026-11-24", "2026-12-01", "2026-12-08", "2026-12-15",
		"2026-12-22", "2026-12-29",
	}
	if !slices.Equal(got, want) {
		t.Errorf("winter season collects on %v, want %v", got, want)
	}
}

func TestWasteCollectionOnAHolidayMovesToTheNextWorkingDay(t *testing.T) {
	monday := weekly(time.Monday)
	monday.Holidays = geo.HolidayNextWorkingDay
	// Easter Monday, 6 April 2026 → Tuesday.
	wantWasteDates(t, monday, "2026-03-30", "2026-04-13", "2026-03-30", "2026-04-07", "2026-04-13")

	friday := weekly(time.Friday)
	friday.Holidays = geo.HolidayNextWorkingDay
	// Good Friday, 3 April 2026 → over the weekend and Easter Monday to Tuesday.
	wantWasteDates(t, friday, "2026-03-30", "2026-04-12", "2026-04-07", "2026-04-10")
	// Before 2016 Good Friday was a working day.
	wantWasteDates(t, friday, "2015-03-30", "2015-04-12", "2015-04-03", "2015-04-10")
}

func TestWasteCollectionOnAHolidayIsKeptOrCancelledByPolicy(t *testing.T) {
	s := weekly(time.Monday)
	s.Holidays = geo.HolidayKeep
	wantWasteDates(t, s, "2026-03-30", "2026-04-13", "2026-03-30", "2026-04-06", "2026-04-13")
	s.Holidays = geo.HolidayCancel
	wantWasteDates(t, s, "2026-03-30", "2026-04-13", "2026-03-30", "2026-04-13")
}

func TestWasteCollectionMovedByAHolidayCrossesTheRangeBounds(t *testing.T) {
	friday := weekly(time.Friday)
	friday.Holidays = geo.HolidayNextWorkingDay
	// Good Friday's collection is four days before the range and lands in it.
	wantWasteDates(t, friday, "2026-04-07", "2026-04-09", "2026-04-07")
	// Good Friday is in the range, but its collection is made after it.
	wantWasteDates(t, friday, "2026-04-01", "2026-04-06")
}

func TestWasteCollectionsInTheChristmasHolidaysMoveAfterTheWholeRun(t *testing.T) {
	// 2025: 24–26 December are Wednesday to Friday, 1 January 2026 a Thursday.
	wednesday := weekly(time.Wednesday)
	wednesday.Holidays = geo.HolidayNextWorkingDay
	wantWasteDates(t, wednesday, "2025-12-15", "2026-01-04", "2025-12-17", "2025-12-29", "2025-12-31")
	thursday := weekly(time.Thursday)
	thursday.Holidays = geo.HolidayNextWorkingDay
	wantWasteDates(t, thursday, "2025-12-15", "2026-01-04", "2025-12-18", "2025-12-29", "2026-01-02")
	// 2026: 26 December is a Saturday; a Saturday collection moves to Monday too.
	saturday := weekly(time.Saturday)
	saturday.Holidays = geo.HolidayNextWorkingDay
	wantWasteDates(t, saturday, "2026-12-19", "2027-01-02", "2026-12-19", "2026-12-28", "2027-01-02")
}

func TestWasteScheduleCancelsAndAddsExactDates(t *testing.T) {
	s := weekly(time.Monday)
	s.Holidays = geo.HolidayNextWorkingDay
	s.Cancelled = []time.Time{calDate("2026-12-28")}
	s.Extra = []time.Time{calDate("2026-12-30")}
	wantWasteDates(t, s, "2026-12-21", "2027-01-04", "2026-12-21", "2026-12-30", "2027-01-04")

	// A collection moved by a holiday is cancelled on the day it moved to.
	s.Cancelled, s.Extra = []time.Time{calDate("2026-04-07")}, nil
	wantWasteDates(t, s, "2026-03-31", "2026-04-13", "2026-04-13")

	// An extra date is exact: on a holiday it is not moved.
	s.Cancelled, s.Extra = nil, []time.Time{calDate("2026-04-03")}
	wantWasteDates(t, s, "2026-03-31", "2026-04-13", "2026-04-03", "2026-04-07", "2026-04-13")

	// A date is listed once however it comes about.
	s.Extra = []time.Time{calDate("2026-04-07")}
	wantWasteDates(t, s, "2026-03-31", "2026-04-13", "2026-04-07", "2026-04-13")
}

func TestWasteScheduleHoldsFromValidFromUntilTheDayBeforeValidTo(t *testing.T) {
	s := weekly(time.Monday)
	s.ValidFrom, s.ValidTo = calDate("2026-03-02"), calDate("2026-03-30")
	wantWasteDates(t, s, "2026-02-01", "2026-04-30", "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23")
}

func TestWasteCollectionMovedByAHolidayFollowsItsRegularDateAcrossValidTo(t *testing.T) {
	s := weekly(time.Monday)
	s.Holidays = geo.HolidayNextWorkingDay
	s.ValidTo = calDate("2026-04-07")
	wantWasteDates(t, s, "2026-03-30", "2026-04-30", "2026-03-30", "2026-04-07")
	// A regular date before ValidFrom is not collected, moved or not.
	s.ValidFrom, s.ValidTo = calDate("2026-04-07"), time.Time{}
	wantWasteDates(t, s, "2026-03-30", "2026-04-14", "2026-04-13")
}

func TestWasteScheduleValidateAcceptsACompleteSchedule(t *testing.T) {
	for name, s := range map[string]geo.WasteSchedule{
		"weekly":             weekly(time.Monday),
		"anchored":           {Zone: "B", WasteType: "papír", Weekday: time.Friday, EveryWeeks: 4, Anchor: calDate("2026-01-09"), Holidays: geo.HolidayCancel},
		"odd weeks":          {Zone: "C", WasteType: "plast", Weekday: time.Tuesday, EveryWeeks: 2, Parity: geo.OddWeeks, Holidays: geo.HolidayNextWorkingDay},
		"season to 29 Feb":   {Zone: "C", WasteType: "bio", Weekday: time.Tuesday, EveryWeeks: 1, SeasonFrom: geo.MonthDay{Month: time.November, Day: 1}, SeasonTo: geo.MonthDay{Month: time.February, Day: 29}, Holidays: geo.HolidayKeep},
		"bounded with notes": {Zone: "A", WasteType: "sklo", Weekday: time.Monday, EveryWeeks: 1, Holidays: geo.HolidayNextWorkingDay, ValidFrom: calDate("2026-01-01"), ValidTo: calDate("2027-01-01"), Extra: []time.Time{calDate("2026-12-30")}, Cancelled: []time.Time{calDate("2026-12-28"), calDate("2026-04-07")}},
	} {
		if err := s.Validate(); err != nil {
			t.Errorf("%s: Validate() = %v, want nil", name, err)
		}
	}
}

func TestWasteScheduleValidateNamesTheFieldAtFault(t *testing.T) {
	cases := []struct {
		name   string
		change func(*geo.WasteSchedule)
		field  string
	}{
		{"no zone", func(s *geo.WasteSchedule) { s.Zone = " " }, "Zone"},
		{"no waste type", func(s *geo.WasteSchedule) { s.WasteType = "" }, "WasteType"},
		{"no such weekday", func(s *geo.WasteSchedule) { s.Weekday = 7 }, "Weekday"},
		{"every 0 weeks", func(s *geo.WasteSchedule) { s.EveryWeeks = 0 }, "EveryWeeks"},
		{"every 9 weeks", func(s *geo.WasteSchedule) { s.EveryWeeks = 9 }, "EveryWeeks"},
		{"unknown parity", func(s *geo.WasteSchedule) { s.EveryWeeks, s.Parity = 2, "liché" }, "Parity"},
		{"parity every 3 weeks", func(s *geo.WasteSchedule) { s.EveryWeeks, s.Parity = 3, geo.OddWeeks }, "Parity"},
		{"parity weekly", func(s *geo.WasteSchedule) { s.Parity = geo.EvenWeeks }, "Parity"},
		{"fortnightly without phase", func(s *geo.WasteSchedule) { s.EveryWeeks = 2 }, "Anchor"},
		{"anchor on another weekday", func(s *geo.WasteSchedule) { s.EveryWeeks, s.Anchor = 3, calDate("2026-01-06") }, "Anchor"},
		{"anchor on a weekly rule", func(s *geo.WasteSchedule) { s.Anchor = calDate("2026-01-05") }, "Anchor"},
		{"anchor with parity", func(s *geo.WasteSchedule) {
			s.EveryWeeks, s.Parity, s.Anchor = 2, geo.OddWeeks, calDate("2026-01-05")
		}, "Anchor"},
		{"half a season", func(s *geo.WasteSchedule) { s.SeasonFrom = geo.MonthDay{Month: time.April, Day: 1} }, "SeasonFrom and SeasonTo"},
		{"31 April", func(s *geo.WasteSchedule) {
			s.SeasonFrom, s.SeasonTo = geo.MonthDay{Month: time.April, Day: 31}, geo.MonthDay{Month: time.November, Day: 30}
		}, "SeasonFrom"},
		{"30 February", func(s *geo.WasteSchedule) {
			s.SeasonFrom, s.SeasonTo = geo.MonthDay{Month: time.November, Day: 1}, geo.MonthDay{Month: time.February, Day: 30}
		}, "SeasonTo"},
		{"month 13", func(s *geo.WasteSchedule) {
			s.SeasonFrom, s.SeasonTo = geo.MonthDay{Month: 13, Day: 1}, geo.MonthDay{Month: time.November, Day: 30}
		}, "SeasonFrom"},
		{"no holiday policy", func(s *geo.WasteSchedule) { s.Holidays = "" }, "Holidays"},
		{"unknown holiday policy", func(s *geo.WasteSchedule) { s.Holidays = "posunout" }, "Holidays"},
		{"empty validity", func(s *geo.WasteSchedule) { s.ValidFrom, s.ValidTo = calDate("2026-03-01"), calDate("2026-03-01") }, "ValidTo"},
		{"extra twice", func(s *geo.WasteSchedule) { s.Extra = []time.Time{calDate("2026-01-07"), calDate("2026-01-07")} }, "Extra"},
		{"extra outside validity", func(s *geo.WasteSchedule) {
			s.ValidTo, s.Extra = calDate("2027-01-01"), []time.Time{calDate("2027-01-02")}
		}, "Extra"},
		{"extra on a collection date", func(s *geo.WasteSchedule) { s.Extra = []time.Time{calDate("2026-01-05")} }, "Extra"},
		{"cancelled on no collection", func(s *geo.WasteSchedule) { s.Cancelled = []time.Time{calDate("2026-01-06")} }, "Cancelled"},
		{"cancelled where the collection moved away", func(s *geo.WasteSchedule) {
			s.Holidays, s.Cancelled = geo.HolidayNextWorkingDay, []time.Time{calDate("2026-04-06")}
		}, "Cancelled"},
		{"cancelled and extra", func(s *geo.WasteSchedule) {
			s.Extra, s.Cancelled = []time.Time{calDate("2026-01-07")}, []time.Time{calDate("2026-01-07")}
		}, "Cancelled"},
	}
	for _, c := range cases {
		s := weekly(time.Monday)
		c.change(&s)
		err := s.Validate()
		if err == nil {
			t.Errorf("%s: Validate() = nil, want an error naming %s", c.name, c.field)
			continue
		}
		if geo.ErrorCode(err) != geo.EINVALID || !strings.HasPrefix(geo.ErrorMessage(err), c.field+" ") {
			t.Errorf("%s: Validate() = %v, want %s naming %s first", c.name, err, geo.EINVALID, c.field)
		}
	}
}

func TestWasteScheduleWithAnInvalidRuleHasNoDates(t *testing.T) {
	s := weekly(time.Monday)
	s.EveryWeeks = 0
	if got := s.Dates(calDate("2026-01-01"), calDate("2026-12-31")); got != nil {
		t.Errorf("Dates of an invalid rule = %v, want nil", got)
	}
}

func TestWasteSeasonMonthDayIsWrittenTheCzechWay(t *testing.T) {
	if got := (geo.MonthDay{Month: time.November, Day: 30}).String(); got != "30. 11." {
		t.Errorf("String() = %q, want \"30. 11.\"", got)
	}
}
