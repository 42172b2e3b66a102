package lookup

import (
	"context"
	"testing"
	"time"

	"github.com/radnice/radnice/geo"
)

func TestSummaryTellsTheComingRoundOfTheElection(t *testing.T) {
	e := &geo.Election{Days: []geo.PollingDay{
		{Round: 1, Date: geo.Date(2028, time.January, 14), Opens: "14:00", Closes: "22:00"},
		{Round: 1, Date: geo.Date(2028, time.January, 15), Opens: "08:00", Closes: "14:00"},
		{Round: 2, Date: geo.Date(2028, time.January, 28), Opens: "14:00", Closes: "22:00"},
		{Round: 2, Date: geo.Date(2028, time.January, 29), Opens: "08:00", Closes: "14:00"},
	}}
	ctx := context.Background()
	for _, c := range []struct {
		today time.Time
		want  string
	}{
		{geo.Date(2027, time.December, 1), "pátek 14. ledna 2028 14:00–22:00, sobota 15. ledna 2028 08:00–14:00"},
		{geo.Date(2028, time.January, 15), "sobota 15. ledna 2028 08:00–14:00"},
		{geo.Date(2028, time.January, 20), "2. kolo: pátek 28. ledna 2028 14:00–22:00, sobota 29. ledna 2028 08:00–14:00"},
	} {
		if got := comingRound(ctx, e, c.today); got != c.want {
			t.Errorf("on %s: %q, want %q", c.today.Format(time.DateOnly), got, c.want)
		}
	}
}
