package vfr_test

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/twpayne/go-geom"
	"golang.org/x/text/encoding/charmap"

	"github.com/radnice/radnice/datasets/vfr"
)

const sampleName = "20260930_ST_UVOH.xml"

func sample(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", sampleName))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// readAll reads every district; err is the error that ended reading, nil at a clean end.
func readAll(t *testing.T, rd *vfr.Reader) (districts []vfr.District, err error) {
	t.Helper()
	for {
		d, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return districts, nil
		}
		if err != nil {
			return districts, err
		}
		districts = append(districts, d)
	}
}

func readString(t *testing.T, doc string) ([]vfr.District, *vfr.Reader, error) {
	t.Helper()
	rd, err := vfr.NewReader(sampleName, strings.NewReader(doc))
	if err != nil {
		return nil, nil, err
	}
	ds, err := readAll(t, rd)
	return ds, rd, err
}

// at is the "line:col" where needle first occurs in doc: where an error about it points.
func at(t *testing.T, doc, needle string) string {
	t.Helper()
	i := strings.Index(doc, needle)
	if i < 0 {
		t.Fatalf("%q is not in the document", needle)
	}
	line := strings.Count(doc[:i], "\n") + 1
	col := i - strings.LastIndex(doc[:i], "\n")
	return fmt.Sprintf("%d:%d", line, col)
}

func replace(t *testing.T, doc, old, new string) string {
	t.Helper()
	if strings.Count(doc, old) != 1 {
		t.Fatalf("%q occurs %d times in the document; expected once", old, strings.Count(doc, old))
	}
	return strings.Replace(doc, old, new, 1)
}

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// rings returns a boundary's polygons as rings of x y pairs.
func rings(mp *geom.MultiPolygon) [][][]geom.Coord {
	var out [][][]geom.Coord
	for i := 0; i < mp.NumPolygons(); i++ {
		out = append(out, mp.Polygon(i).Coords())
	}
	return out
}

func checkSample(t *testing.T, ds []vfr.District, rd *vfr.Reader) {
	t.Helper()
	if len(ds) != 2 {
		t.Fatalf("read %d districts, want 2: %+v", len(ds), ds)
	}
	praha, koprivnice := ds[0], ds[1]
	if praha.Code != 27037 || praha.Number != 7001 || praha.MunicipalityCode != 554782 || praha.CityDistrictCode != 500186 {
		t.Errorf("Prague 7 district = %+v", praha)
	}
	if praha.Note != "Volební místnost: ZŠ Strossmayerovo nám. 4 & MŠ" {
		t.Errorf("note = %q", praha.Note)
	}
	if !praha.ValidFrom.Equal(date("2026-02-05")) || !praha.ValidTo.IsZero() {
		t.Errorf("validity = %v – %v", praha.ValidFrom, praha.ValidTo)
	}
	if praha.Boundary.SRID() != 5514 || praha.Boundary.Layout() != geom.XY {
		t.Errorf("boundary SRID %d layout %v, want 5514 XY", praha.Boundary.SRID(), praha.Boundary.Layout())
	}
	got := rings(praha.Boundary)
	if len(got) != 1 || len(got[0]) != 2 || len(got[0][0]) != 5 || len(got[0][1]) != 5 {
		t.Fatalf("Prague 7 boundary = %v, want one polygon with an exterior and a hole of 5 points each", got)
	}
	if c := got[0][1][2]; c[0] != -741200 || c[1] != -1040200 {
		t.Errorf("third point of the hole = %v, want [-741200 -1040200]", c)
	}
	if koprivnice.Code != 30103 || koprivnice.Number != 3 || koprivnice.MunicipalityCode != 599565 || koprivnice.CityDistrictCode != 0 || koprivnice.Note != "" {
		t.Errorf("Kopřivnice district = %+v", koprivnice)
	}
	if !koprivnice.ValidTo.Equal(date("2030-12-31")) {
		t.Errorf("valid to = %v", koprivnice.ValidTo)
	}
	got = rings(koprivnice.Boundary)
	if len(got) != 2 || len(got[0]) != 1 || len(got[0][0]) != 4 || len(got[1]) != 1 || len(got[1][0]) != 5 {
		t.Errorf("Kopřivnice boundary = %v, want a triangle and a square", got)
	}
	if rd.Districts() != 3 || rd.MarkedIncorrect() != 1 || rd.Rejected() != 0 {
		t.Errorf("districts %d, marked incorrect %d, rejected %d; want 3, 1, 0 (rejects %v)",
			rd.Districts(), rd.MarkedIncorrect(), rd.Rejected(), rd.Rejects())
	}
}

