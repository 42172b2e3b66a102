package geo_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/radnice/radnice/geo"
)

// may3 is the lookups' day: Monday 3 May 2027, with bio waste in season.
var may3 = geo.Date(2027, time.May, 3)

// collections writes a waste answer's dates as "směsný: 4.5. 11.5.; plast: ...".
func collections(a geo.WasteAnswer) map[string]string {
	out := map[string]string{}
	for _, c := range a.Collections {
		var ds []string
		for _, d := range c.Dates {
			ds = append(ds, fmt.Sprintf("%d.%d.", d.Day(), int(d.Month())))
		}
		out[c.WasteType] = strings.Join(ds, " ")
	}
	return out
}

func TestLookupAnswersEveryQuestionForTheDemoFixtures(t *testing.T) {
	store, _ := demoStore(t)
	cases := []struct {
		name          string
		id            int64
		district      int
		room          string
		zone          string
		zs, ms        string
		zsSchool      string
		kindergartens int
	}{
		{"Štefánikova 1163/12", stefanikova1163_12, 4, "Základní škola Lidická – učebna 12", "B", "ZS-3", "MS-1 MS-3", "Základní škola Kopřivnice, Lidická", 2},
		{"Štefánikova 1170/12a", stefanikova1170_12a, 4, "Základní škola Lidická – učebna 12", "B", "ZS-3", "MS-1 MS-3", "Základní škola Kopřivnice, Lidická", 2},
		{"Lubina 25", lubina25, 7, "Mateřská škola Lubina – herna", "C", "ZS-3", "MS-4", "Základní škola Kopřivnice, Lidická", 1},
		{"Záhumenní č. ev. 45", zahumenniEv45, 1, "Základní škola Komenského – jídelna", "A", "ZS-1", "MS-1", "Základní škola Kopřivnice, Komenského", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := lookup(t, store, c.id, may3)
			if l.Address.ID != c.id || !l.Date.Equal(may3) {
				t.Errorf("lookup of %d on %s answers for %d on %s", c.id, may3, l.Address.ID, l.Date)
			}

			p := l.Polling
			switch {
			case !p.Covered:
				t.Errorf("polling not covered: %+v", p.Coverage)
			case p.District.Number != c.district || p.District.Name != fmt.Sprintf("Okrsek č. %d", c.district):
				t.Errorf("district %+v, want Okrsek č. %d", p.District, c.district)
			case p.Station.Name != c.room || p.Station.Address.ID == 0 || p.Station.Address.Point == nil:
				t.Errorf("room %+v, want %q in a located building", p.Station, c.room)
			case p.Election.ID != "prezident-2028" || len(p.Election.Days) != 4:
				t.Errorf("election %+v, want prezident-2028 with four polling days", p.Election)
			}
			if p.Election != nil && len(p.Election.Days) == 4 {
				first, second := p.Election.Days[0], p.Election.Days[2]
				if !first.Date.Equal(geo.Date(2028, time.January, 14)) || first.Opens != "14:00" || first.Closes != "22:00" || first.Round != 1 ||
					!second.Date.Equal(geo.Date(2028, time.January, 28)) || second.Round != 2 {
					t.Errorf("polling days %+v, want Friday 14 January 2028 14:00–22:00 first and the second round from 28 January", p.Election.Days)
				}
			}

			w := l.Waste
			if !w.Covered || w.Zone.Code != c.zone {
				t.Errorf("waste %+v zone %+v, want zone %s", w.Coverage, w.Zone, c.zone)
			}
			got := collections(w)
			for _, waste := range []string{"směsný", "plast", "papír", "sklo", "bio"} {
				if got[waste] == "" {
					t.Errorf("no %s collections in zone %s over nine weeks: %v", waste, c.zone, got)
				}
			}

			if got := catchments(l.PrimarySchools); !l.PrimarySchools.Covered || got != c.zs {
				t.Errorf("primary schools %q (%+v), want %s", got, l.PrimarySchools.Coverage, c.zs)
			} else if s := l.PrimarySchools.Schools[0]; s.School.Name != c.zsSchool || s.Address == nil || s.School.Web == "" {
				t.Errorf("primary school %+v, want %s with its building and web", s, c.zsSchool)
			}
			if got := catchments(l.Kindergartens); !l.Kindergartens.Covered || got != c.ms || len(l.Kindergartens.Schools) != c.kindergartens {
				t.Errorf("kindergartens %q (%+v), want %s", got, l.Kindergartens.Coverage, c.ms)
			}
			for _, s := range l.Kindergartens.Schools {
				if s.School.Kind != geo.Kindergartens || s.Address == nil {
					t.Errorf("kindergarten %+v, want a mateřská škola with its building", s.School)
				}
			}
		})
	}
}

