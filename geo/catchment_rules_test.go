package geo_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/radnice/radnice/geo"
)

// catchmentAt is an address on a street: catchmentAt("Štefánikova", 1163, 12, "") is Štefánikova 1163/12.
func catchmentAt(street string, house, orientation int, letter string) geo.Address {
	return geo.Address{Municipality: geo.Ref{Name: "Kopřivnice"}, Part: geo.Ref{Name: "Kopřivnice"},
		Street: &geo.Ref{Name: street}, BuildingType: geo.Descriptive, HouseNumber: house,
		OrientationNumber: orientation, OrientationLetter: letter}
}

// catchmentEv is a building with a číslo evidenční on a street: "Záhumenní č. ev. 45".
func catchmentEv(street string, number int) geo.Address {
	return geo.Address{Municipality: geo.Ref{Name: "Kopřivnice"}, Part: geo.Ref{Name: "Kopřivnice"},
		Street: &geo.Ref{Name: street}, BuildingType: geo.Registry, HouseNumber: number}
}

// catchmentInPart is an address in a town part without streets: "Lubina 25".
func catchmentInPart(part string, house int) geo.Address {
	return geo.Address{Municipality: geo.Ref{Name: "Kopřivnice"}, Part: geo.Ref{Name: part},
		BuildingType: geo.Descriptive, HouseNumber: house}
}

func mustCatchmentRule(t *testing.T, line string) geo.CatchmentRule {
	t.Helper()
	r, err := geo.ParseCatchmentRule(line)
	if err != nil {
		t.Fatalf("ParseCatchmentRule(%q): %v", line, err)
	}
	return r
}

func TestCatchmentRulesReadEveryOrdinanceExample(t *testing.T) {
	text := `# Spádové obvody ZŠ, vyhláška č. 1/2026
[ZS-1] ZŠ Alšova
Štefánikova - lichá č. 1-9, 11, od 23 výše
Štefánikova - sudá č.
Husova

Záhumenní - č. p. 120, 340-360
Lubina - celá část obce

[ZS-2] ZŠ Emila Zátopka
Masarykovo náměstí - č. 1-15
Obránců míru - sudá č. 2-40, lichá č. od 51
Kpt. Nálepky - č. ev. 10-20
`
	o, cp, ev := geo.ByOrientation, geo.ByHouse, geo.ByRegistry
	sel := func(n geo.CatchmentNumber, p geo.NumberParity, from, to int) geo.CatchmentSelector {
		return geo.CatchmentSelector{Number: n, Parity: p, From: from, To: to}
	}
	alsova, zatopka := "ZŠ Alšova", "ZŠ Emila Zátopka"
	want := []geo.CatchmentRuleLine{
		{Area: "ZS-1", AreaName: alsova, Line: 3, Rule: geo.CatchmentRule{Name: "Štefánikova", Key: "stefanikova",
			Selectors: []geo.CatchmentSelector{sel(o, geo.OddNumbers, 1, 9), sel(o, geo.OddNumbers, 11, 11), sel(o, geo.OddNumbers, 23, 0)}}},
		{Area: "ZS-1", AreaName: alsova, Line: 4, Rule: geo.CatchmentRule{Name: "Štefánikova", Key: "stefanikova",
			Selectors: []geo.CatchmentSelector{sel(o, geo.EvenNumbers, 1, 0)}}},
		{Area: "ZS-1", AreaName: alsova, Line: 5, Rule: geo.CatchmentRule{Name: "Husova", Key: "husova"}},
		{Area: "ZS-1", AreaName: alsova, Line: 7, Rule: geo.CatchmentRule{Name: "Záhumenní", Key: "zahumenni",
			Selectors: []geo.CatchmentSelector{sel(cp, geo.AnyParity, 120, 120), sel(cp, geo.AnyParity, 340, 360)}}},
		{Area: "ZS-1", AreaName: alsova, Line: 8, Rule: geo.CatchmentRule{Name: "Lubina", Key: "lubina", WholePart: true}},
		{Area: "ZS-2", AreaName: zatopka, Line: 11, Rule: geo.CatchmentRule{Name: "Masarykovo náměstí", Key: "masarykovo nam",
			Selectors: []geo.CatchmentSelector{sel(o, geo.AnyParity, 1, 15)}}},
		{Area: "ZS-2", AreaName: zatopka, Line: 12, Rule: geo.CatchmentRule{Name: "Obránců míru", Key: "obrancu miru",
			Selectors: []geo.CatchmentSelector{sel(o, geo.EvenNumbers, 2, 40), sel(o, geo.OddNumbers, 51, 0)}}},
		{Area: "ZS-2", AreaName: zatopka, Line: 13, Rule: geo.CatchmentRule{Name: "Kpt. Nálepky", Key: "kpt nalepky",
			Selectors: []geo.CatchmentSelector{sel(ev, geo.AnyParity, 10, 20)}}},
	}
	got, err := geo.ParseCatchmentRules(text)
	if err != nil {
		t.Fatalf("ParseCatchmentRules: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseCatchmentRules:\n got %+v\nwant %+v", got, want)
	}
}

