package lookup

import (
	"context"
	"testing"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/i18n"
)

func TestCoverageMessagesNameTheirAreaAndFallBackToTheAPIsCzech(t *testing.T) {
	cs := context.Background()
	en := i18n.WithLang(cs, i18n.English)
	zone := &geo.AreaRef{Name: "Oblast A, sever"}
	for _, c := range []struct {
		got, want string
	}{
		{coverageMessage(cs, geo.WasteZones, geo.Coverage{Reason: "no_schedule"}, zone), "Pro svozovou oblast Oblast A, sever není harmonogram svozu."},
		{coverageMessage(en, geo.WasteZones, geo.Coverage{Reason: "no_schedule"}, zone), "There is no collection schedule for the waste zone Oblast A, sever."},
		{coverageMessage(en, geo.PollingDistricts, geo.Coverage{Reason: "no_station"}, &geo.AreaRef{Number: 3}), "The polling station of district no. 3 has not been published for this election yet."},
		{coverageMessage(en, geo.PollingDistricts, geo.Coverage{Reason: "no_election"}, nil), "No election has been called."},
		{coverageMessage(en, geo.Kindergartens, geo.Coverage{Reason: "no_area"}, nil), "The address does not lie in the catchment area of any kindergarten."},
		// A reason geo gained before the catalogue learnt it: the API's Czech message, not a key.
		{coverageMessage(en, geo.WasteZones, geo.Coverage{Reason: "paused", Message: "Svoz je přerušen."}, zone), "Svoz je přerušen."},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
