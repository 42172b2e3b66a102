package situations_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/webtest"
)

// beesForm is the form of a new life situation as an editor fills it in.
func beesForm() url.Values {
	return url.Values{
		"title": {"Chov včel ve městě"}, "slug": {""}, "category": {"stavby-a-zivotni-prostredi"},
		"summary": {"Včelstva ohlásíte do ústřední evidence."}, "keywords": {"včely, úl"}, "agenda": {"zivotni-prostredi"},
		"updated": {"2026-11-02"}, "about": {"Chov **včel**."}, "audience": {"Včelaři."}, "preparation": {"Nic."},
		"fees": {"Žádné."}, "deadlines": {"Do 1. září."}, "online": {"Online přes portál."}, "handling": {""},
		"forms": {"hlaseni-vcelstev | Hlášení včelstev\r\n"}, "videos": {""}, "laws": {"zákon č. 154/2000 Sb., plemenářský zákon"},
	}
}

func TestEditorsListEverySituationWithItsStateNeverCached(t *testing.T) {
	srv, _ := staffServer(t, editor)
	res, body := webtest.Get(t, srv, "/sprava/situace")
	if res.StatusCode != http.StatusOK || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("status %d, Cache-Control %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	table := between(body, `<table class="staff-list">`, "</table>")
	if n := strings.Count(table, "<tr>") - 1; n != 34 {
		t.Errorf("%d situations listed, want the demo's 34", n)
	}
	if !strings.Contains(table, `<a href="/sprava/situace/prihlaseni-psa">Pořízení psa</a>`) || !strings.Contains(table, "Zveřejněno") {
		t.Errorf("the dog's row is missing: %.600s", table)
	}
	_, body = webtest.Get(t, srv, "/sprava/situace?stav=draft&kategorie=")
	if !strings.Contains(body, "Žádná životní situace tomuto výběru neodpovídá.") {
		t.Error("drafts are listed before there are any")
	}
	_, body = webtest.Get(t, srv, "/sprava/situace?kategorie=rodina-a-deti")
	if n := strings.Count(between(body, "<tbody>", "</tbody>"), "<tr>"); n != 6 {
		t.Errorf("%d situations in the family category, want 6", n)
	}
}

func TestOnlyEditorsReachTheScreens(t *testing.T) {
	anonymous, _ := staffServer(t, nil)
	if res, _ := webtest.Get(t, anonymous, "/sprava/situace"); res.StatusCode != http.StatusSeeOther ||
		!strings.HasPrefix(res.Header.Get("Location"), "/prihlaseni?") {
		t.Errorf("anonymous: status %d to %q, want the login", res.StatusCode, res.Header.Get("Location"))
	}
	citizen, _ := staffServer(t, &auth.User{ID: 9, GivenName: "Jan"})
	for _, path := range []string{"/sprava/situace", "/sprava/situace/nova", "/sprava/situace/prihlaseni-psa", "/sprava/situace/prihlaseni-psa/nahled"} {
		if res, _ := webtest.Get(t, citizen, path); res.StatusCode != http.StatusForbidden {
			t.Errorf("a citizen at %s: status %d", path, res.StatusCode)
		}
	}
	if res, _ := webtest.PostForm(t, citizen, "/sprava/situace/prihlaseni-psa/stav", url.Values{"state": {"withdrawn"}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("a citizen withdrawing: status %d", res.StatusCode)
	}
}

func TestAFormWithErrorsShowsEachNextToItsFieldAndInTheSummary(t *testing.T) {
	srv, pool := staffServer(t, editor)
	form := beesForm()
	form.Set("title", "")
	form.Set("slug", "Chov Včel")
	form.Set("agenda", "neni")
	form.Set("laws", "")
	form.Set("forms", "hlaseni-vcelstev | Hlášení\nbez-nazvu")
	res, body := webtest.PostForm(t, srv, "/sprava/situace/nova", form)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "<title>Chyba: Nová životní situace") {
		t.Fatalf("status %d, title %q", res.StatusCode, between(body, "<title>", "</title>"))
	}
	summary := between(body, `<div class="error-summary"`, "</div>")
	var targets []string
	for _, l := range links(summary) {
		targets = append(targets, l)
	}
	if want := []string{"#title", "#slug", "#agenda", "#forms", "#laws"}; strings.Join(targets, " ") != strings.Join(want, " ") {
		t.Errorf("the summary leads to %v, want %v", targets, want)
	}
	for _, want := range []string{
		`<span class="error-message" id="slug-error"><span class="visually-hidden">Chyba:</span> Adresa stránky smí obsahovat jen malá písmena`,
		`aria-describedby="slug-hint slug-error" aria-invalid="true" id="slug" name="slug"`,
		`id="forms-error"><span class="visually-hidden">Chyba:</span> Řádek 2: napište adresu, svislou čáru a text odkazu`,
		`value="Chov Včel"`,    // what was typed stays
		`>Včelaři.</textarea>`, // in every field
		`<option value="stavby-a-zivotni-prostredi" selected>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	var n int
	if err := pool.QueryRow(t.Context(), `SELECT count(*) FROM audit_log WHERE object LIKE 'situation:%'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d audit entries (%v) after a refused form", n, err)
	}
}

func TestADraftIsPreviewedUntilItIsPublished(t *testing.T) {
	srv, pool := staffServer(t, editor)
	res, _ := webtest.PostForm(t, srv, "/sprava/situace/nova", beesForm())
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/sprava/situace/chov-vcel-ve-meste?hotovo=zalozeno" {
		t.Fatalf("create: status %d to %q; want the slug made from the title", res.StatusCode, res.Header.Get("Location"))
	}
	_, edit := webtest.Get(t, srv, res.Header.Get("Location"))
	for _, want := range []string{"Životní situace je založena jako koncept.",
		`<form method="post" action="/sprava/situace/chov-vcel-ve-meste/stav"><input type="hidden" name="state" value="published">`,
		`href="/sprava/situace/chov-vcel-ve-meste/nahled"`} {
		if !strings.Contains(edit, want) {
			t.Errorf("the editing screen lacks %s", want)
		}
	}
	if res, _ := webtest.Get(t, srv, "/zivotni-situace/chov-vcel-ve-meste"); res.StatusCode != http.StatusNotFound {
		t.Errorf("the draft's public page: status %d", res.StatusCode)
	}
	if body := page(t, srv, "/zivotni-situace?q=včely"); strings.Contains(body, "chov-vcel-ve-meste") {
		t.Error("the signpost's search finds the draft")
	}
	preview := page(t, srv, "/sprava/situace/chov-vcel-ve-meste/nahled")
	if !strings.Contains(preview, `class="notice preview-banner"`) || !strings.Contains(preview, "<strong>včel</strong>") {
		t.Errorf("the preview: %.800s", between(preview, "<main", "</main>"))
	}

	res, _ = webtest.PostForm(t, srv, "/sprava/situace/chov-vcel-ve-meste/stav", url.Values{"state": {"published"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/sprava/situace/chov-vcel-ve-meste?hotovo=stav" {
		t.Fatalf("publish: status %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	public := page(t, srv, "/zivotni-situace/chov-vcel-ve-meste")
	if strings.Contains(public, "preview-banner") || !strings.Contains(public, "Chov včel ve městě") {
		t.Error("the published page is not the public one")
	}
	if body := page(t, srv, "/zivotni-situace?q=včely"); !strings.Contains(body, "/zivotni-situace/chov-vcel-ve-meste") {
		t.Error("the signpost's search does not find the published situation")
	}
	// A second click on the same button (another editor's, or the back button's) changes nothing.
	res, _ = webtest.PostForm(t, srv, "/sprava/situace/chov-vcel-ve-meste/stav", url.Values{"state": {"published"}})
	if res.Header.Get("Location") != "/sprava/situace/chov-vcel-ve-meste" {
		t.Errorf("publishing twice: to %q", res.Header.Get("Location"))
	}
	if got := webtest.AuditActions(t, pool, "situation:chov-vcel-ve-meste"); len(got) != 2 {
		t.Errorf("audit log %q", got)
	}
}

func TestSavingAnEditMovesTheSituationToItsNewSlug(t *testing.T) {
	srv, pool := staffServer(t, editor)
	edit := page(t, srv, "/sprava/situace/prihlaseni-psa")
	if !strings.Contains(edit, `value="prihlaseni-psa | Přihlášení psa k místnímu poplatku`) && !strings.Contains(edit, "prihlaseni-psa | Přihlášení psa k místnímu poplatku") {
		t.Errorf("the forms are not shown one a line: %.300s", between(edit, `id="forms"`, "</textarea>"))
	}
	form := beesForm()
	form.Set("slug", "kaceni-drevin")
	if res, body := webtest.PostForm(t, srv, "/sprava/situace/prihlaseni-psa", form); res.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(body, "Adresu stránky už má jiná životní situace.") {
		t.Errorf("a taken slug: status %d", res.StatusCode)
	}
	form.Set("slug", "chov-vcel")
	res, _ := webtest.PostForm(t, srv, "/sprava/situace/prihlaseni-psa", form)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/sprava/situace/chov-vcel?hotovo=ulozeno" {
		t.Fatalf("save: status %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	if !strings.Contains(page(t, srv, "/sprava/situace/chov-vcel?hotovo=ulozeno"), "Změny jsou uloženy.") {
		t.Error("no word that the changes are saved")
	}
	if !strings.Contains(page(t, srv, "/zivotni-situace/chov-vcel"), "Chov včel ve městě") {
		t.Error("the published situation does not show its changes")
	}
	if res, _ := webtest.Get(t, srv, "/sprava/situace/prihlaseni-psa"); res.StatusCode != http.StatusNotFound {
		t.Errorf("the old editing screen: %d", res.StatusCode)
	}
	if got := webtest.AuditActions(t, pool, "situation:prihlaseni-psa"); len(got) != 1 || !strings.HasPrefix(got[0], "situation.update by 7") {
		t.Errorf("audit log %q", got)
	}
}

// TestEveryStaffMessageIsInTheCatalogue looks for the "!key" a missing catalogue message shows
// as, on every editors' screen in both languages, with its notices and errors.
func TestEveryStaffMessageIsInTheCatalogue(t *testing.T) {
	srv, _ := staffServer(t, editor)
	missing := regexp.MustCompile(`(^|[\s(>])![a-z][a-z-]*`)
	for _, p := range []string{"/sprava/situace", "/sprava/situace?stav=withdrawn", "/sprava/situace/nova", "/sprava/situace/prihlaseni-psa?hotovo=zalozeno",
		"/sprava/situace/prihlaseni-psa?hotovo=ulozeno", "/sprava/situace/prihlaseni-psa?hotovo=stav", "/sprava/situace/prihlaseni-psa/nahled"} {
		for _, path := range []string{p, "/en" + p} {
			if m := missing.FindString(webtest.Text(page(t, srv, path))); m != "" {
				t.Errorf("%s shows %q", path, m)
			}
		}
	}
	for _, path := range []string{"/sprava/situace/nova", "/en/sprava/situace/nova"} {
		_, body := webtest.PostForm(t, srv, path, url.Values{"slug": {"X"}, "keywords": {"a,,b"}, "forms": {"x"}, "videos": {"a | A\na | B"}, "title": {strings.Repeat("x", 200)}})
		if m := missing.FindString(webtest.Text(body)); m != "" {
			t.Errorf("the errors of %s show %q", path, m)
		}
	}
}
