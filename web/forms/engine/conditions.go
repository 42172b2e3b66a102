package engine

import (
	"strconv"
	"strings"

	"github.com/radnice/radnice/datasets/formdefs"
)

// Visible reports whether the input id ("relief_reason", "dogs.1.chip", "holder.given") is
// shown given the answers a: its field's condition, and those of the fields the condition
// names, hold. A field that is not shown is neither checked nor kept.
func Visible(def *formdefs.Definition, a Answers, id string) bool {
	parts := strings.Split(id, ".")
	f, _ := def.Field(parts[0])
	if f == nil || !visible(def, a, nil, nil, f) {
		return false
	}
	if f.Type != formdefs.Group || len(parts) < 3 {
		return true
	}
	c := f.Child(parts[2])
	if c == nil {
		return false
	}
	var row Answers // a row not answered yet is as an empty one
	rows, _ := a[f.Key].([]Answers)
	if i, err := strconv.Atoi(parts[1]); err == nil && i >= 0 && i < len(rows) {
		row = rows[i]
	}
	return visible(def, a, f, row, c)
}

// visible reports whether f, a field of the form or (with group) of a group's row, is shown.
func visible(def *formdefs.Definition, a Answers, group *formdefs.Field, row Answers, f *formdefs.Field) bool {
	c := f.If
	if c == nil {
		return true
	}
	if group != nil {
		if sibling := group.Child(c.Key); sibling != nil {
			return visible(def, a, group, row, sibling) && holds(c, row[c.Key])
		}
	}
	target, _ := def.Field(c.Key)
	return target != nil && visible(def, a, nil, nil, target) && holds(c, a[c.Key])
}

// holds reports whether the condition c holds for v, the answer of the field it names. A
// field without an answer meets neither "=" nor "!=".
func holds(c *formdefs.Condition, v any) bool {
	switch c.Op {
	case "=":
		return selected(v, c.Value)
	case "!=":
		return hasValue(v) && !selected(v, c.Value)
	}
	return hasValue(v)
}

// Prune is a without the answers of fields not shown and of keys the form does not have:
// what a submission keeps.
func Prune(def *formdefs.Definition, a Answers) Answers {
	out := Answers{}
	for _, f := range def.Fields(-1) {
		v := a[f.Key]
		if !visible(def, a, nil, nil, f) || !hasValue(v) {
			continue
		}
		if rows, ok := v.([]Answers); ok && f.Type == formdefs.Group {
			pruned := make([]Answers, len(rows))
			for i, row := range rows {
				pruned[i] = Answers{}
				for _, c := range f.Children {
					if visible(def, a, f, row, c) && hasValue(row[c.Key]) {
						pruned[i][c.Key] = row[c.Key]
					}
				}
			}
			v = pruned
		}
		out[f.Key] = v
	}
	return out
}
