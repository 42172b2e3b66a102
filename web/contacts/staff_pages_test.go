package contacts_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/webtest"
)

// karel is the form of a new member of staff as an editor fills it in.
func karel() url.Values {
	return url.Values{
		"title-before": {"Mgr."}, "given": {"Karel"}, "family": {"Nový"}, "title-after": {""}, "function": {"referent"},
		"department": {"poplatky"}, "order": {"5"}, "phone": {"556 879 499"}, "mobile": {""},
		"email": {"Karel.Novy@koprivnice.example"}, "room": {"dveře č. 14"}, "agendas": {"poplatky"},
	}
}

func TestEditorsSeeTheWholeTreeAndEveryoneNeverCached(t *testing.T) {
	srv, pool := staffServer(t, editor)
	if _, err := pool.Exec(t.Context(), `UPDATE contact_people SET state = 'withdrawn' WHERE id = 12`); err != nil {
		t.Fatal(err)
	}
	res, body := webtest.Get(t, srv, "/sprava/kontakty")
	if res.StatusCode != http.StatusOK || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("status %d, Cache-Control %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	tree := between(body, `<ul class="staff-tree">`, `<section aria-labelledby="pracovnici">`)
	if !strings.Contains(tree, `<a href="/sprava/kontakty/odbory/ekonomicky">Odbor ekonomický</a>`) ||
		!strings.Contains(tree, `<a href="/sprava/kontakty/odbory/poplatky">Oddělení místních poplatků</a>`) {
		t.Errorf("the tree: %.500s", webtest.Text(tree))
	}
	_, body = webtest.Get(t, srv, "/sprava/kontakty?utvar=poplatky&stav=withdrawn")
	people := webtest.Text(between(body, "<tbody>", "</tbody>"))
	if !strings.Contains(people, "Pavel Novák") || strings.Contains(people, "Nováková") {
		t.Errorf("the withdrawn people of the fees section: %q", people)
	}
}

func TestOnlyEditorsReachTheContactsScreens(t *testing.T) {
	anonymous, _ := staffServer(t, nil)
	if res, _ := webtest.Get(t, anonymous, "/sprava/kontakty"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("anonymous: status %d", res.StatusCode)
	}
	clerk, _ := staffServer(t, &auth.User{ID: 9, GivenName: "Jan", Grants: []auth.Grant{{Role: auth.RoleClerk, Agenda: "poplatky"}}})
	for _, path := range []string{"/sprava/kontakty", "/sprava/kontakty/odbory/novy", "/sprava/kontakty/odbory/poplatky",
		"/sprava/kontakty/lide/11", "/sprava/kontakty/lide/11/nahled", "/sprava/kontakty/odbory/poplatky/nahled"} {
		if res, _ := webtest.Get(t, clerk, path); res.StatusCode != http.StatusForbidden {
			t.Errorf("a clerk at %s: status %d", path, res.StatusCode)
		}
	}
	for _, path := range []string{"/sprava/kontakty/lide/11/stav", "/sprava/kontakty/odbory/rozpocet/smazat"} {
		if res, _ := webtest.PostForm(t, clerk, path, url.Values{"state": {"withdrawn"}}); res.StatusCode != http.StatusForbidden {
			t.Errorf("a clerk posting to %s: status %d", path, res.StatusCode)
		}
	}
}

func TestADepartmentFormWithErrorsShowsEachNextToItsField(t *testing.T) {
	srv, _ := staffServer(t, editor)
	form := url.Values{"name": {""}, "parent": {"neni"}, "order": {"první"}, "email": {"odbor@"}, "phone": {"+49 30 1234567"}}
	res, body := webtest.PostForm(t, srv, "/sprava/kontakty/odbory/novy", form)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "<title>Chyba: Nový útvar") {
		t.Fatalf("status %d, title %q", res.StatusCode, between(body, "<title>", "</title>"))
	}
	if got := links(between(body, `<div class="error-summary"`, "</div>")); strings.Join(got, " ") != "#name #parent #order #email #phone" {
		t.Errorf("the summary leads to %v", got)
	}
	for _, want := range []string{
		`id="phone-error"><span class="visually-hidden">Chyba:</span> Zadejte české telefonní číslo o devíti číslicích`,
		`id="email-error"><span class="visually-hidden">Chyba:</span> Zadejte e-mailovou adresu`,
		`value="+49 30 1234567"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}

func TestMovingADepartmentUnderItsOwnSectionIsRefusedNextToTheParent(t *testing.T) {
	srv, pool := staffServer(t, editor)
	edit := page(t, srv, "/sprava/kontakty/odbory/ekonomicky")
	if strings.Contains(between(edit, `id="parent"`, "</select>"), `value="poplatky"`) {
		t.Error("the parent's choices offer the department's own section")
	}
	form := url.Values{"name": {"Odbor ekonomický"}, "parent": {"poplatky"}, "order": {"3"}, "phone": {"556879420"}}
	res, body := webtest.PostForm(t, srv, "/sprava/kontakty/odbory/ekonomicky", form)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="parent-error"><span class="visually-hidden">Chyba:</span> Útvar nemůže být pod sebou`) {
		t.Errorf("status %d: %.300s", res.StatusCode, between(body, `<div class="error-summary"`, "</div>"))
	}
	form.Set("parent", "")
	form.Set("name", "Odbor financí")
	res, _ = webtest.PostForm(t, srv, "/sprava/kontakty/odbory/ekonomicky", form)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/sprava/kontakty/odbory/ekonomicky?hotovo=ulozeno" {
		t.Fatalf("rename: status %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	var phone string
	if err := pool.QueryRow(t.Context(), `SELECT phone FROM contact_departments WHERE code = 'ekonomicky'`).Scan(&phone); err != nil || phone != "+420 556 879 420" {
		t.Errorf("the phone is stored as %q (%v), want the Czech way", phone, err)
	}
	if !strings.Contains(page(t, srv, "/kontakty/odbor/ekonomicky"), "<h1>Odbor financí</h1>") {
		t.Error("the public page does not show the new name")
	}
	if page := page(t, srv, "/sprava/kontakty/odbory/ekonomicky"); !strings.Contains(page, "Útvar nelze smazat, dokud něco obsahuje (oddělení: 2") ||
		strings.Contains(page, "/smazat") {
		t.Error("a department with sections offers its deletion")
	}
}

func TestADraftPersonIsPreviewedUntilPublishedAndGoneWhenWithdrawn(t *testing.T) {
	srv, pool := staffServer(t, editor)
	department := page(t, srv, "/sprava/kontakty/odbory/poplatky")
	add := between(department, `<a href="/sprava/kontakty/lide/novy?utvar=poplatky">`, "</a>")
	if add != "Přidat pracovníka do útvaru" || !strings.Contains(page(t, srv, "/sprava/kontakty/lide/novy?utvar=poplatky"), `<option value="poplatky" selected>`) {
		t.Error("the department's screen does not lead to a new person in it")
	}
	res, _ := webtest.PostForm(t, srv, "/sprava/kontakty/lide/novy", karel())
	location := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasSuffix(location, "?hotovo=zalozeno") {
		t.Fatalf("create: status %d to %q", res.StatusCode, location)
	}
	edit := strings.TrimSuffix(location, "?hotovo=zalozeno")
	id := strings.TrimPrefix(edit, "/sprava/kontakty/lide/")
	if body := page(t, srv, location); !strings.Contains(body, "Pracovník je založen jako koncept.") ||
		!strings.Contains(body, `value="+420 556 879 499"`) || !strings.Contains(body, `value="karel.novy@koprivnice.example"`) {
		t.Errorf("the new person's screen: %.1000s", webtest.Text(between(body, "<main", "</main>")))
	}
	public := "/kontakty/osoba/" + id
	for _, path := range []string{public, public + ".vcf"} {
		if res, _ := webtest.Get(t, srv, path); res.StatusCode != http.StatusNotFound {
			t.Errorf("a draft at %s: status %d", path, res.StatusCode)
		}
	}
	if strings.Contains(page(t, srv, "/kontakty/hledat?q=Karel"), "Mgr. Karel Nový") {
		t.Error("the search finds a draft")
	}
	preview := page(t, srv, edit+"/nahled")
	if !strings.Contains(preview, `class="notice preview-banner"`) || !strings.Contains(preview, "<h1>Mgr. Karel Nový</h1>") {
		t.Errorf("the preview: %.500s", webtest.Text(between(preview, "<main", "</main>")))
	}

	res, _ = webtest.PostForm(t, srv, edit+"/stav", url.Values{"state": {"published"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != edit+"?hotovo=stav" {
		t.Fatalf("publish: status %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	if body := page(t, srv, public); strings.Contains(body, "preview-banner") || !strings.Contains(body, "<h1>Mgr. Karel Nový</h1>") {
		t.Error("the published person's page")
	}
	if res, _ := webtest.Get(t, srv, public+".vcf"); res.StatusCode != http.StatusOK {
		t.Errorf("the published person's vCard: %d", res.StatusCode)
	}
	if !strings.Contains(page(t, srv, "/kontakty/agenda/poplatky"), "Mgr. Karel Nový") {
		t.Error("the agenda does not list the published person")
	}

	webtest.PostForm(t, srv, edit+"/stav", url.Values{"state": {"withdrawn"}})
	if res, _ := webtest.Get(t, srv, public); res.StatusCode != http.StatusNotFound {
		t.Errorf("a withdrawn person's page: %d", res.StatusCode)
	}
	if strings.Contains(page(t, srv, "/kontakty/agenda/poplatky"), "Karel Nový") {
		t.Error("the agenda lists a withdrawn person")
	}
	if got := webtest.AuditActions(t, pool, "contact_person:"+id); len(got) != 3 {
		t.Errorf("audit log %q", got)
	}
}

func TestAnEmptyDepartmentIsDeletedFromItsScreen(t *testing.T) {
	srv, pool := staffServer(t, editor)
	res, _ := webtest.PostForm(t, srv, "/sprava/kontakty/odbory/novy", url.Values{"name": {"Oddělení pokusů"}, "parent": {"ekonomicky"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/sprava/kontakty/odbory/oddeleni-pokusu?hotovo=zalozeno" {
		t.Fatalf("create: status %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	if !strings.Contains(page(t, srv, "/sprava/kontakty/odbory/oddeleni-pokusu"), `action="/sprava/kontakty/odbory/oddeleni-pokusu/smazat"`) {
		t.Error("an empty department does not offer its deletion")
	}
	res, _ = webtest.PostForm(t, srv, "/sprava/kontakty/odbory/oddeleni-pokusu/smazat", nil)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/sprava/kontakty?hotovo=smazano" {
		t.Fatalf("delete: status %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	if !strings.Contains(page(t, srv, "/sprava/kontakty?hotovo=smazano"), "Útvar je smazán.") {
		t.Error("no word of the deletion")
	}
	if got := webtest.AuditActions(t, pool, "contact_department:oddeleni-pokusu"); len(got) != 2 {
		t.Errorf("audit log %q", got)
	}
}

// TestEveryStaffMessageIsInTheCatalogue looks for the "!key" a missing catalogue message shows
// as, on every editors' screen in both languages, with its notices and errors.
func TestEveryStaffMessageIsInTheCatalogue(t *testing.T) {
	srv, _ := staffServer(t, editor)
	missing := regexp.MustCompile(`(^|[\s(>])![a-z][a-z-]*`)
	for _, p := range []string{"/sprava/kontakty?hotovo=smazano", "/sprava/kontakty/odbory/novy", "/sprava/kontakty/odbory/ekonomicky?hotovo=ulozeno",
		"/sprava/kontakty/odbory/poplatky/nahled", "/sprava/kontakty/lide/novy", "/sprava/kontakty/lide/11?hotovo=zalozeno",
		"/sprava/kontakty/lide/11?hotovo=stav", "/sprava/kontakty/lide/11/nahled"} {
		for _, path := range []string{p, "/en" + p} {
			if m := missing.FindString(webtest.Text(page(t, srv, path))); m != "" {
				t.Errorf("%s shows %q", path, m)
			}
		}
	}
	for _, path := range []string{"/sprava/kontakty/odbory/novy", "/en/sprava/kontakty/lide/novy"} {
		_, body := webtest.PostForm(t, srv, path, url.Values{"order": {"x"}, "email": {"x"}, "phone": {"x"}, "mobile": {"x"}, "agendas": {"x"}})
		if m := missing.FindString(webtest.Text(body)); m != "" {
			t.Errorf("the errors of %s show %q", path, m)
		}
	}
}