func TestReadsDistrictsWithHolesAndSeveralPolygonsAndSkipsIncorrectOnes(t *testing.T) {
	ds, rd, err := readString(t, sample(t))
	if err != nil {
		t.Fatal(err)
	}
	checkSample(t, ds, rd)
}

func TestOpensPlainGzippedAndZippedFilesByTheirContent(t *testing.T) {
	doc := sample(t)
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(doc))
	zw.Close()
	var zipped bytes.Buffer
	arc := zip.NewWriter(&zipped)
	w, _ := arc.Create(sampleName)
	w.Write([]byte(doc))
	arc.Close()

	files := map[string][]byte{
		"plain.xml":                    []byte(doc),
		"20260930_ST_UVOH.xml.gz":      gz.Bytes(),
		"20260930_ST_UVOH.xml.zip":     zipped.Bytes(),
		"gzip-without-its-suffix.xml":  gz.Bytes(),
		"zip-with-an-odd-name.archive": zipped.Bytes(),
	}
	for name, body := range files {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, body, 0o644); err != nil {
				t.Fatal(err)
			}
			rd, closeFile, err := vfr.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			defer closeFile()
			ds, err := readAll(t, rd)
			if err != nil {
				t.Fatal(err)
			}
			checkSample(t, ds, rd)
		})
	}
	t.Run("gzip stream", func(t *testing.T) {
		rd, err := vfr.NewReader("stdin", bytes.NewReader(gz.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		ds, err := readAll(t, rd)
		if err != nil {
			t.Fatal(err)
		}
		checkSample(t, ds, rd)
	})
}

func TestReadsXMLThatDeclaresWindows1250(t *testing.T) {
	doc := strings.Replace(sample(t), `encoding="UTF-8"`, `encoding="windows-1250"`, 1)
	encoded, err := charmap.Windows1250.NewEncoder().String(doc)
	if err != nil {
		t.Fatal(err)
	}
	ds, rd, err := readString(t, encoded)
	if err != nil {
		t.Fatal(err)
	}
	checkSample(t, ds, rd)
}

func TestMessagesOfZipMembersNameTheArchiveAndTheMember(t *testing.T) {
	doc := replace(t, sample(t), "<voi:Cislo>7001</voi:Cislo>", "")
	var zipped bytes.Buffer
	arc := zip.NewWriter(&zipped)
	w, _ := arc.Create(sampleName)
	w.Write([]byte(doc))
	arc.Close()
	path := filepath.Join(t.TempDir(), "uvoh.zip")
	os.WriteFile(path, zipped.Bytes(), 0o644)

	rd, closeFile, err := vfr.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer closeFile()
	if _, err := readAll(t, rd); err != nil {
		t.Fatal(err)
	}
	want := path + ":" + sampleName + ":" + at(t, doc, `<vf:VO gml:id="VO.27037">`) + ": the district lacks voi:Cislo"
	if len(rd.Rejects()) != 1 || rd.Rejects()[0].Error() != want {
		t.Errorf("rejects = %v, want [%s]", rd.Rejects(), want)
	}
}

func TestRejectsMalformedDistrictsWithTheirPositionAndReadsOn(t *testing.T) {
	const praguePosList = "<gml:posList>-741000.00 -1040000.00 -741400.00"
	cases := []struct {
		name      string
		edits     []string // pairs of old, new
		at        string   // where the error points, in the changed document
		reason    string
		remaining int // Code of the district still read
	}{
		{
			name: "missing Kod", edits: []string{"<voi:Kod>27037</voi:Kod>", ""},
			at: `<vf:VO gml:id="VO.27037">`, reason: "the district lacks voi:Kod", remaining: 30103,
		},
		{
			name: "missing Cislo and Obec", edits: []string{"<voi:Cislo>3</voi:Cislo>", "", "<voi:Obec>\n          <obi:Kod>599565</obi:Kod>\n        </voi:Obec>\n        <voi:PlatiOd>2019-01-01T00:00:00</voi:PlatiOd>\n        <voi:PlatiDo>", "<voi:PlatiDo>"},
			at: `<vf:VO gml:id="VO.30103">`, reason: "the district lacks voi:Cislo, voi:Obec", remaining: 27037,
		},
		{
			name: "Obec without its code", edits: []string{"<obi:Kod>554782</obi:Kod>", ""},
			at: "<voi:Obec>", reason: "voi:Obec lacks obi:Kod", remaining: 30103,
		},
		{
			name: "Kod that is not a number", edits: []string{"<voi:Kod>27037</voi:Kod>", "<voi:Kod>27O37</voi:Kod>"},
			at: "<voi:Kod>27O37", reason: `voi:Kod is "27O37"; expected a positive whole number`, remaining: 30103,
		},
		{
			name: "unparsable posList", edits: []string{"-741400.00 -1041000.00 -741000.00", "-741400.00 -1041O00.00 -741000.00"},
			at: praguePosList, reason: `gml:posList holds "-1041O00.00", which is not a number`, remaining: 30103,
		},
		{
			name: "odd coordinate count", edits: []string{"-476000.00 -1134500.00 -476500.00 -1134500.00", "-476000.00 -1134500.00 -476500.00"},
			at: "<gml:posList>-476000.00", reason: "gml:posList holds an odd number of coordinates (9); expected x y pairs", remaining: 27037,
		},
		{
			name:   "unclosed ring",
			edits:  []string{"-741200.00 -1040100.00 -741100.00 -1040100.00</gml:posList>", "-741200.00 -1040100.00 -741100.00 -1040150.00</gml:posList>"},
			at:     "<gml:LinearRing>\n                      <gml:posList>-741100.00",
			reason: "unclosed ring: gml:LinearRing starts at (-741100 -1040100) and ends at (-741100 -1040150)", remaining: 30103,
		},
		{
			name:   "ring of three points",
			edits:  []string{"-480000.00 -1132000.00 -480000.00 -1133000.00 -479000.00", "-480000.00 -1132000.00 -479000.00"},
			at:     "<gml:LinearRing>\n                      <gml:posList>-479000.00",
			reason: "gml:LinearRing has 3 points; a ring needs at least 4", remaining: 27037,
		},
		{
			name: "positive coordinates", edits: []string{"-476000.00 -1134500.00 -476500.00", "476000.00 1134500.00 -476500.00"},
			at: "<gml:posList>476000.00", reason: "gml:posList point (476000 1134500) lies outside the Czech Republic in EPSG:5514 (negative x y expected)", remaining: 27037,
		},
		{
			name:   "another coordinate system",
			edits:  []string{`<gml:MultiSurface gml:id="HVO.30103" srsName="urn:ogc:def:crs:EPSG::5514"`, `<gml:MultiSurface gml:id="HVO.30103" srsName="urn:ogc:def:crs:EPSG::4326"`},
			at:     `<gml:MultiSurface gml:id="HVO.30103"`,
			reason: `gml:MultiSurface has srsName="urn:ogc:def:crs:EPSG::4326"; expected EPSG:5514 (urn:ogc:def:crs:EPSG::5514)`, remaining: 27037,
		},
		{
			name:   "unsupported geometry",
			edits:  []string{`<gml:MultiSurface gml:id="HVO.27037"`, `<gml:MultiCurve gml:id="HVO.27037"`, "</gml:MultiSurface>\n          </voi:OriginalniHranice>\n        </voi:Geometrie>\n      </vf:VO>\n      <!-- Kop", "</gml:MultiCurve>\n          </voi:OriginalniHranice>\n        </voi:Geometrie>\n      </vf:VO>\n      <!-- Kop"},
			at:     `<gml:MultiCurve gml:id="HVO.27037"`,
			reason: "unsupported geometry gml:MultiCurve; expected gml:MultiSurface, gml:Surface or gml:Polygon", remaining: 30103,
		},
		{
			name:   "element inside a code",
			edits:  []string{"<voi:Kod>27037</voi:Kod>", "<voi:Kod>27037<voi:Kod>1</voi:Kod></voi:Kod>"},
			at:     "<voi:Kod>1</voi:Kod></voi:Kod>",
			reason: "unexpected element voi:Kod inside voi:Kod", remaining: 30103,
		},
		{
			name: "hole before the exterior",
			edits: []string{
				"<gml:exterior>\n                    <gml:LinearRing>\n                      " + praguePosList,
				"<gml:interior>\n                    <gml:LinearRing>\n                      " + praguePosList,
				"</gml:exterior>\n                  <gml:interior>", "</gml:interior>\n                  <gml:interior>",
			},
			at: "<gml:interior>\n                    <gml:LinearRing>\n                      " + praguePosList, reason: "gml:interior comes before the gml:exterior of gml:Polygon", remaining: 30103,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := sample(t)
			for i := 0; i < len(c.edits); i += 2 {
				doc = replace(t, doc, c.edits[i], c.edits[i+1])
			}
			ds, rd, err := readString(t, doc)
			if err != nil {
				t.Fatalf("the file was refused: %v", err)
			}
			if len(ds) != 1 || ds[0].Code != c.remaining {
				t.Errorf("read %+v, want only district %d", ds, c.remaining)
			}
			want := sampleName + ":" + at(t, doc, c.at) + ": " + c.reason
			if rd.Rejected() != 1 || rd.Rejects()[0].Error() != want {
				t.Errorf("rejects = %v\nwant [%s]", rd.Rejects(), want)
			}
			if rd.MarkedIncorrect() != 1 || rd.Districts() != 3 {
				t.Errorf("marked incorrect %d of %d, want 1 of 3", rd.MarkedIncorrect(), rd.Districts())
			}
		})
	}
}

