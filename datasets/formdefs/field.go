package formdefs

import (
	"cmp"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// MaxRows is the most rows a group may have; its max= may only lower it.
const MaxRows = 50

// Defaults of max= for text: the longest answer a line or a long text takes, in characters.
const (
	DefaultTextMax     = 500
	DefaultLongTextMax = 10000
)

// keyPattern is the form of field keys.
var keyPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// optionValuePattern is the form of the values of options.
var optionValuePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// conditionPattern is an if= value: "key", "key=value" or "key!=value".
var conditionPattern = regexp.MustCompile(`^([a-z][a-z0-9_]*)(?:(!=|=)([a-z0-9][a-z0-9_-]*))?$`)

// The forms of number and money limits: crowns with at most two decimals.
var (
	numberPattern = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)
	amountPattern = regexp.MustCompile(`^[0-9]+(\.[0-9]{1,2})?$`)
)

// attribute says where an attribute may be written.
type attribute struct {
	types []Type // the field types that may have it; nil: every type but group
	value int    // flag (no value), optional or needed
}

const (
	flag = iota
	optional
	needed
)

// attributes are the attributes of field lines by name.
var attributes = map[string]attribute{
	"required":    {nil, flag},
	"help":        {Types, needed},
	"prefill":     {[]Type{Text, Email, Phone, Address, Date, Person}, optional},
	"min":         {[]Type{Text, LongText, Number, Money, Date, Group}, needed},
	"max":         {[]Type{Text, LongText, Number, Money, Date, Group}, needed},
	"past":        {[]Type{Date}, flag},
	"future":      {[]Type{Date}, flag},
	"pattern":     {[]Type{Text}, needed},
	"options":     {[]Type{Select, Radio, Checkbox}, needed},
	"accept":      {[]Type{File}, needed},
	"maxsize":     {[]Type{File}, needed},
	"if":          {Types, needed},
	"birthnumber": {[]Type{Person}, flag},
	"add":         {[]Type{Group}, needed},
}

// prefills are what prefill= may take into each type; the first is what a bare prefill takes.
var prefills = map[Type][]string{
	Text:    {PrefillName, PrefillEmail, PrefillPhone},
	Email:   {PrefillEmail},
	Phone:   {PrefillPhone},
	Address: {PrefillAddress},
	Date:    {PrefillBirthdate},
	Person:  {PrefillPerson},
}

// token is one word of a field line: a quoted text, a name, or name=value.
type token struct {
	name, value string
	quoted      bool // a bare "quoted text"
	hasValue    bool
}

// parseField reads a field line, text being what follows its "- ".
func (r *reader) parseField(n int, text string) (*Field, error) {
	fail := func(format string, args ...any) (*Field, error) {
		return nil, r.doc.Errorf(n, format, args...)
	}
	key, rest, ok := strings.Cut(text, ":")
	if !ok || !keyPattern.MatchString(key) {
		return fail("want a field \"key: type \\\"Label\\\" attributes\" with a key of lower-case letters a-z, digits and _, got %q", text)
	}
	tokens, err := tokenize(rest)
	if err != nil {
		return fail("%s: %s", key, err)
	}
	if len(tokens) == 0 || tokens[0].quoted || tokens[0].hasValue || !slices.Contains(Types, Type(tokens[0].name)) {
		return fail("%s: want a type (%s) after the key", key, typeNames())
	}
	f := &Field{Key: key, Type: Type(tokens[0].name), Line: n}
	if len(tokens) < 2 || !tokens[1].quoted || strings.TrimSpace(tokens[1].value) == "" {
		return fail("%s: want the label in quotes after the type: %s %s \"Label\"", key, key, f.Type)
	}
	f.Label = strings.TrimSpace(tokens[1].value)
	seen := map[string]bool{}
	for _, t := range tokens[2:] {
		if t.quoted {
			return fail("%s: a second quoted text %q; attributes are written name=\"value\"", key, t.value)
		}
		a, known := attributes[t.name]
		if !known {
			return fail("%s: unknown attribute %q (known: %s)", key, t.name, strings.Join(slices.Sorted(maps.Keys(attributes)), ", "))
		}
		if seen[t.name] {
			return fail("%s: %s is given twice", key, t.name)
		}
		seen[t.name] = true
		switch {
		case a.types == nil && f.Type == Group || a.types != nil && !slices.Contains(a.types, f.Type):
			return fail("%s: %s is not an attribute of a %s field", key, t.name, f.Type)
		case a.value == flag && t.hasValue:
			return fail("%s: %s takes no value", key, t.name)
		case a.value == needed && (!t.hasValue || t.value == ""):
			return fail("%s: %s needs a value: %s=\"…\"", key, t.name, t.name)
		}
		if problem := f.set(t.name, t.value); problem != "" {
			return fail("%s: %s", key, problem)
		}
	}
	if problem := f.complete(); problem != "" {
		return fail("%s: %s", key, problem)
	}
	return f, nil
}

