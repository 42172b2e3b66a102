// Package engine is the form engine's core, without HTTP or a database: it reads a step's
// submitted HTML form into typed answers, checks them against the form's definition
// (datasets/formdefs), decides which conditional fields are shown, prefills a form from the
// logged-in person, and writes the answers out as a summary.
//
// # Naming of the HTML inputs
//
// An input's name and id are the same (dots are fine in both), and a FieldError names it:
//
//	email                 a field's input: its key
//	services              a checkbox field: one input per ticked option, all named by the key
//	agree                 a consent box: any non-empty value (the pages send "ano")
//	holder.given          a person's given name, family name, and either the date of birth
//	holder.family         or, with birthnumber, the rodné číslo
//	holder.birth
//	holder.rc
//	residence             an address: the code of the RÚIAN address point picked (the pages
//	                      may use residence.q for the search text; Decode ignores it)
//	proof                 a file input; the caller stores the upload and hands its FileRef in
//	                      Form.Files under this name
//	proof.keep            the ID of the file already attached, sent to keep it (a ticked
//	                      checkbox or a hidden input); a new upload replaces it
//	dogs.count            a group: how many rows the page shows (hidden input)
//	dogs.0.name           a field of a group's row: group key, row index from 0, field key,
//	dogs.1.owner.given    and the part, as above
//	dogs.add              a submit button adding an empty row
//	dogs.remove           a submit button removing the row given as its value ("1")
//
// Dates come from <input type="date"> (YYYY-MM-DD) or are typed the Czech way ("12. 4. 1985");
// numbers and amounts may use a decimal comma and spaces ("1 234,50"). An error of a group as a
// whole (too few rows) names the group's key: the page gives that id to the group's fieldset.
//
// # Answers
//
// Answers map field keys to values, one Go type per field type, and are stored as JSON
// (read back with UnmarshalAnswers): a string for text, longtext, number, date, select, radio,
// email, phone, ico, bankaccount, money and postcode; []string for checkbox; true for a ticked
// consent; Person, Address and FileRef; []Answers for a group's rows. A field without an answer
// has no key. Values that pass their checks are kept in a canonical form: dates YYYY-MM-DD,
// numbers "12.5", amounts "1234.50", phones "+420 731 123 456", postcodes "742 21", bank
// accounts "19-2000145399/0800", rodné čísla "850412/1330"; values that fail are kept as typed,
// so the page shows them again beside their error.
package engine

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/radnice/radnice/datasets/formdefs"
)

// Answers are a form's answers by field key (see the package's documentation).
type Answers map[string]any

// Person is the answer of a person field.
type Person struct {
	Given  string `json:"given,omitempty"`
	Family string `json:"family,omitempty"`
	Birth  string `json:"birth,omitempty"` // the date of birth; with birthnumber, the one the rodné číslo holds
	RC     string `json:"rc,omitempty"`    // the rodné číslo, asked only with birthnumber
}

// part is the person's part named as in an input's id: "given", "family", "birth" or "rc".
func (p Person) part(name string) any {
	switch name {
	case "given":
		return p.Given
	case "family":
		return p.Family
	case "birth":
		return p.Birth
	case "rc":
		return p.RC
	}
	return nil
}

// Address is the answer of an address field: an address point of the RÚIAN register.
type Address struct {
	Code  int64  `json:"code"`
	Label string `json:"label,omitempty"` // as the register writes it; "" until LabelAddresses
}

// FileRef is the answer of a file field: a file the caller has sniffed and stored.
type FileRef struct {
	ID   string `json:"id"`   // the stored file's id, given by the store
	Name string `json:"name"` // the name it had on the sender's computer
	Type string `json:"type"` // the media type its content was sniffed as, never taken from the name
	Size int64  `json:"size"` // in bytes
}

// Identity is what prefill knows of the logged-in person.
type Identity struct {
	GivenName, FamilyName string
	BirthDate             time.Time // zero when unknown
	Email, Phone          string
	AddressCode           int64 // 0 when unknown
	AddressLabel          string
}

// Value is the answer the input id holds: a field's whole answer ("dogs" gives []Answers), a
// row's field ("dogs.1.name"), a person's part ("holder.given") or an address's code
// ("residence" gives Address); nil when there is none.
func Value(a Answers, id string) any {
	var v any = a
	for part := range strings.SplitSeq(id, ".") {
		switch cur := v.(type) {
		case Answers:
			v = cur[part]
		case []Answers:
			i, err := strconv.Atoi(part)
			if err != nil || i < 0 || i >= len(cur) {
				return nil
			}
			v = cur[i]
		case Person:
			v = cur.part(part)
		default:
			return nil
		}
	}
	return v
}

// Input is the value attribute of the input id: the answer as the person would type it
// ("1234,50" for an amount, "12,5" for a number, YYYY-MM-DD for a date input, the code for an
// address, "ano" for a ticked consent, the number of rows for "dogs.count"); "" when there is
// none. Checkboxes, files and groups take their answers from Value.
func Input(def *formdefs.Definition, a Answers, id string) string {
	if key, ok := strings.CutSuffix(id, ".count"); ok {
		if rows, ok := Value(a, key).([]Answers); ok {
			return strconv.Itoa(len(rows))
		}
	}
	switch v := Value(a, id).(type) {
	case string:
		if f := fieldOf(def, id); f != nil && (f.Type == formdefs.Number || f.Type == formdefs.Money) {
			return strings.Replace(v, ".", ",", 1)
		}
		return v
	case Address:
		return strconv.FormatInt(v.Code, 10)
	case bool:
		if v {
			return "ano"
		}
	}
	return ""
}

// fieldOf is the field the input id belongs to, nil when none: for "dogs.1.name" the group's
// child name, for "holder.given" the person holder.
func fieldOf(def *formdefs.Definition, id string) *formdefs.Field {
	parts := strings.Split(id, ".")
	f, _ := def.Field(parts[0])
	if f != nil && f.Type == formdefs.Group && len(parts) >= 3 {
		f = f.Child(parts[2])
	}
	return f
}

// hasValue reports whether v is an answer: not nil, "", false or empty.
func hasValue(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case string:
		return v != ""
	case []string:
		return len(v) > 0
	case bool:
		return v
	case []Answers:
		return len(v) > 0
	case Person:
		return v != Person{}
	case Address:
		return v.Code != 0
	case FileRef:
		return v.ID != ""
	}
	return true
}

// selected reports whether the answer v of a choice field is or includes value.
func selected(v any, value string) bool {
	switch v := v.(type) {
	case string:
		return v == value
	case []string:
		return slices.Contains(v, value)
	}
	return false
}
