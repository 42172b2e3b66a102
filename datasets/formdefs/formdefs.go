// Package formdefs reads the definitions of the portal's electronic forms: one textdoc file
// per form, SLUG.txt in a content folder (formulare/). The header describes the form, the body
// lists its steps (##), sections (###), help paragraphs and fields, one field a line:
//
//	Slug: prihlaseni-psa
//	Title: Přihlášení psa k místnímu poplatku ze psů
//	TitleEN: Registering a dog for the local dog fee
//	Agenda: poplatky
//	Situations: pes-a-poplatek
//	Anonymous: ne
//	Summary: Ohlášení psa staršího tří měsíců k místnímu poplatku.
//	Legal: zákon č. 565/1990 Sb., o místních poplatcích, § 2
//
//	## Držitel psa
//	Pomocný text kroku.
//
//	### Kontaktní údaje
//	- holder: person "Držitel psa" required prefill
//	- email: email "E-mail" required prefill=email help="Na tento e-mail přijde potvrzení."
//
//	## Psi
//	- dogs: group "Pes" min=1 max=5 add="Přidat dalšího psa"
//	  - name: text "Jméno psa" required max=60
//	  - born: date "Datum narození psa" required past
//	- relief: radio "Uplatňuji osvobození" required options="ne=Ne|ano=Ano"
//	- proof: file "Doklad o nároku" if="relief=ano" accept="pdf,jpg,png" maxsize=5MB
//
// It is read strictly: an unknown type or attribute, a repeated key, a bad regular expression,
// a condition on an unknown or later field and the like are errors reported as file:line: reason.
package formdefs

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/radnice/radnice/datasets/textdoc"
)

// Ext ends the name of every form's file.
const Ext = ".txt"

// Type is the kind of a field.
type Type string

// The field types.
const (
	Text        Type = "text"        // one line
	LongText    Type = "longtext"    // paragraphs
	Number      Type = "number"      // a number, decimals allowed
	Date        Type = "date"        // a calendar date
	Select      Type = "select"      // one of Options, from a list
	Radio       Type = "radio"       // one of Options, as radio buttons
	Checkbox    Type = "checkbox"    // any of Options
	Consent     Type = "consent"     // one box to tick
	Email       Type = "email"       // an e-mail address
	Phone       Type = "phone"       // a phone number
	Address     Type = "address"     // an address point of the RÚIAN register
	Person      Type = "person"      // given and family name, date of birth or rodné číslo
	ICO         Type = "ico"         // a company's IČO
	BankAccount Type = "bankaccount" // a Czech bank account
	Money       Type = "money"       // an amount in CZK
	Postcode    Type = "postcode"    // a Czech PSČ
	File        Type = "file"        // an uploaded file
	Group       Type = "group"       // repeated rows of its Children
)

// Types are the field types, in the order the format's documentation lists them.
var Types = []Type{Text, LongText, Number, Date, Select, Radio, Checkbox, Consent, Email, Phone,
	Address, Person, ICO, BankAccount, Money, Postcode, File, Group}

// Choice reports whether t picks from Options.
func (t Type) Choice() bool { return t == Select || t == Radio || t == Checkbox }

// What prefill may take from the logged-in person's identity and profile.
const (
	PrefillName      = "name"      // the full name, into a text field
	PrefillEmail     = "email"     // into an email or text field
	PrefillPhone     = "phone"     // into a phone or text field
	PrefillAddress   = "address"   // the person's address point, into an address field
	PrefillBirthdate = "birthdate" // into a date field
	PrefillPerson    = "person"    // name and date of birth, into a person field
)

// FileType is a kind of file a file field may accept: the name forms use for it in accept=
// and the media type its content must be sniffed as.
type FileType struct {
	Name, MediaType string
}

