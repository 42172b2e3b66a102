package notices_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/webtest"
)

// closureForm is the editors' form of a new notice, filled in.
func closureForm() url.Values {
	return url.Values{
		"nazev": {"Uzavírka ulice Husova"}, "cislo-jednaci": {"MěÚK/50001/2026"}, "zverejnuje": {"Odbor dopravy"},
		"kategorie": {"Doprava"}, "vyveseno": {""}, "zverejneno-do": {"2026-12-01"},
		"text": {"Ulice Husova bude od 25. listopadu uzavřena.\r\n\r\nObjížďka vede ulicí Záhumenní."},
	}
}

// createClosure writes the closure notice through the editors' form and returns its editing
// screen's path.
func createClosure(t *testing.T, srv *httptest.Server) string {
	t.Helper()
	res, _ := webtest.PostForm(t, srv, "/sprava/deska/novy", closureForm())
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !regexp.MustCompile(`^/sprava/deska/\d+\?zmena=vytvoreno$`).MatchString(loc) {
		t.Fatalf("creating: status %d, Location %q", res.StatusCode, loc)
	}
	return strings.TrimSuffix(loc, "?zmena=vytvoreno")
}

func TestStaffScreensAreForEditorsOnly(t *testing.T) {
	citizen := &auth.User{ID: 9, GivenName: "Jan", FamilyName: "Novák"}
	for _, c := range []struct {
		who    *auth.User
		status int
	}{{nil, http.StatusSeeOther}, {citizen, http.StatusForbidden}, {editor, http.StatusOK}} {
		srv, _ := staffServer(t, c.who)
		for _, path := range []string{"/sprava/deska", "/sprava/deska/novy", "/en/sprava/deska"} {
			res, _ := webtest.Get(t, srv, path)
			if res.StatusCode != c.status || res.Header.Get("Cache-Control") != "no-store" {
				t.Errorf("%v: %s: status %d, Cache-Control %q; want %d, no-store", c.who, path, res.StatusCode, res.Header.Get("Cache-Control"), c.status)
			}
		}
		res, _ := webtest.PostForm(t, srv, "/sprava/deska/novy", closureForm())
		if c.who != editor && res.StatusCode == http.StatusSeeOther && strings.HasPrefix(res.Header.Get("Location"), "/sprava/deska/") {
			t.Errorf("%v created a notice", c.who)
		}
	}
}

func TestTheEditorsListShowsEveryStateNewestFirstAndFilters(t *testing.T) {
	srv, _ := staffServer(t, editor)
	edit := createClosure(t, srv)
	res, page := webtest.Get(t, srv, "/sprava/deska")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	links := regexp.MustCompile(`<h2><a href="(/sprava/deska/\d+)">`).FindAllStringSubmatch(page, -1)
	if len(links) != demoCurrent+demoArchived+1 || links[0][1] != edit {
		t.Errorf("the list has %d notices, first %v; want all %d, the undated draft first", len(links), links[0], demoCurrent+demoArchived+1)
	}
	text := webtest.Text(page)
	for _, want := range []string{"Správa úřední desky", "Koncept Doprava · Odbor dopravy · č. j. MěÚK/50001/2026 Datum vyvěšení: dnem zveřejnění, zveřejněno do 1. 12. 2026", "Nový dokument"} {
		if !strings.Contains(text, want) {
			t.Errorf("the list does not say %q", want)
		}
	}
	_, drafts := webtest.Get(t, srv, "/sprava/deska?stav=draft")
	if got := regexp.MustCompile(`<h2><a href="(/sprava/deska/\d+)">`).FindAllStringSubmatch(drafts, -1); len(got) != 1 || !strings.Contains(drafts, `<option value="draft" selected>Koncept</option>`) {
		t.Errorf("the drafts: %v", got)
	}
	if res, _ := webtest.Get(t, srv, "/sprava/deska?stav=smazano"); res.StatusCode != http.StatusNotFound {
		t.Errorf("an unknown state: status %d", res.StatusCode)
	}
}

