package ruiancsv_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/radnice/radnice/datasets/ruiancsv"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/migrations/dbtest"
)

const header = "Kód ADM;Kód obce;Název obce;Kód MOMC;Název MOMC;Kód obvodu Prahy;Název obvodu Prahy;Kód části obce;Název části obce;Kód ulice;Název ulice;Typ SO;Číslo domovní;Číslo orientační;Znak čísla orientačního;PSČ;Souřadnice Y;Souřadnice X;Platí Od"

// The header variant some ČÚZK descriptions give, naming the Prague district columns "MOP".
const headerMOP = "Kód ADM;Kód obce;Název obce;Kód MOMC;Název MOMC;Kód MOP;Název MOP;Kód části obce;Název části obce;Kód ulice;Název ulice;Typ SO;Číslo domovní;Číslo orientační;Znak čísla orientačního;PSČ;Souřadnice Y;Souřadnice X;Platí Od"

// A real row of the 2026 export (Trojanovice, next to Kopřivnice).
const trojanovice2 = "8338752;599999;Trojanovice;;;;;168491;Trojanovice;;;č.p.;2;;;74401;479862.17;1133960.17;2022-08-24T00:00:00"

var kopřivniceRows = []string{
	"2401163;599565;Kopřivnice;;;;;69566;Kopřivnice;700100;Štefánikova;č.p.;1163;12;;74221;479420.50;1132310.20;2021-12-13T00:00:00",
	"2401170;599565;Kopřivnice;;;;;69566;Kopřivnice;700100;Štefánikova;č.p.;1170;12;a;74221;479425.50;1132318.20;2021-12-13T00:00:00",
	"2500025;599565;Kopřivnice;;;;;69574;Lubina;;;č.p.;25;;;74221;476100.00;1134800.00;2015-03-01T00:00:00",
	"2600045;599565;Kopřivnice;;;;;69566;Kopřivnice;700200;Záhumenní;č.ev.;45;;;74221;;;2019-05-01T00:00:00",
}

func csvFile(head string, rows ...string) string {
	return head + "\r\n" + strings.Join(rows, "\r\n") + "\r\n"
}

func cp1250(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1250.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode to windows-1250: %v", err)
	}
	return b
}