func TestRejectsADistrictWhoseCodeRepeats(t *testing.T) {
	doc := replace(t, sample(t), "<voi:Kod>30103</voi:Kod>", "<voi:Kod>27037</voi:Kod>")
	ds, rd, err := readString(t, doc)
	if err != nil {
		t.Fatal(err)
	}
	want := sampleName + ":" + at(t, doc, `<vf:VO gml:id="VO.30103">`) + ": voi:Kod 27037 repeats the district at " + at(t, doc, `<vf:VO gml:id="VO.27037">`)
	if len(ds) != 1 || rd.Rejected() != 1 || rd.Rejects()[0].Error() != want {
		t.Errorf("read %d, rejects %v; want 1 and [%s]", len(ds), rd.Rejects(), want)
	}
}

func TestAnIncorrectDistrictIsSkippedEvenWhenMalformed(t *testing.T) {
	doc := replace(t, sample(t), "<voi:Cislo>4</voi:Cislo>", "<voi:Cislo>four</voi:Cislo>")
	_, rd, err := readString(t, doc)
	if err != nil {
		t.Fatal(err)
	}
	if rd.MarkedIncorrect() != 1 || rd.Rejected() != 0 {
		t.Errorf("marked incorrect %d, rejected %v; want 1 and none", rd.MarkedIncorrect(), rd.Rejects())
	}
}

