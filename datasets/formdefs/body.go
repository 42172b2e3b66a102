package formdefs

import (
	"slices"
	"strings"

	"github.com/radnice/radnice/datasets/textdoc"
)

// reader is the state of reading a form's body, line by line. The step and section being
// read are always the last of the definition's.
type reader struct {
	doc      *textdoc.Doc
	d        *Definition
	stepLine int      // where the step being read starts; 0 before the first
	implicit bool     // the step is the untitled one of a form without ##
	secLine  int      // where the section being read starts; 0 before the step's first
	para     []string // the lines of the paragraph being read
	fields   []*Field // every field but groups' children, in order
	keys     map[string]int
}

// readBody reads the body's lines, the first of which is line doc.BodyLine of the file.
func readBody(doc *textdoc.Doc, d *Definition, lines []string) error {
	r := &reader{doc: doc, d: d, keys: map[string]int{}}
	for i, text := range lines {
		if err := r.line(doc.BodyLine+i, strings.TrimRight(text, " \t\r")); err != nil {
			return err
		}
	}
	if err := r.endStep(); err != nil {
		return err
	}
	if len(r.fields) == 0 {
		return doc.Errorf(0, "no fields")
	}
	return r.checkConditions()
}

// step is the step being read, nil before the first.
func (r *reader) step() *Step {
	if r.stepLine == 0 {
		return nil
	}
	return &r.d.Steps[len(r.d.Steps)-1]
}

// section is the section being read, nil before the step's first.
func (r *reader) section() *Section {
	if r.secLine == 0 {
		return nil
	}
	s := r.step()
	return &s.Sections[len(s.Sections)-1]
}

// line reads line n of the file.
func (r *reader) line(n int, text string) error {
	if text == "" {
		r.endParagraph()
		return nil
	}
	switch {
	case strings.HasPrefix(text, "## "):
		return r.startStep(n, strings.TrimSpace(text[3:]))
	case strings.HasPrefix(text, "### "):
		return r.startSection(n, strings.TrimSpace(text[4:]))
	case text[0] == '#':
		return r.doc.Errorf(n, "a line starting with # is a step (## Title) or a section (### Title)")
	case strings.HasPrefix(text, "- "):
		return r.topField(n, text[2:])
	case strings.HasPrefix(text, "  - "):
		return r.childField(n, text[4:])
	case strings.HasPrefix(strings.TrimLeft(text, " \t"), "- "):
		return r.doc.Errorf(n, "a field is \"- key: …\", a group's field \"  - key: …\" (two spaces): groups do not nest deeper")
	case text[0] == ' ' || text[0] == '\t':
		return r.doc.Errorf(n, "an indented line that is no group's field (\"  - key: …\")")
	}
	if sec := r.section(); sec != nil && len(sec.Fields) > 0 {
		return r.doc.Errorf(n, "text after fields: a field's help goes in its help=\"…\"; more text starts a new step (##) or section (###)")
	}
	r.ensureStep(n)
	r.para = append(r.para, strings.TrimSpace(text))
	return nil
}

// ensureStep starts the untitled step of a form without ## when its first line comes.
func (r *reader) ensureStep(n int) {
	if r.stepLine == 0 {
		r.d.Steps = append(r.d.Steps, Step{})
		r.stepLine, r.implicit = n, true
	}
}

// endParagraph files the paragraph being read as the help of its section or step.
func (r *reader) endParagraph() {
	if len(r.para) == 0 {
		return
	}
	text := strings.Join(r.para, " ")
	r.para = nil
	if sec := r.section(); sec != nil {
		sec.Help = append(sec.Help, text)
	} else {
		r.step().Help = append(r.step().Help, text)
	}
}

func (r *reader) startStep(n int, title string) error {
	if r.implicit {
		return r.doc.Errorf(n, "a form with steps starts with its first step (## Title): line %d is in none", r.stepLine)
	}
	if title == "" {
		return r.doc.Errorf(n, "a step needs a title: ## Title")
	}
	if err := r.endStep(); err != nil {
		return err
	}
	r.d.Steps = append(r.d.Steps, Step{Title: title})
	r.stepLine, r.secLine = n, 0
	return nil
}

// endStep closes the step being read, which must have fields.
func (r *reader) endStep() error {
	if err := r.endSection(); err != nil {
		return err
	}
	if s := r.step(); s != nil && len(s.Sections) == 0 {
		return r.doc.Errorf(r.stepLine, "the step %q has no fields", s.Title)
	}
	return nil
}

func (r *reader) startSection(n int, title string) error {
	if title == "" {
		return r.doc.Errorf(n, "a section needs a title: ### Title")
	}
	if err := r.endSection(); err != nil {
		return err
	}
	r.ensureStep(n)
	r.step().Sections = append(r.step().Sections, Section{Title: title})
	r.secLine = n
	return nil
}

