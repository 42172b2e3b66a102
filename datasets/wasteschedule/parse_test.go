package wasteschedule_test

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/radnice/radnice/datasets/wasteschedule"
	"github.com/radnice/radnice/geo"
)

const header = "typ;zona;odpad;datum;den;kazdych_tydnu;tydny;sezona_od;sezona_do;svatky;plati_od;plati_do;poznamka"

// weeklyA is a valid rule line, line 2 of the files made by file.
const weeklyA = "pravidlo;A;směsný;;pondělí;1;;;;posunout;;;"

// file joins the header and lines into a file's text.
func file(lines ...string) string {
	return header + "\n" + strings.Join(lines, "\n") + "\n"
}

func date(y int, m time.Month, d int) time.Time { return geo.Date(y, m, d) }

func isoDates(ts []time.Time) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Format(time.DateOnly)
	}
	return out
}

// refusal parses text expecting it refused and returns the problems.
func refusal(t *testing.T, text string) []wasteschedule.LineError {
	t.Helper()
	got, err := wasteschedule.Parse("svoz.csv", strings.NewReader(text))
	if got != nil {
		t.Errorf("a refused file returned %d schedules, want none", len(got))
	}
	var fe *wasteschedule.FileError
	if !errors.As(err, &fe) {
		t.Fatalf("Parse error = %v, want a *FileError", err)
	}
	if fe.File != "svoz.csv" {
		t.Errorf("FileError.File = %q, want svoz.csv", fe.File)
	}
	return fe.Errors
}

// wantProblem checks that text is refused for exactly one problem at line in field whose
// reason contains reason.
func wantProblem(t *testing.T, text string, line int, field, reason string) {
	t.Helper()
	errs := refusal(t, text)
	if len(errs) != 1 {
		t.Fatalf("problems = %v, want one at line %d in %q", errs, line, field)
	}
	e := errs[0]
	if e.Line != line || e.Field != field || !strings.Contains(e.Reason, reason) {
		t.Errorf("problem = %q, want line %d, field %q, reason containing %q", e.Error(), line, field, reason)
	}
}

