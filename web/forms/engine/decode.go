package engine

import (
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/radnice/radnice/datasets/czid"
	"github.com/radnice/radnice/datasets/formdefs"
)

// Form is one submitted step of a form.
type Form struct {
	Values url.Values         // the form's values (a multipart form's too)
	Files  map[string]FileRef // the files uploaded with it, by input name, sniffed and stored by the caller
}

// Decode reads the answers of step (an index of def.Steps) from form into a copy of prev, the
// answers so far (nil at the start), replacing that step's and keeping the others. edited
// reports that the person added or removed a group's row rather than going on: show the step
// again, without errors. Going on drops a group's rows left wholly empty.
func Decode(def *formdefs.Definition, step int, form Form, prev Answers) (a Answers, edited bool) {
	a = maps.Clone(prev)
	if a == nil {
		a = Answers{}
	}
	kept := files(prev)
	for _, f := range def.Fields(step) {
		delete(a, f.Key)
		var v any
		if f.Type == formdefs.Group {
			var rows []Answers
			rows, edited = decodeRows(f, form, kept, edited)
			v = rows
		} else {
			v = decodeValue(f, f.Key, form, kept)
		}
		if hasValue(v) {
			a[f.Key] = v
		}
	}
	return a, edited
}

// decodeRows reads the rows of group from form, applying its add or remove button.
func decodeRows(group *formdefs.Field, form Form, kept map[string]FileRef, edited bool) ([]Answers, bool) {
	key := group.Key
	count, _ := strconv.Atoi(form.Values.Get(key + ".count"))
	count = min(max(count, 0), formdefs.MaxRows)
	rows := make([]Answers, 0, count)
	for i := range count {
		row := Answers{}
		for _, c := range group.Children {
			if v := decodeValue(c, key+"."+strconv.Itoa(i)+"."+c.Key, form, kept); hasValue(v) {
				row[c.Key] = v
			}
		}
		rows = append(rows, row)
	}
	if i, err := strconv.Atoi(form.Values.Get(key + ".remove")); err == nil && i >= 0 && i < len(rows) {
		rows, edited = slices.Delete(rows, i, i+1), true
	}
	if form.Values.Has(key + ".add") {
		limit, _ := strconv.Atoi(group.Max)
		if len(rows) < limit {
			rows = append(rows, Answers{})
		}
		edited = true
	}
	if !edited {
		rows = slices.DeleteFunc(rows, func(r Answers) bool { return len(r) == 0 })
	}
	return rows, edited
}

// decodeValue reads the answer of f from the inputs named name and its parts.
func decodeValue(f *formdefs.Field, name string, form Form, kept map[string]FileRef) any {
	get := func(n string) string { return form.Values.Get(n) }
	switch f.Type {
	case formdefs.Checkbox:
		var out []string
		for _, o := range f.Options {
			if slices.Contains(form.Values[name], o.Value) {
				out = append(out, o.Value)
			}
		}
		for _, v := range form.Values[name] { // values no option has: kept for Validate to refuse
			if _, ok := f.Option(v); !ok && v != "" && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
		return out
	case formdefs.Consent:
		return get(name) != ""
	case formdefs.Address:
		code, err := strconv.ParseInt(strings.TrimSpace(get(name)), 10, 64)
		if err != nil || code <= 0 {
			return nil
		}
		return Address{Code: code}
	case formdefs.Person:
		p := Person{Given: strings.TrimSpace(get(name + ".given")), Family: strings.TrimSpace(get(name + ".family"))}
		if f.BirthNumber {
			p.RC = canonicalRC(get(name + ".rc"))
			if b, ok := czid.ParseBirthNumber(p.RC); ok {
				p.Birth = b.Born.Format(time.DateOnly)
			}
		} else {
			p.Birth, _ = normalize(formdefs.Date, get(name+".birth"))
		}
		return p
	case formdefs.File:
		if ref, ok := form.Files[name]; ok {
			return ref
		}
		if ref, ok := kept[get(name+".keep")]; ok {
			return ref
		}
		return nil
	}
	v, _ := normalize(f.Type, get(name))
	return v
}

// files are the files attached in a, by ID.
func files(a Answers) map[string]FileRef {
	out := map[string]FileRef{}
	for _, v := range a {
		switch v := v.(type) {
		case FileRef:
			out[v.ID] = v
		case []Answers:
			for _, row := range v {
				maps.Copy(out, files(row))
			}
		}
	}
	return out
}
