// Package contacts reads a town's organisation and contacts from its content folder (the
// subfolder kontakty/ of web/content): the departments of the office as a tree, its people,
// the agendas it handles with their booking links, and its office hours. Every file is a
// textdoc; the reader is strict and lists every problem with its file and line.
//
//	kontakty/uredni-hodiny.txt    the office hours
//	kontakty/odbory/CODE.txt      one department (odbor, oddělení); the file name is its code
//	kontakty/lide/*.txt           one person each, with a lasting numeric Id
//	kontakty/agendy/CODE.txt      one agenda ("poplatky", "matrika"); the file name is its code
//
// uredni-hodiny.txt:
//
//	Hours: po, st 8:00–11:30, 12:30–17:00
//	Hours: út, čt 8:00–11:30, 12:30–14:00
//	Hours: pá 8:00–11:30
//	Exception: 2026-12-23 8:00–11:30 (zkrácené úřední hodiny)
//	Exception: 2026-12-31 zavřeno
//
//	Mimo úřední hodiny vás přijmeme po předchozí domluvě.
//
// odbory/poplatky.txt (the text is the department's description):
//
//	Name: Oddělení místních poplatků
//	Parent: ekonomicky
//	Order: 10
//	Email: poplatky@koprivnice.example
//	Phone: +420 556 879 420
//	Room: přízemí, dveře č. 12
//	Address: Štefánikova 1163/12, 742 21 Kopřivnice
//
// lide/novakova-jana.txt (no text below the header):
//
//	Id: 12
//	TitleBefore: Ing.
//	Given: Jana
//	Family: Nováková
//	Function: referentka místních poplatků
//	Department: poplatky
//	Phone: +420 556 879 421
//	Email: jana.novakova@koprivnice.example
//	Room: dveře č. 12
//	Hours: po, st 8:00–17:00
//
// agendy/poplatky.txt (the text is the agenda's description):
//
//	Name: Místní poplatky
//	Department: poplatky
//	Person: 12 Jana Nováková
//	Keywords: poplatek za psa, psi, pes, poplatek za komunální odpad
//	Booking: https://rezervace.koprivnice.example/poplatky
//
// A Person line names the person by Id and, as a check, by given and family name.
package contacts

import (
	"errors"
	"fmt"
	"io/fs"
	"net/mail"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/radnice/radnice/datasets/textdoc"
)

// The files and folders of the contacts content, within its folder.
const (
	HoursFile      = "uredni-hodiny.txt"
	DepartmentsDir = "odbory"
	PeopleDir      = "lide"
	AgendasDir     = "agendy"
)

// Directory is the whole of a town's contacts.
type Directory struct {
	Hours       Hours
	Departments []Department
	People      []Person
	Agendas     []Agenda
}

// Department is a part of the office (odbor, oddělení), in a tree by Parent.
type Department struct {
	Code        string
	Parent      string // "" at the top
	Name        string
	Order       int // among its siblings, then by name
	Description string
	Email       string
	Phone       string
	Room        string
	Address     string // "" when it is the office's
}

// Person is someone the public can contact.
type Person struct {
	ID                      int
	TitleBefore, TitleAfter string // "Ing.", "Ph.D."
	Given, Family           string
	Function                string // "vedoucí odboru"
	Department              string // its code
	Order                   int    // within the department, then by family name
	Phone, Mobile, Email    string
	Room                    string
	Hours                   Week // the person's own hours; empty when they are the office's
}

// Agenda is a matter the office handles and who handles it.
type Agenda struct {
	Code        string
	Name        string
	Description string
	Department  string // its code
	People      []int  // ids, in the order given
	Keywords    []string
	Booking     string // the booking system's page for the agenda, "" when none
}

var (
	codeRE  = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	phoneRE = regexp.MustCompile(`^\+420 [0-9]{3} [0-9]{3} [0-9]{3}$`)
	// personRE is a Person line of an agenda: the id, then the name.
	personRE = regexp.MustCompile(`^([0-9]+) +(\S.*)$`)
)

// Read reads the contacts content in the folder dir of fsys. It reports every problem it
// finds, each with its file and line.
func Read(fsys fs.FS, dir string) (Directory, error) {
	r := &reader{}
	hoursDoc := r.readFile(fsys, path.Join(dir, HoursFile))
	departmentDocs := r.readDir(fsys, path.Join(dir, DepartmentsDir))
	personDocs := r.readDir(fsys, path.Join(dir, PeopleDir))
	agendaDocs := r.readDir(fsys, path.Join(dir, AgendasDir))
	if len(r.problems) > 0 {
		return Directory{}, errors.Join(r.problems...)
	}
	var d Directory
	d.Hours = r.hours(hoursDoc)
	d.Departments = r.departments(departmentDocs)
	d.People = r.people(personDocs, d.Departments)
	d.Agendas = r.agendas(agendaDocs, d.Departments, d.People)
	if len(r.problems) > 0 {
		return Directory{}, errors.Join(r.problems...)
	}
	return d, nil
}

