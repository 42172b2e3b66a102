package geo

import (
	"time"

	"github.com/twpayne/go-geom"
)

// Layer is a kind of area an address falls into.
type Layer string

// The area layers.
const (
	PollingDistricts Layer = "polling" // volební okrsky
	WasteZones       Layer = "waste"   // svozové oblasti
	PrimarySchools   Layer = "zs"      // spádové obvody základních škol
	Kindergartens    Layer = "ms"      // spádové obvody mateřských škol
)

// Layers lists every layer in the order the portal presents them.
var Layers = []Layer{PollingDistricts, WasteZones, PrimarySchools, Kindergartens}

// ParseLayer reads a layer name as the command line and the API write it.
func ParseLayer(s string) (Layer, error) {
	for _, l := range Layers {
		if string(l) == s {
			return l, nil
		}
	}
	return "", Errorf(EINVALID, "Unknown layer %q; expected polling, waste, zs or ms.", s)
}

// Exclusive reports whether an address belongs to at most one area of the layer at a time.
// School catchments may overlap: an address can have two catchment schools.
func (l Layer) Exclusive() bool { return l == PollingDistricts || l == WasteZones }

// School is a facility a catchment area leads to.
type School struct {
	ID          int
	Kind        Layer // PrimarySchools or Kindergartens
	Name        string
	AddressCode int64 // kód ADM of its building; 0 when not known
	Web         string
	IZO         string
}

// AreaInput is one area of an import file: a feature of a GeoJSON file or a VFR district.
type AreaInput struct {
	Where            string // where it came from, for messages: "zs.geojson: feature 3"
	Code             string
	Name             string
	Number           int // polling district number
	MunicipalityCode int // 0: not stated
	School           *School
	Boundary         geom.T // Polygon or MultiPolygon with its SRID (4326 or 5514); nil: none
}

// AreaImport is a whole file of areas of one layer that takes effect on ValidFrom.
type AreaImport struct {
	Layer     Layer
	ValidFrom time.Time // zero: valid from the beginning (replaces what there is)
	Repair    bool      // make invalid geometry valid instead of refusing it
	Areas     []AreaInput
}

// AreaImportResult counts what an area import did.
type AreaImportResult struct {
	Areas    int // area versions written
	Repaired int // boundaries that had to be made valid
	Closed   int // earlier versions that now end on ValidFrom
	Assigned int // address points assigned to the new areas
}
