package notices_test

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/radnice/radnice/datasets/notices"
)

const pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"

const zamer = `Title: Záměr pronájmu části pozemku p. č. 1234/5
Category: Majetek města
Department: Odbor majetku a investic
Reference: MěÚK/12345/2026
Posted: 2026-11-02
RelevantUntil: 2026-11-18
Attachment: zamer.pdf Záměr pronájmu (podepsaný dokument)
Attachment: parcely.txt Seznam dotčených parcel

Město Kopřivnice zveřejňuje záměr pronajmout část pozemku.

Připomínky lze podat do 18. listopadu 2026.
`

// board is a content folder holding the notice above, with its attachments, and extra files.
func board(extra fstest.MapFS) fstest.MapFS {
	fsys := fstest.MapFS{
		"uredni-deska/2026-zamer.txt":              {Data: []byte(zamer)},
		"uredni-deska/2026-zamer/zamer.pdf":        {Data: []byte(pdf)},
		"uredni-deska/2026-zamer/parcely.txt":      {Data: []byte("p. č. 1234/5, k. ú. Kopřivnice\n")},
		"uredni-deska/2026-bez-priloh.txt":         {Data: []byte("Title: Oznámení o konání zasedání\nCategory: Zastupitelstvo\nDepartment: Kancelář starosty\nPosted: 2026-11-20\nRelevantUntil: 2026-12-10\n")},
		"uredni-deska/.2026-zamer.txt.swp":         {Data: []byte("an editor's")},
		"uredni-deska/2026-zamer/.~lock.zamer.pdf": {Data: []byte("an office suite's")},
	}
	for name, f := range extra {
		fsys[name] = f
	}
	return fsys
}

func TestANoticeIsItsHeaderItsTextAndItsAttachments(t *testing.T) {
	list, err := notices.Read(board(nil), "uredni-deska")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Slug != "2026-bez-priloh" || list[1].Slug != "2026-zamer" {
		t.Fatalf("read %+v, want the two notices in file name order", list)
	}
	n := list[1]
	if n.Title != "Záměr pronájmu části pozemku p. č. 1234/5" || n.Category != "Majetek města" || n.Department != "Odbor majetku a investic" || n.Reference != "MěÚK/12345/2026" {
		t.Errorf("header read as %+v", n)
	}
	if !n.Posted.Equal(time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)) || !n.RelevantUntil.Equal(time.Date(2026, 11, 18, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("dates %v to %v", n.Posted, n.RelevantUntil)
	}
	if n.Description != "Město Kopřivnice zveřejňuje záměr pronajmout část pozemku.\n\nPřipomínky lze podat do 18. listopadu 2026." {
		t.Errorf("description %q", n.Description)
	}
	if len(n.Attachments) != 2 {
		t.Fatalf("attachments %+v", n.Attachments)
	}
	for i, want := range []notices.Attachment{
		{File: "zamer.pdf", Title: "Záměr pronájmu (podepsaný dokument)", MediaType: "application/pdf", Content: []byte(pdf)},
		{File: "parcely.txt", Title: "Seznam dotčených parcel", MediaType: "text/plain; charset=utf-8", Content: []byte("p. č. 1234/5, k. ú. Kopřivnice\n")},
	} {
		got := n.Attachments[i]
		if got.File != want.File || got.Title != want.Title || got.MediaType != want.MediaType || string(got.Content) != string(want.Content) {
			t.Errorf("attachment %d = %s %q %s, want %s %q %s", i, got.File, got.Title, got.MediaType, want.File, want.Title, want.MediaType)
		}
	}
	if list[0].Reference != "" || len(list[0].Attachments) != 0 || list[0].Description != "" {
		t.Errorf("a notice without reference, attachments and text: %+v", list[0])
	}
}