func TestRefusesBrokenOrTruncatedFiles(t *testing.T) {
	doc := sample(t)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(doc))
	zw.Close()

	cases := []struct {
		name   string
		input  []byte
		want   string // a prefix of the error: file name and position
		reason string // a part of the error
		before int    // districts returned before the refusal
	}{
		{
			name:   "mismatched end tag",
			input:  []byte(replace(t, doc, "<voi:Cislo>3</voi:Cislo>", "<voi:Cislo>3</voi:Cislx>")),
			want:   sampleName + ":" + at(t, doc, "</voi:Cislo>\n        <voi:Obec>\n          <obi:Kod>599565") + ": file refused: malformed XML: element <Cislo> closed by </Cislx>",
			before: 1,
		},
		{
			name: "truncated in the middle of a district", input: []byte(doc[:strings.Index(doc, "<gml:surfaceMember>\n                <gml:Polygon gml:id=\"HVO.30103.2\">")]),
			want: sampleName + ":", reason: "truncated file?", before: 1,
		},
		{
			name: "truncated right after the last district", input: []byte(doc[:strings.Index(doc, "    </vf:VolebniOkrsky>")]),
			want: sampleName + ":", reason: "truncated file?", before: 2,
		},
		{
			name: "truncated gzip", input: gz.Bytes()[:gz.Len()*2/3],
			want: sampleName + ":", reason: "truncated or damaged file?", before: 0,
		},
		{
			name: "an encoding other than UTF-8", input: []byte(strings.Replace(doc, `encoding="UTF-8"`, `encoding="KOI8-R"`, 1)),
			want: sampleName + ":", reason: `the XML declares the encoding "KOI8-R"; expected UTF-8`,
		},
		{name: "empty file", input: nil, want: sampleName + ": file refused: the file is empty"},
		{name: "only whitespace", input: []byte("\n\n"), want: sampleName + ": file refused: the file holds no XML element"},
		{
			name: "another XML document", input: []byte("<?xml version=\"1.0\"?>\n<html><body/></html>"),
			want: sampleName + ":2:1: file refused: the root element is html; expected vf:VymennyFormat of RÚIAN VFR",
		},
		{
			name: "a second root element", input: []byte(doc + "<vf:VymennyFormat/>"),
			want: sampleName + ":", reason: "after the end of the root element", before: 2,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rd, err := vfr.NewReader(sampleName, bytes.NewReader(c.input))
			var ds []vfr.District
			if err == nil {
				ds, err = readAll(t, rd)
			}
			var fe *vfr.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error = %v, want a *FileError", err)
			}
			if !strings.HasPrefix(err.Error(), c.want) || !strings.Contains(err.Error(), c.reason) {
				t.Errorf("error = %q\nwant it to start with %q and contain %q", err, c.want, c.reason)
			}
			if len(ds) != c.before {
				t.Errorf("returned %d districts before refusing, want %d", len(ds), c.before)
			}
		})
	}
}

