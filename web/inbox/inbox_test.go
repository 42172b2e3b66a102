package inbox_test

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/radnice/radnice/web/inbox"
	"github.com/radnice/radnice/web/webtest"
)

func TestOnlyClerksOfTheSubmissionsAgendaGetToIt(t *testing.T) {
	p := newPortal(t)
	clerk := webtest.LogIn(t, p.Server, "referent")
	dog := petrsRelief(t, p)
	light := streetLight(t, p)

	res, body := get(t, p, clerk, inbox.InboxPath)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, dog.Receipt) || strings.Contains(body, light.Receipt) {
		t.Errorf("inbox: status %d, want 200 listing %s (poplatky) and not %s (majetek)\n%s", res.StatusCode, dog.Receipt, light.Receipt, webtest.Text(body))
	}
	for _, path := range []string{light.path(), light.path() + "/soubory/" + lines(t, p.pool, `SELECT id::text FROM submission_files WHERE submission_id = $1`, light.ID)[0],
		"/sprava/podani/export.csv?formular=hlaseni-zavady"} {
		if res, _ := get(t, p, clerk, path); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s of another agenda: status %d, want 404", path, res.StatusCode)
		}
	}
	if res, _ := post(t, p, clerk, light.path()+"/poznamka", url.Values{"verze": {"1"}, "text": {"Vidím."}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("a note on a submission of another agenda: status %d, want 404", res.StatusCode)
	}
	if got := history(t, p.pool, light); len(got) != 1 {
		t.Errorf("the other agenda's submission changed: %q", got)
	}

	// Administrators manage roles, not citizens' submissions; citizens have their own pages.
	for _, login := range []string{"spravce", "jana"} {
		c := webtest.LogIn(t, p.Server, login)
		for _, path := range []string{inbox.InboxPath, dog.path()} {
			if res, _ := get(t, p, c, path); res.StatusCode != http.StatusForbidden {
				t.Errorf("%s: GET %s: status %d, want 403", login, path, res.StatusCode)
			}
		}
	}
}