func TestExampleScheduleFileParses(t *testing.T) {
	schedules, err := wasteschedule.ReadFile("testdata/example.csv")
	if err != nil {
		t.Fatalf("ReadFile: %v", err)
	}
	if len(schedules) != 18 {
		t.Fatalf("%d schedules, want the 18 rules of the file", len(schedules))
	}
	year := func(y int) (time.Time, time.Time) { return date(y, time.January, 1), date(y+1, time.January, 1) }
	from, to := year(2026)

	want := geo.WasteSchedule{Zone: "A", WasteType: "směsný", Weekday: time.Monday, EveryWeeks: 1,
		Holidays: geo.HolidayNextWorkingDay, ValidFrom: from, ValidTo: to, Extra: []time.Time{date(2026, time.December, 30)}}
	if !reflect.DeepEqual(schedules[0], want) {
		t.Errorf("first rule = %+v, want %+v", schedules[0], want)
	}
	zones, types := map[string]bool{}, map[string]bool{}
	for _, s := range schedules {
		zones[s.Zone], types[s.WasteType] = true, true
		if err := s.Validate(); err != nil {
			t.Errorf("%s %s: %v", s.Zone, s.WasteType, err)
		}
	}
	if len(zones) != 3 || len(types) != 5 {
		t.Errorf("zones %v and waste types %v, want A, B, C and five types", zones, types)
	}

	// The collections of one zone and waste type are those of all its rules.
	collections := func(zone, waste string, from, to time.Time) []string {
		var all []time.Time
		for _, s := range schedules {
			if s.Zone == zone && s.WasteType == waste {
				all = append(all, s.Dates(from, to)...)
			}
		}
		slices.SortFunc(all, time.Time.Compare)
		return slices.Compact(isoDates(all))
	}
	cases := []struct {
		zone, waste string
		from, to    time.Time
		want        []string
	}{
		// Twice a week; Easter Monday moves to Tuesday.
		{"A", "směsný", date(2026, 3, 30), date(2026, 4, 12), []string{"2026-03-30", "2026-04-02", "2026-04-07", "2026-04-09"}},
		// 24 December moves to Monday 28, which is collected anyway; 31 December is replaced by 30.
		{"A", "směsný", date(2026, 12, 21), date(2026, 12, 31), []string{"2026-12-21", "2026-12-28", "2026-12-30"}},
		// Anchored fortnightly.
		{"C", "směsný", date(2026, 1, 1), date(2026, 1, 31), []string{"2026-01-07", "2026-01-21"}},
		// Odd weeks until June, every week from July.
		{"B", "plast", date(2026, 6, 15), date(2026, 7, 12), []string{"2026-06-18", "2026-07-02", "2026-07-09"}},
		// The collection of Christmas Day, moved to 28 December, is cancelled.
		{"A", "papír", date(2026, 12, 1), date(2026, 12, 31), []string{"2026-12-11"}},
		// Glass on 17 November, a holiday, is not collected.
		{"A", "sklo", date(2026, 10, 1), date(2026, 12, 31), []string{"2026-10-20", "2026-12-15"}},
		// Weekly in the season, every four weeks in winter.
		{"B", "bio", date(2026, 3, 1), date(2026, 4, 15), []string{"2026-03-11", "2026-04-01", "2026-04-08", "2026-04-15"}},
		// Odd weeks in the season, and an extra collection after it.
		{"C", "bio", date(2026, 11, 16), date(2026, 12, 31), []string{"2026-11-18", "2026-12-02"}},
	}
	for _, c := range cases {
		if got := collections(c.zone, c.waste, c.from, c.to); !slices.Equal(got, c.want) {
			t.Errorf("%s %s from %s to %s: %v, want %v", c.zone, c.waste,
				c.from.Format(time.DateOnly), c.to.Format(time.DateOnly), got, c.want)
		}
	}
}

func TestParseAcceptsWhatAClerkWritesInAnEditorOrASpreadsheet(t *testing.T) {
	text := "\ufeff# harmonogram\r\n" +
		"\r\n" +
		"Typ;Zóna;Odpad;Každých týdnů;Týdny;Den;Datum;Sezóna od;Sezóna do;Svátky;Platí od;Platí do;;\r\n" + // any order, no poznamka
		";;;;;;;;;;;;;\r\n" + // an empty spreadsheet row
		"PRAVIDLO;Sever;papír;4;;PÁ;16.1.2026;;;Posunout;05.01.2026;2026-12-31;;\r\n" + // empty columns past the header's
		"pravidlo;Sever;plast;2;LICHÝ;ctvrtek;;;;ponechat\r\n" + // short: no validity
		"Pravidlo;Sever;bio;1;;st;;1. 4.;30.11;zrusit;;\r\n" +
		"pravidlo;\"Sever\";\"sklo; barevné\";1;;Ne;;;;zrušit;;\r\n" +
		"Navíc;Sever;bio;;;;2. 12. 2026\r\n" +
		"zrušeno;Sever;papír;;;;2026-02-13\r\n"
	got, err := wasteschedule.Parse("svoz.csv", strings.NewReader(text))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	want := []geo.WasteSchedule{
		{Zone: "Sever", WasteType: "papír", Weekday: time.Friday, EveryWeeks: 4, Anchor: date(2026, 1, 16),
			Holidays: geo.HolidayNextWorkingDay, ValidFrom: date(2026, 1, 5), ValidTo: date(2027, 1, 1),
			Cancelled: []time.Time{date(2026, 2, 13)}},
		{Zone: "Sever", WasteType: "plast", Weekday: time.Thursday, EveryWeeks: 2, Parity: geo.OddWeeks, Holidays: geo.HolidayKeep},
		{Zone: "Sever", WasteType: "bio", Weekday: time.Wednesday, EveryWeeks: 1, Holidays: geo.HolidayCancel,
			SeasonFrom: geo.MonthDay{Month: time.April, Day: 1}, SeasonTo: geo.MonthDay{Month: time.November, Day: 30},
			Extra: []time.Time{date(2026, 12, 2)}},
		{Zone: "Sever", WasteType: "sklo; barevné", Weekday: time.Sunday, EveryWeeks: 1, Holidays: geo.HolidayCancel},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parse =\n%+v\nwant\n%+v", got, want)
	}
}