func TestRefusesAZipWithoutExactlyOneXMLMember(t *testing.T) {
	for _, members := range [][]string{{"readme.txt"}, {"a.xml", "b.xml"}} {
		var zipped bytes.Buffer
		arc := zip.NewWriter(&zipped)
		for _, m := range members {
			w, _ := arc.Create(m)
			w.Write([]byte(sample(t)))
		}
		arc.Close()
		path := filepath.Join(t.TempDir(), "uvoh.zip")
		os.WriteFile(path, zipped.Bytes(), 0o644)
		_, _, err := vfr.OpenFile(path)
		var fe *vfr.FileError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), "expected exactly one") {
			t.Errorf("members %v: error = %v, want the archive refused", members, err)
		}
	}
}

// A district encoded with the other GML forms RÚIAN's schema allows: a gml:Surface of patches,
// rings of gml:pos, and a gml:Ring of curves with a circular arc and a circular hole.
const curvedDistrict = `      <vf:VolebniOkrsek gml:id="VO.40001">
        <voi:Kod>40001</voi:Kod>
        <voi:Cislo>1</voi:Cislo>
        <voi:Obec><obi:Kod>554782</obi:Kod></voi:Obec>
        <voi:Geometrie>
          <voi:OriginalniHranice>
            <gml:Surface gml:id="HVO.40001" srsName="urn:ogc:def:crs:EPSG::5514">
              <gml:patches>
                <gml:PolygonPatch>
                  <gml:exterior>
                    <gml:Ring>
                      <gml:curveMember>
                        <gml:Curve gml:id="HVO.40001.c1">
                          <gml:segments>
                            <gml:LineStringSegment><gml:posList>-741000 -1040000 -741100 -1040000</gml:posList></gml:LineStringSegment>
                            <gml:ArcString interpolation="circularArc3Points"><gml:posList>-741100 -1040000 -741150 -1040050 -741100 -1040100</gml:posList></gml:ArcString>
                            <gml:LineStringSegment><gml:posList>-741100 -1040100 -741000 -1040100 -741000 -1040000</gml:posList></gml:LineStringSegment>
                          </gml:segments>
                        </gml:Curve>
                      </gml:curveMember>
                    </gml:Ring>
                  </gml:exterior>
                  <gml:interior>
                    <gml:Ring>
                      <gml:curveMember>
                        <gml:Curve gml:id="HVO.40001.c2">
                          <gml:segments>
                            <gml:Circle interpolation="circularArc3Points"><gml:posList>-741040 -1040050 -741050 -1040040 -741060 -1040050</gml:posList></gml:Circle>
                          </gml:segments>
                        </gml:Curve>
                      </gml:curveMember>
                    </gml:Ring>
                  </gml:interior>
                </gml:PolygonPatch>
                <gml:PolygonPatch>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:pos>-742000 -1041000</gml:pos>
                      <gml:pos>-742100 -1041000</gml:pos>
                      <gml:pos>-742100 -1041100</gml:pos>
                      <gml:pos>-742000 -1041000</gml:pos>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:PolygonPatch>
              </gml:patches>
            </gml:Surface>
          </voi:OriginalniHranice>
        </voi:Geometrie>
      </vf:VolebniOkrsek>
`

