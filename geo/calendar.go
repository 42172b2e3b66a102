package geo

import (
	"time"
	_ "time/tzdata" // Prague's calendar, whatever zone files the host has
)

// The calendar works on civil dates. A civil date is represented as a time.Time at midnight UTC,
// as Date makes it, and every date the calendar returns is of that form. Functions taking a date
// read only its year, month and day in its own location, so a Prague time of day late on
// 28 October is still 28 October.

// Date returns the civil date y-m-d: midnight UTC of that day.
func Date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Prague is the zone whose calendar day and clock the portal answers by.
var Prague = mustLoadLocation("Europe/Prague")

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // time/tzdata is embedded: this cannot happen
	}
	return loc
}

// PragueDate returns the civil date in Prague at the instant t.
func PragueDate(t time.Time) time.Time {
	return civil(t.In(Prague))
}

// civil returns the calendar date of t, read in t's own location, at midnight UTC.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return Date(y, m, d)
}

// fixedHolidays are the public holidays on the same day every year (zákon č. 245/2000 Sb.,
// státní svátky and ostatní svátky, all days off). 1 January is both the Den obnovy
// samostatného českého státu and Nový rok; the state holiday names it.
var fixedHolidays = map[MonthDay]string{
	{time.January, 1}:    "Den obnovy samostatného českého státu",
	{time.May, 1}:        "Svátek práce",
	{time.May, 8}:        "Den vítězství",
	{time.July, 5}:       "Den slovanských věrozvěstů Cyrila a Metoděje",
	{time.July, 6}:       "Den upálení mistra Jana Husa",
	{time.September, 28}: "Den české státnosti",
	{time.October, 28}:   "Den vzniku samostatného československého státu",
	{time.November, 17}:  "Den boje za svobodu a demokracii a Mezinárodní den studentstva",
	{time.December, 24}:  "Štědrý den",
	{time.December, 25}:  "1. svátek vánoční",
	{time.December, 26}:  "2. svátek vánoční",
}

// goodFridaySince is the first year Good Friday is a public holiday (zákon č. 359/2015 Sb.).
const goodFridaySince = 2016

// Easter returns Easter Sunday of the year in the Gregorian calendar (the anonymous Gregorian
// algorithm of Meeus, Jones and Butcher), as a civil date.
func Easter(year int) time.Time {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return Date(year, time.Month(month), day)
}

// Holiday reports whether d is a Czech public holiday (a day off by zákon č. 245/2000 Sb.) and
// gives its Czech name. Good Friday (Velký pátek) counts from 2016; the other holidays are those
// of the law as in force, applied to every year.
func Holiday(d time.Time) (name string, ok bool) {
	y, m, day := d.Date()
	if name, ok := fixedHolidays[MonthDay{m, day}]; ok {
		return name, true
	}
	date, easter := Date(y, m, day), Easter(y)
	switch {
	case date.Equal(easter.AddDate(0, 0, 1)):
		return "Velikonoční pondělí", true
	case y >= goodFridaySince && date.Equal(easter.AddDate(0, 0, -2)):
		return "Velký pátek", true
	}
	return "", false
}

// IsWorkingDay reports whether d is a working day: Monday to Friday and not a public holiday.
func IsWorkingDay(d time.Time) bool {
	switch d.Weekday() {
	case time.Saturday, time.Sunday:
		return false
	}
	_, holiday := Holiday(d)
	return !holiday
}

// NextWorkingDay returns the first working day strictly after d, as a civil date.
func NextWorkingDay(d time.Time) time.Time {
	next := civil(d).AddDate(0, 0, 1)
	for !IsWorkingDay(next) {
		next = next.AddDate(0, 0, 1)
	}
	return next
}
