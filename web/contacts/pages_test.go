package contacts_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/contacts"
	"github.com/radnice/radnice/web/webtest"
)

// newServer serves the portal over the demo town, on Monday 23 November 2026 at 9:00 in Prague.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	contacts.SetNow(t, inPrague(2026, 11, 23, 9, 0))
	return webtest.NewPortal(t)
}

// mainText is the text of a page's main content, without the line-break hints <wbr>.
func mainText(page string) string {
	page = strings.ReplaceAll(page, "<wbr>", "")
	start, end := strings.Index(page, "<main"), strings.Index(page, "</main>")
	if start < 0 || end < start {
		return ""
	}
	return webtest.Text(page[start:end])
}

// expectPage checks a page's status and that its HTML holds each of want.
func expectPage(t *testing.T, srv *httptest.Server, path string, status int, want ...string) string {
	t.Helper()
	res, page := webtest.Get(t, srv, path)
	if res.StatusCode != status || res.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("%s: status %d, type %q; want %d", path, res.StatusCode, res.Header.Get("Content-Type"), status)
	}
	for _, w := range want {
		if !strings.Contains(page, w) {
			t.Errorf("%s: the page lacks %s", path, w)
		}
	}
	return page
}

func TestTheContactsPageShowsTheHoursTheTreeAndASearchForm(t *testing.T) {
	srv := newServer(t)
	page := expectPage(t, srv, "/kontakty", 200,
		"<h1>Kontakty</h1>",
		`<form method="get" action="/kontakty/hledat" class="contacts-search" role="search">`,
		`<input type="search" id="q" name="q" value=""`,
		`<h2 id="uredni-hodiny">Úřední hodiny</h2>`,
		`<p class="office-status office-open">Nyní otevřeno, zavírá v 11:30</p>`,
		"<dt>Pondělí</dt><dd>8:00–11:30, 12:30–17:00</dd>",
		"<dt>Pátek</dt><dd>8:00–11:30</dd>",
		"<dt>středa 23. prosince 2026</dt><dd>8:00–11:30 (zkrácené úřední hodiny)</dd>",
		`<a href="/kontakty/odbor/ekonomicky">Odbor ekonomický</a> <ul class="department-tree"><li><a href="/kontakty/odbor/poplatky">Oddělení místních poplatků</a>`,
		`<a href="/kontakty/agenda/poplatky">Místní poplatky</a>`,
	)
	if strings.Contains(page, "<dt>Sobota</dt>") || strings.Contains(page, "<script") {
		t.Error("the page lists a closed weekend or needs a script")
	}
}

