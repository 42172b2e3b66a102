package engine

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/radnice/radnice/datasets/czid"
	"github.com/radnice/radnice/datasets/formdefs"
)

// AllSteps makes Validate check every step: what the last check before submitting does.
const AllSteps = -1

// FieldError is a problem with one input. Its text comes from Message in either language.
type FieldError struct {
	Field string // the input's id: "email", "holder.given", "dogs.1.name"; a group's key for its number of rows
	Step  int    // the index of the step the input is on
	Code  string // what is wrong, a key of the message catalogue: "required", "date-past", "rc"…
	Label string // the field's label
	Group string // "Pes 2" when the field is in a group's row: the group's label and the row's number
	Part  string // the part of a person the input is: "given", "family", "birth", "rc"
	Arg   string // what the message quotes: a limit ("60", "2026-04-12", "100.50"), a size in bytes, accepted file types "pdf,jpg", a bank code
}

// Validate checks the answers a of step (an index of def.Steps, or AllSteps) against the
// form's definition and returns the problems in the order of the inputs; none when all is
// well. Fields not shown are not checked. Dates are judged against today, a time on the
// day that counts (the office's, in Europe/Prague).
func Validate(def *formdefs.Definition, a Answers, step int, today time.Time) []FieldError {
	v := &validator{def: def, a: a, today: civil(today)}
	for i := range def.Steps {
		if step != AllSteps && i != step {
			continue
		}
		v.step = i
		for _, f := range def.Fields(i) {
			if visible(def, a, nil, nil, f) {
				v.check(f, f.Key, "", a[f.Key])
			}
		}
	}
	return v.errs
}

// validator collects the problems of a form's answers.
type validator struct {
	def   *formdefs.Definition
	a     Answers
	today time.Time
	step  int
	errs  []FieldError
}

func (v *validator) add(f *formdefs.Field, id, row, code, arg string) {
	v.errs = append(v.errs, FieldError{Field: id, Step: v.step, Code: code, Label: f.Label, Group: row, Arg: arg})
}

// check checks the answer x of f, whose input is id, in the group row row ("" outside one).
func (v *validator) check(f *formdefs.Field, id, row string, x any) {
	if !hasValue(x) {
		switch {
		case f.Type == formdefs.Group:
			v.checkRows(f, nil)
		case f.Type == formdefs.Person && f.Required:
			v.checkPerson(f, id, row, Person{})
		case f.Required:
			v.add(f, id, row, missingCode[f.Type], "")
		}
		return
	}
	switch x := x.(type) {
	case string:
		v.checkString(f, id, row, x)
	case []string:
		for _, value := range x {
			if _, ok := f.Option(value); !ok {
				v.add(f, id, row, "option", "")
				break
			}
		}
	case Person:
		v.checkPerson(f, id, row, x)
	case Address:
		if x.Label == "" {
			v.add(f, id, row, "address", "")
		}
	case FileRef:
		if !accepts(f, x.Type) {
			v.add(f, id, row, "file-type", strings.Join(f.Accept, ","))
		} else if x.Size > f.MaxSize {
			v.add(f, id, row, "file-size", strconv.FormatInt(f.MaxSize, 10))
		}
	case []Answers:
		v.checkRows(f, x)
	}
}

// missingCode is the problem of a required field without an answer, by type.
var missingCode = map[formdefs.Type]string{
	formdefs.Text: "required", formdefs.LongText: "required", formdefs.Number: "required",
	formdefs.Date: "required", formdefs.Email: "required", formdefs.Phone: "required",
	formdefs.ICO: "required", formdefs.BankAccount: "required", formdefs.Money: "required",
	formdefs.Postcode: "required",
	formdefs.Select:   "choose", formdefs.Radio: "choose", formdefs.Checkbox: "choose-some",
	formdefs.Consent: "consent", formdefs.Address: "address", formdefs.File: "attach",
}

// checkString checks the answer s of a field whose answers are strings.
func (v *validator) checkString(f *formdefs.Field, id, row, s string) {
	switch f.Type {
	case formdefs.Text, formdefs.LongText:
		n := utf8.RuneCountInString(s)
		if f.Min != "" && n < mustInt(f.Min) {
			v.add(f, id, row, "too-short", f.Min)
		} else if n > mustInt(f.Max) {
			v.add(f, id, row, "too-long", f.Max)
		} else if f.Pattern != nil && !f.Pattern.MatchString(s) {
			v.add(f, id, row, "pattern", "")
		}
	case formdefs.Number:
		n, ok := parseNumber(s)
		v.checkRange(f, id, row, n, ok, "number")
	case formdefs.Money:
		h, ok := parseMoney(s)
		v.checkRange(f, id, row, float64(h)/100, ok, "money")
	case formdefs.Date:
		v.checkDate(f, id, row, s)
	case formdefs.Select, formdefs.Radio:
		if _, ok := f.Option(s); !ok {
			v.add(f, id, row, "option", "")
		}
	default:
		if _, ok := normalize(f.Type, s); !ok {
			v.add(f, id, row, invalidCode(f.Type, s), bankCode(f.Type, s))
		}
	}
}

