// Package situations reads a town's life situations (životní situace) from its content folder:
// kategorie.txt lists the categories, and each situation is one textdoc file NAME.md whose name
// is its address. The header says what the situation links to, the body is Markdown in fixed
// sections:
//
//	Title: Pořízení psa
//	Category: odpady-a-poplatky
//	Summary: Psa staršího tří měsíců přihlásíte k místnímu poplatku do 15 dnů.
//	Keywords: pes, psi, pejsek, poplatek ze psů, známka
//	Agenda: poplatky
//	Form: prihlaseni-psa | Přihlášení psa k místnímu poplatku
//	Video: jak-prihlasit-psa | Jak přihlásit psa
//	Law: zákon č. 565/1990 Sb., o místních poplatcích
//	Updated: 2026-10-12
//
//	## Co to je
//	…
//	## Koho se týká
//	…
//
// Every problem is reported as file:line: reason, for every file at once.
package situations

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/radnice/radnice/datasets/textdoc"
)

// CategoriesFile names the categories in a situations folder.
const CategoriesFile = "kategorie.txt"

// Ext ends the name of every situation's file.
const Ext = ".md"

// Category is a group of situations on the signpost.
type Category struct {
	Slug        string // its address: "rodina-a-deti"
	Title       string
	Description string // "" when the file gives none
}

// Link is a form or a video guide a situation points to: its slug and the link's text.
type Link struct {
	Slug, Title string
}

// Sections are a situation's texts, in Markdown (see Markdown).
type Sections struct {
	About       string // Co to je
	Audience    string // Koho se týká
	Preparation string // Co si připravit
	Fees        string // Poplatky
	Deadlines   string // Lhůty
	Online      string // Jak to vyřídit online
	Handling    string // Kdo to vyřizuje: optional, shown beside the agenda's contacts
}

// Situation is one life situation.
type Situation struct {
	Slug     string // from the file name: "porizeni-psa"
	Category string // a Category's slug
	Title    string
	Summary  string
	Keywords []string
	Agenda   string // the code of the agenda that handles it (web/contacts): "poplatky"
	Forms    []Link
	Videos   []Link
	Laws     []string // the legal basis, each as cited: "zákon č. 565/1990 Sb., o místních poplatcích"
	Updated  time.Time
	Sections
}

// Content is what a situations folder holds.
type Content struct {
	Categories []Category
	Situations []Situation
}

// slugPattern is the form of every slug and code: lower-case letters without diacritics, digits
// and single hyphens.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Read reads the situations folder dir of fsys. A folder without a single situation is an error:
// loading it would empty the signpost.
func Read(fsys fs.FS, dir string) (*Content, error) {
	categories, err := readCategories(fsys, path.Join(dir, CategoriesFile))
	if err != nil {
		return nil, err
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	c := &Content{Categories: categories}
	known := map[string]bool{}
	for _, cat := range categories {
		known[cat.Slug] = true
	}
	var problems []error
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), Ext) {
			continue
		}
		s, err := readSituation(fsys, path.Join(dir, e.Name()), known)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		c.Situations = append(c.Situations, s)
	}
	if len(problems) > 0 {
		return nil, errors.Join(problems...)
	}
	if len(c.Situations) == 0 {
		return nil, fmt.Errorf("%s: no situations (files *%s)", dir, Ext)
	}
	return c, nil
}

// readCategories reads the categories file: one "Category: slug | Title | Description" line
// each, in the order the signpost shows them, and no text.
func readCategories(fsys fs.FS, name string) ([]Category, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	d, err := textdoc.Parse(name, data)
	if err != nil {
		return nil, err
	}
	var out []Category
	seen := map[string]int{}
	for _, f := range d.All("Category") {
		parts := splitPipe(f.Value)
		if len(parts) < 2 || len(parts) > 3 || parts[1] == "" {
			return nil, d.Errorf(f.Line, "want \"Category: slug | Title | Description\" (the description may be left out), got %q", f.Value)
		}
		if !slugPattern.MatchString(parts[0]) {
			return nil, d.Errorf(f.Line, "category %q: a slug is lower-case letters without diacritics, digits and hyphens", parts[0])
		}
		if first, dup := seen[parts[0]]; dup {
			return nil, d.Errorf(f.Line, "category %s is given twice (first on line %d)", parts[0], first)
		}
		seen[parts[0]] = f.Line
		c := Category{Slug: parts[0], Title: parts[1]}
		if len(parts) == 3 {
			c.Description = parts[2]
		}
		out = append(out, c)
	}
	if err := d.CheckKnown(); err != nil {
		return nil, err
	}
	if d.Body != "" {
		return nil, d.Errorf(d.BodyLine, "the categories file has only header lines; comments start with #")
	}
	if len(out) == 0 {
		return nil, d.Errorf(0, "no categories: add lines \"Category: slug | Title | Description\"")
	}
	return out, nil
}