func TestReadsSurfacePatchesPosSequencesAndStrokesCircularArcs(t *testing.T) {
	ds, rd, err := readString(t, vfrHead+curvedDistrict+vfrTail)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 {
		t.Fatalf("read %d districts, rejects %v; want 1", len(ds), rd.Rejects())
	}
	got := rings(ds[0].Boundary)
	if len(got) != 2 || len(got[0]) != 2 || len(got[1]) != 1 || len(got[1][0]) != 4 {
		t.Fatalf("boundary has %d polygons; want a patch with a hole and a triangle of gml:pos", len(got))
	}
	ext, hole := got[0][0], got[0][1]
	if ext[0][0] != -741000 || ext[1][0] != -741100 || ext[len(ext)-1][0] != -741000 || ext[len(ext)-1][1] != -1040000 {
		t.Errorf("exterior does not run from the first line segment back to its start: %v", ext)
	}
	onCircle := func(ring []geom.Coord, cx, cy, r float64) {
		t.Helper()
		for _, c := range ring {
			if d := math.Hypot(c[0]-cx, c[1]-cy); math.Abs(d-r) > 1e-6 {
				t.Errorf("stroked point %v is %.6f m from the centre, want %g", c, d, r)
			}
		}
	}
	// The arc bulges west: points 2 .. n-3 of the exterior lie on it.
	arc := ext[1 : len(ext)-2]
	if len(arc) < 20 {
		t.Errorf("the half circle of radius 50 m was stroked with %d points; want it smooth to 1 cm", len(arc))
	}
	onCircle(arc, -741100, -1040050, 50)
	for i := 1; i < len(arc); i++ {
		mx, my := (arc[i-1][0]+arc[i][0])/2, (arc[i-1][1]+arc[i][1])/2
		if sag := 50 - math.Hypot(mx+741100, my+1040050); sag > 0.01 {
			t.Errorf("chord %d strays %.4f m from the arc, more than 1 cm", i, sag)
		}
		if arc[i][0] > -741100+1e-9 {
			t.Errorf("arc point %v lies east of the chord; the arc through (-741150 -1040050) bulges west", arc[i])
		}
	}
	onCircle(hole, -741050, -1040050, 10)
	if !hole[0].Equal(geom.XY, hole[len(hole)-1]) || len(hole) < 20 {
		t.Errorf("circular hole = %d points from %v to %v, want a closed, smooth ring", len(hole), hole[0], hole[len(hole)-1])
	}
}