// endSection closes the section being read, which must have fields.
func (r *reader) endSection() error {
	r.endParagraph()
	if sec := r.section(); sec != nil && len(sec.Fields) == 0 {
		return r.doc.Errorf(r.secLine, "the section %q has no fields", sec.Title)
	}
	return nil
}

// topField reads a field of the form, text being the line after "- ".
func (r *reader) topField(n int, text string) error {
	r.endParagraph()
	f, err := r.parseField(n, text)
	if err != nil {
		return err
	}
	if first, dup := r.keys[f.Key]; dup {
		return r.doc.Errorf(n, "the key %s is used twice (first on line %d)", f.Key, first)
	}
	r.keys[f.Key] = n
	r.ensureStep(n)
	if r.secLine == 0 {
		r.step().Sections = append(r.step().Sections, Section{})
		r.secLine = n
	}
	sec := r.section()
	sec.Fields = append(sec.Fields, f)
	r.fields = append(r.fields, f)
	return nil
}

// childField reads a field of the group just before, text being the line after "  - ".
func (r *reader) childField(n int, text string) error {
	var group *Field
	if sec := r.section(); sec != nil && len(sec.Fields) > 0 {
		group = sec.Fields[len(sec.Fields)-1]
	}
	if group == nil || group.Type != Group {
		return r.doc.Errorf(n, "an indented field belongs to a group, but the field before is none")
	}
	f, err := r.parseField(n, text)
	if err != nil {
		return err
	}
	switch {
	case f.Type == Group:
		return r.doc.Errorf(n, "a group inside a group: groups do not nest deeper than one level")
	case f.Prefill != "":
		return r.doc.Errorf(n, "prefill inside a group: only the form's own fields are prefilled")
	case group.Child(f.Key) != nil:
		return r.doc.Errorf(n, "the key %s is used twice in the group %s (first on line %d)", f.Key, group.Key, group.Child(f.Key).Line)
	}
	group.Children = append(group.Children, f)
	return nil
}

// checkConditions checks, once every field is read, that each group has fields and that each
// condition names an earlier field (of its own row, or of the form) and one of its options.
func (r *reader) checkConditions() error {
	for i, f := range r.fields {
		if f.Type == Group && len(f.Children) == 0 {
			return r.doc.Errorf(f.Line, "the group %s has no fields (\"  - key: …\" lines after it)", f.Key)
		}
		if err := r.checkCondition(f, nil, r.fields[:i]); err != nil {
			return err
		}
		for _, c := range f.Children {
			if err := r.checkCondition(c, f, r.fields[:i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkCondition checks the condition of f, a field of group (nil: of the form), which may
// name an earlier child of the same group or an earlier field of the form.
func (r *reader) checkCondition(f, group *Field, earlier []*Field) error {
	c := f.If
	if c == nil {
		return nil
	}
	var target *Field
	if group != nil {
		if i := slices.IndexFunc(group.Children, func(s *Field) bool { return s.Key == c.Key }); i >= 0 {
			if slices.Index(group.Children, f) <= i {
				return r.doc.Errorf(f.Line, "if=%q: %s is not before this field; a condition names an earlier field", c.String(), c.Key)
			}
			target = group.Children[i]
		}
	}
	if target == nil {
		if i := slices.IndexFunc(earlier, func(s *Field) bool { return s.Key == c.Key }); i >= 0 {
			target = earlier[i]
		}
	}
	if target == nil {
		return r.doc.Errorf(f.Line, "if=%q: %s", c.String(), r.missing(c.Key, f, group))
	}
	if c.Op == "" {
		return nil
	}
	if !target.Type.Choice() {
		return r.doc.Errorf(f.Line, "if=%q: %s is a %s field; compare only select, radio or checkbox answers, or write if=%q", c.String(), c.Key, target.Type, c.Key)
	}
	if _, ok := target.Option(c.Value); !ok {
		return r.doc.Errorf(f.Line, "if=%q: %s has no option %q", c.String(), c.Key, c.Value)
	}
	return nil
}

// missing says why key, named by the condition of f (a field of group, or nil), names no
// field the condition may look at.
func (r *reader) missing(key string, f, group *Field) string {
	switch {
	case key == f.Key || group != nil && key == group.Key:
		return "a field's condition cannot name the field itself or its own group"
	case r.keys[key] > 0:
		return key + " is not before this field; a condition names an earlier field"
	}
	for _, g := range r.fields {
		if g.Child(key) != nil {
			return key + " is a field of the group " + g.Key + ", whose rows a condition outside them cannot look into"
		}
	}
	return "there is no field " + key
}
