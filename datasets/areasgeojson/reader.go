// Package areasgeojson reads area layers (polling districts, waste zones, school catchments)
// from a GeoJSON FeatureCollection in WGS84, as towns draw them in QGIS or geojson.io.
package areasgeojson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/twpayne/go-geom"

	"github.com/radnice/radnice/geo"
)

// maxFileSize bounds a file of areas: a town's layer is kilobytes to a few megabytes.
const maxFileSize = 64 << 20

// Read parses a FeatureCollection of Polygon and MultiPolygon features for layer. Each
// feature's properties: code (required), name, municipality (kód obce; else the municipality
// of most of the addresses inside), number (polling districts), school and
// school_address (kód ADM), school_web, school_izo (school layers). Every problem in the file
// is reported, each as file:line with its feature, and the file is refused as a whole.
func Read(name string, r io.Reader, layer geo.Layer) ([]geo.AreaInput, error) {
	body, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(body) > maxFileSize {
		return nil, geo.Errorf(geo.EINVALID, "%s: larger than %d MiB", name, maxFileSize>>20)
	}
	var head struct {
		Type     string            `json:"type"`
		Features []json.RawMessage `json:"features"`
	}
	if err := json.Unmarshal(body, &head); err != nil {
		return nil, geo.Errorf(geo.EINVALID, "%s: %s", name, jsonProblem(body, err))
	}
	if head.Type != "FeatureCollection" {
		return nil, geo.Errorf(geo.EINVALID, "%s: a GeoJSON FeatureCollection is expected, not %q", name, head.Type)
	}
	var areas []geo.AreaInput
	var problems []string
	lines := featureLines(body)
	for i, raw := range head.Features {
		where := fmt.Sprintf("%s: feature %d", name, i+1)
		if i < len(lines) {
			where = fmt.Sprintf("%s:%d: feature %d", name, lines[i], i+1)
		}
		a, errs := feature(where, raw, layer)
		problems = append(problems, errs...)
		areas = append(areas, a)
	}
	if len(problems) > 0 {
		return nil, &geo.AreaErrors{Problems: problems}
	}
	if len(areas) == 0 {
		return nil, geo.Errorf(geo.EINVALID, "%s: the FeatureCollection has no features", name)
	}
	return areas, nil
}

func feature(where string, raw json.RawMessage, layer geo.Layer) (geo.AreaInput, []string) {
	var problems []string
	f, err := geojson.UnmarshalFeature(raw)
	if err != nil {
		return geo.AreaInput{}, []string{where + ": " + err.Error()}
	}
	a := geo.AreaInput{Where: where}
	props := f.Properties
	a.Code = stringProp(props, "code")
	if a.Code != "" {
		a.Where = fmt.Sprintf("%s (code %s)", where, a.Code)
	}
	a.Name = stringProp(props, "name")
	if a.Name == "" {
		a.Name = a.Code
	}
	if n, ok := intProp(props, "municipality"); ok {
		a.MunicipalityCode = n
	}
	if layer == geo.PollingDistricts {
		n, ok := intProp(props, "number")
		if !ok && props["number"] != nil {
			problems = append(problems, a.Where+": property number must be a whole number")
		}
		a.Number = n
	}
	if layer == geo.PrimarySchools || layer == geo.Kindergartens {
		school := &geo.School{Kind: layer, Name: stringProp(props, "school"), Web: stringProp(props, "school_web"), IZO: stringProp(props, "school_izo")}
		code, ok := intProp(props, "school_address")
		if !ok && props["school_address"] != nil {
			problems = append(problems, a.Where+": property school_address must be a kód ADM, a whole number")
		}
		school.AddressCode = int64(code)
		if school.Name != "" || school.AddressCode != 0 {
			a.School = school
		}
	}
	switch g := f.Geometry.(type) {
	case orb.Polygon:
		a.Boundary = polygon(g)
	case orb.MultiPolygon:
		mp := geom.NewMultiPolygon(geom.XY).SetSRID(4326)
		for _, p := range g {
			if err := mp.Push(polygon(p)); err != nil {
				problems = append(problems, a.Where+": "+err.Error())
			}
		}
		a.Boundary = mp
	case nil:
		problems = append(problems, a.Where+": no geometry")
	default:
		problems = append(problems, fmt.Sprintf("%s: geometry is a %s; expected Polygon or MultiPolygon", a.Where, g.GeoJSONType()))
	}
	return a, problems
}

// polygon converts an orb polygon (WGS84 longitude, latitude) to go-geom with SRID 4326.
func polygon(p orb.Polygon) *geom.Polygon {
	rings := make([][]geom.Coord, len(p))
	for i, ring := range p {
		rings[i] = make([]geom.Coord, len(ring))
		for j, pt := range ring {
			rings[i][j] = geom.Coord{pt[0], pt[1]}
		}
	}
	return geom.NewPolygon(geom.XY).MustSetCoords(rings).SetSRID(4326)
}

func stringProp(props geojson.Properties, key string) string {
	switch v := props[key].(type) {
	case string:
		return strings.TrimSpace(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}

func intProp(props geojson.Properties, key string) (int, bool) {
	switch v := props[key].(type) {
	case float64:
		if v == float64(int(v)) {
			return int(v), true
		}
	case string:
		n, err := strconv.Atoi(strings.TrimSpace(v))
		return n, err == nil
	}
	return 0, false
}

// featureLines finds the line each feature of a FeatureCollection starts on, so that every
// problem says file:line; nil when the body's shape is not what Read has already accepted.
func featureLines(body []byte) []int {
	dec := json.NewDecoder(bytes.NewReader(body))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil
	}
	var lines []int
	line, counted := 1, 0
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil
		}
		if key != "features" {
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return nil
			}
			continue
		}
		if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
			return nil
		}
		lines = nil
		for dec.More() {
			// The feature starts after the blanks and the comma that follow the previous value.
			start := int(dec.InputOffset())
			for start < len(body) && strings.IndexByte(" \t\r\n,", body[start]) >= 0 {
				start++
			}
			line += bytes.Count(body[counted:start], []byte("\n"))
			counted = start
			lines = append(lines, line)
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return nil
			}
		}
		if _, err := dec.Token(); err != nil {
			return nil
		}
	}
	return lines
}

// jsonProblem says where in body a JSON error is, as line:column.
func jsonProblem(body []byte, err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	offset := int64(-1)
	switch {
	case errors.As(err, &syntax):
		offset = syntax.Offset
	case errors.As(err, &typ):
		offset = typ.Offset
	}
	if offset < 0 {
		return "not GeoJSON: " + err.Error()
	}
	line := bytes.Count(body[:offset], []byte("\n")) + 1
	col := offset - int64(bytes.LastIndexByte(body[:offset], '\n'))
	return fmt.Sprintf("line %d, column %d: not valid JSON: %v", line, col, err)
}
