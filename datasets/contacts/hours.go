package contacts

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/radnice/radnice/geo"
)

// Clock is a time of day in minutes after midnight.
type Clock int

// String writes the time as Czech timetables do: "8:00", "12:30".
func (c Clock) String() string { return fmt.Sprintf("%d:%02d", c/60, c%60) }

// Interval is a stretch of a day the office (or a person) receives the public: from Opens,
// until (and without) Closes.
type Interval struct {
	Opens, Closes Clock
}

// Week is the regular hours of each weekday, indexed by time.Weekday (Sunday is 0); a day
// without intervals is closed.
type Week [7][]Interval

// Empty reports whether no day has any hours.
func (w Week) Empty() bool {
	for _, day := range w {
		if len(day) > 0 {
			return false
		}
	}
	return true
}

// Exception is a day with other hours than its weekday's: none (closed) or its own.
type Exception struct {
	Day   time.Time  // a civil date (geo.Date)
	Hours []Interval // nil: closed all day
	Note  string     // why, "" when not said
}

// Hours are the office hours (úřední hodiny): the week, the exceptional days and a note.
// Public holidays close the office without being listed (geo.Holiday).
type Hours struct {
	Week       Week
	Exceptions []Exception // by date
	Note       string
}

// dayNames are the weekdays as the content names them, folded (geo.Fold): short and long.
var dayNames = map[string]time.Weekday{
	"po": time.Monday, "pondeli": time.Monday,
	"ut": time.Tuesday, "utery": time.Tuesday,
	"st": time.Wednesday, "streda": time.Wednesday,
	"ct": time.Thursday, "ctvrtek": time.Thursday,
	"pa": time.Friday, "patek": time.Friday,
	"so": time.Saturday, "sobota": time.Saturday,
	"ne": time.Sunday, "nedele": time.Sunday,
}

// ISODay is the weekday's ISO 8601 number: Monday 1 … Sunday 7.
func ISODay(d time.Weekday) int { return (int(d)+6)%7 + 1 }

// dash separates the ends of a range: a hyphen or an en dash.
var dash = regexp.MustCompile(`\s*[-–]\s*`)

var clock = regexp.MustCompile(`^([01]?[0-9]|2[0-3]):([0-5][0-9])$`)

const hoursExample = `"po, st 8:00–11:30, 12:30–17:00"`

// parseHoursLine reads one Hours value, "po, st 8:00–11:30, 12:30–17:00" or "po–pá 8:00–12:00",
// into the days it names and their intervals.
func parseHoursLine(s string) ([]time.Weekday, []Interval, error) {
	at := strings.IndexAny(s, "0123456789")
	if at <= 0 {
		return nil, nil, fmt.Errorf("want days and hours, e.g. %s, got %q", hoursExample, s)
	}
	days, err := parseDays(s[:at])
	if err != nil {
		return nil, nil, err
	}
	intervals, err := parseIntervals(s[at:])
	return days, intervals, err
}

// parseDays reads "po, st" or "po–pá" or "pondělí".
func parseDays(s string) ([]time.Weekday, error) {
	var days []time.Weekday
	for item := range strings.SplitSeq(s, ",") {
		ends := dash.Split(strings.TrimSpace(item), -1)
		if len(ends) > 2 {
			return nil, fmt.Errorf("%q is not a day or a range of days like po–pá", strings.TrimSpace(item))
		}
		var bounds []time.Weekday
		for _, end := range ends {
			d, ok := dayNames[geo.Fold(end)]
			if !ok {
				return nil, fmt.Errorf("%q is not a day: write po, út, st, čt, pá, so, ne", strings.TrimSpace(end))
			}
			bounds = append(bounds, d)
		}
		first, last := ISODay(bounds[0]), ISODay(bounds[len(bounds)-1])
		if last < first {
			return nil, fmt.Errorf("the range %q runs backwards", strings.TrimSpace(item))
		}
		for iso := first; iso <= last; iso++ {
			days = append(days, time.Weekday(iso%7))
		}
	}
	return days, nil
}

// parseIntervals reads "8:00–11:30, 12:30–17:00": intervals in order, apart from each other.
func parseIntervals(s string) ([]Interval, error) {
	var out []Interval
	for item := range strings.SplitSeq(s, ",") {
		item = strings.TrimSpace(item)
		ends := dash.Split(item, -1)
		if len(ends) != 2 {
			return nil, fmt.Errorf("%q is not a time range like 8:00–11:30", item)
		}
		opens, err := parseClock(ends[0])
		if err != nil {
			return nil, err
		}
		closes, err := parseClock(ends[1])
		if err != nil {
			return nil, err
		}
		if closes <= opens {
			return nil, fmt.Errorf("%s ends before it begins", item)
		}
		if n := len(out); n > 0 && opens <= out[n-1].Closes {
			return nil, fmt.Errorf("%s must begin after the previous range ends (%s)", item, out[n-1].Closes)
		}
		out = append(out, Interval{opens, closes})
	}
	return out, nil
}

func parseClock(s string) (Clock, error) {
	m := clock.FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("%q is not a time of day like 8:00 or 17:30", s)
	}
	h, _ := strconv.Atoi(m[1])
	min, _ := strconv.Atoi(m[2])
	return Clock(h*60 + min), nil
}

// parseException reads an Exception value: "2026-12-31 zavřeno (Silvestr)" or
// "2026-12-23 8:00–11:30 (zkrácené úřední hodiny)"; the note in brackets is optional.
func parseException(s string) (Exception, error) {
	date, rest, _ := strings.Cut(s, " ")
	day, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return Exception{}, fmt.Errorf("want a date written YYYY-MM-DD, then hours or \"zavřeno\", got %q", s)
	}
	e := Exception{Day: day}
	rest = strings.TrimSpace(rest)
	if open := strings.LastIndex(rest, "("); open >= 0 && strings.HasSuffix(rest, ")") {
		e.Note = strings.TrimSpace(rest[open+1 : len(rest)-1])
		rest = strings.TrimSpace(rest[:open])
	}
	switch {
	case geo.Fold(rest) == "zavreno":
	case rest == "":
		return Exception{}, fmt.Errorf("say the hours of %s or \"zavřeno\"", date)
	default:
		if e.Hours, err = parseIntervals(rest); err != nil {
			return Exception{}, err
		}
	}
	return e, nil
}