func TestTheNoticeFormShowsEachProblemNextToItsFieldAndInTheSummary(t *testing.T) {
	srv, _ := staffServer(t, editor)
	form := closureForm()
	form.Set("nazev", "  ")
	form.Set("kategorie", "")
	form.Set("vyveseno", "2026-12-05")
	form.Set("zverejneno-do", "2026-12-01")
	res, page := webtest.PostForm(t, srv, "/sprava/deska/novy", form)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", res.StatusCode)
	}
	want := map[string]string{
		"nazev":         "Zadejte název dokumentu.",
		"kategorie":     "Zadejte kategorii dokumentu.",
		"zverejneno-do": "Datum „zveřejněno do“ nesmí být dříve než datum vyvěšení.",
	}
	if got := webtest.ErrorSummary(page); len(got) != len(want) {
		t.Errorf("the summary lists %v, want %v", got, want)
	}
	for id, message := range want {
		if webtest.ErrorSummary(page)[id] != message || webtest.FieldError(page, id) != message {
			t.Errorf("%s: in the summary %q, by the field %q; want %q", id, webtest.ErrorSummary(page)[id], webtest.FieldError(page, id), message)
		}
		if input := inputTag(page, id); !strings.Contains(input, `aria-invalid="true"`) || !regexp.MustCompile(`aria-describedby="[^"]*\b`+id+`-error"`).MatchString(input) {
			t.Errorf("%s is not marked invalid with its error: %s", id, input)
		}
	}
	for _, kept := range []string{`value="Odbor dopravy"`, `value="2026-12-05"`, "Objížďka vede ulicí Záhumenní."} {
		if !strings.Contains(page, kept) {
			t.Errorf("the form lost %s", kept)
		}
	}
	_, english := webtest.PostForm(t, srv, "/en/sprava/deska/novy", form)
	if webtest.ErrorSummary(english)["nazev"] != "Enter the title of the document." {
		t.Errorf("in English: %v", webtest.ErrorSummary(english))
	}
}

