package videos_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/editorial"
	"github.com/radnice/radnice/web/videos"
	"github.com/radnice/radnice/web/webtest"
)

// staffServer serves the video guides and their editors' screens on the demo town, with the
// page frame's assets and security headers, every request made by u (anonymous when nil), as
// the portal will once people log in.
func staffServer(t *testing.T, u *auth.User) (*httptest.Server, *pgxpool.Pool) {
	t.Helper()
	pool := demotest.Pool(t)
	srv := webtest.ServeAs(t, pool, u, func(r chi.Router) {
		videos.Routes(r, pool)
		videos.StaffRoutes(r, pool)
	})
	return srv, pool
}

// guideForm is the editors' form of a new guide, filled in.
func guideForm() url.Values {
	return url.Values{
		"nazev": {"Jak požádat o parkovací kartu"}, "kategorie": {"Doprava"}, "delka": {"0:05"},
		"popis":   {"Návod provede žádostí o parkovací kartu pro rezidenty.\r\n\r\nKartu vydá odbor dopravy."},
		"titulky": {strings.ReplaceAll(captions, "\n", "\r\n")}, "situace": {"parkovaci-karta", "neexistujici-situace"},
	}
}

const newGuide = "/sprava/videa/jak-pozadat-o-parkovaci-kartu"

func TestVideoStaffScreensAreForEditorsOnly(t *testing.T) {
	citizen := &auth.User{ID: 9, GivenName: "Jan", FamilyName: "Novák"}
	for _, c := range []struct {
		who    *auth.User
		status int
	}{{nil, http.StatusSeeOther}, {citizen, http.StatusForbidden}, {editor, http.StatusOK}} {
		srv, _ := staffServer(t, c.who)
		for _, path := range []string{"/sprava/videa", "/sprava/videa/novy", "/sprava/videa/jak-prihlasit-psa", "/sprava/videa/jak-prihlasit-psa/nahled", "/en/sprava/videa"} {
			res, _ := webtest.Get(t, srv, path)
			if res.StatusCode != c.status || res.Header.Get("Cache-Control") != "no-store" {
				t.Errorf("%v: %s: status %d, Cache-Control %q; want %d, no-store", c.who, path, res.StatusCode, res.Header.Get("Cache-Control"), c.status)
			}
		}
	}
}

func TestTheGuideFormShowsEachProblemNextToItsFieldAndInTheSummary(t *testing.T) {
	srv, _ := staffServer(t, editor)
	form := guideForm()
	form.Set("nazev", "")
	form.Set("delka", "pět minut")
	form.Set("titulky", "Dobrý den.\n")
	res, page := webtest.PostMultipart(t, srv, "/sprava/videa/novy", form)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", res.StatusCode)
	}
	want := map[string]string{
		"nazev":   "Zadejte název videonávodu.",
		"delka":   "Zadejte délku videa jako minuty:sekundy, například 1:30.",
		"titulky": "Titulky nejsou soubor WebVTT: první řádek musí být WEBVTT.",
	}
	summary := webtest.ErrorSummary(page)
	if len(summary) != len(want) {
		t.Errorf("the summary lists %v, want %v", summary, want)
	}
	for id, message := range want {
		if summary[id] != message || webtest.FieldError(page, id) != message {
			t.Errorf("%s: in the summary %q, by the field %q; want %q", id, summary[id], webtest.FieldError(page, id), message)
		}
	}
	if !strings.Contains(page, `value="parkovaci-karta" checked`) || !strings.Contains(page, "Kartu vydá odbor dopravy.") {
		t.Error("the form lost what was written or ticked")
	}

	for _, c := range []struct {
		captions, field, message string
		file                     bool
	}{
		{"WEBVTT\n\n00:00.000 --> 00:02\nDobrý den.\n", "titulky", "Titulky nejsou platný soubor WebVTT: chyba na řádku 3. Čas titulku se píše 00:00:01.000 --> 00:00:04.000, konec po začátku, a pod ním následuje text.", false},
		{"WEBVTT\n\n00:03.000 --> 00:02.000\nPozpátku.\n", "titulky", "Titulky nejsou platný soubor WebVTT: chyba na řádku 3. Čas titulku se píše 00:00:01.000 --> 00:00:04.000, konec po začátku, a pod ním následuje text.", false},
		{"WEBVTT\n\n00:00.000 --> 00:09.000\nDlouhý titulek.\n", "titulky", "Titulek na řádku 3 končí až po konci videa (0:05).", false},
		{"WEBVTT\n\n00:00.000 --> 00:09.000\nDlouhý titulek.\n", "titulky-soubor", "Titulek na řádku 3 končí až po konci videa (0:05).", true},
		{"\xff\xfeW\x00E\x00", "titulky-soubor", "Titulky musí být text v kódování UTF-8.", true},
	} {
		form := guideForm()
		var files []webtest.File
		if c.file {
			files = append(files, webtest.File{Field: "titulky-soubor", Name: "titulky.vtt", Content: []byte(c.captions)})
		} else {
			form.Set("titulky", c.captions)
		}
		res, page := webtest.PostMultipart(t, srv, "/sprava/videa/novy", form, files...)
		if res.StatusCode != http.StatusUnprocessableEntity || webtest.FieldError(page, c.field) != c.message {
			t.Errorf("%q: status %d, by %s %q; want %q", c.captions, res.StatusCode, c.field, webtest.FieldError(page, c.field), c.message)
		}
	}
}

