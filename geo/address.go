// Package geo is the location engine: the RÚIAN address register, address search and the
// PostGIS stores behind them. It knows nothing of HTTP.
package geo

import (
	"strconv"
	"strings"
	"time"
)

// BuildingType says whether a building carries a číslo popisné or a číslo evidenční.
type BuildingType string

// Building types as stored; RÚIAN writes them "č.p." and "č.ev.".
const (
	Descriptive BuildingType = "cp"  // číslo popisné: permanent buildings
	Registry    BuildingType = "cev" // číslo evidenční: cottages, garages, temporary buildings
)

// Ref names a register object by its RÚIAN code.
type Ref struct {
	Code int    `json:"code"`
	Name string `json:"name"`
}

// Coordinates holds an address point in both reference systems; RÚIAN's own is S-JTSK.
type Coordinates struct {
	Lat, Lon float64 // WGS84 (EPSG:4326), derived by PostGIS
	X, Y     float64 // S-JTSK / Křovák East North (EPSG:5514), negative values
}

// Address is one RÚIAN address point (adresní místo).
type Address struct {
	ID                int64 // kód ADM
	Municipality      Ref
	Part              Ref  // část obce
	CityDistrict      *Ref // MOMC, in statutory cities
	PragueDistrict    *Ref // obvod Prahy / MOP: "Praha 3"
	Street            *Ref // nil in parts without streets
	BuildingType      BuildingType
	HouseNumber       int
	OrientationNumber int    // 0 when there is none
	OrientationLetter string // "" when there is none
	Postcode          string // five digits, "74221"
	Point             *Coordinates
	ValidFrom         time.Time
	Retired           bool
}

// Number is the house number as written on the building: "1163/12a", "25" or "č. ev. 45".
func (a Address) Number() string {
	var b strings.Builder
	if a.BuildingType == Registry {
		b.WriteString("č. ev. ")
	}
	b.WriteString(strconv.Itoa(a.HouseNumber))
	if a.OrientationNumber > 0 {
		b.WriteByte('/')
		b.WriteString(strconv.Itoa(a.OrientationNumber))
		b.WriteString(a.OrientationLetter)
	}
	return b.String()
}

// FormattedPostcode writes the postcode the Czech way, "742 21".
func (a Address) FormattedPostcode() string {
	if len(a.Postcode) != 5 {
		return a.Postcode
	}
	return a.Postcode[:3] + " " + a.Postcode[3:]
}

// PostTown is the town in the last line of a postal address: the Prague district ("Praha 3")
// in Prague, the municipality elsewhere.
func (a Address) PostTown() string {
	if a.PragueDistrict != nil {
		return a.PragueDistrict.Name
	}
	return a.Municipality.Name
}

// Label is the one-line postal form of the address, as RÚIAN writes it:
// "Štefánikova 1163/12, 742 21 Kopřivnice", "Lubina 25, 742 21 Kopřivnice",
// "Vinohradská 2828/151, Vinohrady, 130 00 Praha 3". The town part is named when it differs
// from the post town and is not already the leading place name.
func (a Address) Label() string {
	var b strings.Builder
	place := a.Part.Name
	if a.Street != nil {
		place = a.Street.Name
	}
	b.WriteString(place)
	b.WriteByte(' ')
	b.WriteString(a.Number())
	if a.Street != nil && a.Part.Name != a.PostTown() && a.Part.Name != a.Municipality.Name {
		b.WriteString(", ")
		b.WriteString(a.Part.Name)
	}
	b.WriteString(", ")
	b.WriteString(a.FormattedPostcode())
	b.WriteByte(' ')
	b.WriteString(a.PostTown())
	return b.String()
}
