package contacts_test

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/radnice/radnice/datasets/contacts"
	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/geo"
)

// valid is a small, complete contacts folder; each test changes what it is about.
var valid = map[string]string{
	"kontakty/uredni-hodiny.txt":      "Hours: po, st 8:00–11:30, 12:30–17:00\nHours: čt-pá 8:00-11:30\nException: 2026-12-31 zavřeno (inventura)\nException: 2026-12-23 8:00–11:30\n\nMimo úřední hodiny po domluvě.\n",
	"kontakty/odbory/ekonomicky.txt":  "Name: Odbor ekonomický\nOrder: 3\nPhone: +420 556 879 420\n\nRozpočet a poplatky.\n",
	"kontakty/odbory/poplatky.txt":    "Name: Oddělení místních poplatků\nParent: ekonomicky\nEmail: poplatky@koprivnice.example\nRoom: dveře č. 205\nAddress: Štefánikova 1163/12, 742 21 Kopřivnice\n",
	"kontakty/lide/novakova-jana.txt": "Id: 11\nTitleBefore: Ing.\nGiven: Jana\nFamily: Nováková\nTitleAfter: Ph.D.\nFunction: referentka\nDepartment: poplatky\nOrder: 1\nPhone: +420 556 879 422\nMobile: +420 731 000 111\nEmail: jana.novakova@koprivnice.example\nRoom: dveře č. 205\nHours: po 8:00–17:00\n",
	"kontakty/lide/novak-pavel.txt":   "Id: 12\nGiven: Pavel\nFamily: Novák\nFunction: referent\nDepartment: poplatky\n",
	"kontakty/agendy/poplatky.txt":    "Name: Místní poplatky\nDepartment: poplatky\nPerson: 11 Jana Nováková\nPerson: 12 Pavel Novák\nKeywords: poplatek za psa, psi\nKeywords: odpad\nBooking: https://rezervace.koprivnice.example/poplatky\n\nPoplatek ze psů a za odpad.\n",
}

// read reads valid with the files in changes replaced ("" removes a file).
func read(t *testing.T, changes map[string]string) (contacts.Directory, error) {
	t.Helper()
	files := maps.Clone(valid)
	maps.Copy(files, changes)
	fsys := fstest.MapFS{}
	for name, text := range files {
		if text != "" {
			fsys[name] = &fstest.MapFile{Data: []byte(text)}
		}
	}
	return contacts.Read(fsys, "kontakty")
}