func TestADraftIsOnlyInThePreviewUntilPublishedThenOnTheBoardAndInTheOpenData(t *testing.T) {
	srv, _ := staffServer(t, editor)
	edit := createClosure(t, srv)
	const public = "/uredni-deska/2026-uzavirka-ulice-husova"

	_, screen := webtest.Get(t, srv, edit+"?zmena=vytvoreno")
	for _, want := range []string{`<p class="notice" role="status">Koncept dokumentu je uložen.`, `<section class="editorial-actions"`,
		`<input type="hidden" name="state" value="published"> <button type="submit" class="action-published">Zveřejnit</button>`, `href="` + edit + `/nahled"`} {
		if !strings.Contains(screen, want) {
			t.Errorf("the editing screen lacks %s", want)
		}
	}
	if res, _ := webtest.Get(t, srv, public); res.StatusCode != http.StatusNotFound {
		t.Errorf("the draft's public address: status %d", res.StatusCode)
	}
	res, preview := webtest.Get(t, srv, edit+"/nahled")
	if text := webtest.Text(preview); res.StatusCode != http.StatusOK || !strings.Contains(text, "Náhled: takto bude stránka vypadat na portálu.") ||
		!strings.Contains(text, "Uzavírka ulice Husova") || !strings.Contains(text, "Vyvěšeno 24. listopadu 2026") || !strings.Contains(text, "Objížďka vede ulicí Záhumenní.") {
		t.Errorf("preview: status %d\n%s", res.StatusCode, text)
	}

	res, _ = webtest.PostForm(t, srv, edit+"/stav", url.Values{"state": {"published"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != edit+"?zmena=published" {
		t.Fatalf("publishing: status %d, Location %q", res.StatusCode, res.Header.Get("Location"))
	}
	if res, page := webtest.Get(t, srv, public); res.StatusCode != http.StatusOK || !strings.Contains(webtest.Text(page), "Dokument je vyvěšen na úřední desce.") {
		t.Errorf("published: status %d", res.StatusCode)
	}
	if _, board := webtest.Get(t, srv, "/uredni-deska"); noticeLinks(board)[0] != "2026-uzavirka-ulice-husova" {
		t.Errorf("the board begins with %v", noticeLinks(board)[:1])
	}
	var data struct {
		Informace []struct{ URL string } `json:"informace"`
	}
	if _, body := webtest.Get(t, srv, "/uredni-deska.jsonld"); json.Unmarshal([]byte(body), &data) != nil || len(data.Informace) != demoCurrent+1 {
		t.Errorf("the open data holds %d notices, want %d", len(data.Informace), demoCurrent+1)
	}
	// A second click on an old screen changes nothing.
	if res, _ := webtest.PostForm(t, srv, edit+"/stav", url.Values{"state": {"published"}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("publishing twice: status %d", res.StatusCode)
	}
}

func TestPublishingANoticeWhoseTimeIsOverSaysWhyNextToTheDate(t *testing.T) {
	srv, _ := staffServer(t, editor)
	form := closureForm()
	form.Set("zverejneno-do", "2026-11-20")
	res, _ := webtest.PostForm(t, srv, "/sprava/deska/novy", form)
	edit := strings.TrimSuffix(res.Header.Get("Location"), "?zmena=vytvoreno")
	res, page := webtest.PostForm(t, srv, edit+"/stav", url.Values{"state": {"published"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.HasPrefix(webtest.FieldError(page, "zverejneno-do"), "Doba zveřejnění už uplynula") || webtest.ErrorSummary(page)["zverejneno-do"] == "" {
		t.Errorf("status %d, by the date %q, summary %v", res.StatusCode, webtest.FieldError(page, "zverejneno-do"), webtest.ErrorSummary(page))
	}
	res, page = webtest.PostForm(t, srv, edit+"/stav", url.Values{"state": {"withdrawn"}})
	if res.StatusCode != http.StatusConflict || !strings.HasPrefix(webtest.ErrorSummary(page)["editorial-state"], "Dokument je teď ve stavu „Koncept“") {
		t.Errorf("withdrawing a draft: status %d, summary %v", res.StatusCode, webtest.ErrorSummary(page))
	}
}

func TestAWithdrawnNoticeSaysSoAtItsAddressInsteadOfItsContent(t *testing.T) {
	srv, pool := staffServer(t, editor)
	const slug = "2026-zamer-pronajmu-pozemku-lubina"
	var id string
	if err := pool.QueryRow(t.Context(), `SELECT id::text FROM notices WHERE slug = $1`, slug).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if res, _ := webtest.PostForm(t, srv, "/sprava/deska/"+id+"/stav", url.Values{"state": {"withdrawn"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("withdrawing: status %d", res.StatusCode)
	}
	res, page := webtest.Get(t, srv, "/uredni-deska/"+slug)
	text := webtest.Text(page)
	if res.StatusCode != http.StatusGone || !strings.Contains(text, "Dokument byl stažen z úřední desky") || strings.Contains(text, "Lubina") {
		t.Errorf("status %d\n%s", res.StatusCode, text)
	}
	if res, _ := webtest.Get(t, srv, "/uredni-deska/"+slug+"/prilohy/zamer-pronajmu.pdf"); res.StatusCode != http.StatusNotFound {
		t.Errorf("its attachment: status %d", res.StatusCode)
	}
	_, archive := webtest.Get(t, srv, "/uredni-deska/archiv")
	_, feed := webtest.Get(t, srv, "/uredni-deska.atom")
	if strings.Contains(archive, slug) || strings.Contains(feed, slug) {
		t.Error("the withdrawn notice is in the archive or the feed")
	}
}

// pdfFile and pngFile are the smallest files of their kinds.
var (
	pdfFile = []byte("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
	pngFile = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")
)

// officeFile is a ZIP holding the members (name, content, ...) in order, as office documents are.
func officeFile(t *testing.T, members ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for i := 0; i+1 < len(members); i += 2 {
		w, err := z.CreateHeader(&zip.FileHeader{Name: members[i], Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(members[i+1]))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestAttachmentsAreCheckedByWhatTheyHoldNotByTheirNames(t *testing.T) {
	srv, _ := staffServer(t, editor)
	edit := createClosure(t, srv)
	odt := officeFile(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<office:document-content/>")
	docx := officeFile(t, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>")
	for _, c := range []struct {
		name    string
		content []byte
		title   string
		problem string // "" for accepted
	}{
		{"Situace uzavírky.PDF", pdfFile, "", ""},
		{`C:\Dokumenty\Mapa objížďky.png`, pngFile, "Mapa objížďky (obrázek)", ""},
		{"rozhodnuti.odt", odt, "", ""},
		{"rozhodnuti.docx", docx, "", ""},
		{"rozpocet.pdf", pngFile, "", "Přípona v názvu souboru neodpovídá jeho obsahu: soubor je ve skutečnosti PNG. Vyberte správný soubor, nebo mu dejte příponu .png."},
		{"rozhodnuti.docx", odt, "", "Přípona v názvu souboru neodpovídá jeho obsahu: soubor je ve skutečnosti ODT. Vyberte správný soubor, nebo mu dejte příponu .odt."},
		{"archiv.odt", officeFile(t, "data.txt", "x"), "", "Tento typ souboru nelze přiložit. Přiložte PDF, DOCX, ODT nebo obrázek PNG či JPEG."},
		{"skript.pdf", []byte("<html><script>alert(1)</script></html>"), "", "Tento typ souboru nelze přiložit. Přiložte PDF, DOCX, ODT nebo obrázek PNG či JPEG."},
		{"prazdny.pdf", nil, "", "Vybraný soubor je prázdný."},
	} {
		res, page := webtest.PostMultipart(t, srv, edit+"/prilohy", url.Values{"priloha-nazev": {c.title}}, webtest.File{Field: "priloha-soubor", Name: c.name, Content: c.content})
		switch {
		case c.problem == "" && res.StatusCode != http.StatusSeeOther:
			t.Errorf("%s: status %d, %q; want it attached", c.name, res.StatusCode, webtest.FieldError(page, "priloha-soubor"))
		case c.problem != "" && (res.StatusCode != http.StatusUnprocessableEntity || webtest.FieldError(page, "priloha-soubor") != c.problem || webtest.ErrorSummary(page)["priloha-soubor"] != c.problem):
			t.Errorf("%s: status %d, %q; want refused with %q", c.name, res.StatusCode, webtest.FieldError(page, "priloha-soubor"), c.problem)
		}
	}
	if res, page := webtest.PostMultipart(t, srv, edit+"/prilohy", url.Values{"priloha-nazev": {"Bez souboru"}}); res.StatusCode != http.StatusUnprocessableEntity || webtest.FieldError(page, "priloha-soubor") != "Vyberte soubor, který chcete přiložit." || !strings.Contains(page, `value="Bez souboru"`) {
		t.Errorf("no file: status %d, %q", res.StatusCode, webtest.FieldError(page, "priloha-soubor"))
	}

	_, screen := webtest.Get(t, srv, edit)
	files := regexp.MustCompile(`<a href="(/sprava/deska/\d+/prilohy/[^"]+)" type="([^"]+)">([^<]+)</a>`).FindAllStringSubmatch(screen, -1)
	var got []string
	for _, f := range files {
		got = append(got, f[1][strings.LastIndex(f[1], "/")+1:]+" "+f[2]+" "+f[3])
	}
	want := []string{
		"situace-uzavirky.pdf application/pdf Situace uzavírky",
		"mapa-objizdky.png image/png Mapa objížďky (obrázek)",
		"rozhodnuti.odt application/vnd.oasis.opendocument.text rozhodnuti",
		"rozhodnuti.docx application/vnd.openxmlformats-officedocument.wordprocessingml.document rozhodnuti",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("attachments:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if res, body := webtest.Get(t, srv, edit+"/prilohy/situace-uzavirky.pdf"); res.StatusCode != http.StatusOK || body != string(pdfFile) || res.Header.Get("Content-Type") != "application/pdf" {
		t.Errorf("the draft's attachment for the preview: status %d, %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if _, preview := webtest.Get(t, srv, edit+"/nahled"); !strings.Contains(preview, `href="`+edit+`/prilohy/situace-uzavirky.pdf"`) {
		t.Error("the preview does not link the draft's attachment")
	}

	if res, _ := webtest.PostForm(t, srv, edit+"/prilohy/mapa-objizdky.png/odebrat", nil); res.StatusCode != http.StatusSeeOther {
		t.Errorf("removing: status %d", res.StatusCode)
	}
	if res, _ := webtest.PostForm(t, srv, edit+"/prilohy/mapa-objizdky.png/odebrat", nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("removing it again: status %d", res.StatusCode)
	}
	webtest.PostForm(t, srv, edit+"/stav", url.Values{"state": {"published"}})
	if res, body := webtest.Get(t, srv, "/uredni-deska/2026-uzavirka-ulice-husova/prilohy/situace-uzavirky.pdf"); res.StatusCode != http.StatusOK || body != string(pdfFile) {
		t.Errorf("the published attachment: status %d", res.StatusCode)
	}
}

func TestAnAttachmentOverTheLimitIsRefusedUnread(t *testing.T) {
	srv, _ := staffServer(t, editor)
	edit := createClosure(t, srv)
	big := append(bytes.Clone(pdfFile), make([]byte, 21<<20)...)
	res, page := webtest.PostMultipart(t, srv, edit+"/prilohy", nil, webtest.File{Field: "priloha-soubor", Name: "velky.pdf", Content: big})
	if res.StatusCode != http.StatusUnprocessableEntity || webtest.FieldError(page, "priloha-soubor") != "Soubor je příliš velký: nejvýše 20 MB." {
		t.Errorf("status %d, %q", res.StatusCode, webtest.FieldError(page, "priloha-soubor"))
	}
}
