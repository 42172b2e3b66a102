package geo_test

import (
	"testing"
	"time"

	"github.com/radnice/radnice/geo"
)

func calDate(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestCalendarDateIsMidnightUTC(t *testing.T) {
	got := geo.Date(2026, time.April, 6)
	if want := time.Date(2026, 4, 6, 0, 0, 0, 0, time.UTC); !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("Date(2026, April, 6) = %v, want %v", got, want)
	}
}

func TestEasterSundayFollowsTheGregorianComputus(t *testing.T) {
	for year, want := range map[int]string{
		2000: "2000-04-23",
		2008: "2008-03-23",
		2011: "2011-04-24",
		2015: "2015-04-05",
		2016: "2016-03-27",
		2019: "2019-04-21",
		2024: "2024-03-31",
		2025: "2025-04-20",
		2026: "2026-04-05",
		2027: "2027-03-28",
		2038: "2038-04-25",
		2285: "2285-03-22", // the earliest possible date
	} {
		if got := geo.Easter(year); !got.Equal(calDate(want)) {
			t.Errorf("Easter(%d) = %s, want %s", year, got.Format(time.DateOnly), want)
		}
	}
}

func TestGoodFridayIsAHolidayFrom2016(t *testing.T) {
	for _, d := range []string{"2015-04-03", "2010-04-02"} {
		if name, ok := geo.Holiday(calDate(d)); ok {
			t.Errorf("Good Friday %s before 2016 is the holiday %q, want none", d, name)
		}
	}
	for _, d := range []string{"2016-03-25", "2024-03-29", "2026-04-03", "2027-03-26"} {
		if name, ok := geo.Holiday(calDate(d)); !ok || name != "Velký pátek" {
			t.Errorf("Holiday(%s) = %q, %v, want Velký pátek", d, name, ok)
		}
	}
}

func TestEasterMondayIsAHolidayEveryYear(t *testing.T) {
	for _, d := range []string{"2010-04-05", "2015-04-06", "2024-04-01", "2025-04-21", "2026-04-06", "2038-04-26"} {
		if name, ok := geo.Holiday(calDate(d)); !ok || name != "Velikonoční pondělí" {
			t.Errorf("Holiday(%s) = %q, %v, want Velikonoční pondělí", d, name, ok)
		}
	}
}

func TestEveryFixedHolidayHasItsCzechName(t *testing.T) {
	want := map[string]string{
		"01-01": "Den obnovy samostatného českého státu",
		"05-01": "Svátek práce",
		"05-08": "Den vítězství",
		"07-05": "Den slovanských věrozvěstů Cyrila a Metoděje",
		"07-06": "Den upálení mistra Jana Husa",
		"09-28": "Den české státnosti",
		"10-28": "Den vzniku samostatného československého státu",
		"11-17": "Den boje za svobodu a demokracii a Mezinárodní den studentstva",
		"12-24": "Štědrý den",
		"12-25": "1. svátek vánoční",
		"12-26": "2. svátek vánoční",
	}
	for _, year := range []string{"2012", "2026", "2031"} {
		for md, name := range want {
			got, ok := geo.Holiday(calDate(year + "-" + md))
			if !ok || got != name {
				t.Errorf("Holiday(%s-%s) = %q, %v, want %q", year, md, got, ok, name)
			}
		}
	}
}

func TestOtherDaysAreNotHolidays(t *testing.T) {
	for _, d := range []string{
		"2026-04-05", // Easter Sunday is a Sunday, not a public holiday
		"2026-04-02", // Maundy Thursday
		"2026-01-02", "2026-05-02", "2026-07-07", "2026-11-16", "2026-12-23", "2026-12-27", "2026-12-31",
	} {
		if name, ok := geo.Holiday(calDate(d)); ok {
			t.Errorf("Holiday(%s) = %q, want none", d, name)
		}
	}
}

func TestWorkingDaysAreWeekdaysThatAreNotHolidays(t *testing.T) {
	cases := map[string]bool{
		"2026-04-02": true,  // Thursday
		"2026-04-03": false, // Good Friday
		"2026-04-04": false, // Saturday
		"2026-04-05": false, // Sunday
		"2026-04-06": false, // Easter Monday
		"2026-04-07": true,  // Tuesday
		"2026-10-28": false, // Wednesday, a holiday
		"2015-04-03": true,  // Good Friday before it was a holiday
	}
	for d, want := range cases {
		if got := geo.IsWorkingDay(calDate(d)); got != want {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", d, got, want)
		}
	}
}

func TestNextWorkingDayIsStrictlyAfterAndSkipsWeekendsAndHolidays(t *testing.T) {
	cases := map[string]string{
		"2026-01-05": "2026-01-06", // an ordinary Monday: the next day, never the day itself
		"2026-01-09": "2026-01-12", // Friday → Monday
		"2026-04-02": "2026-04-07", // Thursday before Easter → Tuesday after Easter Monday
		"2026-04-06": "2026-04-07", // Easter Monday → Tuesday
		"2026-12-23": "2026-12-28", // 24–26 December and a Sunday
		"2026-12-31": "2027-01-04", // New Year's Day is a Friday, then the weekend
		"2025-12-23": "2025-12-29", // 24–26 December Wednesday to Friday, then the weekend
	}
	for d, want := range cases {
		got := geo.NextWorkingDay(calDate(d))
		if !got.Equal(calDate(want)) || got.Location() != time.UTC {
			t.Errorf("NextWorkingDay(%s) = %v, want %s at midnight UTC", d, got, want)
		}
	}
}

func TestCalendarReadsTheCivilDateInTheDatesOwnLocation(t *testing.T) {
	prague := time.FixedZone("CET", 60*60)                                 // Prague's winter offset; no time zone database needed
	lateEvening := time.Date(2026, time.October, 28, 23, 30, 0, 0, prague) // 22:30 UTC, same day
	earlyMorning := time.Date(2026, time.October, 28, 0, 30, 0, 0, prague) // 27 October in UTC
	for _, d := range []time.Time{lateEvening, earlyMorning} {
		if name, ok := geo.Holiday(d); !ok || name != "Den vzniku samostatného československého státu" {
			t.Errorf("Holiday(%v) = %q, %v, want 28 October", d, name, ok)
		}
		if geo.IsWorkingDay(d) {
			t.Errorf("IsWorkingDay(%v) = true on 28 October", d)
		}
		if got := geo.NextWorkingDay(d); !got.Equal(calDate("2026-10-29")) {
			t.Errorf("NextWorkingDay(%v) = %v, want 2026-10-29", d, got)
		}
	}
}