func TestEveryProblemNamesItsFileAndLine(t *testing.T) {
	header := "Title: Veřejná vyhláška\nCategory: Stavební řízení\nDepartment: Stavební úřad\nPosted: 2026-11-02\nRelevantUntil: 2026-11-18\n"
	for _, c := range []struct {
		name  string
		files fstest.MapFS
		want  string
	}{
		{"a required key missing", fstest.MapFS{"uredni-deska/x.txt": {Data: []byte("Title: Veřejná vyhláška\nCategory: Stavební řízení\nPosted: 2026-11-02\n")}},
			"uredni-deska/x.txt: Department is required"},
		{"a date not ISO", fstest.MapFS{"uredni-deska/x.txt": {Data: []byte("Title: A\nCategory: B\nDepartment: C\nPosted: 2. 11. 2026\nRelevantUntil: 2026-11-18\n")}},
			`uredni-deska/x.txt:4: Posted must be a date written YYYY-MM-DD, got "2. 11. 2026"`},
		{"taken down before posted", fstest.MapFS{"uredni-deska/x.txt": {Data: []byte("Title: A\nCategory: B\nDepartment: C\nPosted: 2026-11-02\nRelevantUntil: 2026-11-01\n")}},
			"uredni-deska/x.txt:5: RelevantUntil 2026-11-01 is before Posted 2026-11-02"},
		{"a misspelt key", fstest.MapFS{"uredni-deska/x.txt": {Data: []byte(header + "Refrence: MěÚK/1/2026\n")}},
			`uredni-deska/x.txt:6: unknown key "Refrence" (known: Attachment, Category, Department, Posted, Reference, RelevantUntil, Title)`},
		{"an address that is not one", fstest.MapFS{"uredni-deska/Vyhlaska 1.txt": {Data: []byte(header)}},
			`uredni-deska/Vyhlaska 1.txt: the file name must be lower-case letters a-z, digits and '-' (it is the notice's address), and not "archiv"`},
		{"the archive's address", fstest.MapFS{"uredni-deska/archiv.txt": {Data: []byte(header)}},
			`uredni-deska/archiv.txt: the file name must be lower-case letters a-z, digits and '-' (it is the notice's address), and not "archiv"`},
		{"an attachment name with a space", fstest.MapFS{"uredni-deska/x.txt": {Data: []byte(header + "Attachment: Vyhláška.pdf Vyhláška\n")}},
			`uredni-deska/x.txt:6: want "Attachment: file-name.pdf Title" with a file name of lower-case letters a-z, digits, '-', '_' and '.', got "Vyhláška.pdf Vyhláška"`},
		{"an attachment of a type served unsafely", fstest.MapFS{"uredni-deska/x.txt": {Data: []byte(header + "Attachment: mapa.svg Mapa\n")}},
			"uredni-deska/x.txt:6: attachment mapa.svg: the board publishes only .docx, .jpg, .ods, .odt, .pdf, .png, .txt, .xlsx files"},
		{"an attachment without a title", fstest.MapFS{"uredni-deska/x.txt": {Data: []byte(header + "Attachment: vyhlaska.pdf\n")}},
			"uredni-deska/x.txt:6: attachment vyhlaska.pdf has no title: write it after the file name"},
		{"an attachment twice", fstest.MapFS{"uredni-deska/x.txt": {Data: []byte(header + "Attachment: a.pdf A\nAttachment: a.pdf B\n")}},
			"uredni-deska/x.txt:7: attachment a.pdf is listed twice (first on line 6)"},
		{"an attachment missing", fstest.MapFS{"uredni-deska/x.txt": {Data: []byte(header + "Attachment: vyhlaska.pdf Vyhláška\n")}},
			"uredni-deska/x.txt:6: attachment uredni-deska/x/vyhlaska.pdf: file does not exist"},
		{"an attachment that is not what its name says", fstest.MapFS{
			"uredni-deska/x.txt":          {Data: []byte(header + "Attachment: vyhlaska.pdf Vyhláška\n")},
			"uredni-deska/x/vyhlaska.pdf": {Data: []byte("<html><script>alert(1)</script></html>")},
		}, "uredni-deska/x.txt:6: attachment uredni-deska/x/vyhlaska.pdf is not a PDF document, as its extension says"},
		{"an empty attachment", fstest.MapFS{
			"uredni-deska/x.txt":        {Data: []byte(header + "Attachment: seznam.txt Seznam\n")},
			"uredni-deska/x/seznam.txt": {Data: []byte{}},
		}, "uredni-deska/x.txt:6: attachment uredni-deska/x/seznam.txt is empty"},
		{"an OpenDocument that is only a ZIP", fstest.MapFS{
			"uredni-deska/x.txt":           {Data: []byte(header + "Attachment: prihlaska.odt Přihláška\n")},
			"uredni-deska/x/prihlaska.odt": {Data: []byte("PK\x03\x04 an archive of something else")},
		}, "uredni-deska/x.txt:6: attachment uredni-deska/x/prihlaska.odt is not an OpenDocument text, as its extension says"},
		{"a file the notice does not list", fstest.MapFS{"uredni-deska/2026-zamer/koncept.pdf": {Data: []byte(pdf)}},
			"uredni-deska/2026-zamer/koncept.pdf: not listed as an Attachment of 2026-zamer.txt"},
		{"a folder without its notice", fstest.MapFS{"uredni-deska/2025-zamer/zamer.pdf": {Data: []byte(pdf)}},
			"uredni-deska/2025-zamer: a folder without its notice file 2025-zamer.txt"},
		{"an attachment beside the notices", fstest.MapFS{"uredni-deska/zamer.pdf": {Data: []byte(pdf)}},
			"uredni-deska/zamer.pdf: not a notice: notice files end with .txt, attachments go in the notice's folder"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := notices.Read(board(c.files), "uredni-deska")
			if err == nil || err.Error() != c.want {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
}
