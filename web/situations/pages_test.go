package situations_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web"
	"github.com/radnice/radnice/web/webtest"
)

func TestTheSignpostListsEveryCategoryWithItsSituations(t *testing.T) {
	srv := webtest.NewPortal(t)
	body := page(t, srv, "/zivotni-situace")
	main := between(body, "<main", "</main>")
	if h1 := webtest.Text(between(main, "<h1>", "</h1>")); h1 != "Životní situace" {
		t.Errorf("h1 %q", h1)
	}
	categories := between(main, `<ul class="situation-categories">`, "</main>")
	var situationLinks, categoryLinks int
	for _, l := range links(categories) {
		switch {
		case strings.HasPrefix(l, "/zivotni-situace/kategorie/"):
			categoryLinks++
		case strings.HasPrefix(l, "/zivotni-situace/"):
			situationLinks++
		}
	}
	if categoryLinks != 8 || situationLinks != 34 {
		t.Errorf("%d category and %d situation links, want 8 and 34", categoryLinks, situationLinks)
	}
	for _, want := range []string{"Rodina a děti 6 situací", "Doklady a ověřování 4 situace", "Úřad a veřejný život 6 situací"} {
		if !strings.Contains(webtest.Text(categories), want) {
			t.Errorf("the categories do not say %q", want)
		}
	}
	if strings.Contains(main, "situation-results") {
		t.Error("results without a search")
	}
}

func TestSearchingListsTheResultsAboveTheCategories(t *testing.T) {
	srv := webtest.NewPortal(t)
	body := page(t, srv, "/zivotni-situace?q=pes")
	results := between(body, `<section class="situation-results"`, "</section>")
	if !strings.Contains(webtest.Text(results), "Pro „pes“ jsme našli") {
		t.Errorf("results say %q", webtest.Text(results))
	}
	if found := links(results); len(found) == 0 || found[0] != "/zivotni-situace/prihlaseni-psa" {
		t.Errorf("results %v, want the dog first", found)
	}
	if !strings.Contains(body, `value="pes"`) {
		t.Error("the form does not show the query again")
	}
	if !strings.Contains(body, "<title>Hledání „pes“: Životní situace") {
		t.Errorf("title %q", between(body, "<title>", "</title>"))
	}
	if !strings.Contains(between(body, "</section>", "</main>"), `class="situation-categories"`) {
		t.Error("no categories below the results")
	}

	one := webtest.Text(between(page(t, srv, "/zivotni-situace?q=vidimace"), `<section class="situation-results"`, "</section>"))
	if !strings.Contains(one, "Pro „vidimace“ jsme našli jednu životní situaci.") {
		t.Errorf("one result: %q", one)
	}
	none := webtest.Text(between(page(t, srv, "/zivotni-situace?q=xyzzy"), `<section class="situation-results"`, "</section>"))
	if !strings.Contains(none, "Pro „xyzzy“ jsme nic nenašli.") {
		t.Errorf("no result: %q", none)
	}
	long := page(t, srv, "/zivotni-situace?q="+strings.Repeat("ž", 300))
	if !strings.Contains(long, `value="`+strings.Repeat("ž", 100)+`"`) {
		t.Error("a long query is not cut to 100 characters")
	}
}

func TestACategoryPageListsItsSituationsWithTheirSummaries(t *testing.T) {
	srv := webtest.NewPortal(t)
	main := between(page(t, srv, "/zivotni-situace/kategorie/rodina-a-deti"), "<main", "</main>")
	if h1 := webtest.Text(between(main, "<h1", "</h1>")); !strings.HasSuffix(h1, "Rodina a děti") {
		t.Errorf("h1 %q", h1)
	}
	if crumbs := links(between(main, `class="breadcrumbs"`, "</nav>")); !slices.Equal(crumbs, []string{"/", "/zivotni-situace"}) {
		t.Errorf("breadcrumbs %v", crumbs)
	}
	list := between(main, `<ul class="situation-list">`, "</ul>")
	if n := strings.Count(list, "<li"); n != 6 {
		t.Errorf("%d situations, want 6", n)
	}
	if !strings.Contains(webtest.Text(list), "Zápis do mateřské školy Zápis do mateřských škol je každý rok od 2. do 16. května") {
		t.Errorf("no summary: %q", webtest.Text(list))
	}
	if res, _ := webtest.Get(t, srv, "/zivotni-situace/kategorie/neni"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown category: %d", res.StatusCode)
	}
}

// h2s are the texts of the level-2 headings of an HTML fragment.
func h2s(fragment string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`(?s)<h2[^>]*>(.*?)</h2>`).FindAllStringSubmatch(fragment, -1) {
		out = append(out, webtest.Text(m[1]))
	}
	return out
}