// reader collects the problems of a reading.
type reader struct {
	problems []error
}

func (r *reader) fail(err error) {
	if err != nil {
		r.problems = append(r.problems, err)
	}
}

func (r *reader) readFile(fsys fs.FS, name string) *textdoc.Doc {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		r.fail(&textdoc.Error{File: name, Msg: "missing: the office hours are required"})
		return nil
	}
	doc, err := textdoc.Parse(name, data)
	r.fail(err)
	return doc
}

func (r *reader) readDir(fsys fs.FS, dir string) []*textdoc.Doc {
	docs, err := textdoc.ReadDir(fsys, dir, ".txt")
	if errors.Is(err, fs.ErrNotExist) {
		err = &textdoc.Error{File: dir, Msg: "missing folder"}
	}
	r.fail(err)
	return docs
}

// fields reads the header of one document, recording its problems.
type fields struct {
	r   *reader
	doc *textdoc.Doc
}

// text is the value of key; check, when given, says what is wrong with a value ("" when nothing).
func (f fields) text(key string, required bool, check func(string) string) string {
	get := f.doc.Optional
	if required {
		get = f.doc.Required
	}
	v, err := get(key)
	if err == nil && v.Value != "" && check != nil {
		if why := check(v.Value); why != "" {
			err = f.doc.Errorf(v.Line, "%s %q: %s", key, v.Value, why)
		}
	}
	f.r.fail(err)
	return v.Value
}

// number is the value of key, a whole number of at least min; 0 when absent.
func (f fields) number(key string, required bool, min int) int {
	s := f.text(key, required, func(s string) string {
		if n, err := strconv.Atoi(s); err != nil || n < min {
			return fmt.Sprintf("not a whole number of at least %d", min)
		}
		return ""
	})
	n, _ := strconv.Atoi(s)
	return n
}

// line is the line key is written on, 0 when it is not.
func (f fields) line(key string) int {
	v, _ := f.doc.Optional(key)
	return v.Line
}

// code is the document's code: its file name without .txt.
func (f fields) code() string {
	code := strings.TrimSuffix(path.Base(f.doc.File), ".txt")
	if !codeRE.MatchString(code) {
		f.r.fail(f.doc.Errorf(0, "the file name is the code: lower-case letters without diacritics, digits and hyphens, e.g. zivotni-prostredi.txt"))
	}
	return code
}

func (f fields) done() {
	f.r.fail(f.doc.CheckKnown())
}

func checkPhone(s string) string {
	if !phoneRE.MatchString(s) {
		return "write it +420 556 879 411"
	}
	return ""
}

func checkEmail(s string) string {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return "not an e-mail address"
	}
	return ""
}

func checkBooking(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return "not an https:// address"
	}
	return ""
}

func (r *reader) hours(doc *textdoc.Doc) Hours {
	f := fields{r, doc}
	h := Hours{Week: r.week(doc), Note: doc.Body}
	if h.Week.Empty() {
		r.fail(doc.Errorf(0, "no Hours: give the office hours, e.g. Hours: %s", hoursExample))
	}
	seen := map[time.Time]int{}
	for _, v := range doc.All("Exception") {
		e, err := parseException(v.Value)
		if err != nil {
			r.fail(doc.Errorf(v.Line, "Exception: %v", err))
			continue
		}
		if first, dup := seen[e.Day]; dup {
			r.fail(doc.Errorf(v.Line, "Exception: %s is given twice (first on line %d)", e.Day.Format(time.DateOnly), first))
			continue
		}
		seen[e.Day] = v.Line
		h.Exceptions = append(h.Exceptions, e)
	}
	slices.SortFunc(h.Exceptions, func(a, b Exception) int { return a.Day.Compare(b.Day) })
	f.done()
	return h
}

// week reads the Hours lines of doc; each day may be given once.
func (r *reader) week(doc *textdoc.Doc) Week {
	var w Week
	given := map[time.Weekday]int{}
	for _, v := range doc.All("Hours") {
		days, intervals, err := parseHoursLine(v.Value)
		if err != nil {
			r.fail(doc.Errorf(v.Line, "Hours: %v", err))
			continue
		}
		for _, day := range days {
			if first, dup := given[day]; dup {
				r.fail(doc.Errorf(v.Line, "Hours: %s is given twice (first on line %d)", dayAbbreviations[day], first))
				continue
			}
			given[day] = v.Line
			w[day] = intervals
		}
	}
	return w
}

// dayAbbreviations name the weekdays in messages, as the content writes them.
var dayAbbreviations = [7]string{"ne", "po", "út", "st", "čt", "pá", "so"}

