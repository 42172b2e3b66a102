// Package textdoc reads the portal's content files: a header of "Key: value" lines, a blank
// line, then a free-text body (Markdown where the kind of content says so). It is the format
// of everything a town edits by hand (life situations, notices, contacts, video guides), made
// to be read and diffed by people, and read strictly: every problem names its file and line.
//
//	Title: Přihlášení psa
//	Category: Zvířata
//	Form: prihlaseni-psa
//	Form: odhlaseni-psa
//
//	Psa je třeba přihlásit do 15 dnů…
//
// Keys are case-sensitive and may repeat (a list); lines starting with "#" in the header are
// comments; a value may continue on the next lines when they start with whitespace.
package textdoc

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Field is one header value with the line it was read from.
type Field struct {
	Key, Value string
	Line       int
}

// Doc is one content file.
type Doc struct {
	File     string
	Fields   []Field
	Body     string
	BodyLine int // the line the body starts on
	used     map[string]bool
}

// Error is a problem at a place in a content file.
type Error struct {
	File string
	Line int // 0: the file as a whole
	Msg  string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// Parse reads the content file named file (for messages) from data.
func Parse(file string, data []byte) (*Doc, error) {
	if !utf8.Valid(data) {
		return nil, &Error{File: file, Msg: "not UTF-8 text"}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	d := &Doc{File: file, used: map[string]bool{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	line := 0
	var body []string
	inBody := false
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		switch {
		case inBody:
			body = append(body, text)
		case strings.TrimSpace(text) == "":
			inBody = true
			d.BodyLine = line + 1
		case strings.HasPrefix(text, "#"):
		case text[0] == ' ' || text[0] == '\t':
			if len(d.Fields) == 0 {
				return nil, &Error{File: file, Line: line, Msg: "a continuation line before any key"}
			}
			f := &d.Fields[len(d.Fields)-1]
			f.Value = strings.TrimSpace(f.Value + " " + strings.TrimSpace(text))
		default:
			key, value, ok := strings.Cut(text, ":")
			if !ok || key == "" || strings.ContainsAny(key, " \t") {
				return nil, &Error{File: file, Line: line, Msg: fmt.Sprintf("want a header line \"Key: value\" or a blank line before the text, got %q", text)}
			}
			d.Fields = append(d.Fields, Field{Key: key, Value: strings.TrimSpace(value), Line: line})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &Error{File: file, Line: line, Msg: err.Error()}
	}
	d.Body = strings.TrimSpace(strings.Join(body, "\n"))
	return d, nil
}

// ReadDir parses every file of dir in fsys whose name ends with ext, in name order.
func ReadDir(fsys fs.FS, dir, ext string) ([]*Doc, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var docs []*Doc
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ext) {
			continue
		}
		name := dir + "/" + e.Name()
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		d, err := Parse(name, data)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// Errorf is a problem at line of the file (0: the file as a whole).
func (d *Doc) Errorf(line int, format string, args ...any) error {
	return &Error{File: d.File, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// All returns the values of key, in order.
func (d *Doc) All(key string) []Field {
	d.used[key] = true
	var out []Field
	for _, f := range d.Fields {
		if f.Key == key {
			out = append(out, f)
		}
	}
	return out
}

// Optional returns the one value of key, "" when absent; a repeated key is an error.
func (d *Doc) Optional(key string) (Field, error) {
	all := d.All(key)
	switch len(all) {
	case 0:
		return Field{Key: key}, nil
	case 1:
		return all[0], nil
	default:
		return Field{}, d.Errorf(all[1].Line, "%s is given twice (first on line %d)", key, all[0].Line)
	}
}

// Required returns the one non-empty value of key.
func (d *Doc) Required(key string) (Field, error) {
	f, err := d.Optional(key)
	if err == nil && f.Value == "" {
		line := f.Line
		err = d.Errorf(line, "%s is required", key)
	}
	return f, err
}

// Date reads an optional date value written YYYY-MM-DD; the zero time when absent.
func (d *Doc) Date(key string) (time.Time, int, error) {
	f, err := d.Optional(key)
	if err != nil || f.Value == "" {
		return time.Time{}, f.Line, err
	}
	t, err := time.Parse(time.DateOnly, f.Value)
	if err != nil {
		return time.Time{}, f.Line, d.Errorf(f.Line, "%s must be a date written YYYY-MM-DD, got %q", key, f.Value)
	}
	return t, f.Line, nil
}

// CheckKnown fails on a header key that no accessor asked for: a typo must not pass unnoticed.
// Call it after reading every key.
func (d *Doc) CheckKnown() error {
	var known []string
	for k := range d.used {
		known = append(known, k)
	}
	slices.Sort(known)
	for _, f := range d.Fields {
		if !d.used[f.Key] {
			return d.Errorf(f.Line, "unknown key %q (known: %s)", f.Key, strings.Join(known, ", "))
		}
	}
	return nil
}