func TestASituationPageHasEverySectionTheIssueAsksFor(t *testing.T) {
	srv := webtest.NewPortal(t)
	main := between(page(t, srv, "/zivotni-situace/prihlaseni-psa"), "<main", "</main>")
	want := []string{"Na této stránce", "Co to je", "Koho se týká", "Co si připravit", "Poplatky", "Lhůty",
		"Jak to vyřídit online", "Videonávody", "Kdo to vyřizuje", "Právní předpisy", "Poslední aktualizace"}
	if got := h2s(main); !slices.Equal(got, want) {
		t.Errorf("sections %q\nwant     %q", got, want)
	}
	contents := links(between(main, `class="situation-contents"`, "</nav>"))
	if len(contents) != len(want)-1 || contents[0] != "#co-to-je" || contents[len(contents)-1] != "#aktualizace" {
		t.Errorf("contents %v", contents)
	}
	// The forms are links once the forms feature serves its pages; until then their titles.
	online := between(main, `id="online"`, "</section>")
	if res, _ := webtest.Get(t, srv, "/formulare"); res.StatusCode == http.StatusOK {
		if got := links(online); !slices.Equal(got, []string{"/formulare/prihlaseni-psa", "/formulare/odhlaseni-psa", "/formulare/osvobozeni-od-poplatku"}) {
			t.Errorf("forms %v", got)
		}
	} else if got := links(online); len(got) != 0 || !strings.Contains(webtest.Text(online), "Přihlášení psa k místnímu poplatku (připravujeme)") {
		t.Errorf("forms before the forms feature: links %v, text %q", got, webtest.Text(online))
	}
	if videos := links(between(main, `id="videonavody"`, "</section>")); !slices.Equal(videos, []string{"/videonavody/jak-prihlasit-psa", "/videonavody/jak-se-prihlasit-na-portal"}) {
		t.Errorf("videos %v", videos)
	}
	handling := between(main, `id="kdo-to-vyrizuje"`, "</section>")
	if got := links(handling); !slices.Contains(got, "/kontakty/odbor/poplatky") || !slices.Contains(got, "https://rezervace.koprivnice.example/poplatky") {
		t.Errorf("who handles it links to %v, want the department and the booking", got)
	}
	for _, want := range []string{"Oddělení místních poplatků", "Jana Nováková", "Objednat se", "Ztracené a nalezené psy řeší městská policie"} {
		if !strings.Contains(webtest.Text(handling), want) {
			t.Errorf("who handles it does not say %q: %q", want, webtest.Text(handling))
		}
	}
	laws := between(main, `id="pravni-predpisy"`, "</section>")
	if !slices.Equal(links(laws), []string{"https://www.e-sbirka.cz/sb/1990/565", "https://www.e-sbirka.cz/sb/1999/166"}) {
		t.Errorf("law links %v", links(laws))
	}
	if !strings.Contains(webtest.Text(laws), "obecně závazná vyhláška města Kopřivnice č. 2/2025") {
		t.Errorf("laws %q", webtest.Text(laws))
	}
	if !strings.Contains(main, `<time datetime="2026-09-15">15. září 2026</time>`) {
		t.Error("no date of the last update")
	}
	fees := between(main, `id="poplatky"`, "</section>")
	if !strings.Contains(fees, "<table>") || !strings.Contains(fees, "<th>Pes</th>") || strings.Contains(fees, "style=") {
		t.Errorf("fees table %q", fees)
	}
	if !strings.Contains(between(main, `id="co-to-je"`, "</section>"), "<strong>evidenční známku</strong>") {
		t.Error("the Markdown is not rendered")
	}
}

func TestAVideoSectionOnlyWhenThereAreVideos(t *testing.T) {
	srv := webtest.NewPortal(t)
	main := between(page(t, srv, "/zivotni-situace/kaceni-drevin"), "<main", "</main>")
	if slices.Contains(h2s(main), "Videonávody") || strings.Contains(main, "#videonavody") {
		t.Error("a video section without videos")
	}
	if res, _ := webtest.Get(t, srv, "/zivotni-situace/neni"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown situation: %d", res.StatusCode)
	}
}

func TestAnAgendaTheContactsDoNotKnowLeadsToTheContacts(t *testing.T) {
	pool := demotest.Pool(t)
	if _, err := pool.Exec(context.Background(), `UPDATE situations SET agenda = 'neni' WHERE slug = 'kaceni-drevin'`); err != nil {
		t.Fatal(err)
	}
	main := between(page(t, webtest.Server(t, web.Config{Pool: pool}), "/zivotni-situace/kaceni-drevin"), "<main", "</main>")
	if got := links(between(main, `id="kdo-to-vyrizuje"`, "</section>")); len(got) == 0 || got[0] != "/kontakty" {
		t.Errorf("who handles it links to %v, want the contacts", got)
	}
}