// set records the attribute name=value, checked by parseField against attributes; it
// returns what is wrong with the value, "" when nothing is.
func (f *Field) set(name, value string) string {
	switch name {
	case "required":
		f.Required = true
	case "help":
		f.Help = value
	case "past":
		f.Past = true
	case "future":
		f.Future = true
	case "birthnumber":
		f.BirthNumber = true
	case "add":
		f.Add = value
	case "prefill":
		allowed := prefills[f.Type]
		if value == "" {
			value = allowed[0]
		}
		if !slices.Contains(allowed, value) {
			return fmt.Sprintf("prefill=%s cannot fill a %s field (it takes %s)", value, f.Type, strings.Join(allowed, ", "))
		}
		f.Prefill = value
	case "min", "max":
		if _, _, problem := Bound(f.Type, value); problem != "" {
			return name + ": " + problem
		}
		if name == "min" {
			f.Min = value
		} else {
			f.Max = value
		}
	case "pattern":
		re, err := regexp.Compile(value)
		if err != nil {
			return fmt.Sprintf("pattern %q is no regular expression: %v", value, err)
		}
		f.Pattern = re
	case "options":
		return f.setOptions(value)
	case "accept":
		for name := range strings.SplitSeq(value, ",") {
			name = strings.TrimSpace(name)
			if !slices.ContainsFunc(FileTypes, func(t FileType) bool { return t.Name == name }) {
				return fmt.Sprintf("accept: unknown file type %q (known: %s)", name, strings.Join(fileTypeNames(), ", "))
			}
			if slices.Contains(f.Accept, name) {
				return "accept: " + name + " is given twice"
			}
			f.Accept = append(f.Accept, name)
		}
	case "maxsize":
		size, ok := parseSize(value)
		if !ok || size > MaxMaxSize {
			return fmt.Sprintf("maxsize=%s: want a size like 500kB or 5MB, at most %dMB", value, MaxMaxSize>>20)
		}
		f.MaxSize = size
	case "if":
		m := conditionPattern.FindStringSubmatch(value)
		if m == nil {
			return fmt.Sprintf("if=%q: want if=\"key\", if=\"key=value\" or if=\"key!=value\"", value)
		}
		f.If = &Condition{Key: m[1], Op: m[2], Value: m[3]}
	}
	return ""
}

// setOptions reads options="value=Label|value=Label".
func (f *Field) setOptions(value string) string {
	for o := range strings.SplitSeq(value, "|") {
		v, label, ok := strings.Cut(strings.TrimSpace(o), "=")
		label = strings.TrimSpace(label)
		if !ok || !optionValuePattern.MatchString(v) || label == "" {
			return fmt.Sprintf("options: want \"value=Label|value=Label\" with values of lower-case letters a-z, digits, _ and -, got %q", o)
		}
		if _, dup := f.Option(v); dup {
			return "options: the value " + v + " is given twice"
		}
		f.Options = append(f.Options, Option{Value: v, Label: label})
	}
	return ""
}

// complete checks what a field needs as a whole and fills in the defaults.
func (f *Field) complete() string {
	switch {
	case f.Type.Choice() && len(f.Options) == 0:
		return fmt.Sprintf("a %s field needs options=\"value=Label|…\"", f.Type)
	case f.Past && f.Future:
		return "a date cannot be both past and future"
	case f.Type == Group && f.Max != "" && mustInt(f.Max) > MaxRows:
		return fmt.Sprintf("max=%s: a group has at most %d rows", f.Max, MaxRows)
	case f.Type == Group && f.Max == "0":
		return "max=0: a group needs at least one row"
	}
	if f.Min != "" && f.Max != "" {
		lo, okLo, _ := Bound(f.Type, f.Min)
		hi, okHi, _ := Bound(f.Type, f.Max)
		if okLo && okHi && lo > hi {
			return fmt.Sprintf("min=%s is more than max=%s", f.Min, f.Max)
		}
	}
	switch f.Type {
	case Text:
		f.Max = cmp.Or(f.Max, strconv.Itoa(DefaultTextMax))
	case LongText:
		f.Max = cmp.Or(f.Max, strconv.Itoa(DefaultLongTextMax))
	case Group:
		f.Max = cmp.Or(f.Max, strconv.Itoa(MaxRows))
	case File:
		if len(f.Accept) == 0 {
			f.Accept = fileTypeNames()
		}
		if f.MaxSize == 0 {
			f.MaxSize = DefaultMaxSize
		}
	}
	return ""
}

