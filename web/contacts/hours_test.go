package contacts_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	contactfiles "github.com/radnice/radnice/datasets/contacts"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/contacts"
	"github.com/radnice/radnice/web/i18n"
)

// demoHours are the office hours of a Czech municipal office, as the demo town keeps them.
var demoHours = contacts.OfficeHours{Week: contactfiles.Week{
	time.Monday:    {{Opens: 8 * 60, Closes: 11*60 + 30}, {Opens: 12*60 + 30, Closes: 17 * 60}},
	time.Tuesday:   {{Opens: 8 * 60, Closes: 11*60 + 30}, {Opens: 12*60 + 30, Closes: 14 * 60}},
	time.Wednesday: {{Opens: 8 * 60, Closes: 11*60 + 30}, {Opens: 12*60 + 30, Closes: 17 * 60}},
	time.Thursday:  {{Opens: 8 * 60, Closes: 11*60 + 30}, {Opens: 12*60 + 30, Closes: 14 * 60}},
	time.Friday:    {{Opens: 8 * 60, Closes: 11*60 + 30}},
}, Exceptions: []contactfiles.Exception{
	{Day: geo.Date(2026, 12, 23), Hours: []contactfiles.Interval{{Opens: 8 * 60, Closes: 11*60 + 30}}, Note: "zkrácené úřední hodiny"},
	{Day: geo.Date(2026, 12, 31), Note: "úřad je uzavřen"},
}}

var prague, _ = time.LoadLocation("Europe/Prague")

// inPrague is the instant of a Prague wall-clock time.
func inPrague(y int, m time.Month, d, hour, min int) time.Time {
	return time.Date(y, m, d, hour, min, 0, 0, prague)
}

func TestTheOpenNowLineFollowsTheOfficeHoursOnPraguesClock(t *testing.T) {
	cs, en := context.Background(), i18n.WithLang(context.Background(), i18n.English)
	for _, c := range []struct {
		name string
		at   time.Time
		want string
	}{
		{"Monday morning", inPrague(2026, 11, 23, 9, 0), "Nyní otevřeno, zavírá v 11:30"},
		{"a minute before the lunch break", inPrague(2026, 11, 23, 11, 29), "Nyní otevřeno, zavírá v 11:30"},
		{"at the lunch break", inPrague(2026, 11, 23, 11, 30), "Nyní zavřeno, otevírá dnes ve 12:30"},
		{"in the lunch break", inPrague(2026, 11, 23, 12, 29), "Nyní zavřeno, otevírá dnes ve 12:30"},
		{"after the lunch break", inPrague(2026, 11, 23, 12, 30), "Nyní otevřeno, zavírá v 17:00"},
		{"a minute before closing", inPrague(2026, 11, 23, 16, 59), "Nyní otevřeno, zavírá v 17:00"},
		{"at closing", inPrague(2026, 11, 23, 17, 0), "Nyní zavřeno, otevírá zítra v 8:00"},
		{"before opening", inPrague(2026, 11, 24, 7, 59), "Nyní zavřeno, otevírá dnes v 8:00"},
		{"a short afternoon", inPrague(2026, 11, 24, 13, 0), "Nyní otevřeno, zavírá ve 14:00"},
		{"Friday afternoon", inPrague(2026, 11, 27, 12, 0), "Nyní zavřeno, otevírá v pondělí v 8:00"},
		{"Saturday", inPrague(2026, 11, 28, 10, 0), "Nyní zavřeno, otevírá v pondělí v 8:00"},
		{"Sunday night", inPrague(2026, 11, 29, 23, 59), "Nyní zavřeno, otevírá zítra v 8:00"},
		{"28 October, a public holiday on a Wednesday", inPrague(2026, 10, 28, 10, 0), "Nyní zavřeno, otevírá zítra v 8:00"},
		{"the day before 28 October", inPrague(2026, 10, 27, 15, 0), "Nyní zavřeno, otevírá ve čtvrtek v 8:00"},
		{"Maundy Thursday before Good Friday and Easter Monday", inPrague(2027, 3, 25, 14, 0), "Nyní zavřeno, otevírá v úterý v 8:00"},
		{"Easter Monday", inPrague(2027, 3, 29, 9, 0), "Nyní zavřeno, otevírá zítra v 8:00"},
		{"a day with shorter hours", inPrague(2026, 12, 23, 12, 0), "Nyní zavřeno, otevírá v pondělí v 8:00"},
		{"a closed day", inPrague(2026, 12, 30, 17, 0), "Nyní zavřeno, otevírá v pondělí v 8:00"},
		{"summer time", time.Date(2027, 6, 14, 5, 59, 0, 0, time.UTC), "Nyní zavřeno, otevírá dnes v 8:00"},
	} {
		if got := contacts.StatusText(cs, demoHours.StatusAt(c.at)); got != c.want {
			t.Errorf("%s (%s): %q, want %q", c.name, c.at.In(prague).Format("Mon 2006-01-02 15:04"), got, c.want)
		}
	}
	for at, want := range map[time.Time]string{
		inPrague(2026, 11, 23, 9, 0):  "Open now, closes at 11:30",
		inPrague(2026, 11, 23, 12, 0): "Closed now, opens today at 12:30",
		inPrague(2026, 11, 27, 12, 0): "Closed now, opens on Monday at 8:00",
	} {
		if got := contacts.StatusText(en, demoHours.StatusAt(at)); got != want {
			t.Errorf("in English at %s: %q, want %q", at, got, want)
		}
	}
}