func TestCatchmentRulesAcceptTheUsualSpellingsOfEachItem(t *testing.T) {
	cases := []struct {
		line string
		want []geo.CatchmentSelector
	}{
		{"Husova - 1-9", []geo.CatchmentSelector{{From: 1, To: 9}}},
		{"Husova - č. 1–9", []geo.CatchmentSelector{{From: 1, To: 9}}},
		{"Husova - č. 1 - 9", []geo.CatchmentSelector{{From: 1, To: 9}}},
		{"Husova - č. o. 5", []geo.CatchmentSelector{{From: 5, To: 5}}},
		{"Husova - čísla 5", []geo.CatchmentSelector{{From: 5, To: 5}}},
		{"Husova - od 23", []geo.CatchmentSelector{{From: 23}}},
		{"Husova - od 23 výše", []geo.CatchmentSelector{{From: 23}}},
		{"Husova - od 23 a výše", []geo.CatchmentSelector{{From: 23}}},
		{"Husova - od 23 do 40", []geo.CatchmentSelector{{From: 23, To: 40}}},
		{"Husova - do 40", []geo.CatchmentSelector{{From: 1, To: 40}}},
		{"Husova - 12a", []geo.CatchmentSelector{{From: 12, To: 12, Letter: "a"}}},
		{"Husova - 12B", []geo.CatchmentSelector{{From: 12, To: 12, Letter: "b"}}},
		{"Husova - liché", []geo.CatchmentSelector{{Parity: geo.OddNumbers, From: 1}}},
		{"Husova - sudá čísla od 10", []geo.CatchmentSelector{{Parity: geo.EvenNumbers, From: 10}}},
		{"Husova - č.p. 120", []geo.CatchmentSelector{{Number: geo.ByHouse, From: 120, To: 120}}},
		{"Husova - čp 120", []geo.CatchmentSelector{{Number: geo.ByHouse, From: 120, To: 120}}},
		{"Husova - č.p.120", []geo.CatchmentSelector{{Number: geo.ByHouse, From: 120, To: 120}}},
		{"Husova - č.ev. 45", []geo.CatchmentSelector{{Number: geo.ByRegistry, From: 45, To: 45}}},
		{"Husova - čev 45", []geo.CatchmentSelector{{Number: geo.ByRegistry, From: 45, To: 45}}},
		{"Husova - lichá č. p. od 101", []geo.CatchmentSelector{{Number: geo.ByHouse, Parity: geo.OddNumbers, From: 101}}},
		{"Husova - č. 1-9; č. p. 120", []geo.CatchmentSelector{{From: 1, To: 9}, {Number: geo.ByHouse, From: 120, To: 120}}},
		{"Husova - č. p. 120, č. 5, 7", []geo.CatchmentSelector{{Number: geo.ByHouse, From: 120, To: 120}, {From: 5, To: 5}, {From: 7, To: 7}}},
		{"Husova - lichá č., 3", []geo.CatchmentSelector{{Parity: geo.OddNumbers, From: 1}, {Parity: geo.OddNumbers, From: 3, To: 3}}},
		{"Husova - celá ulice", nil},
		{"Husova - celé náměstí", nil},
	}
	for _, c := range cases {
		r := mustCatchmentRule(t, c.line)
		if !reflect.DeepEqual(r.Selectors, c.want) || r.WholePart {
			t.Errorf("%q: selectors %+v (whole part %v), want %+v", c.line, r.Selectors, r.WholePart, c.want)
		}
	}
}

