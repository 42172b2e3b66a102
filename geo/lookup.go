package geo

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// WasteHorizon is how far ahead a lookup lists collection dates.
const WasteHorizon = 9 * 7 * 24 * time.Hour

// Coverage says whether the portal knows an answer for the address, and if not, why.
// A wrong answer is worse than none: an address the data does not settle is not covered.
type Coverage struct {
	Covered bool
	Reason  string // when not covered: no_area, ambiguous, no_election, no_station, no_schedule
	Message string // the reason for people, in Czech
}

func notCovered(reason, message string) Coverage {
	return Coverage{Reason: reason, Message: message}
}

// AreaRef names the area an address falls into.
type AreaRef struct {
	ID     int
	Layer  Layer
	Code   string
	Name   string
	Number int // polling district number
}

// PollingAnswer tells where the address votes in the next election.
type PollingAnswer struct {
	Coverage
	District *AreaRef
	Election *Election
	Station  *StationAnswer
}

// StationAnswer is a polling room with its building.
type StationAnswer struct {
	Name    string
	Note    string
	Address Address
}

// WasteCollection is the coming collection dates of one waste type.
type WasteCollection struct {
	WasteType string
	Dates     []time.Time
}

// WasteAnswer tells when the address's bins are collected.
type WasteAnswer struct {
	Coverage
	Zone        *AreaRef
	Collections []WasteCollection
}

// CatchmentSchool is a school whose catchment area holds the address.
type CatchmentSchool struct {
	Area    AreaRef
	School  School
	Address *Address // the school's building, when known
}

// SchoolAnswer lists the catchment schools of one kind (several where catchments overlap).
type SchoolAnswer struct {
	Coverage
	Schools []CatchmentSchool
}

// Lookup is everything the portal can tell about one address on one day.
type Lookup struct {
	Address        Address
	Date           time.Time
	Polling        PollingAnswer
	Waste          WasteAnswer
	PrimarySchools SchoolAnswer
	Kindergartens  SchoolAnswer
}

// Lookup answers for the address point id on date (a civil date): its polling district and
// station for the next election, the coming waste collections, and its catchment schools.
// It reads the precomputed assignments in five queries: the address, its areas, the election
// with the district's room, the zone's schedules, and the buildings of the facilities.
func (s *Store) Lookup(ctx context.Context, id int64, date time.Time) (Lookup, error) {
	a, err := s.Address(ctx, id)
	if err != nil {
		return Lookup{}, err
	}
	l := Lookup{Address: a, Date: date}
	areas, err := s.areasOf(ctx, id, date)
	if err != nil {
		return Lookup{}, err
	}
	var stationAddress *int64
	if l.Polling, stationAddress, err = s.pollingAnswer(ctx, a, areas[PollingDistricts], date); err != nil {
		return Lookup{}, err
	}
	if l.Waste, err = s.wasteAnswer(ctx, areas[WasteZones], date, date.Add(WasteHorizon)); err != nil {
		return Lookup{}, err
	}
	l.PrimarySchools = schoolAnswer(areas[PrimarySchools], "základní")
	l.Kindergartens = schoolAnswer(areas[Kindergartens], "mateřské")
	return l, s.resolveFacilities(ctx, &l, stationAddress)
}