// invalidCode is the problem of an answer of type t that fails its check.
func invalidCode(t formdefs.Type, s string) string {
	if bankCode(t, s) != "" {
		return "bank-code"
	}
	return string(t)
}

// bankCode is the bank code of s, an account that fails its check, when that code is no
// bank's; "" otherwise.
func bankCode(t formdefs.Type, s string) string {
	_, code, ok := strings.Cut(s, "/")
	code = strings.TrimSpace(code)
	if t != formdefs.BankAccount || !ok || len(code) != 4 || czid.Banks[code] != "" {
		return ""
	}
	for _, c := range code {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return code
}

// checkRange checks a number or an amount n (ok false: none could be read) against the
// field's min and max; what is "number" or "money", the prefix of the problems' codes.
func (v *validator) checkRange(f *formdefs.Field, id, row string, n float64, ok bool, what string) {
	switch {
	case !ok:
		v.add(f, id, row, what, "")
	case f.Min != "" && n < bound(f.Type, f.Min):
		v.add(f, id, row, what+"-min", f.Min)
	case f.Max != "" && n > bound(f.Type, f.Max):
		v.add(f, id, row, what+"-max", f.Max)
	}
}

// checkDate checks the date s against the field's limits.
func (v *validator) checkDate(f *formdefs.Field, id, row, s string) {
	d, ok := parseDate(s)
	switch {
	case !ok:
		v.add(f, id, row, "date", "")
	case f.Past && !d.Before(v.today):
		v.add(f, id, row, "date-past", "")
	case f.Future && !d.After(v.today):
		v.add(f, id, row, "date-future", "")
	case f.Min != "" && d.Before(v.dateBound(f.Min)):
		v.add(f, id, row, "date-min", v.dateBound(f.Min).Format(time.DateOnly))
	case f.Max != "" && d.After(v.dateBound(f.Max)):
		v.add(f, id, row, "date-max", v.dateBound(f.Max).Format(time.DateOnly))
	}
}

// dateBound is the date a date field's min or max stands for.
func (v *validator) dateBound(s string) time.Time {
	if s == "today" {
		return v.today
	}
	d, _ := time.Parse(time.DateOnly, s)
	return d
}

// checkPerson checks a person's parts: once any is given, all are needed.
func (v *validator) checkPerson(f *formdefs.Field, id, row string, p Person) {
	part := func(name, code, arg string) {
		v.errs = append(v.errs, FieldError{Field: id + "." + name, Step: v.step, Code: code, Label: f.Label, Group: row, Part: name, Arg: arg})
	}
	if p.Given == "" {
		part("given", "required", "")
	}
	if p.Family == "" {
		part("family", "required", "")
	}
	if f.BirthNumber {
		b, ok := czid.ParseBirthNumber(p.RC)
		switch {
		case p.RC == "":
			part("rc", "required", "")
		case !ok || !b.Born.Before(v.today):
			part("rc", "rc", "")
		}
		return
	}
	d, ok := parseDate(p.Birth)
	switch {
	case p.Birth == "":
		part("birth", "required", "")
	case !ok:
		part("birth", "date", "")
	case !d.Before(v.today):
		part("birth", "date-past", "")
	}
}

// checkRows checks a group's number of rows and each row's fields.
func (v *validator) checkRows(f *formdefs.Field, rows []Answers) {
	if f.Min != "" && len(rows) < mustInt(f.Min) {
		v.add(f, f.Key, "", "rows-min", f.Min)
	} else if len(rows) > mustInt(f.Max) {
		v.add(f, f.Key, "", "rows-max", f.Max)
	}
	for i, r := range rows {
		label := f.Label + " " + strconv.Itoa(i+1)
		for _, c := range f.Children {
			if visible(v.def, v.a, f, r, c) {
				v.check(c, f.Key+"."+strconv.Itoa(i)+"."+c.Key, label, r[c.Key])
			}
		}
	}
}

// accepts reports whether a file field takes files sniffed as mediaType.
func accepts(f *formdefs.Field, mediaType string) bool {
	for _, t := range formdefs.FileTypes {
		if t.MediaType == mediaType {
			for _, name := range f.Accept {
				if name == t.Name {
					return true
				}
			}
		}
	}
	return false
}

// bound is a number or amount limit of a field, checked by formdefs.
func bound(t formdefs.Type, s string) float64 {
	n, _, _ := formdefs.Bound(t, s)
	return n
}

// mustInt is the value of a whole-number limit, checked by formdefs.
func mustInt(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