func TestAVolebniOkrsekWrappingAVOIsOneDistrict(t *testing.T) {
	wrapped := "      <vf:VolebniOkrsek>\n" + strings.Replace(curvedDistrict, "VolebniOkrsek", "VO", -1) + "      </vf:VolebniOkrsek>\n"
	ds, rd, err := readString(t, vfrHead+wrapped+vfrTail)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || ds[0].Code != 40001 || rd.Districts() != 1 || rd.Rejected() != 0 {
		t.Errorf("read %+v (of %d, rejects %v); want district 40001 once", ds, rd.Districts(), rd.Rejects())
	}
}

func TestRejectsCurvesThatDoNotConnect(t *testing.T) {
	doc := vfrHead + strings.Replace(curvedDistrict, "<gml:posList>-741100 -1040100 -741000 -1040100", "<gml:posList>-741100 -1040101 -741000 -1040100", 1) + vfrTail
	_, rd, err := readString(t, doc)
	if err != nil {
		t.Fatal(err)
	}
	want := sampleName + ":" + at(t, doc, "<gml:LineStringSegment><gml:posList>-741100 -1040101") +
		": the curve starts at (-741100 -1040101), not where the previous one ends (-741100 -1040100)"
	if rd.Rejected() != 1 || rd.Rejects()[0].Error() != want {
		t.Errorf("rejects = %v\nwant [%s]", rd.Rejects(), want)
	}
}

// The national file is over 150 MB zipped; reading it must not hold the document.
func TestStreamsA50MBDocumentInBoundedMemory(t *testing.T) {
	const size = 50 << 20
	const vertices = 400
	pr, pw := io.Pipe()
	written := make(chan int, 1)
	go func() {
		n, err := streamDocument(pw, size, vertices)
		pw.CloseWithError(err)
		written <- n
	}()
	rd, err := vfr.NewReader("synthetic_ST_UVOH.xml", pr)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var ms runtime.MemStats
	var peak uint64
	n := 0
	for {
		d, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
		if got := d.Boundary.NumCoords(); got != vertices+1 {
			t.Fatalf("district %d has %d points, want %d", d.Code, got, vertices+1)
		}
		if n%250 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	}
	pr.Close()
	if want := <-written; n != want || rd.Rejected() != 0 {
		t.Errorf("read %d districts, rejected %v; want all %d", n, rd.Rejects(), want)
	}
	if rd.Offset() < size {
		t.Errorf("read %d bytes of XML, want at least %d", rd.Offset(), size)
	}
	t.Logf("%d districts, %d MB of XML, peak heap in use %.1f MB", n, rd.Offset()>>20, float64(peak)/(1<<20))
	if peak > 64<<20 {
		t.Errorf("peak heap in use %d MB; want under 64 MB", peak>>20)
	}
}