// readSituation reads one situation's file; categories are the known category slugs.
func readSituation(fsys fs.FS, name string, categories map[string]bool) (Situation, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return Situation{}, err
	}
	d, err := textdoc.Parse(name, data)
	if err != nil {
		return Situation{}, err
	}
	s := Situation{Slug: strings.TrimSuffix(path.Base(name), Ext)}
	if !slugPattern.MatchString(s.Slug) {
		return Situation{}, d.Errorf(0, "the file name is the situation's address: lower-case letters without diacritics, digits and hyphens, then %s", Ext)
	}
	r := fieldReader{doc: d}
	s.Title = r.required("Title")
	s.Summary = r.required("Summary")
	if cat := r.field("Category", true); cat.Value != "" && !categories[cat.Value] {
		r.fail(cat.Line, "Category %q is not in %s", cat.Value, CategoriesFile)
	} else {
		s.Category = cat.Value
	}
	s.Agenda = r.slug(r.field("Agenda", true))
	if kw := r.field("Keywords", false); kw.Value != "" {
		for _, k := range strings.Split(kw.Value, ",") {
			if k = strings.TrimSpace(k); k == "" {
				r.fail(kw.Line, "Keywords are separated by single commas")
			} else {
				s.Keywords = append(s.Keywords, k)
			}
		}
	}
	s.Forms = r.links("Form")
	s.Videos = r.links("Video")
	laws := d.All("Law")
	for _, l := range laws {
		if l.Value == "" {
			r.fail(l.Line, "Law is empty")
		}
		s.Laws = append(s.Laws, l.Value)
	}
	if len(laws) == 0 {
		r.fail(0, "Law is required: the legal basis, one line each (\"Law: zákon č. 500/2004 Sb., správní řád\")")
	}
	updated, line, err := d.Date("Updated")
	r.check(err)
	if err == nil && updated.IsZero() {
		r.fail(line, "Updated is required: the date of the last update, YYYY-MM-DD")
	}
	s.Updated = updated
	if r.err == nil {
		r.check(d.CheckKnown())
	}
	if r.err != nil {
		return Situation{}, r.err
	}
	sections, err := readSections(d, bodyLine(data, d))
	if err != nil {
		return Situation{}, err
	}
	s.Sections = sections
	return s, nil
}

// fieldReader reads a situation's header, keeping the first problem.
type fieldReader struct {
	doc *textdoc.Doc
	err error
}

func (r *fieldReader) check(err error) {
	if r.err == nil {
		r.err = err
	}
}

func (r *fieldReader) fail(line int, format string, args ...any) {
	r.check(r.doc.Errorf(line, format, args...))
}

// field is the one value of key; required makes it an error when absent or empty.
func (r *fieldReader) field(key string, required bool) textdoc.Field {
	read := r.doc.Optional
	if required {
		read = r.doc.Required
	}
	f, err := read(key)
	r.check(err)
	return f
}

func (r *fieldReader) required(key string) string { return r.field(key, true).Value }

// slug is f's value, checked to be a slug.
func (r *fieldReader) slug(f textdoc.Field) string {
	if f.Value != "" && !slugPattern.MatchString(f.Value) {
		r.fail(f.Line, "%s %q: a slug is lower-case letters without diacritics, digits and hyphens", f.Key, f.Value)
	}
	return f.Value
}

// links reads the "slug | Title" values of key.
func (r *fieldReader) links(key string) []Link {
	var out []Link
	seen := map[string]int{}
	for _, f := range r.doc.All(key) {
		parts := splitPipe(f.Value)
		if len(parts) != 2 || parts[1] == "" {
			r.fail(f.Line, "want \"%s: slug | Title of the link\", got %q", key, f.Value)
			continue
		}
		slug := r.slug(textdoc.Field{Key: key, Value: parts[0], Line: f.Line})
		if first, dup := seen[slug]; dup {
			r.fail(f.Line, "%s %s is given twice (first on line %d)", key, slug, first)
		}
		seen[slug] = f.Line
		out = append(out, Link{Slug: slug, Title: parts[1]})
	}
	return out
}

