package lookup_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/webtest"
)

// pageLinks are the paths the links in a page's main content lead to.
var pageLinks = regexp.MustCompile(`href="([^"]*)"`)

// expectEnglish checks that an English page is marked as English and that the links of its
// content keep the reader in English: to English pages, or to the API, which has no language.
func expectEnglish(t *testing.T, path, page string) {
	t.Helper()
	if !strings.Contains(page, `<html lang="en">`) {
		t.Errorf("%s is not marked as English", path)
	}
	start, end := strings.Index(page, "<main"), strings.Index(page, "</main>")
	if start < 0 || end < start {
		t.Fatalf("%s has no main content", path)
	}
	for _, link := range pageLinks.FindAllStringSubmatch(page[start:end], -1) {
		if href := link[1]; !strings.HasPrefix(href, "/en/") && !strings.HasPrefix(href, "/api/") && !strings.HasPrefix(href, "https://") && href != "#q" {
			t.Errorf("%s links %s, not an English page", path, href)
		}
	}
}

func TestEnglishFormsPostToEnglishPagesAndTheirAutocompleteSpeaksEnglish(t *testing.T) {
	srv := newServer(t)
	for _, p := range []struct{ path, title string }{
		{"/en/kde-volim", "Where do I vote"},
		{"/en/svoz-odpadu", "Waste collection"},
		{"/en/spadova-skola", "Catchment school"},
		{"/en/moje-adresa", "My address"},
	} {
		_, page := webtest.Get(t, srv, p.path)
		expectEnglish(t, p.path, page)
		for _, want := range []string{
			"<title>" + p.title + " – Town of Kopřivnice</title>",
			"<h1>" + p.title + "</h1>",
			`<form method="post" action="` + p.path + `"`,
			`<label for="q">Your address</label>`,
			`<button type="submit">Look up</button>`,
			`data-address-search="` + p.path + `/"`,
			`&#34;found-other&#34;:&#34;{n} addresses found.&#34;`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", p.path, want)
			}
		}
	}
}

