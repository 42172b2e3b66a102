// Package notices reads the official notice board (úřední deska) from a town's content folder:
// one text file per notice (datasets/textdoc), its attachments in a folder of the same name.
//
//	uredni-deska/
//	  2026-zamer-pronajmu-pozemku.txt
//	  2026-zamer-pronajmu-pozemku/
//	    zamer-pronajmu.pdf
//	    snimek-mapy.pdf
//
// A notice file:
//
//	Title: Záměr pronájmu části pozemku p. č. 1234/5 v k. ú. Kopřivnice
//	Category: Majetek města
//	Department: Odbor majetku a investic
//	Reference: MěÚK/12345/2026
//	Posted: 2026-11-02
//	RelevantUntil: 2026-11-18
//	Attachment: zamer-pronajmu.pdf Záměr pronájmu pozemku (podepsaný dokument)
//	Attachment: snimek-mapy.pdf Snímek katastrální mapy
//
//	Město Kopřivnice zveřejňuje podle § 39 zákona o obcích záměr pronajmout…
//
// The file's name without ".txt" is the notice's lasting address (/uredni-deska/{name}).
// Reference (číslo jednací) is optional; the notice is on the board from Posted to
// RelevantUntil, both included. Each Attachment is a file name in the notice's folder, a space
// and the attachment's title. The body is the description: plain text, paragraphs separated by
// blank lines.
package notices

// The demo town's PDF and ODT attachments are made from its notices:
//go:generate go run ./demodocs ../demotown/content/uredni-deska

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/radnice/radnice/datasets/textdoc"
)

// Ext ends the name of every notice file.
const Ext = ".txt"

// MaxAttachmentSize bounds one attachment: a notice board publishes documents, not archives.
const MaxAttachmentSize = 20 << 20

// Notice is one document of the notice board.
type Notice struct {
	Slug          string // the file name without Ext: the notice's address
	Title         string
	Category      string
	Department    string // the department (odbor) that publishes it
	Reference     string // číslo jednací; "" when it has none
	Posted        time.Time
	RelevantUntil time.Time // the last day it is on the board
	Description   string
	Attachments   []Attachment
}

// Attachment is one file published with a notice.
type Attachment struct {
	File      string // its name in the notice's folder and in its address
	Title     string
	MediaType string // as served: from the file's extension, confirmed by its content
	Content   []byte
	line      int // of its Attachment field, for problems found in the file
}