func TestTheInboxCountsFiltersAndSearchesWithoutPuttingTheSearchInAnyURL(t *testing.T) {
	p := newPortal(t)
	clerk := webtest.LogIn(t, p.Server, "referent")
	webtest.LogIn(t, p.Server, "jana")
	dog := janasDog(t, p, accountOf(t, p.pool, "jana"))
	relief := petrsRelief(t, p)
	waste := file(t, p.pool, filing{Form: "poplatek-za-odpad", Applicant: "Tomáš Černý", Email: "tomas@posta.example",
		Answers: `{}`, At: time.Date(2026, time.November, 10, 8, 0, 0, 0, time.UTC)})
	if res, body := act(t, p, clerk, relief, "stav", url.Values{"stav": {"accepted"}, "cislo-jednaci": {"MKOP/815/2026"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("accept: status %d\n%s", res.StatusCode, webtest.Text(body))
	}

	_, body := get(t, p, clerk, inbox.InboxPath)
	text := webtest.Text(body)
	for _, want := range []string{"Všechna (3)", "Podáno (2)", "Přijato (1)", "V řešení (0)", "Počet podání: 3",
		dog.Receipt + " Přihlášení psa k místnímu poplatku ze psů Jana Nováková 23. 11. 2026 11:00 Podáno nikomu"} {
		if !strings.Contains(text, want) {
			t.Errorf("the inbox lacks %q\n%s", want, text)
		}
	}
	if strings.Index(body, dog.Receipt) > strings.Index(body, waste.Receipt) {
		t.Error("the inbox is not newest first")
	}

	for _, c := range []struct {
		query string
		want  []filed
	}{
		{"stav=accepted", []filed{relief}},
		{"formular=poplatek-za-odpad", []filed{waste}},
		{"od=2026-11-20&do=2026-11-20", []filed{relief}},
		{"od=2026-11-21", []filed{dog}},
		{"prideleno=nikdo", []filed{dog, relief, waste}},
		{"prideleno=ja", nil},
	} {
		_, body := get(t, p, clerk, inbox.InboxPath+"?"+c.query)
		if got := listed(body, dog, relief, waste); !slices.Equal(got, c.want) {
			t.Errorf("?%s lists %v, want %v", c.query, got, c.want)
		}
	}

	// The search posts: a name finds its submissions whatever the case and diacritics, and so
	// do the receipt and reference numbers; the answer is the page itself, never a redirect.
	for _, c := range []struct {
		q    string
		want []filed
	}{
		{"novakova", []filed{dog}},
		{"DVOŘÁK", []filed{relief}},
		{"mkop/815", []filed{relief}},
		{waste.Receipt, []filed{waste}},
		{"Nováková Dvořák", nil},
	} {
		res, body := post(t, p, clerk, inbox.InboxPath, url.Values{"q": {c.q}})
		if res.StatusCode != http.StatusOK {
			t.Fatalf("search %q: status %d", c.q, res.StatusCode)
		}
		if got := listed(body, dog, relief, waste); !slices.Equal(got, c.want) {
			t.Errorf("search %q lists %v, want %v", c.q, got, c.want)
		}
		for _, m := range addresses.FindAllStringSubmatch(body, -1) {
			if u, err := url.Parse(m[1]); err != nil || u.Query().Has("q") {
				t.Errorf("search %q: the page has the address %s", c.q, m[1])
			}
		}
	}
	// Filters alone make a link to share.
	res, body := post(t, p, clerk, inbox.InboxPath, url.Values{"q": {" "}, "stav": {"submitted"}, "prideleno": {"nikdo"}})
	wantRedirect(t, res, body, inbox.InboxPath+"?prideleno=nikdo&stav=submitted")

	// A date that is none comes back next to its field and in the summary.
	res, body = get(t, p, clerk, inbox.InboxPath+"?od=2026-13-01&do=2026-11-01")
	if res.StatusCode != http.StatusUnprocessableEntity || webtest.FieldError(body, "od") != "Zadejte datum ve tvaru 24. 11. 2026" ||
		webtest.ErrorSummary(body)["od"] == "" || !strings.HasPrefix(webtest.Text(body), "Chyba: Podání") {
		t.Errorf("bad date: status %d, field error %q, summary %v", res.StatusCode, webtest.FieldError(body, "od"), webtest.ErrorSummary(body))
	}
	res, body = get(t, p, clerk, inbox.InboxPath+"?od=2026-11-20&do=2026-11-01")
	if res.StatusCode != http.StatusUnprocessableEntity || webtest.FieldError(body, "do") == "" {
		t.Errorf("until before from: status %d, field error %q", res.StatusCode, webtest.FieldError(body, "do"))
	}
}

func TestAClerkOfTwoAgendasSeesBothAndFiltersByEither(t *testing.T) {
	p := newPortal(t)
	clerk := webtest.LogIn(t, p.Server, "referent")
	if _, err := p.pool.Exec(t.Context(), `INSERT INTO role_grants (account_id, role, agenda) VALUES ($1, 'clerk', 'majetek')`,
		accountOf(t, p.pool, "referent")); err != nil {
		t.Fatal(err)
	}
	dog, light := petrsRelief(t, p), streetLight(t, p)

	_, body := get(t, p, clerk, inbox.InboxPath)
	if got := listed(body, dog, light); !slices.Equal(got, []filed{dog, light}) || !strings.Contains(webtest.Text(body), "(majetek, poplatky)") {
		t.Errorf("the inbox of both agendas lists %v\n%s", got, webtest.Text(body))
	}
	_, body = get(t, p, clerk, inbox.InboxPath+"?agenda=majetek")
	if got := listed(body, dog, light); !slices.Equal(got, []filed{light}) || !strings.Contains(body, `<option value="majetek" selected>`) {
		t.Errorf("?agenda=majetek lists %v", got)
	}
	// An agenda the clerk does not hold filters nothing away and shows nothing more.
	_, body = get(t, p, clerk, inbox.InboxPath+"?agenda=matrika")
	if got := listed(body, dog, light); !slices.Equal(got, []filed{dog, light}) {
		t.Errorf("?agenda=matrika lists %v", got)
	}
}

func TestTheInboxPagesASearchWithButtonsThatPostIt(t *testing.T) {
	p := newPortal(t)
	clerk := webtest.LogIn(t, p.Server, "referent")
	for i := range 27 {
		file(t, p.pool, filing{Form: "prihlaseni-psa", Applicant: "Jana Nováková", Answers: `{}`,
			At: time.Date(2026, time.November, 1, 8, i, 0, 0, time.UTC)})
	}

	_, body := get(t, p, clerk, inbox.InboxPath)
	if !strings.Contains(body, `href="/sprava/podani?strana=2" rel="next"`) {
		t.Errorf("filtered pages are links: no link to page 2\n%s", body)
	}
	res, body := post(t, p, clerk, inbox.InboxPath, url.Values{"q": {"nováková"}, "strana": {"2"}})
	text := webtest.Text(body)
	if res.StatusCode != http.StatusOK || !strings.Contains(text, "Stránka 2 z 2") || strings.Count(body, `<tr>`) != 3 {
		t.Errorf("page 2 of the search: status %d, %d rows\n%s", res.StatusCode, strings.Count(body, `<tr>`)-1, text)
	}
	if !strings.Contains(body, `<input type="hidden" name="q" value="nováková">`) ||
		!strings.Contains(body, `<button type="submit" class="secondary" name="strana" value="1">`) {
		t.Errorf("the search's pager does not post the search\n%s", body)
	}
}

// addresses are the links and form targets of a page.
var addresses = regexp.MustCompile(`(?:href|action)="([^"]*)"`)

// listed are those of subs whose receipt the inbox page lists.
func listed(page string, subs ...filed) []filed {
	var out []filed
	for _, s := range subs {
		if strings.Contains(page, ">"+s.Receipt+"</a>") {
			out = append(out, s)
		}
	}
	return out
}

func TestThePagesSpeakEnglishWithTheCzechContentMarked(t *testing.T) {
	p := newPortal(t)
	jana := webtest.LogIn(t, p.Server, "jana")
	dog := janasDog(t, p, accountOf(t, p.pool, "jana"))
	clerk := webtest.LogIn(t, p.Server, "referent")
	act(t, p, clerk, dog, "zprava", url.Values{"text": {"Doložte prosím očkovací průkaz."}})

	for _, c := range []struct {
		who   string
		path  string
		wants []string
	}{
		{"clerk", "/en" + inbox.InboxPath, []string{"Submissions found: 1", "Submitted (1)", "Export to a spreadsheet"}},
		{"clerk", "/en" + dog.path(), []string{"Submission " + dog.Receipt, "Status Submitted", "Message from the office", "Accept the submission"}},
		{"jana", "/en" + inbox.MinePath(dog.Receipt), []string{"Progress and messages", "Write to the office", "Your answers"}},
	} {
		client := clerk
		if c.who == "jana" {
			client = jana
		}
		res, body := get(t, p, client, c.path)
		text := webtest.Text(body)
		if res.StatusCode != http.StatusOK || missingMessage.MatchString(text) {
			t.Errorf("%s: status %d, or a message missing from the catalogue:\n%s", c.path, res.StatusCode, text)
		}
		for _, want := range c.wants {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q", c.path, want)
			}
		}
		if !strings.Contains(body, `lang="cs">Přihlášení psa k místnímu poplatku ze psů<`) {
			t.Errorf("%s: the form's Czech title is not marked lang=cs", c.path)
		}
	}
}

// missingMessage is how a catalogue shows a key it lacks.
var missingMessage = regexp.MustCompile(`![a-z][a-z0-9-]+`)