func TestParseAcceptsEveryWeekdayName(t *testing.T) {
	names := map[string]time.Weekday{
		"pondělí": time.Monday, "pondeli": time.Monday, "Po": time.Monday,
		"úterý": time.Tuesday, "utery": time.Tuesday, "ÚT": time.Tuesday,
		"středa": time.Wednesday, "streda": time.Wednesday, "st": time.Wednesday,
		"čtvrtek": time.Thursday, "ctvrtek": time.Thursday, "čt": time.Thursday,
		"pátek": time.Friday, "patek": time.Friday, "pa": time.Friday,
		"sobota": time.Saturday, "SO": time.Saturday,
		"neděle": time.Sunday, "nedele": time.Sunday, "ne": time.Sunday,
	}
	for name, wd := range names {
		got, err := wasteschedule.Parse("svoz.csv", strings.NewReader(file("pravidlo;A;směsný;;"+name+";1;;;;ponechat;;;")))
		if err != nil || len(got) != 1 || got[0].Weekday != wd {
			t.Errorf("den %q: %v, %v; want %v", name, got, err, wd)
		}
	}
}

func TestParseRefusesEveryKindOfBadLineNamingItsLineAndColumn(t *testing.T) {
	cases := []struct {
		line   string
		field  string
		reason string
	}{
		{";A;směsný;;pondělí;1;;;;posunout;;;", "typ", "missing"},
		{"pravidla;A;směsný;;pondělí;1;;;;posunout;;;", "typ", `"pravidla" is not pravidlo, navic or zruseno`},
		{"pravidlo;;směsný;;pondělí;1;;;;posunout;;;", "zona", "missing"},
		{"pravidlo;A;;;pondělí;1;;;;posunout;;;", "odpad", "missing"},
		{"pravidlo;A;směsný;;;1;;;;posunout;;;", "den", "missing"},
		{"pravidlo;A;směsný;;pondělek;1;;;;posunout;;;", "den", `"pondělek" is not a weekday`},
		{"pravidlo;A;směsný;;pondělí;;;;;posunout;;;", "kazdych_tydnu", "missing"},
		{"pravidlo;A;směsný;;pondělí;0;;;;posunout;;;", "kazdych_tydnu", `"0" is not a number of weeks from 1 to 8`},
		{"pravidlo;A;směsný;;pondělí;9;;;;posunout;;;", "kazdych_tydnu", `"9"`},
		{"pravidlo;A;směsný;;pondělí;týdně;;;;posunout;;;", "kazdych_tydnu", `"týdně"`},
		{"pravidlo;A;směsný;;pondělí;2;lichá;;;posunout;;;", "tydny", `"lichá" is not lichý or sudý`},
		{"pravidlo;A;směsný;;pondělí;3;sudý;;;posunout;;;", "tydny", "kazdych_tydnu is 3"},
		{"pravidlo;A;směsný;;pondělí;2;;;;posunout;;;", "datum", "missing; a rule every 2 weeks needs one date"},
		{"pravidlo;A;směsný;6. 1. 2026;pondělí;2;;;;posunout;;;", "datum", "6. 1. 2026 is úterý, not pondělí"},
		{"pravidlo;A;směsný;5. 1. 2026;pondělí;1;;;;posunout;;;", "datum", "a weekly rule takes no date; to start the rule on 5. 1. 2026 write it in plati_od"},
		{"pravidlo;A;směsný;5. 1. 2026;pondělí;2;lichý;;;posunout;;;", "datum", "leave datum empty"},
		{"pravidlo;A;směsný;5. 1. 26;pondělí;2;;;;posunout;;;", "datum", "four digits"},
		{"pravidlo;A;směsný;31. 2. 2026;úterý;2;;;;posunout;;;", "datum", "no such day"},
		{"pravidlo;A;směsný;5/1/2026;pondělí;2;;;;posunout;;;", "datum", `"5/1/2026" is not a date`},
		{"pravidlo;A;směsný;1999-01-04;pondělí;2;;;;posunout;;;", "datum", "2000–2099"},
		{"pravidlo;A;bio;;pondělí;1;;1.4.;;posunout;;;", "sezona_do", "missing"},
		{"pravidlo;A;bio;;pondělí;1;;;30.11.;posunout;;;", "sezona_od", "missing"},
		{"pravidlo;A;bio;;pondělí;1;;31.4.;30.11.;posunout;;;", "sezona_od", `"31.4." is not a day and month`},
		{"pravidlo;A;bio;;pondělí;1;;1.4.;30.13.;posunout;;;", "sezona_do", `"30.13."`},
		{"pravidlo;A;bio;;pondělí;1;;1.4.2026;30.11.;posunout;;;", "sezona_od", "has a year"},
		{"pravidlo;A;bio;;pondělí;1;;duben;30.11.;posunout;;;", "sezona_od", `"duben"`},
		{"pravidlo;A;směsný;;pondělí;1;;;;;;;", "svatky", "missing; write posunout, ponechat or zrušit"},
		{"pravidlo;A;směsný;;pondělí;1;;;;přesunout;;;", "svatky", `"přesunout" is not posunout`},
		{"pravidlo;A;směsný;;pondělí;1;;;;posunout;1. 13. 2026;;", "plati_od", "no such day"},
		{"pravidlo;A;směsný;;pondělí;1;;;;posunout;;31.12.;", "plati_do", "not a date"},
		{"pravidlo;A;směsný;;pondělí;1;;;;posunout;1. 7. 2026;30. 6. 2026;", "plati_do", "30. 6. 2026 is before plati_od 1. 7. 2026"},
		{"pravidlo;A;směsný;;pondělí;1;;;;posunout;;;;navíc", "", "the line has 14 fields, the header 13"},
		{`pravidlo;A;"směsný;;pondělí;1;;;;posunout;;;`, "", "broken quoting"},
		{`pravidlo;A;směsný "černý";;pondělí;1;;;;posunout;;;`, "", "broken quoting"},
		{"navic;A;směsný;;;;;;;;;;", "datum", "missing; write the date of the collection added"},
		{"zruseno;A;směsný;;;;;;;;;;", "datum", "missing; write the date of the collection cancelled"},
		{"navic;A;směsný;1. 1. 2026;čtvrtek;;;;;;;;", "den", "belongs to pravidlo lines; leave it empty on a navic line"},
		{"zruseno;A;směsný;5. 1. 2026;;;;;;posunout;;;", "svatky", "leave it empty on a zruseno line"},
		{"navic;A;sklo;1. 1. 2026", "odpad", `no pravidlo line collects "sklo" in the zone "A"`},
		{"navic;D;směsný;1. 1. 2026", "zona", `no pravidlo line has the zone "D"`},
		{"navic;A;směsný;12. 1. 2026", "datum", "12. 1. 2026 is already a collection day of směsný in the zone A (the rule on line 2)"},
		{"zruseno;A;směsný;13. 1. 2026", "datum", "no collection of směsný in the zone A falls on 13. 1. 2026"},
		{"zruseno;A;směsný;6. 4. 2026", "datum", "it is a holiday (Velikonoční pondělí): a collection moved from a holiday is cancelled on the day it is moved to"},
		{"pravidlo;a;směsný;;úterý;1;;;;posunout;;;", "zona", `"a" is written "A" on line 2`},
		{"pravidlo;A;Smesny;;úterý;1;;;;posunout;;;", "odpad", `"Smesny" is written "směsný" on line 2`},
		{weeklyA, "", "repeats the rule on line 2"},
	}
	for _, c := range cases {
		t.Run(c.line, func(t *testing.T) {
			wantProblem(t, file(weeklyA, c.line), 3, c.field, c.reason)
		})
	}
}

