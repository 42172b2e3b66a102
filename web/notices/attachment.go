package notices

import (
	"bytes"
	"encoding/hex"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
	"unicode"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/layout"
)

// attachment serves an attachment file of the board, for anyone to read.
func (h *Handler) attachment(w http.ResponseWriter, r *http.Request) {
	a, err := h.store.AttachmentFile(r.Context(), chi.URLParam(r, "slug"), chi.URLParam(r, "file"), today())
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	serveAttachment(w, r, a)
}

// serveAttachment serves an attachment file as stored, with its media type, the name to save
// it under and HTTP ranges (a long PDF opens at any page before it has all arrived). Documents
// browsers show themselves open in the browser; others are offered for download.
func serveAttachment(w http.ResponseWriter, r *http.Request, a AttachmentFile) {
	hd := w.Header()
	hd.Set("Content-Type", a.MediaType)
	hd.Set("Content-Disposition", contentDisposition(a.Attachment))
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("ETag", `"`+hex.EncodeToString(a.SHA256)+`"`)
	http.ServeContent(w, r, a.File, time.Time{}, bytes.NewReader(a.Content))
}

// shownInline are the media types browsers display themselves.
var shownInline = map[string]bool{"application/pdf": true, "text/plain": true, "image/png": true, "image/jpeg": true}

// contentDisposition says how to present an attachment and under which name to save it: its
// title with its extension ("Rozpočtové opatření č. 5-2026.pdf", RFC 6266 filename* in UTF-8
// as RFC 8187 encodes it), and its ASCII file name for clients that know no better.
func contentDisposition(a Attachment) string {
	kind := "attachment"
	if base, _, _ := mime.ParseMediaType(a.MediaType); shownInline[base] {
		kind = "inline"
	}
	return kind + `; filename="` + a.File + `"; filename*=UTF-8''` + encodeExtValue(saveAsName(a))
}

// maxNameLength bounds a saved file's name, in characters, extension excluded.
const maxNameLength = 120

// saveAsName is the attachment's title as a file name: characters no file system takes
// become '-', and the file's extension follows.
func saveAsName(a Attachment) string {
	name := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, a.Title)
	if runes := []rune(name); len(runes) > maxNameLength {
		name = string(runes[:maxNameLength])
	}
	name = strings.Trim(strings.TrimSpace(name), ".")
	if name == "" {
		return a.File
	}
	return name + path.Ext(a.File)
}

// encodeExtValue percent-encodes s as an RFC 8187 ext-value: UTF-8 bytes, all but attr-char.
func encodeExtValue(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}