func TestALongClosureNamesTheDateItEnds(t *testing.T) {
	hours := demoHours
	for d := 4; d <= 8; d++ {
		hours.Exceptions = append(hours.Exceptions, contactfiles.Exception{Day: geo.Date(2027, 1, d), Note: "stěhování úřadu"})
	}
	s := hours.StatusAt(inPrague(2026, 12, 30, 17, 0))
	if got, want := contacts.StatusText(context.Background(), s), "Nyní zavřeno, otevírá 11. ledna 2027 v 8:00"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	never := contacts.OfficeHours{Exceptions: []contactfiles.Exception{{Day: geo.Date(2026, 11, 23)}}}
	if got := contacts.StatusText(context.Background(), never.StatusAt(inPrague(2026, 11, 23, 9, 0))); got != "Nyní zavřeno" {
		t.Errorf("an office that does not open within the horizon: %q", got)
	}
}

func TestWhyADayDiffersIsKnown(t *testing.T) {
	today := demoHours.StatusAt(inPrague(2026, 10, 28, 10, 0)).Today
	if !today.Special || today.Why != "Den vzniku samostatného československého státu" || today.Hours != nil {
		t.Errorf("28 October: %+v", today)
	}
	saturday := demoHours.On(geo.Date(2026, 12, 26)) // a holiday on a day the office is closed anyway
	if saturday.Special {
		t.Errorf("a holiday on a Saturday changes nothing: %+v", saturday)
	}
	var days []string
	for _, d := range demoHours.SpecialDays(geo.Date(2026, 12, 20), 14) {
		days = append(days, d.Date.Format("01-02")+" "+d.Why)
	}
	want := []string{"12-23 zkrácené úřední hodiny", "12-24 Štědrý den", "12-25 1. svátek vánoční", "12-31 úřad je uzavřen", "01-01 Den obnovy samostatného českého státu"}
	if len(days) != len(want) {
		t.Fatalf("special days: %q, want %q", days, want)
	}
	for i := range want {
		if days[i] != want[i] {
			t.Errorf("special days: %q, want %q", days, want)
		}
	}
}

func TestTheFooterLineShowsNothingWithoutHours(t *testing.T) {
	var b bytes.Buffer
	if err := contacts.OfficeStatusLine(contacts.OfficeHours{}.StatusAt(time.Now())).Render(context.Background(), &b); err != nil || b.Len() != 0 {
		t.Errorf("rendered %q (%v)", b.String(), err)
	}
	if err := contacts.OfficeStatusLine(demoHours.StatusAt(inPrague(2026, 11, 23, 9, 0))).Render(context.Background(), &b); err != nil ||
		b.String() != `<p class="office-status office-open">Nyní otevřeno, zavírá v 11:30</p>` {
		t.Errorf("rendered %q (%v)", b.String(), err)
	}
}
