package lookup

import (
	"context"
	"testing"
	"time"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/i18n"
)

func TestLongDateWritesWeekdayDayGenitiveMonthAndYear(t *testing.T) {
	cases := []struct {
		date time.Time
		want string
	}{
		{geo.Date(2027, time.October, 8), "pátek 8. října 2027"},
		{geo.Date(2027, time.October, 9), "sobota 9. října 2027"},
		{geo.Date(2026, time.January, 1), "čtvrtek 1. ledna 2026"},
		{geo.Date(2027, time.September, 28), "úterý 28. září 2027"},
		{geo.Date(2028, time.February, 29), "úterý 29. února 2028"},
		{geo.Date(2027, time.December, 26), "neděle 26. prosince 2027"},
		{geo.Date(2027, time.July, 5), "pondělí 5. července 2027"},
		{geo.Date(2027, time.June, 2), "středa 2. června 2027"},
	}
	for _, c := range cases {
		if got := longDate(context.Background(), c.date); got != c.want {
			t.Errorf("longDate(%s) = %q, want %q", c.date.Format(time.DateOnly), got, c.want)
		}
	}
}

func TestLongDateInEnglishWritesWeekdayDayMonthAndYear(t *testing.T) {
	en := i18n.WithLang(context.Background(), i18n.English)
	for date, want := range map[time.Time]string{
		geo.Date(2027, time.October, 8):    "Friday 8 October 2027",
		geo.Date(2027, time.September, 21): "Tuesday 21 September 2027",
		geo.Date(2028, time.February, 29):  "Tuesday 29 February 2028",
	} {
		if got := longDate(en, date); got != want {
			t.Errorf("longDate(%s) = %q, want %q", date.Format(time.DateOnly), got, want)
		}
	}
}

func TestPollingHoursAreJoinedByAnEnDash(t *testing.T) {
	if got := pollingHours(geo.PollingDay{Opens: "14:00", Closes: "22:00"}); got != "14:00–22:00" {
		t.Errorf("pollingHours = %q", got)
	}
}