func TestParseRefusesExceptionsThatContradictOrRepeat(t *testing.T) {
	wantProblem(t, file(weeklyA, "zruseno;A;směsný;5. 1. 2026", "zruseno;A;směsný;5. 1. 2026"), 4, "", "repeats the zruseno line 3")
	wantProblem(t, file(weeklyA, "navic;A;směsný;6. 1. 2026", "zruseno;A;směsný;6. 1. 2026"), 4, "datum", "6. 1. 2026 contradicts the navic line 3")
	bounded := "pravidlo;A;směsný;;pondělí;1;;;;posunout;1. 1. 2026;31. 12. 2026;"
	wantProblem(t, file(bounded, "navic;A;směsný;2. 1. 2027"), 3, "datum", "no rule for směsný in the zone A applies on 2. 1. 2027")
}

func TestParseRefusesAFileWithoutAUsableHeader(t *testing.T) {
	cases := []struct {
		name, text, reason string
		line               int
	}{
		{"empty", "", "the file has no header line", 1},
		{"comments only", "# nic\n\n# ještě nic\n", "the file has no header line", 1},
		{"no header", "# svoz\n" + weeklyA + "\n", "the header line is missing", 2},
		{"unknown column", header + ";barva\n" + weeklyA + "\n", `unknown column "barva" in the header (field 14)`, 1},
		{"a column twice", header + ";Zóna\n" + weeklyA + "\n", "column zona appears twice in the header (fields 2 and 14)", 1},
		{"missing columns", "typ;zona;odpad;den;kazdych_tydnu;svatky\n", "the header lacks the columns datum, tydny, sezona_od, sezona_do, plati_od, plati_do", 1},
		{"no rules", header + "\n# zatím nic\n", "the file has no pravidlo line", 1},
		{"windows-1250", header + "\npravidlo;A;sm\xecsn\xfd;;pond\xec\xed;1;;;;posunout;;;\n", `save it as "CSV UTF-8"`, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			errs := refusal(t, c.text)
			if len(errs) != 1 || errs[0].Line != c.line || errs[0].Field != "" || !strings.Contains(errs[0].Reason, c.reason) {
				t.Errorf("problems = %v, want one at line %d containing %q", errs, c.line, c.reason)
			}
		})
	}
}

