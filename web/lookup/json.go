package lookup

import (
	"time"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/addresses"
)

// lookupJSON is the answer of GET /api/v1/lookup: everything known for one address on one day.
// Every key is always present; what is not known is null (or an empty list).
type lookupJSON struct {
	Address        addresses.Item `json:"address"`
	DistanceMetres *float64       `json:"distance_m,omitempty"` // only when asked by lat and lon
	Date           string         `json:"date"`
	Polling        pollingJSON    `json:"polling"`
	Waste          wasteJSON      `json:"waste"`
	Schools        schoolsJSON    `json:"schools"`
}

// candidatesJSON is the answer of a search that does not settle on one address.
type candidatesJSON struct {
	Candidates []addresses.Item `json:"candidates"`
}

// coverageJSON says whether the answer is known; reason and message are null when it is.
type coverageJSON struct {
	Covered bool    `json:"covered"`
	Reason  *string `json:"reason"`
	Message *string `json:"message"`
}

type pollingJSON struct {
	coverageJSON
	District *districtJSON `json:"district"`
	Election *electionJSON `json:"election"`
	Station  *stationJSON  `json:"station"`
}

type districtJSON struct {
	Code   string `json:"code"`
	Number int    `json:"number"`
	Name   string `json:"name"`
}

type electionJSON struct {
	ID    string    `json:"id"`
	Kind  string    `json:"kind"`
	Title string    `json:"title"`
	Days  []dayJSON `json:"days"`
}

type dayJSON struct {
	Round  int    `json:"round"`
	Date   string `json:"date"`
	Opens  string `json:"opens"`
	Closes string `json:"closes"`
}

type stationJSON struct {
	Name    string          `json:"name"`
	Note    *string         `json:"note"`
	Address *addresses.Item `json:"address"`
	Lat     *float64        `json:"lat"`
	Lon     *float64        `json:"lon"`
}

type wasteJSON struct {
	coverageJSON
	Zone        *areaJSON        `json:"zone"`
	Collections []collectionJSON `json:"collections"`
}

type areaJSON struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type collectionJSON struct {
	WasteType string   `json:"waste_type"`
	Dates     []string `json:"dates"`
}

type schoolsJSON struct {
	ZS schoolAnswerJSON `json:"zs"`
	MS schoolAnswerJSON `json:"ms"`
}

type schoolAnswerJSON struct {
	coverageJSON
	Schools []schoolJSON `json:"schools"`
}

type schoolJSON struct {
	Name    string          `json:"name"`
	Web     *string         `json:"web"`
	Area    areaJSON        `json:"area"`
	Address *addresses.Item `json:"address"`
}

// newLookupJSON converts a domain lookup for the API.
func newLookupJSON(l geo.Lookup) lookupJSON {
	return lookupJSON{
		Address: addresses.NewItem(l.Address),
		Date:    isoDate(l.Date),
		Polling: newPollingJSON(l.Polling),
		Waste:   newWasteJSON(l.Waste),
		Schools: schoolsJSON{ZS: newSchoolAnswerJSON(l.PrimarySchools), MS: newSchoolAnswerJSON(l.Kindergartens)},
	}
}

func newCoverageJSON(c geo.Coverage) coverageJSON {
	return coverageJSON{Covered: c.Covered, Reason: optional(c.Reason), Message: optional(c.Message)}
}

func newPollingJSON(p geo.PollingAnswer) pollingJSON {
	out := pollingJSON{coverageJSON: newCoverageJSON(p.Coverage)}
	if p.District != nil {
		out.District = &districtJSON{Code: p.District.Code, Number: p.District.Number, Name: p.District.Name}
	}
	if e := p.Election; e != nil {
		out.Election = &electionJSON{ID: e.ID, Kind: e.Kind, Title: e.Title, Days: make([]dayJSON, len(e.Days))}
		for i, d := range e.Days {
			out.Election.Days[i] = dayJSON{Round: d.Round, Date: isoDate(d.Date), Opens: d.Opens, Closes: d.Closes}
		}
	}
	if s := p.Station; s != nil {
		out.Station = &stationJSON{Name: s.Name, Note: optional(s.Note)}
		if s.Address.ID != 0 {
			item := addresses.NewItem(s.Address)
			out.Station.Address = &item
			out.Station.Lat, out.Station.Lon = item.Lat, item.Lon
		}
	}
	return out
}

func newWasteJSON(w geo.WasteAnswer) wasteJSON {
	out := wasteJSON{coverageJSON: newCoverageJSON(w.Coverage), Collections: make([]collectionJSON, len(w.Collections))}
	if w.Zone != nil {
		out.Zone = &areaJSON{Code: w.Zone.Code, Name: w.Zone.Name}
	}
	for i, c := range w.Collections {
		out.Collections[i] = collectionJSON{WasteType: c.WasteType, Dates: make([]string, len(c.Dates))}
		for j, d := range c.Dates {
			out.Collections[i].Dates[j] = isoDate(d)
		}
	}
	return out
}

func newSchoolAnswerJSON(s geo.SchoolAnswer) schoolAnswerJSON {
	out := schoolAnswerJSON{coverageJSON: newCoverageJSON(s.Coverage), Schools: make([]schoolJSON, len(s.Schools))}
	for i, cs := range s.Schools {
		out.Schools[i] = schoolJSON{
			Name: cs.School.Name,
			Web:  optional(cs.School.Web),
			Area: areaJSON{Code: cs.Area.Code, Name: cs.Area.Name},
		}
		if cs.Address != nil {
			item := addresses.NewItem(*cs.Address)
			out.Schools[i].Address = &item
		}
	}
	return out
}

// optional is nil for the empty string, so that JSON says null rather than "".
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// isoDate writes a civil date as 2027-10-08.
func isoDate(t time.Time) string { return t.Format(time.DateOnly) }