// splitPipe splits a value at "|" and trims the parts.
func splitPipe(v string) []string {
	parts := strings.Split(v, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// bodyLine is the line of d's file on which the body's text starts: textdoc trims the blank
// lines before it, and the sections' problems must name their true lines.
func bodyLine(data []byte, d *textdoc.Doc) int {
	lines := strings.Split(string(data), "\n")
	line := d.BodyLine
	for line-1 < len(lines) && strings.TrimSpace(lines[line-1]) == "" {
		line++
	}
	return line
}

// section is one of a situation's sections: its heading in the file and where its text goes.
type section struct {
	Heading  string
	Required bool
	text     func(*Sections) *string
}

// sectionOrder lists the body's sections in the order a file must give them; all but the
// handling note are required.
var sectionOrder = []section{
	{"Co to je", true, func(s *Sections) *string { return &s.About }},
	{"Koho se týká", true, func(s *Sections) *string { return &s.Audience }},
	{"Co si připravit", true, func(s *Sections) *string { return &s.Preparation }},
	{"Poplatky", true, func(s *Sections) *string { return &s.Fees }},
	{"Lhůty", true, func(s *Sections) *string { return &s.Deadlines }},
	{"Jak to vyřídit online", true, func(s *Sections) *string { return &s.Online }},
	{"Kdo to vyřizuje", false, func(s *Sections) *string { return &s.Handling }},
}

// sectionHeadings are the headings of a situation's sections, in order.
func sectionHeadings() []string {
	out := make([]string, len(sectionOrder))
	for i, s := range sectionOrder {
		out[i] = s.Heading
	}
	return out
}

// readSections splits d's body, which starts on line first of the file, into its "## " sections
// and checks each one's Markdown.
func readSections(d *textdoc.Doc, first int) (Sections, error) {
	var out Sections
	next := 0 // index in sectionOrder of the next section allowed
	var current *string
	var text []string
	textLine := 0
	finish := func() error {
		if current == nil {
			return nil
		}
		body := strings.TrimSpace(strings.Join(text, "\n"))
		if body == "" {
			return d.Errorf(textLine-1, "section %q is empty", sectionOrder[next-1].Heading)
		}
		if line, problem := checkMarkdown(body, textLine+leadingBlankLines(text)); problem != "" {
			return d.Errorf(line, "%s", problem)
		}
		*current = body
		return nil
	}
	for i, l := range strings.Split(d.Body, "\n") {
		line := first + i
		heading, isHeading := strings.CutPrefix(l, "## ")
		if !isHeading {
			if current == nil && strings.TrimSpace(l) != "" {
				return out, d.Errorf(line, "the text starts with the section \"## %s\"", sectionOrder[0].Heading)
			}
			text = append(text, l)
			continue
		}
		if err := finish(); err != nil {
			return out, err
		}
		heading = strings.TrimSpace(heading)
		idx := slices.IndexFunc(sectionOrder, func(s section) bool { return s.Heading == heading })
		switch {
		case idx < 0:
			return out, d.Errorf(line, "unknown section %q (the sections, in order: %s)", heading, strings.Join(sectionHeadings(), ", "))
		case idx < next:
			return out, d.Errorf(line, "section %q comes too late or twice (the sections, in order: %s)", heading, strings.Join(sectionHeadings(), ", "))
		}
		for _, skipped := range sectionOrder[next:idx] {
			if skipped.Required {
				return out, d.Errorf(line, "section %q is missing before %q", skipped.Heading, heading)
			}
		}
		next = idx + 1
		current = sectionOrder[idx].text(&out)
		text = text[:0]
		textLine = line + 1
	}
	if err := finish(); err != nil {
		return out, err
	}
	for _, s := range sectionOrder[next:] {
		if s.Required {
			return out, d.Errorf(first+strings.Count(d.Body, "\n"), "section %q is missing at the end", s.Heading)
		}
	}
	return out, nil
}

// leadingBlankLines counts the blank lines before the first line with text.
func leadingBlankLines(lines []string) int {
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			return i
		}
	}
	return len(lines)
}