func TestEnglishPagesMarkTheCzechContent(t *testing.T) {
	srv := webtest.NewPortal(t)
	body := page(t, srv, "/en/zivotni-situace/prihlaseni-psa")
	main := between(body, "<main", "</main>")
	if !strings.Contains(body, `<html lang="en">`) || !strings.Contains(main, `<h1 lang="cs">Pořízení psa</h1>`) {
		t.Errorf("languages: %.300s", main)
	}
	if got := h2s(main); len(got) < 2 || got[1] != "What it is" {
		t.Errorf("sections %q", got)
	}
	if !strings.Contains(main, `href="/en/videonavody/jak-prihlasit-psa"`) || !strings.Contains(main, `href="/en/zivotni-situace"`) {
		t.Error("links stay Czech")
	}
	search := webtest.Text(between(page(t, srv, "/en/zivotni-situace?q=pes"), `<section class="situation-results"`, "</section>"))
	if !strings.Contains(search, "life situations for “pes”") && !strings.Contains(search, "life situation for “pes”") {
		t.Errorf("English results: %q", search)
	}
}

func TestTextsAreRenderedSafelyWhateverTheDatabaseHolds(t *testing.T) {
	pool := demotest.Pool(t)
	// An editor's text that did not pass the file reader, as an admin screen might write it.
	if _, err := pool.Exec(context.Background(), `UPDATE situations SET about = $1 WHERE slug = 'prihlaseni-psa'`,
		"<script>alert(1)</script>\n\n[klikni](javascript:alert(2)) <img src=x onerror=alert(3)>"); err != nil {
		t.Fatal(err)
	}
	main := between(page(t, webtest.Server(t, web.Config{Pool: pool}), "/zivotni-situace/prihlaseni-psa"), "<main", "</main>")
	for _, bad := range []string{"<script", "javascript:", "onerror", "<img"} {
		if strings.Contains(main, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
}

// TestEveryPortalLinkOfTheDemoLeadsToAPage follows the links of the signpost, its categories
// and all situations. Links into features still to come (forms, video guides, contacts) are
// checked once their section's first page answers.
func TestEveryPortalLinkOfTheDemoLeadsToAPage(t *testing.T) {
	srv := webtest.NewPortal(t)
	pages := []string{"/zivotni-situace"}
	for _, l := range links(page(t, srv, "/zivotni-situace")) {
		if strings.HasPrefix(l, "/zivotni-situace/") {
			pages = append(pages, l)
		}
	}
	checked := map[string]bool{}
	sections := map[string]bool{}
	for _, p := range pages {
		for _, l := range links(between(page(t, srv, p), "<main", "</main>")) {
			u, err := url.Parse(l)
			if err != nil || u.Host != "" || !strings.HasPrefix(u.Path, "/") || checked[u.Path] {
				continue
			}
			checked[u.Path] = true
			section := "/" + strings.Split(u.Path, "/")[1]
			if _, seen := sections[section]; !seen {
				res, _ := webtest.Get(t, srv, section)
				sections[section] = res.StatusCode == http.StatusOK
				if !sections[section] {
					t.Logf("%s does not answer yet: links into it are not checked", section)
				}
			}
			if !sections[section] {
				continue
			}
			if res, _ := webtest.Get(t, srv, u.Path); res.StatusCode != http.StatusOK {
				t.Errorf("%s links to %s: status %d", p, u.Path, res.StatusCode)
			}
		}
	}
}

// TestEveryMessageIsInTheCatalogue looks for the "!key" a missing catalogue message shows as,
// on every kind of page in both languages.
func TestEveryMessageIsInTheCatalogue(t *testing.T) {
	srv := webtest.NewPortal(t)
	missing := regexp.MustCompile(`(^|[\s(>])![a-z][a-z-]*`)
	for _, p := range []string{"/zivotni-situace", "/zivotni-situace?q=pes", "/zivotni-situace?q=xyzzy", "/zivotni-situace?q=vidimace",
		"/zivotni-situace/kategorie/rodina-a-deti", "/zivotni-situace/prihlaseni-psa", "/zivotni-situace/kaceni-drevin"} {
		for _, path := range []string{p, "/en" + p} {
			if m := missing.FindString(webtest.Text(between(page(t, srv, path), "<main", "</main>"))); m != "" {
				t.Errorf("%s shows %q", path, m)
			}
		}
	}
}