func (r *reader) departments(docs []*textdoc.Doc) []Department {
	out := make([]Department, len(docs))
	index := map[string]int{}
	for i, doc := range docs {
		f := fields{r, doc}
		out[i] = Department{
			Code:        f.code(),
			Name:        f.text("Name", true, nil),
			Parent:      f.text("Parent", false, nil),
			Order:       f.number("Order", false, 0),
			Email:       f.text("Email", false, checkEmail),
			Phone:       f.text("Phone", false, checkPhone),
			Room:        f.text("Room", false, nil),
			Address:     f.text("Address", false, nil),
			Description: doc.Body,
		}
		index[out[i].Code] = i
		f.done()
	}
	for i, d := range out {
		if d.Parent == "" {
			continue
		}
		line := fields{r, docs[i]}.line("Parent")
		if _, ok := index[d.Parent]; !ok {
			r.fail(docs[i].Errorf(line, "Parent %q: no such department (a file %s/%s.txt)", d.Parent, DepartmentsDir, d.Parent))
			continue
		}
		// Walking up from d must reach the top before it has seen every department.
		at := d
		for range out {
			if at.Parent == "" {
				break
			}
			if at = out[index[at.Parent]]; at.Code == d.Code {
				r.fail(docs[i].Errorf(line, "Parent %q: the department would be its own ancestor", d.Parent))
				break
			}
		}
	}
	return out
}

func (r *reader) people(docs []*textdoc.Doc, departments []Department) []Person {
	out := make([]Person, len(docs))
	firstFile := map[int]string{}
	for i, doc := range docs {
		f := fields{r, doc}
		p := Person{
			ID:          f.number("Id", true, 1),
			TitleBefore: f.text("TitleBefore", false, nil),
			Given:       f.text("Given", true, nil),
			Family:      f.text("Family", true, nil),
			TitleAfter:  f.text("TitleAfter", false, nil),
			Function:    f.text("Function", true, nil),
			Department:  f.text("Department", true, nil),
			Order:       f.number("Order", false, 0),
			Phone:       f.text("Phone", false, checkPhone),
			Mobile:      f.text("Mobile", false, checkPhone),
			Email:       f.text("Email", false, checkEmail),
			Room:        f.text("Room", false, nil),
			Hours:       r.week(doc),
		}
		if p.ID > 0 {
			if first, dup := firstFile[p.ID]; dup {
				r.fail(doc.Errorf(f.line("Id"), "Id %d is %s's already", p.ID, first))
			}
			firstFile[p.ID] = doc.File
		}
		if p.Department != "" && !slices.ContainsFunc(departments, func(d Department) bool { return d.Code == p.Department }) {
			r.fail(doc.Errorf(f.line("Department"), "Department %q: no such department (a file %s/%s.txt)", p.Department, DepartmentsDir, p.Department))
		}
		if doc.Body != "" {
			r.fail(doc.Errorf(doc.BodyLine, "a person's file has no text below the header"))
		}
		out[i] = p
		f.done()
	}
	return out
}

func (r *reader) agendas(docs []*textdoc.Doc, departments []Department, people []Person) []Agenda {
	out := make([]Agenda, len(docs))
	for i, doc := range docs {
		f := fields{r, doc}
		a := Agenda{
			Code:        f.code(),
			Name:        f.text("Name", true, nil),
			Department:  f.text("Department", true, nil),
			Booking:     f.text("Booking", false, checkBooking),
			Description: doc.Body,
		}
		if a.Department != "" && !slices.ContainsFunc(departments, func(d Department) bool { return d.Code == a.Department }) {
			r.fail(doc.Errorf(f.line("Department"), "Department %q: no such department (a file %s/%s.txt)", a.Department, DepartmentsDir, a.Department))
		}
		for _, v := range doc.All("Keywords") {
			for word := range strings.SplitSeq(v.Value, ",") {
				if word = strings.TrimSpace(word); word == "" {
					r.fail(doc.Errorf(v.Line, "Keywords: an empty keyword (separate them by commas)"))
					continue
				}
				a.Keywords = append(a.Keywords, word)
			}
		}
		for _, v := range doc.All("Person") {
			if id, ok := r.agendaPerson(doc, v, people); ok {
				if slices.Contains(a.People, id) {
					r.fail(doc.Errorf(v.Line, "Person %d is given twice", id))
					continue
				}
				a.People = append(a.People, id)
			}
		}
		out[i] = a
		f.done()
	}
	return out
}

// agendaPerson reads a Person line of an agenda, "12 Jana Nováková": the Id of someone in
// people, whose given and family name must follow it, so that a wrong number shows.
func (r *reader) agendaPerson(doc *textdoc.Doc, v textdoc.Field, people []Person) (int, bool) {
	m := personRE.FindStringSubmatch(v.Value)
	if m == nil {
		r.fail(doc.Errorf(v.Line, "Person: want the person's Id and name, e.g. \"12 Jana Nováková\", got %q", v.Value))
		return 0, false
	}
	id, _ := strconv.Atoi(m[1])
	at := slices.IndexFunc(people, func(p Person) bool { return p.ID == id })
	if at < 0 {
		r.fail(doc.Errorf(v.Line, "Person %d: nobody has this Id (in %s/)", id, PeopleDir))
		return 0, false
	}
	if name := people[at].Given + " " + people[at].Family; m[2] != name {
		r.fail(doc.Errorf(v.Line, "Person %d is %s, not %s", id, name, m[2]))
		return 0, false
	}
	return id, true
}