func TestCatchmentKeyIgnoresCaseDiacriticsAndAbbreviations(t *testing.T) {
	cases := map[string]string{
		"Masarykovo náměstí":  "masarykovo nam",
		"Masarykovo nám.":     "masarykovo nam",
		"MASARYKOVO NAMESTI":  "masarykovo nam",
		"tř. Osvobození":      "tr osvobozeni",
		"Třída Osvobození":    "tr osvobozeni",
		"ul. Husova":          "husova",
		"ulice Husova":        "husova",
		"Kapitána Nálepky":    "kpt nalepky",
		"Kpt. Nálepky":        "kpt nalepky",
		"Nábřeží Svobody":     "nabr svobody",
		"28. října":           "28 rijna",
		"Ulice":               "ulice",
		"Frýdlantská-Nová":    "frydlantska nova",
		"  Obránců   míru   ": "obrancu miru",
	}
	for in, want := range cases {
		if got := geo.CatchmentKey(in); got != want {
			t.Errorf("CatchmentKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCatchmentRuleMatchesAddresses(t *testing.T) {
	cases := []struct {
		rule string
		a    geo.Address
		want bool
	}{
		// parity of the orientation number
		{"Štefánikova - lichá č. 1-9, 11, od 23 výše", catchmentAt("Štefánikova", 1100, 7, ""), true},
		{"Štefánikova - lichá č. 1-9, 11, od 23 výše", catchmentAt("Štefánikova", 1101, 8, ""), false},
		{"Štefánikova - lichá č. 1-9, 11, od 23 výše", catchmentAt("Štefánikova", 1101, 11, ""), true},
		{"Štefánikova - lichá č. 1-9, 11, od 23 výše", catchmentAt("Štefánikova", 1101, 13, ""), false},
		{"Štefánikova - lichá č. 1-9, 11, od 23 výše", catchmentAt("Štefánikova", 1101, 21, ""), false},
		{"Štefánikova - lichá č. 1-9, 11, od 23 výše", catchmentAt("Štefánikova", 1101, 23, ""), true},
		{"Štefánikova - lichá č. 1-9, 11, od 23 výše", catchmentAt("Štefánikova", 1101, 24, ""), false},
		{"Štefánikova - lichá č. 1-9, 11, od 23 výše", catchmentAt("Štefánikova", 1101, 1001, ""), true},
		{"Štefánikova - sudá č.", catchmentAt("Štefánikova", 1163, 12, ""), true},
		{"Štefánikova - sudá č.", catchmentAt("Štefánikova", 1163, 13, ""), false},
		{"Obránců míru - sudá č. 2-40, lichá č. od 51", catchmentAt("Obránců míru", 900, 40, ""), true},
		{"Obránců míru - sudá č. 2-40, lichá č. od 51", catchmentAt("Obránců míru", 900, 42, ""), false},
		{"Obránců míru - sudá č. 2-40, lichá č. od 51", catchmentAt("Obránců míru", 900, 49, ""), false},
		{"Obránců míru - sudá č. 2-40, lichá č. od 51", catchmentAt("Obránců míru", 900, 51, ""), true},
		// ranges, open ends and their edges
		{"Masarykovo náměstí - č. 1-15", catchmentAt("Masarykovo náměstí", 1, 1, ""), true},
		{"Masarykovo náměstí - č. 1-15", catchmentAt("Masarykovo náměstí", 15, 15, ""), true},
		{"Masarykovo náměstí - č. 1-15", catchmentAt("Masarykovo náměstí", 16, 16, ""), false},
		{"Husova - do 40", catchmentAt("Husova", 500, 40, ""), true},
		{"Husova - do 40", catchmentAt("Husova", 500, 41, ""), false},
		{"Husova - od 23", catchmentAt("Husova", 500, 22, ""), false},
		{"Husova - od 23", catchmentAt("Husova", 500, 23, ""), true},
		// no orientation number: the číslo popisné stands in for it
		{"Husova - č. 1-15", catchmentAt("Husova", 12, 0, ""), true},
		{"Husova - č. 1-15", catchmentAt("Husova", 120, 0, ""), false},
		{"Husova - lichá č.", catchmentAt("Husova", 121, 0, ""), true},
		// … but not the číslo evidenční
		{"Husova - č. 1-15", catchmentEv("Husova", 12), false},
		// čísla popisná and evidenční
		{"Záhumenní - č. p. 120, 340-360", catchmentAt("Záhumenní", 120, 5, ""), true},
		{"Záhumenní - č. p. 120, 340-360", catchmentAt("Záhumenní", 350, 0, ""), true},
		{"Záhumenní - č. p. 120, 340-360", catchmentAt("Záhumenní", 361, 0, ""), false},
		{"Záhumenní - č. p. 120, 340-360", catchmentAt("Záhumenní", 5, 120, ""), false},
		{"Záhumenní - č. p. 120, 340-360", catchmentEv("Záhumenní", 120), false},
		{"Kpt. Nálepky - č. ev. 10-20", catchmentEv("Kpt. Nálepky", 15), true},
		{"Kpt. Nálepky - č. ev. 10-20", catchmentEv("Kpt. Nálepky", 21), false},
		{"Kpt. Nálepky - č. ev. 10-20", catchmentAt("Kpt. Nálepky", 15, 0, ""), false},
		// letters: a plain number takes every letter, a lettered one only its own
		{"Štefánikova - 12", catchmentAt("Štefánikova", 1163, 12, ""), true},
		{"Štefánikova - 12", catchmentAt("Štefánikova", 1170, 12, "a"), true},
		{"Štefánikova - 12", catchmentAt("Štefánikova", 1171, 12, "b"), true},
		{"Štefánikova - 12a", catchmentAt("Štefánikova", 1170, 12, "a"), true},
		{"Štefánikova - 12a", catchmentAt("Štefánikova", 1163, 12, ""), false},
		{"Štefánikova - 12a", catchmentAt("Štefánikova", 1171, 12, "b"), false},
		{"Štefánikova - 12A", catchmentAt("Štefánikova", 1170, 12, "a"), true},
		{"Štefánikova - 10-15", catchmentAt("Štefánikova", 1170, 12, "a"), true},
		{"Štefánikova - 12a", catchmentAt("Štefánikova", 12, 0, ""), false},
		// whole street
		{"Husova", catchmentAt("Husova", 1, 1, ""), true},
		{"Husova", catchmentEv("Husova", 3), true},
		{"Husova", catchmentAt("Husovo náměstí", 1, 1, ""), false},
		{"Husova - celá ulice", catchmentAt("Husova", 999, 0, ""), true},
		// whole town part, with or without streets
		{"Lubina - celá část obce", catchmentInPart("Lubina", 25), true},
		{"Lubina - celá část obce", geo.Address{Part: geo.Ref{Name: "Lubina"}, Street: &geo.Ref{Name: "Nová"}, BuildingType: geo.Descriptive, HouseNumber: 300}, true},
		{"Lubina - celá část obce", catchmentInPart("Mniší", 25), false},
		{"Lubina - celá část obce", catchmentAt("Lubina", 25, 0, ""), false},
		// a town part without streets named like a street, with numbers
		{"Lubina - č. p. 1-30", catchmentInPart("Lubina", 25), true},
		{"Lubina - č. p. 1-30", catchmentInPart("Lubina", 31), false},
		{"Lubina", catchmentInPart("Lubina", 31), true},
		// names: case, diacritics and abbreviations
		{"Masarykovo nám. - č. 1-15", catchmentAt("Masarykovo náměstí", 100, 3, ""), true},
		{"masarykovo namesti - č. 1-15", catchmentAt("Masarykovo nám.", 100, 3, ""), true},
		{"STEFANIKOVA - 12", catchmentAt("Štefánikova", 1163, 12, ""), true},
		{"ul. Husova", catchmentAt("Husova", 1, 1, ""), true},
		{"tř. Osvobození - č. 5", catchmentAt("Třída Osvobození", 9, 5, ""), true},
		{"Kapitána Nálepky - č. ev. 10-20", catchmentEv("Kpt. Nálepky", 15), true},
		{"Štefánikova - 12", catchmentAt("Štefánikovo náměstí", 1, 12, ""), false},
	}
	for _, c := range cases {
		r := mustCatchmentRule(t, c.rule)
		if got := r.Matches(c.a); got != c.want {
			t.Errorf("%q matches %s: %v, want %v", c.rule, c.a.Label(), got, c.want)
		}
	}
}

func TestCatchmentRuleWithoutKeyComparesItsName(t *testing.T) {
	r := geo.CatchmentRule{Name: "Masarykovo nám.", Selectors: []geo.CatchmentSelector{{From: 1, To: 15}}}
	if !r.Matches(catchmentAt("Masarykovo náměstí", 100, 3, "")) {
		t.Errorf("a hand-built rule without Key does not match its own street")
	}
}

func TestCatchmentRuleStringReadsBackToTheSameRule(t *testing.T) {
	for _, line := range []string{
		"Štefánikova - lichá č. 1-9, 11, od 23 výše",
		"Štefánikova - sudá č.",
		"Husova",
		"Záhumenní - č. p. 120, 340-360",
		"Lubina - celá část obce",
		"Masarykovo náměstí - č. 1-15",
		"Obránců míru - sudá č. 2-40, lichá č. od 51 výše",
		"Kpt. Nálepky - č. ev. 10-20",
		"Husova - č. 12a, 14, č. p. 300, lichá č. ev. od 5 výše, sudá č., 2",
	} {
		r := mustCatchmentRule(t, line)
		if got := r.String(); got != line {
			t.Errorf("String() = %q, want %q", got, line)
		}
		if again := mustCatchmentRule(t, r.String()); !reflect.DeepEqual(again, r) {
			t.Errorf("%q reads back as %+v, want %+v", line, again, r)
		}
	}
}

func TestCatchmentRulesReportEveryProblemAtItsLineAndColumn(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []string
	}{
		{"backward range", "[ZS-1]\nHusova - č. 9-1", []string{
			"line 2: column 13: range 9-1 runs backwards"}},
		{"unknown word", "[ZS-1]\nŠtefánikova - lché č. 1-9", []string{
			"line 2: column 15: unknown word 'lché'"}},
		{"od without a number", "[ZS-1]\nHusova - od výše", []string{
			"line 2: column 10: 'od' needs a number"}},
		{"do without a number", "[ZS-1]\nHusova - 1, do", []string{
			"line 2: column 13: 'do' needs a number"}},
		{"range without an end", "[ZS-1]\nHusova - 5-, 7", []string{
			"line 2: column 11: range 5- needs an upper end"}},
		{"zero", "[ZS-1]\nHusova - 0-5", []string{
			"line 2: column 10: numbers start at 1, not 0"}},
		{"too large", "[ZS-1]\nHusova - č. p. 1234567", []string{
			"line 2: column 16: number 1234567 is too large"}},
		{"parity contradicted", "[ZS-1]\nHusova - lichá č. 1, 4, sudá č. 7", []string{
			"line 2: column 22: 4 is even in a clause of odd numbers",
			"line 2: column 33: 7 is odd in a clause of even numbers"}},
		{"letter on a číslo popisné", "[ZS-1]\nHusova - č. p. 12a", []string{
			"line 2: column 16: '12a': a letter goes only with a single orientation number"}},
		{"letter in a range", "[ZS-1]\nHusova - 12a-14", []string{
			"line 2: column 10: '12a': a letter goes only with a single orientation number"}},
		{"head without numbers", "[ZS-1]\nHusova - č. p.", []string{
			"line 2: column 10: 'č. p.' needs numbers"}},
		{"nothing after the dash", "[ZS-1]\nHusova -  ", []string{
			"line 2: column 8: nothing follows ' - ': list numbers or leave out the dash"}},
		{"missing comma", "[ZS-1]\nHusova - 1-9 11", []string{
			"line 2: column 14: expected ',' or ';', found '11'"}},
		{"trailing comma", "[ZS-1]\nHusova - 1-9,", []string{
			"line 2: column 14: expected a number, found the end of the line"}},
		{"semicolon without a head", "[ZS-1]\nHusova - č. 1-9; 11", []string{
			"line 2: column 18: after ';' comes 'č.', 'č. p.', 'č. ev.', 'lichá č.' or 'sudá č.', not '11'"}},
		{"odd character", "[ZS-1]\nHusova - 1/2", []string{
			"line 2: column 11: unexpected character '/'"}},
		{"výše out of place", "[ZS-1]\nHusova - 23 výše", []string{
			"line 2: column 13: expected ',' or ';', found 'výše'"}},
		{"celá část obce with numbers", "[ZS-1]\nLubina - celá část obce, č. p. 5", []string{
			"line 2: column 24: 'celá část obce' stands alone after ' - ', found ','"}},
		{"celá without its noun", "[ZS-1]\nLubina - celá", []string{
			"line 2: column 10: 'celá' goes with 'část obce' or 'ulice'"}},
		{"missing dash", "[ZS-1]\nŠtefánikova lichá č. 1-9", []string{
			"line 2: column 13: 'lichá' in a street name: is ' - ' missing before the numbers?"}},
		{"two streets on a line", "[ZS-1]\nHusova, Palackého", []string{
			"line 2: column 7: ',' in a street name: put each street on its own line"}},
		{"missing name", "[ZS-1]\n - č. 5", []string{
			"line 2: column 2: the street or town part name is missing"}},
		{"every problem on a line", "[ZS-1]\nHusova - 9-1, lché, od", []string{
			"line 2: column 10: range 9-1 runs backwards",
			"line 2: column 15: unknown word 'lché'",
			"line 2: column 21: 'od' needs a number"}},
		{"every problem in the file, in order", "# ZŠ\n[ZS-1]\nHusova - 9-1\nPalackého\n[ZS-2]\nNová - od\n", []string{
			"line 3: column 10: range 9-1 runs backwards",
			"line 6: column 8: 'od' needs a number"}},
		{"rules before the first header", "Husova\nPalackého\n[ZS-1]\nNová", []string{
			"line 1: column 1: a rule before the first area header: start the area with a line '[CODE] name'"}},
		{"header without a bracket", "[ZS-1 ZŠ Alšova\nHusova", []string{
			"line 1: column 1: ']' is missing: an area header reads '[CODE] name'"}},
		{"empty code", "[ ] ZŠ Alšova\nHusova", []string{
			"line 1: column 3: the area code is empty"}},
		{"space in a code", "[ZS 1] ZŠ Alšova\nHusova", []string{
			"line 1: column 4: an area code takes letters, digits, '-', '_' and '.', not a space"}},
		{"area twice", "[ZS-1]\nHusova\n[ZS-2]\nNová\n [ZS-1] again\nPalackého", []string{
			"line 5: column 3: area ZS-1 already began on line 1"}},
		{"area without rules", "[ZS-1]\n# nothing yet\n[ZS-2]\nNová", []string{
			"line 1: column 1: area ZS-1 has no rules"}},
		{"windows-1250", "[ZS-1]\nHusova\n\xa9tef\xe1nikova", []string{
			"line 3: column 1: not UTF-8 text (is the file in windows-1250?): save it as UTF-8"}},
	}
	for _, c := range cases {
		rules, err := geo.ParseCatchmentRules(c.text)
		var rerr *geo.CatchmentRulesError
		if !errors.As(err, &rerr) {
			t.Errorf("%s: got %d rules and error %v, want problems", c.name, len(rules), err)
			continue
		}
		if rules != nil {
			t.Errorf("%s: a refused file still gave %d rules", c.name, len(rules))
		}
		var got []string
		for _, p := range rerr.Problems {
			got = append(got, p.String())
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestCatchmentRulesErrorIsInvalidInputListingEveryProblem(t *testing.T) {
	_, err := geo.ParseCatchmentRules("[ZS-1]\nHusova - 9-1\nNová - od\n")
	if code := geo.ErrorCode(err); code != geo.EINVALID {
		t.Errorf("ErrorCode = %q, want %q", code, geo.EINVALID)
	}
	want := "line 2: column 10: range 9-1 runs backwards\nline 3: column 8: 'od' needs a number"
	if msg := geo.ErrorMessage(err); msg != want {
		t.Errorf("ErrorMessage = %q, want %q", msg, want)
	}
	if err.Error() != want {
		t.Errorf("Error() = %q, want %q", err.Error(), want)
	}
}

func TestCatchmentRulesStopListingAfterFiftyProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("[ZS-1]\n")
	for i := range 80 {
		fmt.Fprintf(&b, "Ulice %d - od\n", i)
	}
	_, err := geo.ParseCatchmentRules(b.String())
	var rerr *geo.CatchmentRulesError
	if !errors.As(err, &rerr) {
		t.Fatalf("got %v, want a *CatchmentRulesError", err)
	}
	if len(rerr.Problems) != 50 || !rerr.Truncated {
		t.Errorf("got %d problems, truncated %v; want 50, true", len(rerr.Problems), rerr.Truncated)
	}
	if last := rerr.Problems[49].Line; last != 51 {
		t.Errorf("the 50th problem is on line %d, want 51", last)
	}
	if !strings.HasSuffix(err.Error(), "\nonly the first 50 problems are listed") {
		t.Errorf("Error() does not say the list is cut short: %q", err.Error()[len(err.Error())-60:])
	}
}

func TestCatchmentRulesToleratesBOMCarriageReturnsAndIndentation(t *testing.T) {
	got, err := geo.ParseCatchmentRules("\uFEFF[ZS-1]  ZŠ Alšova \r\n\t  # comment\r\n  Husova - č. 1-9 \r\n\r\nNová")
	if err != nil {
		t.Fatalf("ParseCatchmentRules: %v", err)
	}
	want := []geo.CatchmentRuleLine{
		{Area: "ZS-1", AreaName: "ZŠ Alšova", Line: 3, Rule: geo.CatchmentRule{Name: "Husova", Key: "husova",
			Selectors: []geo.CatchmentSelector{{From: 1, To: 9}}}},
		{Area: "ZS-1", AreaName: "ZŠ Alšova", Line: 5, Rule: geo.CatchmentRule{Name: "Nová", Key: "nova"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestCatchmentRulesColumnsCountCharactersOfDecomposedText(t *testing.T) {
	// "Štefánikova" written with combining marks (NFD) is eleven characters, as on screen.
	_, err := geo.ParseCatchmentRules("[ZS-1]\nS\u030ctefa\u0301nikova - 9-1")
	want := "line 2: column 15: range 9-1 runs backwards"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}

func TestParseCatchmentRuleReportsOnLineOne(t *testing.T) {
	_, err := geo.ParseCatchmentRule("Husova - lché")
	if err == nil || err.Error() != "line 1: column 10: unknown word 'lché'" {
		t.Errorf("got %v", err)
	}
}

func TestCatchmentRuleNamesMayHoldLoneLettersDashesAndNumbers(t *testing.T) {
	for line, name := range map[string]string{
		"Blok C - č. 5":         "Blok C",
		"Frýdlantská-Nová":      "Frýdlantská-Nová",
		"28. října - č. 1-9":    "28. října",
		"Nábř. Svobody – č. 3":  "Nábř. Svobody",
		"Sídliště Sever — od 5": "Sídliště Sever",
	} {
		if r := mustCatchmentRule(t, line); r.Name != name {
			t.Errorf("%q: name %q, want %q", line, r.Name, name)
		}
	}
}

func TestReadCatchmentRulesPassesOnReadFailures(t *testing.T) {
	broken := errors.New("disk on fire")
	_, err := geo.ReadCatchmentRules(iotest.ErrReader(broken))
	if !errors.Is(err, broken) || geo.ErrorCode(err) != geo.EINTERNAL {
		t.Errorf("got %v (code %s), want the read error as an internal error", err, geo.ErrorCode(err))
	}
}

func FuzzCatchmentRuleStringReadsBack(f *testing.F) {
	for _, s := range []string{"Štefánikova - lichá č. 1-9, 11, od 23 výše", "Lubina - celá část obce",
		"Husova - č. p. 1; sudá č.", "Obránců míru - sudá č. 2-40, lichá č. od 51", "Husova - 12a, do 4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		r, err := geo.ParseCatchmentRule(line)
		if err != nil || strings.ContainsAny(line, "\r\n") {
			return
		}
		again, err := geo.ParseCatchmentRule(r.String())
		if err != nil || !reflect.DeepEqual(again, r) {
			t.Errorf("%q writes as %q, which reads as %+v, %v; want %+v", line, r.String(), again, err, r)
		}
	})
}
