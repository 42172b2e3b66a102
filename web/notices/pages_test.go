package notices_test

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web"
	"github.com/radnice/radnice/web/notices"
	"github.com/radnice/radnice/web/webtest"
)

func TestTheBoardListsTheCurrentNoticesWithFiltersAndLinksToItsData(t *testing.T) {
	srv, _ := newServer(t)
	res, page := webtest.Get(t, srv, "/uredni-deska")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("status %d, type %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if got := noticeLinks(page); len(got) != demoCurrent || got[0] != "2026-zamer-vypujcky-nebytovych-prostor" || slices.Contains(got, "2026-volby-oznameni-o-dobe-a-miste") {
		t.Errorf("the board lists %v: want the %d current notices, newest first", got, demoCurrent)
	}
	for _, want := range []string{
		"<h1>Úřední deska</h1>",
		`<form class="board-filters" method="get" action="/uredni-deska" role="search" aria-label="Hledat na úřední desce">`,
		`<label for="board-q">Hledat v dokumentech</label>`,
		`<select id="board-kategorie" name="kategorie"><option value="">Všechny kategorie</option>`,
		`<option>Doprava</option>`,
		`<select id="board-rok" name="rok"><option value="">Všechny roky</option>`,
		`<option>2026</option><option>2025</option></select>`,
		`<a href="/uredni-deska" aria-current="page">Vyvěšené dokumenty</a>`,
		`<a href="/uredni-deska/archiv">Archiv</a>`,
		`<a href="/uredni-deska.jsonld" rel="alternate" type="application/ld+json">`,
		`<a href="/uredni-deska.atom" rel="alternate" type="application/atom+xml">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the board lacks %s", want)
		}
	}
	text := webtest.Text(page)
	for _, want := range []string{
		"14 dokumentů",
		"Záměr pronájmu části pozemku p. č. 512/3 v k. ú. Lubina Majetek města · Odbor majetku města · č. j. MěÚK/47730/2026 Vyvěšeno 10. 11. 2026 , zveřejněno do 26. 11. 2026",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the board does not say %q", want)
		}
	}
	if link := res.Header.Get("Link"); !strings.Contains(link, `</uredni-deska.jsonld>; rel="alternate"; type="application/ld+json"`) || !strings.Contains(link, `</uredni-deska.atom>; rel="alternate"; type="application/atom+xml"`) {
		t.Errorf("Link: %s", link)
	}
	if strings.Contains(page, "<script") {
		t.Error("the board loads scripts: it needs none")
	}
}

func TestTheFilterFormNarrowsTheBoardThroughItsAddress(t *testing.T) {
	srv, _ := newServer(t)
	for _, c := range []struct {
		query url.Values
		want  []string
		says  string
	}{
		{url.Values{"kategorie": {"Doprava"}}, []string{"2026-uzavirka-stefanikova"}, "Nalezen 1 dokument"},
		{url.Values{"q": {"rozpocet"}, "rok": {"2025"}}, []string{"2025-strednedoby-vyhled-2027-2029", "2025-schvaleny-rozpocet-2026"}, "Nalezeny 2 dokumenty"},
		{url.Values{"odbor": {"Finanční odbor"}}, nil, "Nalezeno 5 dokumentů"},
		{url.Values{"q": {"kosmodrom"}}, nil, "Nalezeno 0 dokumentů Zadání neodpovídá žádný dokument. Zkuste jiná slova nebo zrušte filtry."},
	} {
		res, body := webtest.Get(t, srv, "/uredni-deska?"+c.query.Encode())
		if res.StatusCode != 200 {
			t.Errorf("%s: status %d", c.query.Encode(), res.StatusCode)
			continue
		}
		if c.want != nil && !slices.Equal(noticeLinks(body), c.want) {
			t.Errorf("%s lists %v, want %v", c.query.Encode(), noticeLinks(body), c.want)
		}
		if !strings.Contains(webtest.Text(body), c.says) {
			t.Errorf("%s does not say %q", c.query.Encode(), c.says)
		}
		if !strings.Contains(body, `<a href="/uredni-deska">Zrušit filtry</a>`) {
			t.Errorf("%s: a filtered board offers no way back to the whole board", c.query.Encode())
		}
	}
	// The form shows what it filters.
	_, body := webtest.Get(t, srv, "/uredni-deska?q=rozpo%C4%8Det&kategorie=Doprava&rok=2026")
	for _, want := range []string{`value="rozpočet"`, `<option selected>Doprava</option>`, `<option selected>2026</option>`} {
		if !strings.Contains(body, want) {
			t.Errorf("the filtered form lacks %s", want)
		}
	}
}

func TestTheArchiveListsTheNoticesWhoseTimeHasEnded(t *testing.T) {
	srv, _ := newServer(t)
	_, body := webtest.Get(t, srv, "/uredni-deska/archiv")
	got := noticeLinks(body)
	if len(got) != demoArchived || got[0] != "2026-ustavujici-zasedani-zastupitelstva" || slices.Contains(got, "2026-uzavirka-stefanikova") {
		t.Errorf("the archive lists %v", got)
	}
	for _, want := range []string{"<h1>Archiv úřední desky</h1>", `<a href="/uredni-deska/archiv" aria-current="page">Archiv</a>`, `action="/uredni-deska/archiv"`, `<option>Volby</option>`} {
		if !strings.Contains(body, want) {
			t.Errorf("the archive lacks %s", want)
		}
	}
}

func TestANoticePageShowsItsFactsTextAndAttachments(t *testing.T) {
	srv, _ := newServer(t)
	res, body := webtest.Get(t, srv, "/uredni-deska/2026-zamer-pronajmu-pozemku-lubina")
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	text := webtest.Text(body)
	for _, want := range []string{
		"Úvod Úřední deska Záměr pronájmu části pozemku p. č. 512/3 v k. ú. Lubina", // breadcrumbs
		"Dokument je vyvěšen na úřední desce.",
		"Číslo jednací MěÚK/47730/2026 Kategorie Majetek města Zveřejňuje Odbor majetku města Vyvěšeno 10. listopadu 2026 Zveřejněno do 26. listopadu 2026",
		"Město Kopřivnice zveřejňuje podle § 39 odst. 1 zákona č. 128/2000 Sb.",
		"Přílohy Záměr pronájmu části pozemku p. č. 512/3 (PDF, 3,1\u00a0kB) Snímek katastrální mapy s vyznačenou částí pozemku (PDF, 3,8\u00a0kB)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the notice page does not say %q\n%s", want, text)
		}
	}
	if !strings.Contains(body, `<a href="/uredni-deska/2026-zamer-pronajmu-pozemku-lubina/prilohy/zamer-pronajmu.pdf" type="application/pdf">`) {
		t.Error("the attachment is not linked")
	}
	if strings.Count(body, "<p>") < 2 {
		t.Error("the text's paragraphs are not kept")
	}
}

func TestAnArchivedNoticeSaysSo(t *testing.T) {
	srv, _ := newServer(t)
	_, body := webtest.Get(t, srv, "/uredni-deska/2026-volby-oznameni-o-dobe-a-miste")
	text := webtest.Text(body)
	for _, want := range []string{
		"Úvod Úřední deska Archiv Oznámení o době a místě konání voleb",
		"Dokument je v archivu: jeho zveřejnění skončilo 10. října 2026.",
		"Seznam volebních okrsků a volebních místností (TXT, 929\u00a0B)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the archived notice does not say %q\n%s", want, text)
		}
	}
}

func TestTheBoardSpeaksEnglishUnderEnAndMarksTheCzechDocuments(t *testing.T) {
	srv, _ := newServer(t)
	_, page := webtest.Get(t, srv, "/en/uredni-deska?q=rozpocet")
	for _, want := range []string{`<html lang="en">`, "<h1>Official notice board</h1>", `<ol class="board-list" lang="cs">`, `action="/en/uredni-deska"`, `<a href="/en/uredni-deska/2026-navrh-rozpoctu-2027">`, "documents found"} {
		if !strings.Contains(page, want) {
			t.Errorf("the English board lacks %s", want)
		}
	}
	_, page = webtest.Get(t, srv, "/en/uredni-deska/2026-navrh-rozpoctu-2027")
	text := webtest.Text(page)
	for _, want := range []string{"Reference number MěÚK/49102/2026", "Posted 18 November 2026", "The document is on the notice board.", "(PDF, 3.0\u00a0kB)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the English notice page does not say %q", want)
		}
	}
	if !strings.Contains(page, `<h1 lang="cs">Návrh rozpočtu města Kopřivnice na rok 2027</h1>`) {
		t.Error("the Czech title is not marked as Czech")
	}
}

func TestPagesThatDoNotExistAreNotFound(t *testing.T) {
	srv, _ := newServer(t)
	for _, path := range []string{
		"/uredni-deska/neexistuje",
		"/uredni-deska?rok=dvacet",
		"/uredni-deska?strana=0",
		"/uredni-deska?strana=2", // the demo board fits one page
		"/uredni-deska/archiv?strana=x",
	} {
		if res, _ := webtest.Get(t, srv, path); res.StatusCode != 404 {
			t.Errorf("%s: status %d, want 404", path, res.StatusCode)
		}
	}
}

func TestLongBoardsComeInPagesThatKeepTheFilter(t *testing.T) {
	var list []notice
	for i := range 45 {
		list = append(list, notice{slug: fmt.Sprintf("oznameni-%02d", i), title: fmt.Sprintf("Oznámení o uložení písemnosti č. %d", i), category: "Doručování písemností",
			department: "Odbor dopravy", posted: geo.Date(2026, 9, 1).AddDate(0, 0, i).Format(time.DateOnly), until: "2027-12-31"})
	}
	_, pool := blankBoard(t, list)
	notices.SetClock(t, testNow)
	srv := webtest.Server(t, web.Config{Pool: pool})

	_, page := webtest.Get(t, srv, "/uredni-deska?q=pisemnosti")
	if got := noticeLinks(page); len(got) != 20 || got[0] != "oznameni-44" {
		t.Errorf("page 1 lists %v", got)
	}
	for _, want := range []string{`<nav class="pagination" aria-label="Stránkování">`, "<span>Strana 1 z 3</span>", `<a href="/uredni-deska?q=pisemnosti&amp;strana=2" rel="next">Další strana</a>`} {
		if !strings.Contains(page, want) {
			t.Errorf("page 1 lacks %s", want)
		}
	}
	if strings.Contains(page, `rel="prev"`) {
		t.Error("page 1 links a previous page")
	}
	_, page = webtest.Get(t, srv, "/uredni-deska?q=pisemnosti&strana=3")
	if got := noticeLinks(page); len(got) != 5 || got[4] != "oznameni-00" {
		t.Errorf("page 3 lists %v", got)
	}
	if !strings.Contains(page, `<a href="/uredni-deska?q=pisemnosti&amp;strana=2" rel="prev">Předchozí strana</a>`) || strings.Contains(page, `rel="next"`) {
		t.Error("page 3 must link back to page 2 and to no next page")
	}
	if !strings.Contains(page, "<title>Úřední deska, strana 3 – ") {
		t.Error("the page's title does not say which page it is")
	}
}
