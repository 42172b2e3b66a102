// Package ofntest checks documents against the official OFN JSON Schemas. The tests read the
// schemas from the shared reference folder, where they are kept unchanged as published; they
// are not copied into the repository.
package ofntest

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// DirEnv names the folder of the OFN schemas, laid out as their URLs on ofn.gov.cz; without
// it, the tests read the folder Dir finds.
const DirEnv = "RADNICE_OFN_DIR"

// NoticeBoard is the $id of the schema of "Úřední desky" 2021-07-20.
const NoticeBoard = "https://ofn.gov.cz/úřední-desky/2021-07-20/schémata/úřední-deska.json"

// Schema compiles the OFN schema with the $id id, loading it and every schema it refers to
// from the folder, with formats (iri, date) asserted. Missing schemas fail t: they are never
// a reason to skip.
func Schema(t testing.TB, id string) *jsonschema.Schema {
	t.Helper()
	dir := Dir(t)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	c.UseLoader(folder(dir))
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatalf("OFN schema %s from %s (set %s to the schemas' folder): %v", id, dir, DirEnv, err)
	}
	return sch
}

// geoJSON is the one schema outside ofn.gov.cz the norms refer to (for umístění.geometrie).
// It is not in the folder and cannot be fetched offline, so a stand-in checks only that a
// geometry is a GeoJSON object of a known type. The portal's documents carry no geometry.
const geoJSON = "https://raw.githubusercontent.com/ropensci/geojsonlint/master/inst/schema/geojson.json"

var geoJSONStandIn = map[string]any{
	"type":     "object",
	"required": []any{"type"},
	"properties": map[string]any{"type": map[string]any{"enum": []any{
		"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
		"GeometryCollection", "Feature", "FeatureCollection",
	}}},
}

// folder loads the schema at https://ofn.gov.cz/PATH from the file PATH in the folder.
type folder string

func (dir folder) Load(schemaURL string) (any, error) {
	if schemaURL == geoJSON {
		return geoJSONStandIn, nil
	}
	u, err := url.Parse(schemaURL)
	if err != nil {
		return nil, err
	}
	if u.Host != "ofn.gov.cz" {
		return nil, fmt.Errorf("%s is not an OFN schema", schemaURL)
	}
	f, err := os.Open(filepath.Join(string(dir), filepath.FromSlash(u.Path)))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return jsonschema.UnmarshalJSON(f)
}

// Validate fails t unless the JSON document doc is valid against sch, listing every violation.
func Validate(t testing.TB, sch *jsonschema.Schema, doc []byte) {
	t.Helper()
	if err := Check(sch, doc); err != nil {
		t.Errorf("the document is not valid against %s:\n%v", sch.Location, err)
	}
}

// Check returns why the JSON document doc is not valid against sch, or nil.
func Check(sch *jsonschema.Schema, doc []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	err = sch.Validate(inst)
	var verr *jsonschema.ValidationError
	if errors.As(err, &verr) {
		return fmt.Errorf("%#v", verr) // the detailed form names each failing keyword and place
	}
	return err
}

// sharedReference is where the project's machines keep the shared reference folder, for a
// clone that does not stand beside it (CI's clean clone).
const sharedReference = "/work/shared/reference/ofn"

// Dir is the OFN folder: the one DirEnv names, else ../shared/reference/ofn beside the
// repository's root, else the machines' shared reference folder. A missing folder fails the
// test later, naming the path it tried.
func Dir(t testing.TB) string {
	t.Helper()
	if dir := os.Getenv(DirEnv); dir != "" {
		return dir
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			beside := filepath.Join(dir, "..", "shared", "reference", "ofn")
			if _, err := os.Stat(beside); err != nil {
				return sharedReference
			}
			return beside
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("no go.mod above the working directory: set %s to the OFN schemas' folder", DirEnv)
		}
		dir = parent
	}
}
