package forms

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"github.com/radnice/radnice/datasets/formdefs"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/forms/engine"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// input is one field of a step as the page draws it: the field and its input's id ("email",
// "dogs.1.name").
type input struct {
	*formdefs.Field
	ID string
}

// inputs are the step's fields of a section.
func (v stepView) inputs(sec formdefs.Section) []input {
	out := make([]input, len(sec.Fields))
	for i, f := range sec.Fields {
		out[i] = input{Field: f, ID: f.Key}
	}
	return out
}

// rows are the rows of the group in, as many as its answers have, at least one (and its
// minimum), with the inputs of each.
func (v stepView) rows(in input) [][]input {
	answered, _ := v.Answers[in.Key].([]engine.Answers)
	n := max(len(answered), 1)
	if least, err := strconv.Atoi(in.Min); err == nil {
		n = max(n, least)
	}
	out := make([][]input, n)
	for i := range out {
		for _, c := range in.Children {
			out[i] = append(out[i], input{Field: c, ID: in.Key + "." + strconv.Itoa(i) + "." + c.Key})
		}
	}
	return out
}

// canAdd reports whether the group in may have one more row than rows.
func canAdd(in input, rows int) bool {
	limit, _ := strconv.Atoi(in.Max)
	return rows < limit
}

// canRemove reports whether a row of the group in may go, leaving rows-1.
func canRemove(in input, rows int) bool {
	least, _ := strconv.Atoi(in.Min)
	return rows > max(least, 1)
}

// shown reports whether the page draws in: a field whose condition does not hold is left
// out, unless the condition names a field of the same step, which may change on the page.
func (v stepView) shown(in input) bool {
	_, live := v.liveCondition(in)
	return live || engine.Visible(v.Form.Definition, v.Answers, in.ID)
}

// liveCondition is the id of the input the condition of in names when it is on the same
// step (so a change there shows or hides in at once, with the script, or with the update
// button); ok is false when in has no such condition.
func (v stepView) liveCondition(in input) (id string, ok bool) {
	c := in.If
	if c == nil {
		return "", false
	}
	if group, row, found := strings.Cut(in.ID, "."); found {
		g, _ := v.Form.Field(group)
		if g.Child(c.Key) != nil {
			n, _, _ := strings.Cut(row, ".")
			return group + "." + n + "." + c.Key, true
		}
	}
	_, step := v.Form.Field(c.Key)
	return c.Key, step == v.Index
}

// conditionAttrs are the attributes of the wrapper of in: for a live condition, what the
// script needs to show and hide it (data-if: the input it names; data-if-op: "=", "!=" or
// ""; data-if-value), and hidden while it does not hold.
func (v stepView) conditionAttrs(in input) templ.Attributes {
	id, live := v.liveCondition(in)
	if !live {
		return templ.Attributes{}
	}
	a := templ.Attributes{"data-if": id, "data-if-op": in.If.Op, "data-if-value": in.If.Value}
	if !engine.Visible(v.Form.Definition, v.Answers, in.ID) {
		a["hidden"] = true
	}
	return a
}

// hasLiveConditions reports whether a field of the step depends on another of the same
// step: then the page offers to update itself.
func (v stepView) hasLiveConditions() bool {
	for _, f := range v.Form.Fields(v.Index) {
		if _, live := v.liveCondition(input{Field: f, ID: f.Key}); live {
			return true
		}
		for _, c := range f.Children {
			if _, live := v.liveCondition(input{Field: c, ID: f.Key + ".0." + c.Key}); live {
				return true
			}
		}
	}
	return false
}

// scripts are the step's progressive enhancements: the one that shows and hides conditional
// fields as the person answers, where the step has such.
func (v stepView) scripts() []string {
	if v.hasLiveConditions() {
		return []string{"/static/js/form-conditions.js"}
	}
	return nil
}

// hasButtons reports whether the step has submit buttons before its main one (a group's, an
// address search, the update of conditional fields): the form then starts with a copy of the
// main one, which Enter presses.
func (v stepView) hasButtons() bool {
	return v.hasLiveConditions() || slices.ContainsFunc(v.Form.Fields(v.Index), func(f *formdefs.Field) bool {
		return f.Type == formdefs.Group || f.Type == formdefs.Address
	})
}

// hasFiles reports whether the step uploads files.
func (v stepView) hasFiles() bool {
	return len(fileInputs(v.Form.Definition, v.Index, func(string) string { return "1" })) > 0
}