// FileTypes are the kinds of file forms may accept, in the order messages list them.
var FileTypes = []FileType{
	{"pdf", "application/pdf"},
	{"jpg", "image/jpeg"},
	{"png", "image/png"},
	{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
	{"odt", "application/vnd.oasis.opendocument.text"},
}

// Limits on uploads: the size a file field takes without maxsize=, and the most it may allow.
const (
	DefaultMaxSize = 10 << 20
	MaxMaxSize     = 20 << 20
)

// Definition is one form.
type Definition struct {
	Slug       string // its address, the file's name: "prihlaseni-psa"
	Title      string
	TitleEN    string   // "" when the file gives none
	Agenda     string   // the back-office agenda whose clerks handle it: "poplatky"
	Situations []string // slugs of the life situations it belongs to
	Anonymous  bool     // may be filed without logging in
	Summary    string
	Legal      string // the legal basis as cited; "" when the file gives none
	Steps      []Step
	Source     string // the file as read, which a stored version keeps
	Hash       string // hex SHA-256 of Source: a new one is a new version
}

// Step is one page of a form; a form without ## headings has one untitled step.
type Step struct {
	Title    string
	Help     []string // paragraphs
	Sections []Section
}

// Section is a titled part of a step; the fields before a step's first ### form an untitled one.
type Section struct {
	Title  string
	Help   []string // paragraphs
	Fields []*Field
}

// Field is one question of a form. Which attributes a field may have depends on its type.
type Field struct {
	Key         string // unique in the form; a group's children are unique in the group
	Type        Type
	Label       string
	Line        int // where the file defines it
	Required    bool
	Help        string
	Prefill     string // one of the Prefill constants; "" for none
	Min, Max    string // as written (see Bound): text lengths, numbers, crowns, rows, dates YYYY-MM-DD or "today"; text, longtext and group always have a Max, the default if none is written
	Past        bool   // a date before today
	Future      bool   // a date after today
	Pattern     *regexp.Regexp
	Options     []Option
	Accept      []string // names of FileTypes
	MaxSize     int64    // of a file, in bytes
	If          *Condition
	BirthNumber bool   // a person gives their rodné číslo rather than the date of birth
	Add         string // a group's "add a row" button; "" for the default wording
	Children    []*Field
}

// Option is one choice of a select, radio or checkbox field.
type Option struct {
	Value, Label string
}

// Condition makes a field shown only when another field's answer is Value (Op "="), is some
// other answer (Op "!="), or is given at all (Op ""). A condition of a group's child names an
// earlier child of the same row or an earlier field of the form.
type Condition struct {
	Key, Op, Value string
}

// String writes the condition as the file does: "relief!=ne".
func (c Condition) String() string { return c.Key + c.Op + c.Value }

// Field is the form's field key (not a group's child) and the index of its step; nil and -1
// when there is none.
func (d *Definition) Field(key string) (*Field, int) {
	for i, s := range d.Steps {
		for _, sec := range s.Sections {
			for _, f := range sec.Fields {
				if f.Key == key {
					return f, i
				}
			}
		}
	}
	return nil, -1
}

// Fields are the fields of step i in order, or of every step when i < 0; groups' children
// are in their groups.
func (d *Definition) Fields(i int) []*Field {
	var out []*Field
	for n, s := range d.Steps {
		if i >= 0 && n != i {
			continue
		}
		for _, sec := range s.Sections {
			out = append(out, sec.Fields...)
		}
	}
	return out
}

// Child is the group's child key, nil when there is none.
func (f *Field) Child(key string) *Field {
	i := slices.IndexFunc(f.Children, func(c *Field) bool { return c.Key == key })
	if i < 0 {
		return nil
	}
	return f.Children[i]
}

// Option is the choice with value, ok false when the field offers none such.
func (f *Field) Option(value string) (Option, bool) {
	i := slices.IndexFunc(f.Options, func(o Option) bool { return o.Value == value })
	if i < 0 {
		return Option{}, false
	}
	return f.Options[i], true
}

// slugPattern is the form of slugs and codes: lower-case letters without diacritics, digits
// and single hyphens.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Read reads every form of dir in fsys, sorted by slug. Problems of every file are reported
// at once; a folder without a single form is an error, as loading it would remove them all.
func Read(fsys fs.FS, dir string) ([]*Definition, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var defs []*Definition
	var problems []error
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), Ext) {
			continue
		}
		name := path.Join(dir, e.Name())
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		d, err := Parse(name, data)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		defs = append(defs, d)
	}
	if len(problems) > 0 {
		return nil, errors.Join(problems...)
	}
	if len(defs) == 0 {
		return nil, fmt.Errorf("%s: no forms (files *%s)", dir, Ext)
	}
	slices.SortFunc(defs, func(a, b *Definition) int { return strings.Compare(a.Slug, b.Slug) })
	return defs, nil
}

// Parse reads one form from data, the content of the file named file (whose name, without
// Ext, must be the form's slug). A stored version reads back with Parse of its Source.
func Parse(file string, data []byte) (*Definition, error) {
	doc, err := textdoc.Parse(file, data)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	d := &Definition{Source: string(data), Hash: hex.EncodeToString(sum[:])}
	if err := readHeader(doc, d); err != nil {
		return nil, err
	}
	if want := strings.TrimSuffix(path.Base(file), Ext); d.Slug != want {
		slug, _ := doc.Optional("Slug")
		return nil, doc.Errorf(slug.Line, "the slug %q must be the file's name without %s (%q)", d.Slug, Ext, want)
	}
	if doc.BodyLine == 0 || doc.Body == "" {
		return nil, doc.Errorf(0, "no fields: they follow the header after a blank line")
	}
	lines := strings.Split(string(data), "\n")[doc.BodyLine-1:]
	if err := readBody(doc, d, lines); err != nil {
		return nil, err
	}
	return d, nil
}

// readHeader reads the header's keys into d.
func readHeader(doc *textdoc.Doc, d *Definition) error {
	for _, k := range []struct {
		key      string
		to       *string
		required bool
	}{
		{"Slug", &d.Slug, true}, {"Title", &d.Title, true}, {"TitleEN", &d.TitleEN, false},
		{"Agenda", &d.Agenda, true}, {"Summary", &d.Summary, true}, {"Legal", &d.Legal, false},
	} {
		get := doc.Optional
		if k.required {
			get = doc.Required
		}
		f, err := get(k.key)
		if err != nil {
			return err
		}
		*k.to = f.Value
		if (k.key == "Slug" || k.key == "Agenda") && !slugPattern.MatchString(f.Value) {
			return doc.Errorf(f.Line, "%s %q: lower-case letters without diacritics, digits and hyphens", k.key, f.Value)
		}
	}
	situations, err := doc.Optional("Situations")
	if err != nil {
		return err
	}
	for s := range strings.SplitSeq(situations.Value, ",") {
		if s = strings.TrimSpace(s); s == "" && situations.Value == "" {
			continue
		}
		if !slugPattern.MatchString(s) {
			return doc.Errorf(situations.Line, "Situations: want slugs of life situations separated by commas, got %q", s)
		}
		if slices.Contains(d.Situations, s) {
			return doc.Errorf(situations.Line, "Situations: %s is given twice", s)
		}
		d.Situations = append(d.Situations, s)
	}
	anonymous, err := doc.Optional("Anonymous")
	if err != nil {
		return err
	}
	switch anonymous.Value {
	case "ano":
		d.Anonymous = true
	case "ne", "":
	default:
		return doc.Errorf(anonymous.Line, "Anonymous: want ano or ne, got %q", anonymous.Value)
	}
	return doc.CheckKnown()
}
