package lookup

import (
	"context"
	"time"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/i18n"
)

// czechWeekdays are the Czech names of the days, indexed by time.Weekday.
var czechWeekdays = [...]string{"neděle", "pondělí", "úterý", "středa", "čtvrtek", "pátek", "sobota"}

// longDate writes a civil date with its weekday as the language of ctx does:
// "pátek 8. října 2027", "Friday 8 October 2027".
func longDate(ctx context.Context, d time.Time) string {
	weekday := czechWeekdays[d.Weekday()]
	if i18n.FromContext(ctx) == i18n.English {
		weekday = d.Weekday().String()
	}
	return weekday + " " + i18n.Date(ctx, d)
}

// pollingHours writes a polling day's opening hours with an en dash: "14:00–22:00".
func pollingHours(d geo.PollingDay) string {
	return d.Opens + "–" + d.Closes
}
