package notices

import (
	"path"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/radnice/radnice/web/editorial"
)

// maxAttachmentSize bounds an attached file: 20 MiB, as the board serves files from memory.
const maxAttachmentSize = 20 << 20

// fileType is a kind of file a notice may have attached.
type fileType struct {
	MediaType  string
	Kind       string   // what people call it: "PDF"
	Extensions []string // the extensions its files may have, the usual one first
}

// attachmentTypes are what a notice may have attached: documents and scans.
var attachmentTypes = []fileType{
	{"application/pdf", "PDF", []string{".pdf"}},
	{editorial.DOCXType, "DOCX", []string{".docx"}},
	{editorial.ODTType, "ODT", []string{".odt"}},
	{"image/png", "PNG", []string{".png"}},
	{"image/jpeg", "JPEG", []string{".jpg", ".jpeg"}},
}

// sniffAttachment tells which of attachmentTypes content is by what it holds, never by its
// name (editorial.SniffType).
func sniffAttachment(content []byte) (fileType, bool) {
	mediaType := editorial.SniffType(content)
	i := slices.IndexFunc(attachmentTypes, func(t fileType) bool { return t.MediaType == mediaType })
	if i < 0 {
		return fileType{}, false
	}
	return attachmentTypes[i], true
}

// uploadProblem is why an uploaded file is refused: a message key and its arguments.
type uploadProblem struct {
	key  string
	args []any
}

// checkAttachment reads an uploaded file: its type, told by its content, must be one of
// attachmentTypes and agree with the extension of its name. It returns the upload with a file
// name made for the board's addresses and, when title is "", a title made of the name.
func checkAttachment(name string, content []byte, title string) (Upload, *uploadProblem) {
	switch {
	case len(content) == 0:
		return Upload{}, &uploadProblem{key: "upload-empty"}
	case len(content) > maxAttachmentSize:
		return Upload{}, &uploadProblem{key: "upload-too-large", args: []any{maxAttachmentSize >> 20}}
	}
	t, ok := sniffAttachment(content)
	if !ok {
		return Upload{}, &uploadProblem{key: "upload-type"}
	}
	base := name[strings.LastIndexAny(name, `/\`)+1:] // browsers of old sent the whole path
	ext := strings.ToLower(path.Ext(base))
	if !slices.Contains(t.Extensions, ext) {
		return Upload{}, &uploadProblem{key: "upload-lying-name", args: []any{t.Kind, t.Extensions[0]}}
	}
	base = strings.TrimSpace(norm.NFC.String(strings.TrimSuffix(base, path.Ext(base))))
	file := editorial.Slug(base, 80)
	if file == "" {
		file = "priloha"
	}
	file += ext
	if title == "" {
		title = base
	}
	if title == "" {
		title = file
	}
	return Upload{File: file, Title: title, MediaType: t.MediaType, Content: content}, nil
}
