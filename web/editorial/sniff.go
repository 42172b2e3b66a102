package editorial

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"slices"
)

// The office-document types, which are ZIP files inside.
const (
	DOCXType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	ODTType  = "application/vnd.oasis.opendocument.text"
)

// SniffType tells an uploaded file's media type by what it holds, never by its name: by its
// first bytes (http.DetectContentType: "application/pdf", "image/png", "image/jpeg"…), and for
// a ZIP file, by what the ZIP holds: an ODT or DOCX document, "" for any other ZIP.
func SniffType(content []byte) string {
	mediaType := http.DetectContentType(content)
	if mediaType != "application/zip" {
		return mediaType
	}
	z, err := zip.NewReader(bytes.NewReader(content), int64(len(content)))
	if err != nil || len(z.File) == 0 {
		return ""
	}
	// An OpenDocument names its type in its first member "mimetype"; a Word document holds
	// word/document.xml.
	if first := z.File[0]; first.Name == "mimetype" {
		f, err := first.Open()
		if err != nil {
			return ""
		}
		defer f.Close()
		name, err := io.ReadAll(io.LimitReader(f, 100))
		if err == nil && string(name) == ODTType {
			return ODTType
		}
		return ""
	}
	if slices.ContainsFunc(z.File, func(f *zip.File) bool { return f.Name == "word/document.xml" }) {
		return DOCXType
	}
	return ""
}
