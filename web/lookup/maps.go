package lookup

import (
	"context"
	"encoding/json"
	"math"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/radnice/radnice/geo"
)

// mapScripts draw the answers' maps in the browser: Leaflet, then the page's own script.
var mapScripts = []string{"/static/vendor/leaflet/leaflet.js", "/static/js/area-map.js"}

// areaFigure is the map of one answer's area with the address and the facility it leads to.
type areaFigure struct {
	geo.AreaMap
	Title   string  // the map's accessible name: "Mapa volebního okrsku č. 1 s volební místností a vaší adresou"
	Area    string  // the area in the legend: "Volební okrsek č. 1"
	Basemap Basemap // the tiles the script draws under the map; zero for none
}

// areaFigures are the maps of a page's answers, by area id; a missing one is not drawn.
type areaFigures map[int]*areaFigure

// answerFigures draws the areas of the answers the page shows and knows: the polling district
// with its room, the waste zone, and each catchment area with its school, each with the address.
func (h *Handler) answerFigures(ctx context.Context, p page, l geo.Lookup) (areaFigures, error) {
	type request struct {
		area          geo.AreaRef
		facility      *geo.Address
		facilityLabel string
	}
	var requests []request
	if p.Polling && l.Polling.Covered {
		s := l.Polling.Station
		requests = append(requests, request{*l.Polling.District, &s.Address, msg.T(ctx, "mark-station", s.Name)})
	}
	if p.Waste && l.Waste.Covered {
		requests = append(requests, request{area: *l.Waste.Zone})
	}
	if p.Schools {
		for _, ans := range []geo.SchoolAnswer{l.PrimarySchools, l.Kindergartens} {
			for _, s := range ans.Schools {
				requests = append(requests, request{s.Area, s.Address, s.School.Name})
			}
		}
	}
	// "Moje adresa" draws up to five maps: PostGIS draws them side by side.
	figures := make([]*areaFigure, len(requests))
	errs := make([]error, len(requests))
	var wg sync.WaitGroup
	for i, req := range requests {
		wg.Go(func() {
			figures[i], errs[i] = h.areaFigure(ctx, l.Address, req.area, req.facility, req.facilityLabel)
		})
	}
	wg.Wait()
	out := areaFigures{}
	for i, f := range figures {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if f != nil {
			out[f.AreaMap.AreaID] = f
		}
	}
	return out, nil
}

// areaFigure draws the area with the facility and the address; nil for an area without a boundary.
func (h *Handler) areaFigure(ctx context.Context, a geo.Address, area geo.AreaRef, facility *geo.Address, facilityLabel string) (*areaFigure, error) {
	var marks []geo.MapMark
	if facility != nil && facility.Point != nil {
		marks = append(marks, geo.MapMark{Kind: geo.FacilityMark, Label: facilityLabel, Point: *facility.Point})
	}
	if a.Point != nil {
		marks = append(marks, geo.MapMark{Kind: geo.AddressMark, Label: msg.T(ctx, "mark-address", a.Label()), Point: *a.Point})
	}
	m, err := h.store.AreaMap(ctx, area.ID, marks)
	if err != nil || m.Path == "" {
		return nil, err
	}
	f := &areaFigure{AreaMap: m, Title: mapTitle(ctx, area, m.Marks), Area: areaLegend(ctx, area)}
	if h.basemap.TileSource() != "" {
		f.Basemap = h.basemap
	}
	return f, nil
}

// scripts are the scripts a page with these maps loads: none without a map.
func (fs areaFigures) scripts() []string {
	if len(fs) == 0 {
		return nil
	}
	return mapScripts
}

// areaName writes an area as its map names it: a polling district by its number, other areas
// by their name in quotes.
func areaName(ctx context.Context, area geo.AreaRef) string {
	if area.Layer == geo.PollingDistricts {
		return msg.T(ctx, "map-number", area.Number)
	}
	return msg.T(ctx, "map-name", area.Name)
}

// areaLegend names the area in the map's legend: "Volební okrsek č. 1".
func areaLegend(ctx context.Context, area geo.AreaRef) string {
	return msg.T(ctx, "map-legend-"+string(area.Layer), areaName(ctx, area))
}

// mapTitle names a map by its area and the marks drawn on it:
// "Mapa volebního okrsku č. 1 s volební místností a vaší adresou". Only polling districts and
// catchment areas have a facility to mark.
func mapTitle(ctx context.Context, area geo.AreaRef, marks []geo.PlacedMark) string {
	var facility, address bool
	for _, m := range marks {
		facility = facility || m.Kind == geo.FacilityMark
		address = address || m.Kind == geo.AddressMark
	}
	layer := string(area.Layer)
	title := msg.T(ctx, "map-title-"+layer, areaName(ctx, area))
	switch {
	case facility && address:
		title += " " + msg.T(ctx, "map-facility-and-address", msg.T(ctx, "map-facility-"+layer))
	case facility:
		title += " " + msg.T(ctx, "map-facility-"+layer)
	case address:
		title += " " + msg.T(ctx, "map-address")
	}
	return title
}

// markJSON is a map mark as the script reads it from the figure's data-marks.
type markJSON struct {
	Kind  geo.MarkKind `json:"kind"`
	Label string       `json:"label"`
	Lat   float64      `json:"lat"`
	Lon   float64      `json:"lon"`
}

// marksJSON writes the figure's marks in WGS84 for the script.
func (f *areaFigure) marksJSON() string {
	marks := make([]markJSON, len(f.Marks))
	for i, m := range f.Marks {
		marks[i] = markJSON{Kind: m.Kind, Label: m.Label, Lat: m.Point.Lat, Lon: m.Point.Lon}
	}
	b, err := json.Marshal(marks)
	if err != nil {
		panic(err) // strings and numbers always encode
	}
	return string(b)
}

// viewBox writes the SVG viewBox attribute.
func (f *areaFigure) viewBox() string {
	parts := make([]string, len(f.ViewBox))
	for i, v := range f.ViewBox {
		parts[i] = svgNumber(v)
	}
	return strings.Join(parts, " ")
}

// markSize is the size of a mark in the map's units: a fortieth of its larger side, in whole
// metres.
func (f *areaFigure) markSize() float64 {
	return max(1, math.Round(max(f.ViewBox[2], f.ViewBox[3])/40))
}

// svgNumber writes a number for an SVG attribute: "-481384", "12.5".
func svgNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// tileHost is a host of a tile URL that a Content Security Policy source may name.
var tileHost = regexp.MustCompile(`^(\[[0-9A-Fa-f:.]+\]|[0-9A-Za-z.-]+)(:[0-9]+)?$`)

// TileSource is the Content Security Policy source the basemap's tiles load from: the URL
// template's scheme and host ("https://tile.example.org"), a leading {s} subdomain as a
// wildcard ("https://*.tile.example.org"). It is "" when there is no basemap, or when its URL
// is not an absolute http or https URL.
func (b Basemap) TileSource() string {
	raw := b.URL
	scheme, rest, _ := strings.Cut(raw, "://")
	rest, subdomains := strings.CutPrefix(rest, "{s}.")
	if subdomains {
		raw = scheme + "://" + rest
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.User != nil || !tileHost.MatchString(u.Host) {
		return ""
	}
	if subdomains {
		return u.Scheme + "://*." + u.Host
	}
	return u.Scheme + "://" + u.Host
}
