package engine

import (
	"context"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/radnice/radnice/datasets/czid"
	"github.com/radnice/radnice/datasets/formdefs"
	"github.com/radnice/radnice/web/i18n"
)

// Row is one answer of a summary.
type Row struct {
	ID    string // the input it answers, for a "Změnit" link to step Step: "email", "dogs.1.name"
	Step  int
	Group string // "Pes 2" for a field of a group's row, "" otherwise
	Label string
	Value string // written the Czech way; "" when not answered; a long text keeps its line breaks
}

// Summary lists the answers of every field shown, in the form's order, written the Czech way
// ("12. 4. 1985", "1 234,50 Kč", choices by their labels, addresses by theirs): for the
// check-your-answers page, the confirmation and the back office.
func Summary(def *formdefs.Definition, a Answers) []Row {
	return summary(def, a, false)
}

// MaskedSummary is Summary with rodná čísla masked ("850412/****"): for e-mails and whatever
// else leaves the portal.
func MaskedSummary(def *formdefs.Definition, a Answers) []Row {
	return summary(def, a, true)
}

func summary(def *formdefs.Definition, a Answers, mask bool) []Row {
	var out []Row
	for i := range def.Steps {
		for _, f := range def.Fields(i) {
			if !visible(def, a, nil, nil, f) {
				continue
			}
			rows, _ := a[f.Key].([]Answers)
			if f.Type != formdefs.Group || len(rows) == 0 {
				out = append(out, Row{ID: f.Key, Step: i, Label: f.Label, Value: format(f, a[f.Key], mask)})
				continue
			}
			for n, row := range rows {
				group := f.Label + " " + strconv.Itoa(n+1)
				for _, c := range f.Children {
					if visible(def, a, f, row, c) {
						id := f.Key + "." + strconv.Itoa(n) + "." + c.Key
						out = append(out, Row{ID: id, Step: i, Group: group, Label: c.Label, Value: format(c, row[c.Key], mask)})
					}
				}
			}
		}
	}
	return out
}

// czech is the context of Czech formatting.
var czech = context.Background()

// format writes the answer v of f the Czech way.
func format(f *formdefs.Field, v any, mask bool) string {
	switch v := v.(type) {
	case string:
		return formatString(f, v)
	case []string:
		labels := make([]string, len(v))
		for i, value := range v {
			labels[i] = optionLabel(f, value)
		}
		return strings.Join(labels, ", ")
	case bool:
		if v {
			return "Ano"
		}
	case Address:
		return v.Label
	case FileRef:
		return v.Name + " (" + fileTypeName(v.Type) + ", " + fileSize(v.Size) + ")"
	case Person:
		return formatPerson(v, mask)
	}
	return ""
}

// formatString writes an answer kept as a string.
func formatString(f *formdefs.Field, s string) string {
	switch f.Type {
	case formdefs.Select, formdefs.Radio:
		return optionLabel(f, s)
	case formdefs.Date:
		return formatDate(s)
	case formdefs.Money:
		if h, ok := parseMoney(s); ok {
			return i18n.Money(czech, h)
		}
	case formdefs.Number:
		if n, ok := parseNumber(s); ok {
			return formatNumber(n, s)
		}
	case formdefs.BankAccount:
		if a, ok := czid.ParseBankAccount(s); ok {
			return a.String() + " (" + czid.Banks[a.Bank] + ")"
		}
	}
	return s
}

// formatNumber writes n, typed as s, with its digits grouped and a decimal comma: "12 345,5".
func formatNumber(n float64, s string) string {
	whole, frac, _ := strings.Cut(strconv.FormatFloat(math.Abs(n), 'f', -1, 64), ".")
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return s
	}
	out := i18n.Number(czech, w)
	if frac != "" {
		out += "," + frac
	}
	if n < 0 {
		out = "-" + out
	}
	return out
}

// formatDate writes a date "12. 4. 1985"; one that is none as it was typed.
func formatDate(s string) string {
	d, ok := parseDate(s)
	if !ok {
		return s
	}
	return i18n.ShortDate(czech, d)
}

// formatPerson writes a person "Jana Nováková, nar. 12. 4. 1985" or, asked for the rodné
// číslo, "Jana Nováková, r. č. 850412/1330".
func formatPerson(p Person, mask bool) string {
	out := strings.TrimSpace(p.Given + " " + p.Family)
	switch b, ok := czid.ParseBirthNumber(p.RC); {
	case ok && mask:
		out += ", r. č. " + b.Masked()
	case ok:
		out += ", r. č. " + b.Number
	case p.RC != "" && !mask:
		out += ", r. č. " + p.RC
	case p.Birth != "":
		out += ", nar. " + formatDate(p.Birth)
	}
	return strings.TrimPrefix(out, ", ")
}

// optionLabel is the label of the option value of f, or value when f offers none such.
func optionLabel(f *formdefs.Field, value string) string {
	if o, ok := f.Option(value); ok {
		return o.Label
	}
	return value
}

// Prefill is the answers def takes from the logged-in person's identity: the fields with a
// prefill attribute for which id knows something. Start a form's draft with them.
func Prefill(def *formdefs.Definition, id Identity) Answers {
	a := Answers{}
	name := strings.TrimSpace(id.GivenName + " " + id.FamilyName)
	birth := ""
	if !id.BirthDate.IsZero() {
		birth = civil(id.BirthDate).Format(time.DateOnly)
	}
	for _, f := range def.Fields(-1) {
		var v any
		switch f.Prefill {
		case formdefs.PrefillName:
			v = name
		case formdefs.PrefillEmail:
			v = id.Email
		case formdefs.PrefillPhone:
			v = id.Phone
		case formdefs.PrefillBirthdate:
			v = birth
		case formdefs.PrefillAddress:
			v = Address{Code: id.AddressCode, Label: id.AddressLabel}
		case formdefs.PrefillPerson:
			p := Person{Given: id.GivenName, Family: id.FamilyName}
			if !f.BirthNumber {
				p.Birth = birth
			}
			v = p
		}
		if hasValue(v) {
			a[f.Key] = v
		}
	}
	return a
}