// resolveFacilities fills in the buildings of the polling room and the schools, read together.
func (s *Store) resolveFacilities(ctx context.Context, l *Lookup, stationAddress *int64) error {
	var ids []int64
	if stationAddress != nil {
		ids = append(ids, *stationAddress)
	}
	schools := [][]CatchmentSchool{l.PrimarySchools.Schools, l.Kindergartens.Schools}
	for _, list := range schools {
		for _, cs := range list {
			if cs.School.AddressCode != 0 {
				ids = append(ids, cs.School.AddressCode)
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	found, err := s.addresses(ctx, ids)
	if err != nil {
		return err
	}
	if stationAddress != nil {
		l.Polling.Station.Address = found[*stationAddress]
	}
	for _, list := range schools {
		for i := range list {
			if a, ok := found[list[i].School.AddressCode]; ok {
				list[i].Address = &a
			}
		}
	}
	return nil
}

// areaRow is an assigned area with its school, if any.
type areaRow struct {
	AreaRef
	School *School
}

func (s *Store) areasOf(ctx context.Context, id int64, date time.Time) (map[Layer][]areaRow, error) {
	rows, err := s.db.Query(ctx, `SELECT ar.id, ar.layer, ar.code, ar.name, coalesce(ar.number, 0),
			sc.id, sc.kind, sc.name, sc.address_code, coalesce(sc.web, ''), coalesce(sc.izo, '')
		FROM address_areas aa JOIN areas ar ON ar.id = aa.area_id
		LEFT JOIN schools sc ON sc.id = ar.school_id
		WHERE aa.address_code = $1 AND ar.valid_from <= $2 AND (ar.valid_to IS NULL OR ar.valid_to > $2)
		ORDER BY ar.layer, ar.code`, id, date)
	if err != nil {
		return nil, fmt.Errorf("areas of %d: %w", id, err)
	}
	found, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (areaRow, error) {
		var ar areaRow
		var layer string
		var schoolID *int
		var kind, name *string
		var addressCode *int64
		var web, izo string
		err := r.Scan(&ar.ID, &layer, &ar.Code, &ar.Name, &ar.Number, &schoolID, &kind, &name, &addressCode, &web, &izo)
		ar.Layer = Layer(layer)
		if schoolID != nil {
			ar.School = &School{ID: *schoolID, Kind: Layer(*kind), Name: *name, Web: web, IZO: izo}
			if addressCode != nil {
				ar.School.AddressCode = *addressCode
			}
		}
		return ar, err
	})
	if err != nil {
		return nil, fmt.Errorf("areas of %d: %w", id, err)
	}
	out := map[Layer][]areaRow{}
	for _, ar := range found {
		out[ar.Layer] = append(out[ar.Layer], ar)
	}
	return out, nil
}

// exclusiveArea is the one area of an exclusive layer, or why there is not exactly one; the
// messages are whole Czech sentences, as the cases of "okrsek" and "oblast" differ.
func exclusiveArea(areas []areaRow, none, several string) (*AreaRef, Coverage) {
	switch len(areas) {
	case 0:
		return nil, notCovered("no_area", none)
	case 1:
		return &areas[0].AreaRef, Coverage{Covered: true}
	default:
		return nil, notCovered("ambiguous", several)
	}
}

// pollingAnswer tells the district, the next election and the district's room; the room's
// building is returned as its address code, for resolveFacilities.
func (s *Store) pollingAnswer(ctx context.Context, a Address, areas []areaRow, date time.Time) (PollingAnswer, *int64, error) {
	var ans PollingAnswer
	ans.District, ans.Coverage = exclusiveArea(areas, "Adresa neleží v žádném volebním okrsku.",
		"Adresa leží ve více než jednom volebním okrsku; úřad data prověřuje.")
	if !ans.Covered {
		return ans, nil, nil
	}
	var e Election
	var rounds []int
	var days []time.Time
	var opens, closes []string
	var station *string
	var st StationAnswer
	var stationAddress *int64
	err := s.db.QueryRow(ctx, `WITH next AS (
			SELECT e.id FROM elections e JOIN election_days d ON d.election_id = e.id
			GROUP BY e.id HAVING max(d.day) >= $1 ORDER BY min(d.day), e.id LIMIT 1)
		SELECT e.id, e.kind, e.title,
			array_agg(d.round ORDER BY d.day), array_agg(d.day ORDER BY d.day),
			array_agg(to_char(d.opens, 'HH24:MI') ORDER BY d.day), array_agg(to_char(d.closes, 'HH24:MI') ORDER BY d.day),
			ps.name, coalesce(ps.note, ''), ps.address_code
		FROM next JOIN elections e ON e.id = next.id JOIN election_days d ON d.election_id = e.id
		LEFT JOIN polling_stations ps ON ps.election_id = e.id AND ps.municipality_code = $2 AND ps.district_number = $3
		GROUP BY e.id, ps.id`,
		date, a.Municipality.Code, ans.District.Number).
		Scan(&e.ID, &e.Kind, &e.Title, &rounds, &days, &opens, &closes, &station, &st.Note, &stationAddress)
	if err == pgx.ErrNoRows {
		ans.Coverage = notCovered("no_election", "Žádné volby nejsou vyhlášeny.")
		return ans, nil, nil
	}
	if err != nil {
		return ans, nil, fmt.Errorf("next election and polling room: %w", err)
	}
	for i := range days {
		e.Days = append(e.Days, PollingDay{Round: rounds[i], Date: days[i], Opens: opens[i], Closes: closes[i]})
	}
	ans.Election = &e
	if station == nil {
		ans.Coverage = notCovered("no_station", fmt.Sprintf("Volební místnost okrsku č. %d pro tyto volby zatím není zveřejněna.", ans.District.Number))
		return ans, nil, nil
	}
	st.Name = *station
	ans.Station = &st
	return ans, stationAddress, nil
}

// WasteCollections answers when the address point id's bins are collected from from to to
// (civil dates, inclusive), by the waste zone it lies in on from: the calendar feed's year.
func (s *Store) WasteCollections(ctx context.Context, id int64, from, to time.Time) (WasteAnswer, error) {
	if _, err := s.Address(ctx, id); err != nil {
		return WasteAnswer{}, err
	}
	areas, err := s.areasOf(ctx, id, from)
	if err != nil {
		return WasteAnswer{}, err
	}
	return s.wasteAnswer(ctx, areas[WasteZones], from, to)
}

func (s *Store) wasteAnswer(ctx context.Context, areas []areaRow, from, to time.Time) (WasteAnswer, error) {
	var ans WasteAnswer
	ans.Zone, ans.Coverage = exclusiveArea(areas, "Adresa neleží v žádné svozové oblasti.",
		"Adresa leží ve více než jedné svozové oblasti; úřad data prověřuje.")
	if !ans.Covered {
		return ans, nil
	}
	schedules, err := wasteSchedules(ctx, s.db, ans.Zone.Code)
	if err != nil {
		return ans, err
	}
	byType := map[string]int{}
	for _, ws := range schedules {
		i, seen := byType[ws.WasteType]
		if !seen {
			i = len(ans.Collections)
			byType[ws.WasteType] = i
			ans.Collections = append(ans.Collections, WasteCollection{WasteType: ws.WasteType})
		}
		ans.Collections[i].Dates = mergeDates(ans.Collections[i].Dates, ws.Dates(from, to))
	}
	if len(ans.Collections) == 0 {
		ans.Coverage = notCovered("no_schedule", "Pro svozovou oblast "+ans.Zone.Name+" není harmonogram svozu.")
	}
	return ans, nil
}

// mergeDates joins two ascending date lists into one without repeats: a zone may collect a
// type by several rules (twice a week, summer and winter).
func mergeDates(a, b []time.Time) []time.Time {
	out := make([]time.Time, 0, len(a)+len(b))
	for len(a) > 0 || len(b) > 0 {
		var next time.Time
		switch {
		case len(b) == 0 || (len(a) > 0 && a[0].Before(b[0])):
			next, a = a[0], a[1:]
		default:
			next, b = b[0], b[1:]
		}
		if len(out) == 0 || !out[len(out)-1].Equal(next) {
			out = append(out, next)
		}
	}
	return out
}

// schoolAnswer lists the catchment schools of the areas; their buildings come from
// resolveFacilities.
func schoolAnswer(areas []areaRow, kind string) SchoolAnswer {
	if len(areas) == 0 {
		return SchoolAnswer{Coverage: notCovered("no_area", "Adresa neleží ve spádovém obvodu žádné "+kind+" školy.")}
	}
	ans := SchoolAnswer{Coverage: Coverage{Covered: true}}
	for _, ar := range areas {
		cs := CatchmentSchool{Area: ar.AreaRef}
		if ar.School != nil {
			cs.School = *ar.School
		}
		ans.Schools = append(ans.Schools, cs)
	}
	return ans
}