func TestParseRefusesTheWholeFileListingEveryProblemInLineOrder(t *testing.T) {
	text := file(
		"zruseno;A;směsný;7. 1. 2026", // 2: resolved at the end, reported in order
		weeklyA,                       // 3
		"pravidlo;B;plast;;čtvrtek;2;;;;keep;;;", // 4: two problems
		"pravidlo;C;sklo;;út;4;;;;zrušit;;;",     // 5
		"pravidlo;C;papír;;pá;1;;;;zrušit;;;",    // 6: valid, yet not returned
	)
	errs := refusal(t, text)
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		"svoz.csv:2: datum: no collection of směsný in the zone A falls on 7. 1. 2026",
		"svoz.csv:4: datum: missing; a rule every 2 weeks needs one date it collects on, to fix which weeks (or tydny lichý/sudý with kazdych_tydnu 2)",
		`svoz.csv:4: svatky: "keep" is not posunout, ponechat or zrušit`,
		"svoz.csv:5: datum: missing; a rule every 4 weeks needs one date it collects on, to fix which weeks (or tydny lichý/sudý with kazdych_tydnu 2)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestParseJudgesNoExceptionAgainstARefusedRule(t *testing.T) {
	// The rule of B plast is refused; its cancellation is not reported as a second problem.
	errs := refusal(t, file("pravidlo;B;plast;;čtvrtek;2;;;;posunout;;;", "zruseno;B;plast;1. 1. 2026"))
	if len(errs) != 1 || errs[0].Line != 2 {
		t.Errorf("problems = %v, want only the rule's", errs)
	}
}