func TestADraftGuideIsOnlyInThePreviewUntilPublishedWithItsVideo(t *testing.T) {
	srv, _ := staffServer(t, editor)
	res, _ := webtest.PostMultipart(t, srv, "/sprava/videa/novy", guideForm())
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != newGuide+"?zmena=vytvoreno" {
		t.Fatalf("creating: status %d, Location %q", res.StatusCode, res.Header.Get("Location"))
	}
	const public = "/videonavody/jak-pozadat-o-parkovaci-kartu"
	for _, path := range []string{public, public + "/video", public + "/titulky.vtt"} {
		if res, _ := webtest.Get(t, srv, path); res.StatusCode != http.StatusNotFound {
			t.Errorf("the draft's %s: status %d", path, res.StatusCode)
		}
	}
	_, screen := webtest.Get(t, srv, newGuide+"?zmena=vytvoreno")
	for _, want := range []string{`<p class="notice" role="status">Koncept videonávodu je uložen.`, `value="parkovaci-karta" checked`, `value="0:05"`, "Video zatím není nahráno. Bez něj videonávod nelze zveřejnit."} {
		if !strings.Contains(screen, want) {
			t.Errorf("the editing screen lacks %s", want)
		}
	}

	res, page := webtest.PostForm(t, srv, newGuide+"/stav", url.Values{"state": {"published"}})
	if res.StatusCode != http.StatusUnprocessableEntity || webtest.FieldError(page, "video-soubor") != "Před zveřejněním nahrajte video." {
		t.Errorf("publishing without the video: status %d, %v", res.StatusCode, webtest.ErrorSummary(page))
	}
	// A WebM file named as an MP4 one is refused, however its name reads.
	res, page = webtest.PostMultipart(t, srv, newGuide+"/video", nil, webtest.File{Field: "video-soubor", Name: "karta.mp4", Content: webm(2000, 3)})
	if res.StatusCode != http.StatusUnprocessableEntity || webtest.FieldError(page, "video-soubor") != "Přípona v názvu souboru neodpovídá jeho obsahu: soubor je ve skutečnosti video WebM. Vyberte správný soubor, nebo mu dejte příponu .webm." {
		t.Errorf("a lying name: status %d, %q", res.StatusCode, webtest.FieldError(page, "video-soubor"))
	}
	res, page = webtest.PostMultipart(t, srv, newGuide+"/video", nil, webtest.File{Field: "video-soubor", Name: "karta.webm", Content: []byte("<html>not a video</html>")})
	if res.StatusCode != http.StatusUnprocessableEntity || webtest.FieldError(page, "video-soubor") != "Tento soubor není video WebM ani MP4." {
		t.Errorf("not a video: status %d, %q", res.StatusCode, webtest.FieldError(page, "video-soubor"))
	}
	video := webm(2000, 4)
	if res, _ := webtest.PostMultipart(t, srv, newGuide+"/video", nil, webtest.File{Field: "video-soubor", Name: "Karta.WEBM", Content: video}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("uploading: status %d", res.StatusCode)
	}

	res, preview := webtest.Get(t, srv, newGuide+"/nahled")
	if text := webtest.Text(preview); res.StatusCode != http.StatusOK || !strings.Contains(text, "Náhled: takto bude stránka vypadat na portálu.") ||
		!strings.Contains(preview, `<source src="`+newGuide+`/video" type="video/webm">`) || !strings.Contains(preview, `src="`+newGuide+`/titulky.vtt"`) ||
		!strings.Contains(text, "Doprava · Délka: 0:05") || !strings.Contains(text, "Psa přihlaste do 15 dnů.") {
		t.Errorf("preview: status %d\n%s", res.StatusCode, text)
	}
	if res, body := webtest.Get(t, srv, newGuide+"/video"); res.StatusCode != http.StatusOK || body != string(video) || res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("the draft's video for the preview: status %d, %d bytes, Cache-Control %q", res.StatusCode, len(body), res.Header.Get("Cache-Control"))
	}
	if res, body := webtest.Get(t, srv, newGuide+"/titulky.vtt"); res.StatusCode != http.StatusOK || body != captions {
		t.Errorf("the draft's captions for the preview: status %d, %q", res.StatusCode, body)
	}

	if res, _ := webtest.PostForm(t, srv, newGuide+"/stav", url.Values{"state": {"published"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("publishing: status %d", res.StatusCode)
	}
	res, guidePage := webtest.Get(t, srv, public)
	if res.StatusCode != http.StatusOK || !strings.Contains(guidePage, `<a href="/zivotni-situace/parkovaci-karta">Parkovací karta pro rezidenty a firmy</a>`) || strings.Contains(guidePage, "neexistujici") {
		t.Errorf("the published page: status %d", res.StatusCode)
	}
	if _, catalogue := webtest.Get(t, srv, "/videonavody"); !strings.Contains(catalogue, `href="`+public+`"`) {
		t.Error("the catalogue does not list the published guide")
	}
	if res, body := webtest.Get(t, srv, public+"/video"); res.StatusCode != http.StatusOK || body != string(video) || res.Header.Get("Cache-Control") != "public, max-age=3600" {
		t.Errorf("the published video: status %d, Cache-Control %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
}

func TestEditingAGuideKeepsItsSituationsAndCaptionsUntilChanged(t *testing.T) {
	srv, _ := staffServer(t, editor)
	const edit = "/sprava/videa/jak-prihlasit-psa"
	_, screen := webtest.Get(t, srv, edit)
	for _, want := range []string{`value="Jak přihlásit psa"`, `value="0:56"`, `value="prihlaseni-psa" checked`, "Nahrané video: WebM,", "00:00:06.000 --&gt; 00:00:11.500"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the editing screen lacks %s", want)
		}
	}
	form := url.Values{}
	for _, name := range []string{"nazev", "kategorie", "popis", "delka", "titulky"} {
		m := regexp.MustCompile(`(?s)(?:<input[^>]*value="([^"]*)"[^>]*id="` + name + `"|<textarea[^>]*id="` + name + `"[^>]*>(.*?)</textarea>)`).FindStringSubmatch(screen)
		if m == nil {
			t.Fatalf("no field %s", name)
		}
		form.Set(name, unescape(m[1]+m[2]))
	}
	form.Set("kategorie", "Poplatky")
	form["situace"] = []string{"prihlaseni-psa", "poplatek-za-odpad"}
	if res, page := webtest.PostMultipart(t, srv, edit, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving: status %d, %v", res.StatusCode, webtest.ErrorSummary(page))
	}
	_, public := webtest.Get(t, srv, dogGuide)
	if text := webtest.Text(public); !strings.Contains(text, "Poplatky · Délka: 0:56") || strings.Count(public, "<li><time") != 10 ||
		!strings.Contains(public, `<a href="/zivotni-situace/poplatek-za-odpad">Poplatek za komunální odpad</a>`) {
		t.Errorf("after saving, the public page:\n%s", text)
	}
}

func unescape(s string) string {
	return strings.NewReplacer("&gt;", ">", "&lt;", "<", "&amp;", "&", "&#34;", `"`, "&#39;", "'").Replace(s)
}

func TestAWithdrawnGuideLeavesTheCatalogueAndThePortalSearch(t *testing.T) {
	pool := demotest.Pool(t)
	srv := webtest.Server(t, web.Config{Pool: pool})
	if _, body := webtest.PostForm(t, srv, "/hledat", url.Values{"q": {"přihlásit psa"}}); !strings.Contains(body, `href="/videonavody/jak-prihlasit-psa"`) {
		t.Fatal("the search does not find the guide to begin with")
	}
	if err := videos.NewStore(pool).SetState(t.Context(), editor, "jak-prihlasit-psa", editorial.Withdrawn, today()); err != nil {
		t.Fatal(err)
	}
	_, found := webtest.PostForm(t, srv, "/hledat", url.Values{"q": {"přihlásit psa"}})
	_, catalogue := webtest.Get(t, srv, "/videonavody")
	res, _ := webtest.Get(t, srv, dogGuide)
	if strings.Contains(found, `href="/videonavody/jak-prihlasit-psa"`) || strings.Contains(catalogue, `href="/videonavody/jak-prihlasit-psa"`) || res.StatusCode != http.StatusNotFound {
		t.Errorf("the withdrawn guide is still public: in the search %v, in the catalogue %v, its page %d",
			strings.Contains(found, "jak-prihlasit-psa"), strings.Contains(catalogue, "jak-prihlasit-psa"), res.StatusCode)
	}
}
