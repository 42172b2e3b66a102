// Command demodocs writes the demo town's notice board attachments: for every notice in the
// folder given, each PDF attachment it lists becomes a small real PDF of the notice (the
// office's header, the reference number, the attachment's title and the notice's text; plans
// and map extracts get a schematic drawing), and each ODT attachment an application form as
// an OpenDocument text. Other attachments (plain text) are written by hand. The output is the
// same on every run.
//
//	go run ./datasets/notices/demodocs datasets/demotown/content/uredni-deska
package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/radnice/radnice/datasets/notices"
	"github.com/radnice/radnice/datasets/textdoc"
)

// office is who issues the demo town's documents.
const office = "Městský úřad Kopřivnice"

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: demodocs NOTICE-FOLDER")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "demodocs:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	docs, err := textdoc.ReadDir(os.DirFS(filepath.Dir(dir)), filepath.Base(dir), notices.Ext)
	if err != nil {
		return err
	}
	for _, d := range docs {
		n, err := notices.FromDoc(d)
		if err != nil {
			return err
		}
		for _, a := range n.Attachments {
			var body []byte
			switch path.Ext(a.File) {
			case ".pdf":
				body, err = noticePDF(n, a)
			case ".odt":
				body, err = applicationForm(n, a)
			default:
				continue
			}
			if err != nil {
				return fmt.Errorf("%s/%s: %w", n.Slug, a.File, err)
			}
			name := filepath.Join(dir, n.Slug, a.File)
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(name, body, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// czechDate writes a date as a Czech letterhead does: "2. listopadu 2026".
func czechDate(t time.Time) string {
	months := [...]string{"ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října", "listopadu", "prosince"}
	return fmt.Sprintf("%d. %s %d", t.Day(), months[t.Month()-1], t.Year())
}

// noticePDF is the attachment a of notice n as a PDF document.
func noticePDF(n notices.Notice, a notices.Attachment) ([]byte, error) {
	doc := newPDF(a.Title)
	doc.line(bold, 10, office)
	doc.line(regular, 10, n.Department)
	doc.gap()
	if n.Reference != "" {
		doc.line(regular, 10, "Č. j.: "+n.Reference)
	}
	doc.line(regular, 10, "Kopřivnice "+czechDate(n.Posted))
	doc.gap()
	doc.paragraph(bold, 14, a.Title)
	if a.Title != n.Title {
		doc.paragraph(regular, 11, "K dokumentu: "+n.Title)
	}
	doc.gap()
	for _, p := range strings.Split(n.Description, "\n\n") {
		doc.paragraph(regular, 11, strings.Join(strings.Fields(p), " "))
		doc.gap()
	}
	if strings.Contains(a.File, "situace") || strings.Contains(a.File, "snimek") {
		doc.plan()
	}
	doc.gap()
	doc.line(regular, 10, "Vyvěšeno na úřední desce: "+czechDate(n.Posted))
	doc.line(regular, 10, "Zveřejněno do: "+czechDate(n.RelevantUntil))
	return doc.bytes()
}

// applicationForm is an application form for the selection procedure notice n announces, as
// an OpenDocument text (ODF 1.3): a ZIP whose first member, stored, names the media type.
func applicationForm(n notices.Notice, a notices.Attachment) ([]byte, error) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	member := func(name string, method uint16, content string) error {
		h := &zip.FileHeader{Name: name, Method: method, Modified: n.Posted}
		create := z.CreateHeader
		if method == zip.Store {
			// ODF readers find the media type at a fixed offset: no extra field (a time
			// stamp), no data descriptor.
			h = &zip.FileHeader{Name: name, Method: method, CRC32: crc32.ChecksumIEEE([]byte(content)),
				CompressedSize64: uint64(len(content)), UncompressedSize64: uint64(len(content))}
			create = z.CreateRaw
		}
		w, err := create(h)
		if err == nil {
			_, err = w.Write([]byte(content))
		}
		return err
	}
	var text strings.Builder
	fmt.Fprintf(&text, "<text:h text:outline-level=\"1\">%s</text:h>", xmlText(a.Title))
	fmt.Fprintf(&text, "<text:p>%s</text:p>", xmlText(n.Title+" (č. j. "+n.Reference+")"))
	for _, field := range []string{
		"Jméno, příjmení a titul:", "Datum a místo narození:", "Státní příslušnost:",
		"Místo trvalého pobytu:", "Číslo občanského průkazu nebo dokladu o povolení k pobytu:",
		"Telefon a e-mail pro komunikaci:", "Přílohy: životopis, výpis z evidence Rejstříku trestů, doklad o nejvyšším dosaženém vzdělání",
		"Datum a podpis uchazeče:",
	} {
		fmt.Fprintf(&text, "<text:p>%s</text:p><text:p>……………………………………………………</text:p>", xmlText(field))
	}
	const mediaType = "application/vnd.oasis.opendocument.text"
	for _, m := range []struct {
		name    string
		method  uint16
		content string
	}{
		{"mimetype", zip.Store, mediaType},
		{"META-INF/manifest.xml", zip.Deflate, `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="` + mediaType + `"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
`},
		{"content.xml", zip.Deflate, `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
<office:body><office:text>` + text.String() + `</office:text></office:body>
</office:document-content>
`},
	} {
		if err := member(m.name, m.method, m.content); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func xmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