// field is in as the shared form components draw it.
func (v stepView) field(ctx context.Context, in input) layout.Field {
	f := layout.Field{ID: in.ID, Label: label(in.Field), Hint: in.Help, Required: in.Required,
		Value: engine.Input(v.Form.Definition, v.Answers, in.ID), Error: v.Errors.For(in.ID),
		Autocomplete: prefillTokens[in.Prefill], Lang: contentLang(ctx)}
	switch in.Type {
	case formdefs.Email:
		f.Type = "email"
	case formdefs.Phone:
		f.Type = "tel"
	case formdefs.Date:
		f.Type = "date"
	case formdefs.Consent:
		f.Checked = f.Value != ""
	case formdefs.Select:
		f.Options = append(f.Options, layout.Option{Label: msg.T(ctx, "choose")})
	case formdefs.File:
		f.Hint = strings.TrimSpace(f.Hint + " " + fileHint(in.Field))
		f.Accept = accept(in.Field)
	}
	answer := engine.Value(v.Answers, in.ID)
	for _, o := range in.Options {
		selected := answer == o.Value
		if chosen, ok := answer.([]string); ok {
			selected = slices.Contains(chosen, o.Value)
		}
		f.Options = append(f.Options, layout.Option{Value: o.Value, Label: o.Label, Selected: selected})
	}
	return f
}

// part is the input of one part of the person field in: its given or family name, date of
// birth or rodné číslo.
func (v stepView) part(ctx context.Context, in input, name string) layout.Field {
	id := in.ID + "." + name
	f := layout.Field{ID: id, Label: engine.PartLabel(i18n.FromContext(ctx), name), Required: in.Required,
		Value: engine.Input(v.Form.Definition, v.Answers, id), Error: v.Errors.For(id)}
	if in.Prefill != "" {
		f.Autocomplete = personTokens[name]
	}
	switch name {
	case "birth":
		f.Type = "date"
	case "rc":
		f.Hint = msg.T(ctx, "person-rc-hint")
	}
	return f
}

// personParts are the parts a person field asks.
func personParts(in input) []string {
	if in.BirthNumber {
		return []string{"given", "family", "rc"}
	}
	return []string{"given", "family", "birth"}
}

// label is a field's label, marked when it may be left empty.
func label(f *formdefs.Field) string {
	if f.Required || f.Type == formdefs.Group {
		return f.Label
	}
	return f.Label + content.In(i18n.Czech, "optional")
}

// prefillTokens are the autocomplete tokens of the fields that take the person's own details
// (those prefilled): the browser may offer what it knows of them.
var prefillTokens = map[string]string{
	formdefs.PrefillName: "name", formdefs.PrefillEmail: "email", formdefs.PrefillPhone: "tel", formdefs.PrefillBirthdate: "bday",
}

// personTokens are the autocomplete tokens of the parts of a person field that is prefilled.
var personTokens = map[string]string{"given": "given-name", "family": "family-name", "birth": "bday"}

// accept is the accept attribute of a file field: the extensions and media types it takes.
func accept(f *formdefs.Field) string {
	var out []string
	for _, t := range formdefs.FileTypes {
		if slices.Contains(f.Accept, t.Name) {
			out = append(out, "."+t.Name, t.MediaType)
		}
	}
	return strings.Join(out, ",")
}

// attached is the file attached to the file input in, nil when none is.
func (v stepView) attached(in input) *engine.FileRef {
	if ref, ok := engine.Value(v.Answers, in.ID).(engine.FileRef); ok {
		return &ref
	}
	return nil
}

// address is what an address input offers to choose: the address it holds, then what its
// search found.
func (v stepView) address(in input) (chosen *engine.Address, found addressSearch) {
	if a, ok := engine.Value(v.Answers, in.ID).(engine.Address); ok && a.Label != "" {
		chosen = &a
	}
	found = v.Found[in.ID]
	if found.Query == "" && v.Posted != nil {
		found.Query = v.Posted.Get(in.ID + ".q")
	}
	if chosen != nil {
		found.Results = slices.DeleteFunc(found.Results, func(a geo.Address) bool { return a.ID == chosen.Code })
	}
	return chosen, found
}

// addressChoiceID is the id of the i-th address a field offers; the first carries the
// field's id, which its error leads to.
func addressChoiceID(in input, i int) string {
	if i == 0 {
		return in.ID
	}
	return in.ID + "-" + strconv.Itoa(i+1)
}

// rowLabel names the i-th row (from 0) of the group in: "Pes 2".
func rowLabel(ctx context.Context, in input, i int) string {
	return msg.T(ctx, "row", in.Label, i+1)
}

// addressAttrs are the attributes of an address field's fieldset: it carries the field's id,
// which its error leads to, while it offers no address to pick.
func addressAttrs(f layout.Field, choices bool) templ.Attributes {
	a := f.GroupAttrs()
	if !choices {
		a["id"] = f.ID
	}
	return a
}

// searchField is the search of the address input in, with what was searched and why it
// could not be.
func searchField(ctx context.Context, in input, found addressSearch) layout.Field {
	return layout.Field{ID: in.ID + ".q", Label: msg.T(ctx, "address-search"), Hint: msg.T(ctx, "address-hint"),
		Value: found.Query, Error: found.Problem}
}

// addText is the label of the button that adds a row to the group in.
func addText(ctx context.Context, in input) string {
	if in.Add != "" {
		return in.Add
	}
	return msg.T(ctx, "add")
}

// addAttrs mark the wording of a group's add button as Czech on English pages when the form
// gives it.
func addAttrs(ctx context.Context, in input) templ.Attributes {
	if in.Add == "" {
		return templ.Attributes{}
	}
	return layout.CzechContent(ctx)
}

// boolInt is 1 for true.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