func TestAValidFolderReadsIntoTheDirectory(t *testing.T) {
	d, err := read(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := d.Hours
	morning, afternoon := contacts.Interval{Opens: 8 * 60, Closes: 11*60 + 30}, contacts.Interval{Opens: 12*60 + 30, Closes: 17 * 60}
	if !slices.Equal(h.Week[time.Monday], []contacts.Interval{morning, afternoon}) || !slices.Equal(h.Week[time.Wednesday], h.Week[time.Monday]) {
		t.Errorf("Monday and Wednesday: %v, %v", h.Week[time.Monday], h.Week[time.Wednesday])
	}
	for _, day := range []time.Weekday{time.Thursday, time.Friday} { // the range čt-pá
		if !slices.Equal(h.Week[day], []contacts.Interval{morning}) {
			t.Errorf("%s: %v", day, h.Week[day])
		}
	}
	if len(h.Week[time.Tuesday]) != 0 || len(h.Week[time.Sunday]) != 0 {
		t.Errorf("days without a line are closed: %v", h.Week)
	}
	want := []contacts.Exception{
		{Day: geo.Date(2026, 12, 23), Hours: []contacts.Interval{morning}},
		{Day: geo.Date(2026, 12, 31), Note: "inventura"},
	}
	if len(h.Exceptions) != 2 || !h.Exceptions[0].Day.Equal(want[0].Day) || !slices.Equal(h.Exceptions[0].Hours, want[0].Hours) ||
		!h.Exceptions[1].Day.Equal(want[1].Day) || h.Exceptions[1].Hours != nil || h.Exceptions[1].Note != "inventura" {
		t.Errorf("exceptions (in date order): %+v", h.Exceptions)
	}
	if h.Note != "Mimo úřední hodiny po domluvě." {
		t.Errorf("note %q", h.Note)
	}

	if len(d.Departments) != 2 || d.Departments[1] != (contacts.Department{Code: "poplatky", Parent: "ekonomicky", Name: "Oddělení místních poplatků",
		Email: "poplatky@koprivnice.example", Room: "dveře č. 205", Address: "Štefánikova 1163/12, 742 21 Kopřivnice"}) ||
		d.Departments[0].Order != 3 || d.Departments[0].Description != "Rozpočet a poplatky." {
		t.Errorf("departments: %+v", d.Departments)
	}
	jana := d.People[1]
	if jana.ID != 11 || jana.TitleBefore != "Ing." || jana.TitleAfter != "Ph.D." || jana.Family != "Nováková" || jana.Department != "poplatky" ||
		jana.Mobile != "+420 731 000 111" || len(jana.Hours[time.Monday]) != 1 || jana.Hours[time.Tuesday] != nil {
		t.Errorf("person: %+v", jana)
	}
	a := d.Agendas[0]
	if a.Code != "poplatky" || !slices.Equal(a.People, []int{11, 12}) || !slices.Equal(a.Keywords, []string{"poplatek za psa", "psi", "odpad"}) ||
		a.Booking != "https://rezervace.koprivnice.example/poplatky" || a.Description != "Poplatek ze psů a za odpad." {
		t.Errorf("agenda: %+v", a)
	}
}

func TestEveryProblemIsReportedWithItsFileAndLine(t *testing.T) {
	for _, c := range []struct {
		name    string
		changes map[string]string
		want    []string
	}{
		{"no office hours", map[string]string{"kontakty/uredni-hodiny.txt": ""},
			[]string{"kontakty/uredni-hodiny.txt: missing: the office hours are required"}},
		{"office hours without hours", map[string]string{"kontakty/uredni-hodiny.txt": "Exception: 2026-12-31 zavřeno\n"},
			[]string{`kontakty/uredni-hodiny.txt: no Hours: give the office hours, e.g. Hours: "po, st 8:00–11:30, 12:30–17:00"`}},
		{"bad hours", map[string]string{"kontakty/uredni-hodiny.txt": "Hours: 8:00–11:30\nHours: pondělí, xy 8:00–11:30\nHours: pá–po 8:00–9:00\n" +
			"Hours: po 8:00\nHours: po 8.00–9.00\nHours: po 11:30–8:00\nHours: po 8:00–12:00, 11:00–14:00\nHours: st 8:00–9:00\nHours: po–pá 10:00–11:00\n"},
			[]string{
				`kontakty/uredni-hodiny.txt:1: Hours: want days and hours, e.g. "po, st 8:00–11:30, 12:30–17:00", got "8:00–11:30"`,
				`kontakty/uredni-hodiny.txt:2: Hours: "xy" is not a day: write po, út, st, čt, pá, so, ne`,
				`kontakty/uredni-hodiny.txt:3: Hours: the range "pá–po" runs backwards`,
				`kontakty/uredni-hodiny.txt:4: Hours: "8:00" is not a time range like 8:00–11:30`,
				`kontakty/uredni-hodiny.txt:5: Hours: "8.00" is not a time of day like 8:00 or 17:30`,
				`kontakty/uredni-hodiny.txt:6: Hours: 11:30–8:00 ends before it begins`,
				`kontakty/uredni-hodiny.txt:7: Hours: 11:00–14:00 must begin after the previous range ends (12:00)`,
				`kontakty/uredni-hodiny.txt:9: Hours: st is given twice (first on line 8)`,
			}},
		{"bad exceptions", map[string]string{"kontakty/uredni-hodiny.txt": "Hours: po 8:00–9:00\nException: 31. 12. 2026 zavřeno\nException: 2026-12-31\n" +
			"Exception: 2026-12-30 zavreno\nException: 2026-12-30 8:00–9:00\nException: 2026-12-29 celý den\n"},
			[]string{
				`kontakty/uredni-hodiny.txt:2: Exception: want a date written YYYY-MM-DD, then hours or "zavřeno", got "31. 12. 2026 zavřeno"`,
				`kontakty/uredni-hodiny.txt:3: Exception: say the hours of 2026-12-31 or "zavřeno"`,
				`kontakty/uredni-hodiny.txt:5: Exception: 2026-12-30 is given twice (first on line 4)`,
				`kontakty/uredni-hodiny.txt:6: Exception: "celý den" is not a time range like 8:00–11:30`,
			}},
		{"a missing folder", map[string]string{"kontakty/agendy/poplatky.txt": ""},
			[]string{"kontakty/agendy: missing folder"}},
		{"a syntax error stops before references are checked", map[string]string{"kontakty/odbory/ekonomicky.txt": "Name Odbor\n"},
			[]string{`kontakty/odbory/ekonomicky.txt:1: want a header line "Key: value" or a blank line before the text, got "Name Odbor"`}},
		{"bad departments", map[string]string{
			"kontakty/odbory/ekonomicky.txt": "Name: Odbor ekonomický\nParent: poplatky\nOrder: třetí\nPhone: 556 879 420\nEmail: Odbor <e@x.example>\nNazev: x\n",
			"kontakty/odbory/Poplatky 2.txt": "Name: Oddělení\nParent: nikde\n",
		}, []string{
			`kontakty/odbory/Poplatky 2.txt: the file name is the code: lower-case letters without diacritics, digits and hyphens, e.g. zivotni-prostredi.txt`,
			`kontakty/odbory/ekonomicky.txt:3: Order "třetí": not a whole number of at least 0`,
			`kontakty/odbory/ekonomicky.txt:5: Email "Odbor <e@x.example>": not an e-mail address`,
			`kontakty/odbory/ekonomicky.txt:4: Phone "556 879 420": write it +420 556 879 411`,
			`kontakty/odbory/ekonomicky.txt:6: unknown key "Nazev" (known: Address, Email, Name, Order, Parent, Phone, Room)`,
			`kontakty/odbory/Poplatky 2.txt:2: Parent "nikde": no such department (a file odbory/nikde.txt)`,
			`kontakty/odbory/ekonomicky.txt:2: Parent "poplatky": the department would be its own ancestor`,
			`kontakty/odbory/poplatky.txt:2: Parent "ekonomicky": the department would be its own ancestor`,
		}},
		{"bad people", map[string]string{
			"kontakty/lide/novak-pavel.txt": "Id: 12\nGiven: Pavel\nFamily: Novák\nFunction: referent\nDepartment: podatelna\nHours: so 25:00–26:00\n\nPoznámka.\n",
			"kontakty/lide/nekdo.txt":       "Id: 0\nGiven: Někdo\nFunction: \nDepartment: poplatky\n",
			"kontakty/lide/zdvojeny.txt":    "Id: 12\nGiven: Zdvojený\nFamily: Novák\nFunction: referent\nDepartment: poplatky\n",
		}, []string{
			`kontakty/lide/nekdo.txt:1: Id "0": not a whole number of at least 1`,
			`kontakty/lide/nekdo.txt: Family is required`,
			`kontakty/lide/nekdo.txt:3: Function is required`,
			`kontakty/lide/novak-pavel.txt:6: Hours: "25:00" is not a time of day like 8:00 or 17:30`,
			`kontakty/lide/novak-pavel.txt:5: Department "podatelna": no such department (a file odbory/podatelna.txt)`,
			`kontakty/lide/novak-pavel.txt:8: a person's file has no text below the header`,
			`kontakty/lide/zdvojeny.txt:1: Id 12 is kontakty/lide/novak-pavel.txt's already`,
		}},
		{"bad agendas", map[string]string{
			"kontakty/agendy/poplatky.txt": "Name: Místní poplatky\nDepartment: dane\nPerson: Jana Nováková\nPerson: 13 Jan Novotný\nPerson: 12 Pavla Nováková\n" +
				"Person: 11 Jana Nováková\nPerson: 11 Jana Nováková\nKeywords: psi,, pes\nBooking: http://rezervace.example/\n",
		}, []string{
			`kontakty/agendy/poplatky.txt:9: Booking "http://rezervace.example/": not an https:// address`,
			`kontakty/agendy/poplatky.txt:2: Department "dane": no such department (a file odbory/dane.txt)`,
			`kontakty/agendy/poplatky.txt:8: Keywords: an empty keyword (separate them by commas)`,
			`kontakty/agendy/poplatky.txt:3: Person: want the person's Id and name, e.g. "12 Jana Nováková", got "Jana Nováková"`,
			`kontakty/agendy/poplatky.txt:4: Person 13: nobody has this Id (in lide/)`,
			`kontakty/agendy/poplatky.txt:5: Person 12 is Pavel Novák, not Pavla Nováková`,
			`kontakty/agendy/poplatky.txt:7: Person 11 is given twice`,
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := read(t, c.changes)
			if err == nil {
				t.Fatal("read without error")
			}
			if got := strings.Split(err.Error(), "\n"); !slices.Equal(got, c.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", err, strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestTheDemoTownsContactsRead(t *testing.T) {
	d, err := contacts.Read(demotown.Content(), "kontakty")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.People) < 30 || len(d.Departments) < 10 || len(d.Agendas) < 15 {
		t.Errorf("%d people, %d departments, %d agendas: too few for a town of 22,000", len(d.People), len(d.Departments), len(d.Agendas))
	}
	// The life situations refer to these agendas.
	for _, code := range []string{"poplatky", "matrika", "zivotni-prostredi", "stavebni-urad", "doprava", "socialni-veci", "skolstvi",
		"majetek", "informace", "dotace", "evidence-obyvatel", "kultura", "krizove-rizeni"} {
		at := slices.IndexFunc(d.Agendas, func(a contacts.Agenda) bool { return a.Code == code })
		if at < 0 || len(d.Agendas[at].People) == 0 || len(d.Agendas[at].Keywords) == 0 {
			t.Errorf("agenda %s: missing, or without people or keywords", code)
		}
	}
	for _, p := range d.People {
		if !strings.HasSuffix(p.Email, "@koprivnice.example") || !strings.HasPrefix(p.Phone, "+420 556 879 ") {
			t.Errorf("%s %s: %s, %s: demo people have fictional addresses", p.Given, p.Family, p.Email, p.Phone)
		}
	}
}
