package demotown

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// Column indexes of the ČÚZK address-point CSV.
const (
	colADM = iota
	colObec
	colObecName
	colMomc
	colMomcName
	colObvod
	colObvodName
	colPart
	colPartName
	colStreet
	colStreetName
	colType
	colHouse
	colOrient
	colLetter
	colPSC
	colY
	colX
	colSince
	columns
)

// parseExport decodes a windows-1250 CRLF export into rows of 19 fields, checking the header.
func parseExport(t *testing.T, name string, raw []byte) [][]string {
	t.Helper()
	text, err := charmap.Windows1250.NewDecoder().Bytes(raw)
	if err != nil {
		t.Fatalf("%s: not windows-1250: %v", name, err)
	}
	s := string(text)
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatalf("%s: last line not CRLF-terminated", name)
	}
	lines := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	if lines[0] != header {
		t.Fatalf("%s: header\n got %q\nwant %q", name, lines[0], header)
	}
	var rows [][]string
	for i, l := range lines[1:] {
		f := strings.Split(l, ";")
		if len(f) != columns || strings.ContainsAny(l, "\r\n") {
			t.Fatalf("%s line %d: want %d fields on a CRLF line: %q", name, i+2, columns, l)
		}
		rows = append(rows, f)
	}
	return rows
}

func townRows(t *testing.T) [][]string {
	t.Helper()
	return parseExport(t, TownFile, TownCSV)
}

// label formats an address the way the portal shows it.
func label(r []string) string {
	house := r[colHouse]
	if r[colType] == "č.ev." {
		house = "č.ev. " + house
	}
	if r[colOrient] != "" {
		house += "/" + r[colOrient] + r[colLetter]
	}
	place := r[colStreetName]
	if place == "" {
		place = r[colPartName]
	}
	return fmt.Sprintf("%s %s, %s %s %s", place, house, r[colPSC][:3], r[colPSC][3:], r[colObecName])
}