var (
	slugPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	filePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)*\.[a-z0-9]+$`)
)

// reservedSlugs are the board's own pages under /uredni-deska/.
var reservedSlugs = map[string]bool{"archiv": true}

// fileType is what an attachment with a given extension is, and how its content proves it.
type fileType struct {
	mediaType string
	name      string // for messages: "a PDF document"
	proof     func([]byte) bool
}

// fileTypes are the attachments a notice may carry, by extension. Anything else (HTML, SVG,
// scripts...) is refused: the portal serves attachments from its own origin.
var fileTypes = map[string]fileType{
	".pdf":  {"application/pdf", "a PDF document", startsWith("%PDF-")},
	".txt":  {"text/plain; charset=utf-8", "UTF-8 plain text", isPlainText},
	".odt":  {"application/vnd.oasis.opendocument.text", "an OpenDocument text", isOpenDocument("application/vnd.oasis.opendocument.text")},
	".ods":  {"application/vnd.oasis.opendocument.spreadsheet", "an OpenDocument spreadsheet", isOpenDocument("application/vnd.oasis.opendocument.spreadsheet")},
	".docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a Word document", startsWith("PK\x03\x04")},
	".xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "an Excel workbook", startsWith("PK\x03\x04")},
	".png":  {"image/png", "a PNG image", sniffedAs("image/png")},
	".jpg":  {"image/jpeg", "a JPEG image", sniffedAs("image/jpeg")},
}

func startsWith(magic string) func([]byte) bool {
	return func(b []byte) bool { return bytes.HasPrefix(b, []byte(magic)) }
}

func sniffedAs(mediaType string) func([]byte) bool {
	return func(b []byte) bool { return http.DetectContentType(b) == mediaType }
}

func isPlainText(b []byte) bool {
	return utf8.Valid(b) && strings.HasPrefix(http.DetectContentType(b), "text/plain")
}

// isOpenDocument checks the ZIP's first member, which ODF requires to be "mimetype", stored,
// holding the document's media type.
func isOpenDocument(mediaType string) func([]byte) bool {
	return func(b []byte) bool {
		return bytes.HasPrefix(b, []byte("PK\x03\x04")) && len(b) > 30 && bytes.HasPrefix(b[30:], []byte("mimetype"+mediaType))
	}
}

// Read reads every notice of dir in fsys with its attachments, in file name order. Every
// problem names its file and line.
func Read(fsys fs.FS, dir string) ([]Notice, error) {
	docs, err := textdoc.ReadDir(fsys, dir, Ext)
	if err != nil {
		return nil, err
	}
	out := make([]Notice, 0, len(docs))
	for _, d := range docs {
		n, err := FromDoc(d)
		if err != nil {
			return nil, err
		}
		if err := readAttachments(fsys, d, &n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	if err := checkFolders(fsys, dir, out); err != nil {
		return nil, err
	}
	return out, nil
}

// FromDoc reads a notice from its parsed file, without the attachments' content.
func FromDoc(d *textdoc.Doc) (Notice, error) {
	n := Notice{Slug: strings.TrimSuffix(path.Base(d.File), Ext), Description: d.Body}
	if !slugPattern.MatchString(n.Slug) || reservedSlugs[n.Slug] {
		return n, d.Errorf(0, "the file name must be lower-case letters a-z, digits and '-' (it is the notice's address), and not %q", "archiv")
	}
	for _, f := range []struct {
		key string
		to  *string
	}{{"Title", &n.Title}, {"Category", &n.Category}, {"Department", &n.Department}} {
		v, err := d.Required(f.key)
		if err != nil {
			return n, err
		}
		*f.to = v.Value
	}
	ref, err := d.Optional("Reference")
	if err != nil {
		return n, err
	}
	n.Reference = ref.Value
	if n.Posted, err = requiredDate(d, "Posted"); err != nil {
		return n, err
	}
	if n.RelevantUntil, err = requiredDate(d, "RelevantUntil"); err != nil {
		return n, err
	}
	if n.RelevantUntil.Before(n.Posted) {
		_, line, _ := d.Date("RelevantUntil")
		return n, d.Errorf(line, "RelevantUntil %s is before Posted %s", n.RelevantUntil.Format(time.DateOnly), n.Posted.Format(time.DateOnly))
	}
	seen := map[string]int{}
	for _, f := range d.All("Attachment") {
		file, title, _ := strings.Cut(f.Value, " ")
		title = strings.TrimSpace(title)
		switch _, known := fileTypes[path.Ext(file)]; {
		case !filePattern.MatchString(file):
			return n, d.Errorf(f.Line, "want \"Attachment: file-name.pdf Title\" with a file name of lower-case letters a-z, digits, '-', '_' and '.', got %q", f.Value)
		case !known:
			return n, d.Errorf(f.Line, "attachment %s: the board publishes only %s files", file, knownExtensions())
		case title == "":
			return n, d.Errorf(f.Line, "attachment %s has no title: write it after the file name", file)
		case seen[file] != 0:
			return n, d.Errorf(f.Line, "attachment %s is listed twice (first on line %d)", file, seen[file])
		}
		seen[file] = f.Line
		n.Attachments = append(n.Attachments, Attachment{File: file, Title: title, MediaType: fileTypes[path.Ext(file)].mediaType, line: f.Line})
	}
	return n, d.CheckKnown()
}

func requiredDate(d *textdoc.Doc, key string) (time.Time, error) {
	if _, err := d.Required(key); err != nil {
		return time.Time{}, err
	}
	t, _, err := d.Date(key)
	return t, err
}

func knownExtensions() string {
	exts := make([]string, 0, len(fileTypes))
	for ext := range fileTypes {
		exts = append(exts, ext)
	}
	slices.Sort(exts)
	return strings.Join(exts, ", ")
}

// readAttachments reads the content of n's attachments from the notice's folder beside d.
func readAttachments(fsys fs.FS, d *textdoc.Doc, n *Notice) error {
	folder := strings.TrimSuffix(d.File, Ext)
	for i := range n.Attachments {
		a := &n.Attachments[i]
		name := folder + "/" + a.File
		content, err := fs.ReadFile(fsys, name)
		if err != nil {
			return d.Errorf(a.line, "attachment %s: %v", name, unwrapPathError(err))
		}
		kind := fileTypes[path.Ext(a.File)]
		switch {
		case len(content) == 0:
			return d.Errorf(a.line, "attachment %s is empty", name)
		case len(content) > MaxAttachmentSize:
			return d.Errorf(a.line, "attachment %s is larger than %d MiB", name, MaxAttachmentSize>>20)
		case !kind.proof(content):
			return d.Errorf(a.line, "attachment %s is not %s, as its extension says", name, kind.name)
		}
		a.Content = content
	}
	return nil
}

// unwrapPathError drops the path fs.ReadFile repeats in its error.
func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// checkFolders refuses files in dir that no notice publishes: a folder without its notice
// file, or an attachment its notice does not list, is a mistake a clerk should hear about.
func checkFolders(fsys fs.FS, dir string, list []Notice) error {
	listed := map[string]map[string]bool{}
	for _, n := range list {
		files := map[string]bool{}
		for _, a := range n.Attachments {
			files[a.File] = true
		}
		listed[n.Slug] = files
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := dir + "/" + e.Name()
		if strings.HasPrefix(e.Name(), ".") {
			continue // an editor's or a file manager's own
		}
		if !e.IsDir() {
			if !strings.HasSuffix(e.Name(), Ext) {
				return &textdoc.Error{File: name, Msg: fmt.Sprintf("not a notice: notice files end with %s, attachments go in the notice's folder", Ext)}
			}
			continue
		}
		files, ok := listed[e.Name()]
		if !ok {
			return &textdoc.Error{File: name, Msg: fmt.Sprintf("a folder without its notice file %s%s", e.Name(), Ext)}
		}
		inside, err := fs.ReadDir(fsys, name)
		if err != nil {
			return err
		}
		for _, f := range inside {
			if !files[f.Name()] && !strings.HasPrefix(f.Name(), ".") {
				return &textdoc.Error{File: name + "/" + f.Name(), Msg: fmt.Sprintf("not listed as an Attachment of %s%s", e.Name(), Ext)}
			}
		}
	}
	return nil
}