// Bound reads a min= or max= value of a field of type t as a number to compare: a length or
// a count for text and groups, a value for numbers, crowns for money, and for dates the day
// (days since 1970); ok is false for "today", which has no fixed value. problem says what is
// wrong with v, "" when nothing is.
func Bound(t Type, v string) (n float64, ok bool, problem string) {
	switch t {
	case Text, LongText, Group:
		i, err := strconv.Atoi(v)
		if err != nil || i < 0 || strings.HasPrefix(v, "+") {
			return 0, false, fmt.Sprintf("want a whole number, got %q", v)
		}
		return float64(i), true, ""
	case Number, Money:
		pattern := numberPattern
		if t == Money {
			pattern = amountPattern
		}
		if !pattern.MatchString(v) {
			return 0, false, fmt.Sprintf("want a number written like 12 or 12.5 (amounts: crowns, at most 2 decimals), got %q", v)
		}
		n, _ := strconv.ParseFloat(v, 64)
		return n, true, ""
	case Date:
		if v == "today" {
			return 0, false, ""
		}
		d, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return 0, false, fmt.Sprintf("want a date written YYYY-MM-DD or today, got %q", v)
		}
		return float64(d.Unix() / 86400), true, ""
	}
	return 0, false, "no limits for a " + string(t) + " field"
}

// mustInt is the value of s, a whole number checked by Bound.
func mustInt(s string) int {
	i, _ := strconv.Atoi(s)
	return i
}

// parseSize reads a size like 500kB or 5MB (binary kilo- and megabytes) in bytes.
func parseSize(s string) (int64, bool) {
	for unit, factor := range map[string]int64{"kB": 1 << 10, "MB": 1 << 20} {
		if digits, ok := strings.CutSuffix(s, unit); ok {
			n, err := strconv.ParseInt(digits, 10, 64)
			return n * factor, err == nil && n > 0 && n < 1<<20
		}
	}
	return 0, false
}

// tokenize splits the rest of a field line into tokens.
func tokenize(s string) ([]token, error) {
	var out []token
	for i := 0; i < len(s); {
		if s[i] == ' ' || s[i] == '\t' {
			i++
			continue
		}
		var t token
		if s[i] == '"' {
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				return nil, fmt.Errorf("a quote \" without its closing one")
			}
			t = token{value: s[i+1 : i+1+end], quoted: true}
			i += end + 2
		} else {
			start, j := i, i
			for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '=' && s[j] != '"' {
				j++
			}
			t.name, i = s[i:j], j
			if i < len(s) && s[i] == '=' {
				t.hasValue = true
				i++
				if i < len(s) && s[i] == '"' {
					end := strings.IndexByte(s[i+1:], '"')
					if end < 0 {
						return nil, fmt.Errorf("%s=\"… without its closing quote", t.name)
					}
					t.value, i = s[i+1:i+1+end], i+end+2
				} else {
					j := i
					for j < len(s) && s[j] != ' ' && s[j] != '\t' {
						j++
					}
					t.value, i = s[i:j], j
				}
			}
			if t.name == "" {
				return nil, fmt.Errorf("%q: an attribute is name, name=value or name=\"value\"", s[start:i])
			}
		}
		if i < len(s) && s[i] != ' ' && s[i] != '\t' {
			return nil, fmt.Errorf("a space is missing before %q", s[i:])
		}
		out = append(out, t)
	}
	return out, nil
}

func typeNames() string {
	names := make([]string, len(Types))
	for i, t := range Types {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}

func fileTypeNames() []string {
	names := make([]string, len(FileTypes))
	for i, t := range FileTypes {
		names[i] = t.Name
	}
	return names
}
