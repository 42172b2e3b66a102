// Package addresses is the address feature of the portal: the address search API, the
// nearest-address API and the "Najít adresu" pages.
package addresses

import (
	"encoding/json"
	"net/http"

	"github.com/radnice/radnice/geo"
)

// Item is an address point as the JSON API returns it.
type Item struct {
	ID                int64       `json:"id"`
	Label             string      `json:"label"`
	Number            string      `json:"number"`
	Municipality      geo.Ref     `json:"municipality"`
	Part              geo.Ref     `json:"part"`
	CityDistrict      *geo.Ref    `json:"city_district"`
	PragueDistrict    *geo.Ref    `json:"prague_district"`
	Street            *geo.Ref    `json:"street"`
	BuildingType      string      `json:"building_type"`
	HouseNumber       int         `json:"house_number"`
	OrientationNumber *int        `json:"orientation_number"`
	OrientationLetter *string     `json:"orientation_letter"`
	Postcode          string      `json:"postcode"`
	Lat               *float64    `json:"lat"`
	Lon               *float64    `json:"lon"`
	SJTSK             *SJTSKPoint `json:"sjtsk"`
	ValidFrom         *string     `json:"valid_from"`
	Retired           bool        `json:"retired"`
}

// SJTSKPoint is the address point in EPSG:5514 (negative east and north, metres).
type SJTSKPoint struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// NewItem converts a domain address for the API.
func NewItem(a geo.Address) Item {
	it := Item{
		ID:             a.ID,
		Label:          a.Label(),
		Number:         a.Number(),
		Municipality:   a.Municipality,
		Part:           a.Part,
		CityDistrict:   a.CityDistrict,
		PragueDistrict: a.PragueDistrict,
		Street:         a.Street,
		BuildingType:   string(a.BuildingType),
		HouseNumber:    a.HouseNumber,
		Postcode:       a.Postcode,
		Retired:        a.Retired,
	}
	if a.OrientationNumber > 0 {
		it.OrientationNumber = &a.OrientationNumber
	}
	if a.OrientationLetter != "" {
		it.OrientationLetter = &a.OrientationLetter
	}
	if a.Point != nil {
		it.Lat, it.Lon = &a.Point.Lat, &a.Point.Lon
		it.SJTSK = &SJTSKPoint{X: a.Point.X, Y: a.Point.Y}
	}
	if !a.ValidFrom.IsZero() {
		d := a.ValidFrom.Format("2006-01-02")
		it.ValidFrom = &d
	}
	return it
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v) //nolint:errchkjson // the client may have gone; nothing to do
}