func TestParseListsAtMostMaxErrorsProblems(t *testing.T) {
	lines := []string{weeklyA}
	for i := 0; i < wasteschedule.MaxErrors+10; i++ {
		lines = append(lines, fmt.Sprintf("pravidlo;A;sklo%d;;pondělí;0;;;;posunout;;;", i))
	}
	text := file(lines...)
	_, err := wasteschedule.Parse("svoz.csv", strings.NewReader(text))
	var fe *wasteschedule.FileError
	if !errors.As(err, &fe) || len(fe.Errors) != wasteschedule.MaxErrors || !fe.Truncated {
		t.Fatalf("Parse error = %v, want %d problems and more left out", err, wasteschedule.MaxErrors)
	}
	if !strings.HasSuffix(err.Error(), fmt.Sprintf("more problems not listed (only the first %d are)", wasteschedule.MaxErrors)) {
		t.Errorf("message ends %q", err.Error()[len(err.Error())-80:])
	}

	// Exactly MaxErrors problems are all listed, with nothing left out.
	_, err = wasteschedule.Parse("svoz.csv", strings.NewReader(file(lines[:wasteschedule.MaxErrors+1]...)))
	if !errors.As(err, &fe) || len(fe.Errors) != wasteschedule.MaxErrors || fe.Truncated {
		t.Errorf("Parse error = %v, want %d problems, none left out", err, wasteschedule.MaxErrors)
	}
}

func TestParseErrorsReadFileColonLineColonColumn(t *testing.T) {
	e := wasteschedule.LineError{File: "svoz.csv", Line: 7, Field: "den", Reason: `"pondělek" is not a weekday`}
	if got, want := e.Error(), `svoz.csv:7: den: "pondělek" is not a weekday`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	e.Field = ""
	if got, want := e.Error(), `svoz.csv:7: "pondělek" is not a weekday`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	fe := &wasteschedule.FileError{File: "svoz.csv", Errors: []wasteschedule.LineError{e}}
	if got, want := fe.Error(), "svoz.csv: file refused:\n"+`svoz.csv:7: "pondělek" is not a weekday`; got != want {
		t.Errorf("FileError.Error() = %q, want %q", got, want)
	}
	if geo.ErrorCode(fe) != geo.EINVALID || geo.ErrorMessage(fe) != fe.Error() {
		t.Errorf("a refused file is %s %q, want %s with the list as its message", geo.ErrorCode(fe), geo.ErrorMessage(fe), geo.EINVALID)
	}
}

// failingReader fails after its text.
type failingReader struct{ text string }

func (r *failingReader) Read(b []byte) (int, error) {
	if r.text == "" {
		return 0, errors.New("disk on fire")
	}
	n := copy(b, r.text)
	r.text = r.text[n:]
	return n, nil
}

func TestParsePassesOnAReadError(t *testing.T) {
	_, err := wasteschedule.Parse("svoz.csv", &failingReader{text: file(weeklyA)})
	var fe *wasteschedule.FileError
	if err == nil || errors.As(err, &fe) || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("Parse error = %v, want the read error", err)
	}
}

func TestReadFileReportsAMissingFile(t *testing.T) {
	if _, err := wasteschedule.ReadFile("testdata/no-such-file.csv"); err == nil {
		t.Error("ReadFile of a missing file succeeded")
	}
}

func TestParseRefusesAFileLargerThan4MiB(t *testing.T) {
	comments := strings.Repeat("# "+strings.Repeat("x", 98)+"\n", 45000)
	errs := refusal(t, file(weeklyA)+comments)
	if len(errs) != 1 || !strings.Contains(errs[0].Reason, "larger than 4 MiB") {
		t.Errorf("problems = %v, want the file refused as too large", errs)
	}
}
