package layout

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/a-h/templ"
)

// FieldError is a problem with one field of a submitted form; Field is the input's id.
type FieldError struct {
	Field, Message string
}

// FieldErrors are the problems of a submitted form, in the order of its fields.
type FieldErrors []FieldError

// Add records a problem with field.
func (e *FieldErrors) Add(field, message string) {
	*e = append(*e, FieldError{Field: field, Message: message})
}

// Text checks a text field's value and returns it: required is the problem of an empty value
// ("" for an optional field), tooLong the problem of one longer than max characters.
func (e *FieldErrors) Text(field, value string, max int, required, tooLong string) string {
	switch {
	case value == "" && required != "":
		e.Add(field, required)
	case utf8.RuneCountInString(value) > max:
		e.Add(field, tooLong)
	}
	return value
}

// For returns the first problem with field, "" when there is none.
func (e FieldErrors) For(field string) string {
	for _, fe := range e {
		if fe.Field == field {
			return fe.Message
		}
	}
	return ""
}

// Field is one input of a form as the shared components draw it: a label, an optional hint
// and, after a failed submission, the error, each tied to the input for screen readers.
type Field struct {
	ID           string // the input's id, and its name unless Name is set
	Name         string
	Label        string
	Hint         string
	Value        string
	Error        string
	Type         string // of an Input: "text" (default), "email", "tel", "date", "number", "url"
	Required     bool
	Autocomplete string
	Accept       string   // of a FileInput: accepted media types
	Rows         int      // of a TextArea; 0 means 6
	Options      []Option // of a Select, Radios or Checkboxes
	Checked      bool     // of a Checkbox
	// Lang is the language of the label, hint and options where it is not the page's: "cs"
	// for a town's Czech content on an English page.
	Lang string
}

// Option is one choice of a Select, Radios or Checkboxes.
type Option struct {
	Value, Label string
	Selected     bool
}

// name is the field's form name.
func (f Field) name() string {
	if f.Name != "" {
		return f.Name
	}
	return f.ID
}

// inputType is the type attribute of an Input.
func (f Field) inputType() string {
	if f.Type == "" {
		return "text"
	}
	return f.Type
}

// describedBy lists the ids of the hint and the error, for aria-describedby.
func (f Field) describedBy() string {
	var ids []string
	if f.Hint != "" {
		ids = append(ids, f.ID+"-hint")
	}
	if f.Error != "" {
		ids = append(ids, f.ID+"-error")
	}
	return strings.Join(ids, " ")
}

// attrs are the attributes every input shares.
func (f Field) attrs() templ.Attributes {
	a := templ.Attributes{"id": f.ID, "name": f.name()}
	if d := f.describedBy(); d != "" {
		a["aria-describedby"] = d
	}
	if f.Error != "" {
		a["aria-invalid"] = "true"
	}
	if f.Required {
		a["required"] = true
	}
	if f.Autocomplete != "" {
		a["autocomplete"] = f.Autocomplete
	}
	return a
}

// rows is a TextArea's height in lines.
func (f Field) rows() string {
	if f.Rows == 0 {
		return "6"
	}
	return strconv.Itoa(f.Rows)
}

// choiceID is the id of the i-th button of a group: the group's id for the first one.
func choiceID(f Field, i int) string {
	if i == 0 {
		return f.ID
	}
	return f.ID + "-" + strconv.Itoa(i+1)
}

// groupAttrs are the attributes of a group's fieldset.
func (f Field) groupAttrs() templ.Attributes {
	a := templ.Attributes{}
	if d := f.describedBy(); d != "" {
		a["aria-describedby"] = d
	}
	return a
}

// GroupAttrs are the attributes of a fieldset that groups inputs a feature draws itself:
// FieldHelp's hint and error describe it.
func (f Field) GroupAttrs() templ.Attributes { return f.groupAttrs() }

// langAttrs mark the label, hint or option of a field whose language is not the page's.
func (f Field) langAttrs() templ.Attributes {
	if f.Lang == "" {
		return templ.Attributes{}
	}
	return templ.Attributes{"lang": f.Lang}
}

// optionLang marks an option of a Select in the field's language, but for the empty one,
// which asks to choose in the page's.
func (f Field) optionLang(o Option) templ.Attributes {
	if o.Value == "" {
		return templ.Attributes{}
	}
	return f.langAttrs()
}