func TestSearchAnswersWhoHandlesAMatterWithoutJavaScript(t *testing.T) {
	srv := newServer(t)
	res, page := webtest.Get(t, srv, "/kontakty/hledat?q=poplatek+za+psa")
	text := mainText(page)
	if res.StatusCode != 200 || res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("status %d, Cache-Control %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	for _, want := range []string{
		"Výsledky pro „poplatek za psa“",
		"Místní poplatky Vyřizuje: Oddělení místních poplatků (Odbor ekonomický)",
		"Ing. Jana Nováková referentka místních poplatků Telefon: +420 556 879 422 E-mail: jana.novakova@koprivnice.example",
		"Objednat se online v rezervačním systému města",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the results lack %q:\n%s", want, text)
		}
	}
	for _, want := range []string{
		`value="poplatek za psa"`,
		`<a class="booking-link" href="https://rezervace.koprivnice.example/poplatky">Objednat se online</a>`,
		`<a href="tel:+420556879422">+420 556 879 422</a>`,
		`<a href="mailto:jana.novakova@koprivnice.example">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the results lack %s", want)
		}
	}

	_, page = webtest.Get(t, srv, "/kontakty/hledat?q=Novak")
	if text := mainText(page); !strings.Contains(text, "Lidé Pavel Novák referent místních poplatků Oddělení místních poplatků (Odbor ekonomický)") {
		t.Errorf("a search by name lists people with their department:\n%s", text)
	}
	_, page = webtest.Get(t, srv, "/kontakty/hledat?q=xyzzy")
	if !strings.Contains(mainText(page), "Nic jsme nenašli.") {
		t.Error("a search that finds nothing must say so")
	}
	expectPage(t, srv, "/kontakty/hledat", 200, "<h1>Hledání v kontaktech</h1>")
}

func TestAnEmptySearchIsExplained(t *testing.T) {
	srv := newServer(t)
	page := expectPage(t, srv, "/kontakty/hledat?q=+", 422,
		"<title>Chyba: Hledání v kontaktech",
		`<div class="error-summary" role="alert"`,
		`<a href="#q">Zadejte, co hledáte: jméno, odbor nebo co potřebujete vyřídit.</a>`,
		`aria-describedby="q-hint q-error" aria-invalid="true"`,
	)
	if strings.Contains(page, "Výsledky pro") {
		t.Error("an empty search shows results")
	}
}

func TestDepartmentPersonAndAgendaPages(t *testing.T) {
	srv := newServer(t)
	expectPage(t, srv, "/kontakty/odbor/ekonomicky", 200,
		"<h1>Odbor ekonomický</h1>",
		`<dd><a href="tel:+420556879420">+420 556 879 420</a></dd>`,
		"<dt>Adresa</dt><dd>Štefánikova 1163/12, 742 21 Kopřivnice</dd>",
		`<a href="/kontakty/odbor/poplatky">Oddělení místních poplatků</a>`,
		`<a href="/kontakty/osoba/10">Ing. Jitka Malá</a>`,
	)
	expectPage(t, srv, "/kontakty/odbor/registr-vozidel", 200,
		`<a href="/kontakty/odbor/doprava">Odbor dopravy</a>`, // in the breadcrumbs
		"<dd>Záhumenní 1152/1, 742 21 Kopřivnice</dd>",
		`<a href="/kontakty/agenda/registr-vozidel">Registr vozidel a řidičské průkazy</a>`,
	)
	expectPage(t, srv, "/kontakty/osoba/31", 200,
		"<h1>Bc. Markéta Vlčková, DiS.</h1>",
		`<p class="lead">sociální pracovnice</p>`,
		"<h2>Vlastní úřední hodiny</h2>",
		"<dt>Pondělí</dt><dd>8:00–17:00</dd>",
		`<a href="/kontakty/agenda/socialni-veci">Sociální pomoc a poradenství</a>`,
		`<a href="/kontakty/osoba/31.vcf" type="text/vcard" download>Uložit kontakt (vCard)</a>`,
	)
	expectPage(t, srv, "/kontakty/agenda/poplatky", 200,
		"<h1>Místní poplatky</h1>",
		"<h2>Kdo to vyřizuje</h2>",
		`<a class="booking-link" href="https://rezervace.koprivnice.example/poplatky">Objednat se online</a>`,
	)
	if page := expectPage(t, srv, "/kontakty/agenda/informace", 200, "<h1>Poskytování informací</h1>"); strings.Contains(page, "booking-link") {
		t.Error("an agenda without bookings offers to book")
	}
	for _, path := range []string{"/kontakty/odbor/neni", "/kontakty/osoba/999", "/kontakty/osoba/jana", "/kontakty/osoba/99999999999999999999",
		"/kontakty/osoba/999.vcf", "/kontakty/agenda/neni"} {
		expectPage(t, srv, path, 404, "<h1>")
	}
}

func TestTheContactsSpeakEnglishUnderEn(t *testing.T) {
	srv := newServer(t)
	expectPage(t, srv, "/en/kontakty", 200,
		`<html lang="en">`,
		"<h1>Contacts</h1>",
		`action="/en/kontakty/hledat"`,
		`<p class="office-status office-open">Open now, closes at 11:30</p>`,
		"<dt>Monday</dt><dd>8:00–11:30, 12:30–17:00</dd>",
		`<a href="/en/kontakty/odbor/ekonomicky">Odbor ekonomický</a>`,
	)
	expectPage(t, srv, "/en/kontakty/agenda/poplatky", 200, "<h2>Who handles it</h2>", "Book an appointment online")
}

func TestTheVCardDownloads(t *testing.T) {
	srv := newServer(t)
	res, body := webtest.Get(t, srv, "/kontakty/osoba/11.vcf")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/vcard; charset=utf-8" ||
		res.Header.Get("Content-Disposition") != "attachment; filename=jana-novakova.vcf" {
		t.Errorf("status %d, headers %v", res.StatusCode, res.Header)
	}
	card := parseVCard(t, body)
	for prop, want := range map[string]string{
		"FN":    "Ing. Jana Nováková",
		"ORG":   "Město Kopřivnice;Odbor ekonomický;Oddělení místních poplatků",
		"TITLE": "referentka místních poplatků",
		"ADR":   ";2. patro, dveře č. 205;Štefánikova 1163/12;Kopřivnice;;742 21;Česká republika",
	} {
		if got := card.value(prop); got != want {
			t.Errorf("%s: %q, want %q", prop, got, want)
		}
	}
}

func TestTheAppointmentsPageListsTheAgendasThatTakeBookings(t *testing.T) {
	srv := newServer(t)
	page := expectPage(t, srv, "/objednani", 200,
		"<h1>Objednání na úřad</h1>",
		`<h2><a href="/kontakty/agenda/osobni-doklady">Občanské průkazy a cestovní pasy</a></h2>`,
		`<a class="booking-link" href="https://rezervace.koprivnice.example/osobni-doklady">Objednat se online</a>`,
		`<a class="booking-link" href="https://rezervace.koprivnice.example/matrika">Objednat se online</a>`,
		`<p class="office-status office-open">Nyní otevřeno, zavírá v 11:30</p>`,
	)
	if strings.Contains(page, "/kontakty/agenda/informace") {
		t.Error("an agenda that takes no bookings is listed")
	}
}