func TestLookupListsNineWeeksOfEveryWasteType(t *testing.T) {
	store, _ := demoStore(t)
	// Zone B from Monday 3 May 2027: mixed waste on Tuesdays, plastics on Thursdays (weekly in
	// 2027), paper on Fridays of even ISO weeks, glass every fourth Tuesday, bio on Wednesdays.
	want := map[string]string{
		"směsný": "4.5. 11.5. 18.5. 25.5. 1.6. 8.6. 15.6. 22.6. 29.6.",
		"plast":  "6.5. 13.5. 20.5. 27.5. 3.6. 10.6. 17.6. 24.6. 1.7.",
		"papír":  "7.5. 21.5. 4.6. 18.6. 2.7.",
		"sklo":   "11.5. 8.6.",
		"bio":    "5.5. 12.5. 19.5. 26.5. 2.6. 9.6. 16.6. 23.6. 30.6.",
	}
	got := collections(lookup(t, store, stefanikova1163_12, may3).Waste)
	for waste, dates := range want {
		if got[waste] != dates {
			t.Errorf("%s\n got %s\nwant %s", waste, got[waste], dates)
		}
	}
	if len(got) != len(want) {
		t.Errorf("waste types %v, want %d", got, len(want))
	}
}

func TestLookupMovesACollectionOffAHoliday(t *testing.T) {
	store, _ := demoStore(t)
	// Zone A collects mixed waste on Mondays and Thursdays; Easter Monday is 29 March 2027.
	got := collections(lookup(t, store, zahumenniEv45, geo.Date(2027, time.March, 22)).Waste)["směsný"]
	if !strings.HasPrefix(got, "22.3. 25.3. 30.3. 1.4. 5.4.") {
		t.Errorf("zone A mixed waste from 22 March 2027: %s; want Easter Monday's collection on Tuesday 30 March", got)
	}
}

func TestAnAddressOutsideEveryAreaIsNotCoveredNeverGuessed(t *testing.T) {
	store, pool := demoStore(t)
	ctx := context.Background()
	// Lubina 25 is surveyed again and lands in a field 10 km away, beyond every area.
	if _, err := pool.Exec(ctx, `UPDATE address_points SET point_sjtsk = ST_Translate(point_sjtsk, 10000, 0) WHERE code = $1`, lubina25); err != nil {
		t.Fatal(err)
	}
	if err := store.RefreshAssignments(ctx); err != nil {
		t.Fatal(err)
	}
	l := lookup(t, store, lubina25, may3)
	answers := []struct {
		name     string
		coverage geo.Coverage
		empty    bool
	}{
		{"polling", l.Polling.Coverage, l.Polling.District == nil && l.Polling.Station == nil && l.Polling.Election == nil},
		{"waste", l.Waste.Coverage, l.Waste.Zone == nil && l.Waste.Collections == nil},
		{"primary schools", l.PrimarySchools.Coverage, l.PrimarySchools.Schools == nil},
		{"kindergartens", l.Kindergartens.Coverage, l.Kindergartens.Schools == nil},
	}
	for _, a := range answers {
		if a.coverage.Covered || a.coverage.Reason != "no_area" || a.coverage.Message == "" || !a.empty {
			t.Errorf("%s: %+v (empty answer %v), want not covered for no_area with a message, and no answer", a.name, a.coverage, a.empty)
		}
	}
}

func TestAnAddressInTwoPollingDistrictsIsAmbiguousNeverGuessed(t *testing.T) {
	store, _ := demoStore(t)
	x, y := pointOf(t, store, stefanikova1163_12)
	importAreas(t, store, geo.AreaImport{Layer: geo.PollingDistricts, Areas: []geo.AreaInput{
		{Where: "feature 1", Code: "599565-1", Name: "Okrsek č. 1", Number: 1, MunicipalityCode: 599565, Boundary: square(x-50, y, 200)},
		{Where: "feature 2", Code: "599565-2", Name: "Okrsek č. 2", Number: 2, MunicipalityCode: 599565, Boundary: square(x+50, y, 200)},
	}})
	p := lookup(t, store, stefanikova1163_12, may3).Polling
	if p.Covered || p.Reason != "ambiguous" || p.District != nil || p.Station != nil {
		t.Errorf("polling %+v, district %+v, room %+v; want not covered as ambiguous, with no district or room", p.Coverage, p.District, p.Station)
	}
}

func TestPollingIsNotCoveredOnceTheElectionIsOver(t *testing.T) {
	store, _ := demoStore(t)
	if p := lookup(t, store, stefanikova1163_12, geo.Date(2028, time.January, 29)).Polling; !p.Covered || p.Election.ID != "prezident-2028" {
		t.Errorf("on the last polling day: %+v, want the election still answered", p.Coverage)
	}
	p := lookup(t, store, stefanikova1163_12, geo.Date(2028, time.January, 30)).Polling
	if p.Covered || p.Reason != "no_election" || p.District == nil || p.District.Number != 4 {
		t.Errorf("the day after: %+v district %+v, want not covered for no_election, the district still named", p.Coverage, p.District)
	}
}