func TestCommittedTownFileIsWriteTownOutput(t *testing.T) {
	var b bytes.Buffer
	if err := WriteTown(&b); err != nil {
		t.Fatal(err)
	}
	disk, err := os.ReadFile(TownFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(disk, b.Bytes()) || !bytes.Equal(TownCSV, b.Bytes()) {
		t.Fatalf("%s is stale: run go generate ./datasets/demotown", TownFile)
	}
}

func TestTownLooksLikeCUZKExport(t *testing.T) {
	rows := townRows(t)
	if n := len(rows); n < 2900 || n > 3200 {
		t.Errorf("%d address points, want 2,900–3,200", n)
	}
	coord := regexp.MustCompile(`^\d{6,7}\.\d\d$`)
	since := regexp.MustCompile(`^20(1[1-9]|2[0-5])-\d\d-\d\dT00:00:00$`)
	adm := map[string]bool{}
	prevADM := 0
	missing := 0
	for _, r := range rows {
		code, _ := strconv.Atoi(r[colADM])
		if code < 1_000_000 || code > 99_999_999 || adm[r[colADM]] {
			t.Errorf("kód ADM %q not a unique 7–8 digit number", r[colADM])
		}
		adm[r[colADM]] = true
		if code <= prevADM {
			t.Errorf("rows not sorted by kód ADM at %d", code)
		}
		prevADM = code
		if r[colObec] != "599565" || r[colObecName] != "Kopřivnice" || r[colPSC] != "74221" {
			t.Errorf("%s: wrong municipality or PSČ", label(r))
		}
		if r[colMomc]+r[colMomcName]+r[colObvod]+r[colObvodName] != "" {
			t.Errorf("%s: MOMC or obvod Prahy filled outside Prague", label(r))
		}
		if r[colType] != "č.p." && r[colType] != "č.ev." {
			t.Errorf("%s: Typ SO %q", label(r), r[colType])
		}
		if !since.MatchString(r[colSince]) {
			t.Errorf("%s: Platí Od %q", label(r), r[colSince])
		}
		if r[colY] == "" && r[colX] == "" {
			missing++
			continue
		}
		if !coord.MatchString(r[colY]) || !coord.MatchString(r[colX]) {
			t.Fatalf("%s: coordinates %q %q not positive with two decimals", label(r), r[colY], r[colX])
		}
		y, _ := strconv.ParseFloat(r[colY], 64)
		x, _ := strconv.ParseFloat(r[colX], 64)
		if y < 476000 || y > 486000 || x < 1128000 || x > 1138000 {
			t.Errorf("%s: [%s, %s] outside the Kopřivnice area", label(r), r[colY], r[colX])
		}
	}
	if missing != 3 {
		t.Errorf("%d rows without coordinates, want exactly 3", missing)
	}
}

func TestTownPartsAndStreets(t *testing.T) {
	parts := map[string]string{}
	streets := map[string]string{}
	houses := map[string]int{}
	for _, r := range townRows(t) {
		if name, ok := parts[r[colPart]]; ok && name != r[colPartName] || len(r[colPart]) != 6 {
			t.Errorf("%s: part code %q", label(r), r[colPart])
		}
		parts[r[colPart]] = r[colPartName]
		if r[colType] == "č.p." {
			houses[r[colHouse]]++
		}
		if r[colStreet] == "" {
			if r[colStreetName] != "" || r[colOrient] != "" || r[colLetter] != "" {
				t.Errorf("%s: street name or orientation number without a street code", label(r))
			}
			if r[colPartName] == "Kopřivnice" {
				t.Errorf("%s: main part address without a street", label(r))
			}
			continue
		}
		if r[colPartName] != "Kopřivnice" {
			t.Errorf("%s: only the main part has streets", label(r))
		}
		if name, ok := streets[r[colStreet]]; ok && name != r[colStreetName] || len(r[colStreet]) != 7 {
			t.Errorf("%s: street code %q", label(r), r[colStreet])
		}
		streets[r[colStreet]] = r[colStreetName]
		if r[colType] == "č.p." && r[colOrient] == "" {
			t.Errorf("%s: house on a street without orientation number", label(r))
		}
	}
	want := []string{"Kopřivnice", "Lubina", "Mniší", "Vlčovice", "Drnholec nad Lubinou"}
	if len(parts) != len(want) {
		t.Errorf("parts %v, want %v", parts, want)
	}
	for _, name := range want {
		if !containsValue(parts, name) {
			t.Errorf("missing town part %s", name)
		}
	}
	if n := len(streets); n < 40 || n > 60 {
		t.Errorf("%d streets, want 40–60", n)
	}
	for _, name := range []string{"Štefánikova", "Záhumenní", "Obránců míru", "Masarykovo náměstí", "Kpt. Nálepky", "Přátelství"} {
		if !containsValue(streets, name) {
			t.Errorf("missing street %s", name)
		}
	}
	for n, c := range houses {
		if c > 1 {
			t.Errorf("č.p. %s used %d times; house numbers are unique in the demo town", n, c)
		}
	}
}

func containsValue(m map[string]string, v string) bool {
	for _, x := range m {
		if x == v {
			return true
		}
	}
	return false
}

func TestTownFixtures(t *testing.T) {
	byADM := map[string][]string{}
	var cp1163, cp25, cp45, ev45, twelveA, evidence, square []string
	for _, r := range townRows(t) {
		byADM[r[colADM]] = r
		cp := r[colType] == "č.p."
		switch {
		case cp && r[colHouse] == "1163":
			cp1163 = append(cp1163, label(r))
		case cp && r[colHouse] == "25":
			cp25 = append(cp25, label(r))
		case cp && r[colHouse] == "45":
			cp45 = append(cp45, label(r))
		case !cp && r[colHouse] == "45":
			ev45 = append(ev45, label(r))
		}
		if r[colOrient] == "12" && r[colLetter] == "a" {
			twelveA = append(twelveA, label(r))
		}
		if !cp {
			evidence = append(evidence, label(r))
		}
		if r[colStreetName] == "Masarykovo náměstí" {
			square = append(square, label(r))
		}
	}

	fixtures := []struct{ adm, label string }{
		{"2401163", "Štefánikova 1163/12, 742 21 Kopřivnice"},
		{"2401170", "Štefánikova 1170/12a, 742 21 Kopřivnice"},
		{"2500025", "Lubina 25, 742 21 Kopřivnice"},
		{"2600045", "Záhumenní č.ev. 45, 742 21 Kopřivnice"},
	}
	for _, f := range fixtures {
		r, ok := byADM[f.adm]
		if !ok {
			t.Errorf("kód ADM %s missing", f.adm)
			continue
		}
		if got := label(r); got != f.label {
			t.Errorf("kód ADM %s is %q, want %q", f.adm, got, f.label)
		}
		if r[colY] == "" {
			t.Errorf("fixture %s has no coordinates", f.label)
		}
	}
	if r := byADM["2500025"]; r != nil && (r[colStreet] != "" || r[colPartName] != "Lubina") {
		t.Errorf("Lubina 25 must lie in part Lubina without street: %q", r)
	}
	if r := byADM["2600045"]; r != nil && r[colPartName] != "Kopřivnice" {
		t.Errorf("č.ev. 45 must lie in the main part: %q", r)
	}
	if len(cp1163) != 1 || len(cp25) != 1 || len(twelveA) != 1 || len(ev45) != 1 || len(cp45) != 0 {
		t.Errorf("fixture numbers not unique: č.p. 1163 %q, č.p. 25 %q, 12a %q, č.ev. 45 %q, č.p. 45 %q",
			cp1163, cp25, twelveA, ev45, cp45)
	}
	if n := len(evidence); n < 15 || n > 25 {
		t.Errorf("%d č.ev. addresses, want about 20", n)
	}
	if n := len(square); n < 13 || n > 17 {
		t.Errorf("Masarykovo náměstí has %d addresses, want about 15", n)
	}
}