func TestEnglishFormLeadsToTheEnglishAnswerOrListsEnglishLinks(t *testing.T) {
	srv := newServer(t)
	res, _ := webtest.PostForm(t, srv, "/en/kde-volim", url.Values{"q": {"Štefánikova 1163/12"}})
	if res.StatusCode != 303 || res.Header.Get("Location") != "/en/kde-volim/2401163" {
		t.Errorf("status %d, Location %q; want 303 to /en/kde-volim/2401163", res.StatusCode, res.Header.Get("Location"))
	}

	_, body := webtest.PostForm(t, srv, "/en/svoz-odpadu", url.Values{"q": {"stefanikova 12"}})
	expectEnglish(t, "results", body)
	for _, want := range []string{
		`<h2 id="vysledky">Results</h2><p>Several addresses match. Choose yours:</p>`,
		`<a href="/en/svoz-odpadu/2401163">Štefánikova 1163/12, 742 21 Kopřivnice</a>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the results lack %s", want)
		}
	}

	_, body = webtest.PostForm(t, srv, "/en/svoz-odpadu", url.Values{"q": {"Lubina 99999"}})
	if !strings.Contains(webtest.Text(body), "We did not find the address.") {
		t.Errorf("a text that finds nothing must say so in English:\n%s", webtest.Text(body))
	}

	res, body = webtest.PostForm(t, srv, "/en/kde-volim", url.Values{"q": {""}})
	text := webtest.Text(body)
	if res.StatusCode != 422 || !strings.Contains(body, "<title>Error: Where do I vote – Town of Kopřivnice</title>") ||
		!strings.Contains(text, "The search did not work Enter the address you are looking for.") ||
		!strings.Contains(text, "Error: Enter the address you are looking for.") {
		t.Errorf("an empty English form: status %d, want 422 with the error in English\n%s", res.StatusCode, text)
	}
}

func TestEnglishAnswersTellTheSameInEnglishWithEnglishDates(t *testing.T) {
	srv := newServer(t)
	for path, wants := range map[string][]string{
		"/en/kde-volim/2401163": {
			"Where do I vote: Štefánikova 1163/12, 742 21 Kopřivnice – Town of Kopřivnice",
			"Look up another address Where do I vote Address: Štefánikova 1163/12, 742 21 Kopřivnice",
			"Your address belongs to polling district no. 1",
			"Polling station Gymnázium, učebna 12 Address of the polling station Štefánikova 1806/14, 742 21 Kopřivnice",
			"Note Vchod ze dvora; bezbariérový přístup When to vote Friday 8 October 2027 14:00–22:00 Saturday 9 October 2027 08:00–14:00",
			"Polling district no. 1 Polling station: Gymnázium, učebna 12 Your address: Štefánikova 1163/12, 742 21 Kopřivnice",
			"Also for this address: waste collection catchment school everything on one page",
		},
		"/en/svoz-odpadu/2401163": {
			"Waste zone: Oblast A, sever Next collection dates Waste Dates",
			"směsný Tuesday 21 September 2027 Wednesday 29 September 2027 Tuesday 5 October 2027 Tuesday 12 October 2027",
			"Collection dates for your calendar (an iCalendar file for a year ahead).",
			`Waste zone “Oblast A, sever” Your address:`,
		},
		"/en/spadova-skola/2401163": {
			"Primary school The address lies in a catchment area shared by several schools",
			"Kindergarten Mateřská škola Smetanova",
		},
		"/en/moje-adresa/2500025": {
			"The address does not lie in any polling district.",
			"The address does not lie in any waste zone.",
			"The address does not lie in the catchment area of any primary school.",
			"The address does not lie in the catchment area of any kindergarten.",
		},
		"/en/kde-volim/9837751": {
			"Your address belongs to polling district no. 2 . The polling station of district no. 2 has not been published for this election yet.",
		},
	} {
		res, body := webtest.Get(t, srv, path)
		if res.StatusCode != 200 {
			t.Fatalf("%s: status %d", path, res.StatusCode)
		}
		expectEnglish(t, path, body)
		text := webtest.Text(body)
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("%s does not say %q:\n%s", path, want, text)
			}
		}
	}
}

func TestEnglishMapsAreNamedInEnglish(t *testing.T) {
	srv := newServer(t)
	_, page := webtest.Get(t, srv, "/en/moje-adresa/2401163")
	for _, want := range []string{
		"<title>Map of polling district no. 1 with the polling station and your address</title>",
		"<title>Map of waste zone “Oblast A, sever” with your address</title>",
		"<title>Map of catchment area “Obvod ZŠ Komenského” with the primary school and your address</title>",
		"<title>Map of catchment area “Obvod MŠ Smetanova” with the kindergarten and your address</title>",
		`data-zoom-in="Zoom in" data-zoom-out="Zoom out"`,
		`&#34;label&#34;:&#34;Your address: Štefánikova 1163/12, 742 21 Kopřivnice&#34;`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}

func TestEnglishAnswersMarkTheCzechOfTheDataAsCzech(t *testing.T) {
	srv := newServer(t)
	_, body := webtest.Get(t, srv, "/en/moje-adresa/2401163")
	for _, want := range []string{
		`<h3><span lang="cs">Volby do zastupitelstva Moravskoslezského kraje</span></h3>`,
		`<dd><span lang="cs">Vchod ze dvora; bezbariérový přístup</span></dd>`,
		`<th scope="row"><span lang="cs">směsný</span></th>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the English page lacks %s", want)
		}
	}
	if _, body := webtest.Get(t, srv, "/moje-adresa/2401163"); strings.Contains(body, `<span lang="cs">`) {
		t.Error("the Czech page marks Czech texts as Czech again")
	}
}
