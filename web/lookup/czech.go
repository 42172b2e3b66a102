package lookup

import (
	"strconv"
	"time"

	"github.com/radnice/radnice/geo"
)

// weekdayNames are the Czech names of the days, indexed by time.Weekday.
var weekdayNames = [...]string{"neděle", "pondělí", "úterý", "středa", "čtvrtek", "pátek", "sobota"}

// monthGenitives are the Czech month names as a date uses them ("8. října"), indexed by
// time.Month.
var monthGenitives = [...]string{"", "ledna", "února", "března", "dubna", "května", "června",
	"července", "srpna", "září", "října", "listopadu", "prosince"}

// longDate writes a civil date the Czech way, with its weekday: "pátek 8. října 2027".
func longDate(d time.Time) string {
	return weekdayNames[d.Weekday()] + " " + strconv.Itoa(d.Day()) + ". " + monthGenitives[d.Month()] + " " + strconv.Itoa(d.Year())
}

// pollingHours writes a polling day's opening hours with an en dash: "14:00–22:00".
func pollingHours(d geo.PollingDay) string {
	return d.Opens + "–" + d.Closes
}