func writeFile(t *testing.T, dir, name string, body []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, body, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

type run struct {
	store    *geo.Store
	problems []string
}

func newRun(t *testing.T) *run {
	t.Helper()
	pool, err := geo.Connect(context.Background(), dbtest.New(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return &run{store: geo.NewStore(pool)}
}

func (r *run) importPaths(t *testing.T, paths ...string) ruiancsv.Summary {
	t.Helper()
	r.problems = nil
	inputs, closeInputs, err := ruiancsv.Inputs(paths)
	if err != nil {
		t.Fatalf("inputs: %v", err)
	}
	defer closeInputs()
	im := ruiancsv.Importer{Store: r.store, Problem: func(err error) { r.problems = append(r.problems, err.Error()) }}
	sum, err := im.Import(context.Background(), inputs)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return sum
}

func (r *run) address(t *testing.T, id int64) geo.Address {
	t.Helper()
	a, err := r.store.Address(context.Background(), id)
	if err != nil {
		t.Fatalf("address %d: %v", id, err)
	}
	return a
}

func TestImportsWindows1250ExportWithBothHeaderVariants(t *testing.T) {
	r := newRun(t)
	dir := t.TempDir()
	a := writeFile(t, dir, "20261031_OB_599565_ADR.csv", cp1250(t, csvFile(header, kopřivniceRows...)))
	b := writeFile(t, dir, "20261031_OB_599999_ADR.csv", cp1250(t, csvFile(headerMOP, trojanovice2)))

	sum := r.importPaths(t, a, b)

	want := ruiancsv.Summary{Files: 2, Rows: 5, Inserted: 5, WithoutPoint: 1}
	if sum != want {
		t.Fatalf("summary = %+v, want %+v", sum, want)
	}
	got := r.address(t, 2401163)
	if got.Label() != "Štefánikova 1163/12, 742 21 Kopřivnice" {
		t.Errorf("label = %q", got.Label())
	}
	if got.Street == nil || got.Street.Code != 700100 || got.Part.Name != "Kopřivnice" || got.BuildingType != geo.Descriptive {
		t.Errorf("components = %+v", got)
	}
	if lettered := r.address(t, 2401170); lettered.Number() != "1170/12a" {
		t.Errorf("number with letter = %q, want 1170/12a", lettered.Number())
	}
	if lubina := r.address(t, 2500025); lubina.Label() != "Lubina 25, 742 21 Kopřivnice" || lubina.Street != nil {
		t.Errorf("address without street = %q (street %v)", lubina.Label(), lubina.Street)
	}
}

func TestImportsUTF8ExportWithByteOrderMark(t *testing.T) {
	r := newRun(t)
	p := writeFile(t, t.TempDir(), "x_ADR.csv", []byte("\xef\xbb\xbf"+csvFile(header, kopřivniceRows[0])))

	sum := r.importPaths(t, p)

	if sum.Inserted != 1 || len(r.problems) != 0 {
		t.Fatalf("summary %+v, problems %v", sum, r.problems)
	}
	if got := r.address(t, 2401163).Street.Name; got != "Štefánikova" {
		t.Errorf("street = %q", got)
	}
}

func TestConvertsPositiveSJTSKToEPSG5514AndWGS84(t *testing.T) {
	r := newRun(t)
	r.importPaths(t, writeFile(t, t.TempDir(), "t_ADR.csv", cp1250(t, csvFile(header, trojanovice2))))

	p := r.address(t, 8338752).Point
	if p == nil {
		t.Fatal("no point")
	}
	if p.X != -479862.17 || p.Y != -1133960.17 {
		t.Errorf("S-JTSK = %v, %v; want -479862.17, -1133960.17", p.X, p.Y)
	}
	// PROJ's 7-parameter S-JTSK→WGS84 transformation puts this house at about 49.5382 N, 18.1934 E.
	if math.Abs(p.Lat-49.5382) > 0.0002 || math.Abs(p.Lon-18.1934) > 0.0002 {
		t.Errorf("WGS84 = %.5f, %.5f; want about 49.5382, 18.1934", p.Lat, p.Lon)
	}
}

func TestKeepsRowsWithoutCoordinatesWithoutAPoint(t *testing.T) {
	r := newRun(t)
	r.importPaths(t, writeFile(t, t.TempDir(), "k_ADR.csv", cp1250(t, csvFile(header, kopřivniceRows...))))

	a := r.address(t, 2600045)
	if a.Point != nil {
		t.Errorf("point = %+v, want none", a.Point)
	}
	if a.Label() != "Záhumenní č. ev. 45, 742 21 Kopřivnice" {
		t.Errorf("label = %q", a.Label())
	}
}

func TestRejectsMalformedRowsWithFileAndLineAndImportsTheRest(t *testing.T) {
	r := newRun(t)
	bad := []string{
		kopřivniceRows[0],
		"2401164;599565;Kopřivnice;;;;;69566;Kopřivnice;700100;Štefánikova;č.x.;1164;14;;74221;479420.50;1132310.20;2021-12-13T00:00:00",
		"2401165;599565;Kopřivnice;;;;;69566;Kopřivnice;700100;Štefánikova;č.p.;1165;16;;7422;479420.50;1132310.20;2021-12-13T00:00:00",
		"2401166;599565;Kopřivnice",
		"2401167;599565;Kopřivnice;;;;;69566;Kopřivnice;700100;Štefánikova;č.p.;1167;18;;74221;-479420.50;1132310.20;2021-12-13T00:00:00",
		kopřivniceRows[0],
		kopřivniceRows[2],
	}
	p := writeFile(t, t.TempDir(), "bad_ADR.csv", cp1250(t, csvFile(header, bad...)))

	sum := r.importPaths(t, p)

	if sum.Inserted != 2 || sum.Rejected != 5 || sum.Rows != 7 || !sum.Failed() {
		t.Fatalf("summary = %+v", sum)
	}
	wantProblems := []string{
		p + `:3: "Typ SO" is "č.x."`,
		p + `:4: "PSČ" is "7422"; expected five digits`,
		p + `:5: expected 19 fields separated by ';', found 3`,
		p + `:6: coordinates Y=-479420.50 X=1132310.20 lie outside the Czech Republic`,
		p + `:7: Kód ADM 2401163 repeats the row on line 2`,
	}
	if len(r.problems) != len(wantProblems) {
		t.Fatalf("problems = %q", r.problems)
	}
	for i, w := range wantProblems {
		if !strings.HasPrefix(r.problems[i], w) {
			t.Errorf("problem %d = %q, want prefix %q", i, r.problems[i], w)
		}
	}
}

func TestRefusesWholeFilesThatCannotBeTrusted(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, want string
		body       []byte
	}{
		{"wrong header", `:1: file refused: unknown column "Kod"`,
			cp1250(t, csvFile(strings.Replace(header, "Kód ADM", "Kod", 1), kopřivniceRows[0]))},
		{"missing column", `:1: file refused: header lacks the columns PSČ`,
			cp1250(t, csvFile(strings.Replace(header, ";PSČ", "", 1), kopřivniceRows[0]))},
		{"byte outside windows-1250 after good rows", `:4: file refused: byte 0x98 is not a windows-1250 character`,
			append(cp1250(t, csvFile(header, kopřivniceRows[0], kopřivniceRows[2])), []byte("2401170;599565;Kop\x98ivnice\r\n")...)},
		{"cp1250 row in a UTF-8 file", `:3: file refused: invalid UTF-8`,
			append([]byte(csvFile(header, kopřivniceRows[0])), cp1250(t, kopřivniceRows[2]+"\r\n")...)},
		{"empty file", `file refused: the file is empty`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := newRun(t)
			p := writeFile(t, dir, strings.ReplaceAll(c.name, " ", "_")+"_ADR.csv", c.body)

			sum := r.importPaths(t, p)

			if sum.Refused != 1 || sum.Files != 0 || sum.Inserted != 0 {
				t.Errorf("summary = %+v", sum)
			}
			if len(r.problems) != 1 || !strings.Contains(r.problems[0], c.want) {
				t.Errorf("problems = %q, want one containing %q", r.problems, c.want)
			}
			if _, err := r.store.Address(context.Background(), 2401163); geo.ErrorCode(err) != geo.ENOTFOUND {
				t.Errorf("a refused file left address 2401163 behind (err %v)", err)
			}
		})
	}
}

func zipOf(t *testing.T, members map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"CSV/20261031_OB_599565_ADR.csv", "CSV/20261031_OB_599999_ADR.csv"} {
		body, ok := members[name]
		if !ok {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestImportsEveryMemberOfANationalZIP(t *testing.T) {
	r := newRun(t)
	z := zipOf(t, map[string][]byte{
		"CSV/20261031_OB_599565_ADR.csv": cp1250(t, csvFile(header, kopřivniceRows...)),
		"CSV/20261031_OB_599999_ADR.csv": cp1250(t, csvFile(header, trojanovice2)),
	})
	p := writeFile(t, t.TempDir(), "20261031_OB_ADR_csv.zip", z)

	sum := r.importPaths(t, p)

	if sum.Files != 2 || sum.Inserted != 5 || len(r.problems) != 0 {
		t.Fatalf("summary %+v, problems %v", sum, r.problems)
	}
}

func TestRefusesATruncatedZIPMemberAsAWhole(t *testing.T) {
	r := newRun(t)
	big := make([]string, 0, 3000)
	for i := range 3000 {
		big = append(big, strings.Replace(kopřivniceRows[2], "2500025;", strconv.Itoa(3000000+i)+";", 1))
	}
	z := zipOf(t, map[string][]byte{"CSV/20261031_OB_599565_ADR.csv": cp1250(t, csvFile(header, big...))})
	// Cut the archive inside the member's compressed data, then give it a central directory
	// again by rewriting the tail: the simplest faithful damage is flipping bytes mid-member.
	damaged := append([]byte(nil), z...)
	for i := len(damaged) / 3; i < len(damaged)/3+64; i++ {
		damaged[i] ^= 0xff
	}
	p := writeFile(t, t.TempDir(), "damaged.zip", damaged)

	sum := r.importPaths(t, p)

	if sum.Refused != 1 || sum.Inserted != 0 {
		t.Fatalf("summary %+v, problems %v", sum, r.problems)
	}
	if len(r.problems) != 1 || !strings.Contains(r.problems[0], "damaged.zip:CSV/20261031_OB_599565_ADR.csv") || !strings.Contains(r.problems[0], "file refused") {
		t.Errorf("problems = %q", r.problems)
	}
}

func TestReimportUpdatesChangedRowsRetiresMissingOnesAndLeavesTheRest(t *testing.T) {
	r := newRun(t)
	dir := t.TempDir()
	r.importPaths(t, writeFile(t, dir, "a_ADR.csv", cp1250(t, csvFile(header, kopřivniceRows...))))

	again := r.importPaths(t, writeFile(t, dir, "b_ADR.csv", cp1250(t, csvFile(header, kopřivniceRows...))))
	if again != (ruiancsv.Summary{Files: 1, Rows: 4, Unchanged: 4, WithoutPoint: 1}) {
		t.Fatalf("identical re-import = %+v, want all unchanged", again)
	}

	changed := []string{
		strings.Replace(kopřivniceRows[0], "74221", "74222", 1), // new postcode
		kopřivniceRows[1],
		kopřivniceRows[3],
	} // Lubina 25 is gone from the new file
	sum := r.importPaths(t, writeFile(t, dir, "c_ADR.csv", cp1250(t, csvFile(header, changed...))))
	if sum != (ruiancsv.Summary{Files: 1, Rows: 3, Updated: 1, Unchanged: 2, Retired: 1, WithoutPoint: 1}) {
		t.Fatalf("changed re-import = %+v", sum)
	}
	if got := r.address(t, 2401163).Postcode; got != "74222" {
		t.Errorf("postcode = %s, want the updated 74222", got)
	}
	if !r.address(t, 2500025).Retired {
		t.Error("an address missing from its municipality's new file should be retired, not deleted")
	}
	// Trojanovice's addresses are not in the file, but neither is Trojanovice: nothing of it retires.

	back := r.importPaths(t, writeFile(t, dir, "d_ADR.csv", cp1250(t, csvFile(header, kopřivniceRows...))))
	if back.Updated != 2 || back.Retired != 0 {
		t.Fatalf("re-import with the address back = %+v", back)
	}
	if r.address(t, 2500025).Retired {
		t.Error("an address that reappears should be current again")
	}
}

func TestRefusesPathsThatAreNotExports(t *testing.T) {
	_, _, err := ruiancsv.Inputs([]string{writeFile(t, t.TempDir(), "notes.txt", []byte("x"))})
	if err == nil || !strings.Contains(err.Error(), "expected a .csv file, a .zip archive or a folder") {
		t.Errorf("err = %v", err)
	}
	_, _, err = ruiancsv.Inputs([]string{writeFile(t, t.TempDir(), "x.zip", []byte("not a zip"))})
	if err == nil || !strings.Contains(err.Error(), "not a readable ZIP archive") {
		t.Errorf("err = %v", err)
	}
	var pe *os.PathError
	if _, _, err = ruiancsv.Inputs([]string{"/nonexistent/file.csv"}); !errors.As(err, &pe) {
		t.Errorf("err = %v, want a path error", err)
	}
}
