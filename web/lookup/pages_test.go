package lookup_test

import (
	"encoding/json"
	"html"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/webtest"
)

// lookupPages are the four pages with their headings.
var lookupPages = []struct{ path, title string }{
	{"/kde-volim", "Kde volím"},
	{"/svoz-odpadu", "Svoz odpadu"},
	{"/spadova-skola", "Spádová škola"},
	{"/moje-adresa", "Moje adresa"},
}

func TestEachPageOffersAnAddressFormThatPostsWithoutJavaScript(t *testing.T) {
	srv := newServer(t)
	for _, p := range lookupPages {
		res, page := webtest.Get(t, srv, p.path)
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/html; charset=utf-8" {
			t.Errorf("%s: status %d, type %q", p.path, res.StatusCode, res.Header.Get("Content-Type"))
		}
		for _, want := range []string{
			"<h1>" + p.title + "</h1>",
			`<form method="post" action="` + p.path + `"`,
			`<label for="q">Vaše adresa</label>`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: the page lacks %s", p.path, want)
			}
		}
		// The only script is the autocomplete, a deferred enhancement of a form that posts.
		if strings.Count(page, "<script") != 1 || !strings.Contains(page, `<script src="/static/js/address-search.js" defer></script>`) {
			t.Errorf("%s: the page loads scripts other than the deferred autocomplete", p.path)
		}
		if !strings.Contains(page, `data-address-search="`+p.path+`/"`) {
			t.Errorf("%s: the autocomplete does not lead to this page's answers", p.path)
		}
	}
}

func TestFormGoesStraightToTheAnswerWhenTheTextMeansOneAddress(t *testing.T) {
	srv := newServer(t)
	for _, p := range lookupPages {
		res, _ := webtest.PostForm(t, srv, p.path, url.Values{"q": {"Štefánikova 1163/12"}})
		if res.StatusCode != 303 || res.Header.Get("Location") != p.path+"/2401163" {
			t.Errorf("%s: status %d, Location %q; want 303 to %s/2401163", p.path, res.StatusCode, res.Header.Get("Location"), p.path)
		}
	}
}

func TestFormListsTheAddressesFoundWhenTheTextMeansSeveral(t *testing.T) {
	srv := newServer(t)
	res, page := webtest.PostForm(t, srv, "/svoz-odpadu", url.Values{"q": {"stefanikova 12"}})
	if res.StatusCode != 200 || res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("status %d, Cache-Control %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	for _, want := range []string{
		`<a href="/svoz-odpadu/2401163">Štefánikova 1163/12, 742 21 Kopřivnice</a>`,
		`<a href="/svoz-odpadu/2401170">Štefánikova 1170/12a, 742 21 Kopřivnice</a>`,
		`value="stefanikova 12"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the results lack %s", want)
		}
	}

	_, page = webtest.PostForm(t, srv, "/svoz-odpadu", url.Values{"q": {"Lubina 99999"}})
	if !strings.Contains(webtest.Text(page), "Adresu jsme nenašli.") {
		t.Errorf("a text that finds nothing must say so:\n%s", webtest.Text(page))
	}
}

func TestFormExplainsAnEmptyOrMeaninglessTextAsAnError(t *testing.T) {
	srv := newServer(t)
	cases := map[string]string{
		"":    "Zadejte adresu, kterou hledáte.",
		" ;,": "Zadejte název ulice nebo části obce, číslo domu nebo PSČ.",
	}
	for q, message := range cases {
		res, page := webtest.PostForm(t, srv, "/kde-volim", url.Values{"q": {q}})
		if res.StatusCode != 422 || !strings.Contains(page, `<title>Chyba: Kde volím – Město Kopřivnice</title>`) ||
			!strings.Contains(page, `class="error-summary" role="alert"`) || !strings.Contains(page, `aria-invalid="true"`) ||
			!strings.Contains(webtest.Text(page), message) {
			t.Errorf("q=%q: status %d, want 422 with the error %q\n%s", q, res.StatusCode, message, webtest.Text(page))
		}
	}
}

func TestKdeVolimTellsTheDistrictTheRoomAndThePollingDays(t *testing.T) {
	srv := newServer(t)
	res, body := webtest.Get(t, srv, "/kde-volim/2401163")
	text := webtest.Text(body)
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{
		"Adresa: Štefánikova 1163/12, 742 21 Kopřivnice",
		"Vaše adresa patří do volebního okrsku č. 1",
		"Volby do zastupitelstva Moravskoslezského kraje",
		"Volební místnost Gymnázium, učebna 12",
		"Adresa místnosti Štefánikova 1806/14, 742 21 Kopřivnice",
		"Poznámka Vchod ze dvora; bezbariérový přístup",
		"pátek 8. října 2027 14:00–22:00",
		"sobota 9. října 2027 08:00–14:00",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the page does not say %q:\n%s", want, text)
		}
	}
	if !strings.Contains(body, `<time datetime="2027-10-08">pátek 8. října 2027</time>`) {
		t.Error("polling days must be marked up as <time> with their ISO date")
	}
}

func TestSvozOdpaduListsTheNextDatesOfEachWasteAndLinksTheCalendar(t *testing.T) {
	srv := newServer(t)
	_, body := webtest.Get(t, srv, "/svoz-odpadu/2401163")
	text := webtest.Text(body)
	for _, want := range []string{
		"Svozová oblast: Oblast A, sever",
		// 28 September is a public holiday: that Tuesday's collection is on Wednesday.
		"směsný úterý 21. září 2027 středa 29. září 2027 úterý 5. října 2027 úterý 12. října 2027 plast",
		"plast čtvrtek 30. září 2027 čtvrtek 14. října 2027 pátek 29. října 2027 čtvrtek 11. listopadu 2027",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the page does not say %q:\n%s", want, text)
		}
	}
	if !strings.Contains(body, `<a href="/api/v1/waste/2401163.ics">Termíny svozu do kalendáře</a>`) {
		t.Error("the page must link the address's iCalendar file")
	}
}

func TestSpadovaSkolaNamesEverySchoolWhereCatchmentsOverlap(t *testing.T) {
	srv := newServer(t)
	_, page := webtest.Get(t, srv, "/spadova-skola/2401163")
	text := webtest.Text(page)
	for _, want := range []string{
		"<h2>Základní škola</h2>",
		"<h2>Mateřská škola</h2>",
		`<a href="https://zs-stefanikova.example.cz/">Základní škola Štefánikova</a>`,
		`<a href="https://ms-smetanova.example.cz/">Mateřská škola Smetanova</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	for _, want := range []string{
		"Adresa patří do společného spádového obvodu více škol",
		"Základní škola Komenského Komenského 1168/66, 742 21 Kopřivnice", // no web: the name without a link
		"Štefánikova 1796/11, 742 21 Kopřivnice",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the page does not say %q:\n%s", want, text)
		}
	}
}

func TestMojeAdresaShowsAllThreeAnswersUnderTheirOwnHeadings(t *testing.T) {
	srv := newServer(t)
	_, page := webtest.Get(t, srv, "/moje-adresa/2401163")
	for _, want := range []string{
		"<h1>Moje adresa</h1>",
		`<h2 id="volby">Kde volím</h2>`,
		"<h3>Volby do zastupitelstva Moravskoslezského kraje</h3>",
		`<h2 id="svoz">Svoz odpadu</h2>`,
		`<h2 id="skoly">Spádová škola</h2>`,
		"<h3>Základní škola</h3>",
		"<h3>Mateřská škola</h3>",
		"Gymnázium, učebna 12",
		"Oblast A, sever",
		"Mateřská škola Smetanova",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}

// figures are the area maps of a page: each figure element with its area, its marks, the
// attributes of its basemap and its content (the titles of its zoom buttons are skipped).
var figures = regexp.MustCompile(`(?s)<figure class="area-map" data-area-map="(\d+)" data-marks="([^"]*)" data-zoom-in="[^"]*" data-zoom-out="[^"]*"([^>]*)>(.*?)</figure>`)

func TestAnswerPagesDrawTheirAreasWithTheAddressAndTheFacilityWithoutJavaScript(t *testing.T) {
	srv := newServer(t)
	_, page := webtest.Get(t, srv, "/kde-volim/2401163")
	found := figures.FindAllStringSubmatch(page, -1)
	if len(found) != 1 {
		t.Fatalf("%d area maps, want the polling district's:\n%s", len(found), page)
	}
	figure := found[0]
	if figure[3] != "" {
		t.Errorf("figure attributes %q: no basemap is configured", figure[3])
	}
	svg := figure[4]
	for _, want := range []string{
		`<svg class="area-map-svg" role="img" viewBox="`,
		`<title>Mapa volebního okrsku č. 1 s volební místností a vaší adresou</title>`,
		`<path class="map-area" d="M `,
		`<rect class="map-mark map-facility" `,
		`<circle class="map-mark map-address" cx="-481384" cy="1134623" `,
		`<figcaption><ul class="map-legend">`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("the map lacks %s:\n%s", want, svg)
		}
	}
	legend := webtest.Text(svg[strings.Index(svg, "<figcaption>"):])
	if want := "Volební okrsek č. 1 Volební místnost: Gymnázium, učebna 12 Vaše adresa: Štefánikova 1163/12, 742 21 Kopřivnice"; legend != want {
		t.Errorf("legend %q, want %q", legend, want)
	}
	var marks []struct {
		Kind, Label string
		Lat, Lon    float64
	}
	if err := json.Unmarshal([]byte(html.UnescapeString(figure[2])), &marks); err != nil || len(marks) != 2 ||
		marks[0].Kind != "facility" || marks[1].Kind != "address" || marks[1].Label != "Vaše adresa: Štefánikova 1163/12, 742 21 Kopřivnice" ||
		math.Abs(marks[1].Lat-49.531057) > 1e-6 || math.Abs(marks[1].Lon-18.173230) > 1e-6 {
		t.Errorf("data-marks %s: %v; want the room and the address in WGS84", figure[2], err)
	}
	if !strings.Contains(page, `data-zoom-in="Přiblížit" data-zoom-out="Oddálit"`) {
		t.Error("the figure does not give the script the titles of the zoom buttons")
	}
	// The map's scripts come with the map, deferred: Leaflet first, then what uses it.
	if !strings.Contains(page, `<script src="/static/vendor/leaflet/leaflet.js" defer></script><script src="/static/js/area-map.js" defer></script>`) {
		t.Error("the page does not load Leaflet and area-map.js deferred")
	}
}

func TestMojeAdresaDrawsEveryCoveredAreaUnderItsAnswer(t *testing.T) {
	srv := newServer(t)
	_, body := webtest.Get(t, srv, "/moje-adresa/2401163")
	var titles []string
	for _, f := range figures.FindAllStringSubmatch(body, -1) {
		titles = append(titles, regexp.MustCompile(`<title>([^<]*)</title>`).FindStringSubmatch(f[4])[1])
	}
	want := []string{
		"Mapa volebního okrsku č. 1 s volební místností a vaší adresou",
		"Mapa svozové oblasti „Oblast A, sever“ s vaší adresou",
		"Mapa spádového obvodu „Obvod ZŠ Komenského“ se základní školou a vaší adresou",
		"Mapa spádového obvodu „Obvod ZŠ Štefánikova“ se základní školou a vaší adresou",
		"Mapa spádového obvodu „Obvod MŠ Smetanova“ s mateřskou školou a vaší adresou",
	}
	if !slices.Equal(titles, want) {
		t.Errorf("maps %q, want %q", titles, want)
	}
}

func TestPagesWithoutACoveredAnswerDrawNoMapAndLoadNoMapScripts(t *testing.T) {
	srv := newServer(t)
	for _, path := range []string{"/moje-adresa/2500025", "/kde-volim/9837751"} {
		_, page := webtest.Get(t, srv, path)
		if strings.Contains(page, "<figure") || strings.Contains(page, "<script") {
			t.Errorf("%s draws a map or loads a script, yet no answer is covered", path)
		}
	}
}

func TestPagesSayWhatTheAPISaysWhenTheDataDoesNotSettleIt(t *testing.T) {
	srv := newServer(t)
	for _, c := range []struct {
		id    string
		pages []string
	}{
		{"2500025", []string{"/moje-adresa", "/kde-volim", "/svoz-odpadu", "/spadova-skola"}},
		{"9837751", []string{"/moje-adresa", "/kde-volim"}},
	} {
		var doc lookupDoc
		webtest.GetJSON(t, srv, "/api/v1/lookup?address="+c.id, &doc)
		answers := []struct {
			page string
			section
		}{{"/kde-volim", doc.Polling}, {"/svoz-odpadu", doc.Waste}, {"/spadova-skola", doc.Schools.ZS}, {"/spadova-skola", doc.Schools.MS}}
		for _, path := range c.pages {
			_, body := webtest.Get(t, srv, path+"/"+c.id)
			for _, a := range answers {
				if a.Covered || path != "/moje-adresa" && path != a.page {
					continue
				}
				if want := `<p class="notice">` + html.EscapeString(*a.Message) + "</p>"; !strings.Contains(body, want) {
					t.Errorf("%s/%s lacks %s", path, c.id, want)
				}
			}
			if strings.Contains(body, ".ics") {
				t.Errorf("%s/%s links a calendar, yet no collections are known", path, c.id)
			}
		}
	}

	_, body := webtest.Get(t, srv, "/kde-volim/9837751")
	text := webtest.Text(body)
	if !strings.Contains(text, "volebního okrsku č. 2") || !strings.Contains(text, "pátek 8. října 2027 14:00–22:00") {
		t.Errorf("what is known, the district and the days, is still told:\n%s", text)
	}
}

func TestAnswerPageOfAnUnknownAddressIsNotFound(t *testing.T) {
	srv := newServer(t)
	for _, path := range []string{"/moje-adresa/1", "/kde-volim/abc", "/svoz-odpadu/0"} {
		res, body := webtest.Get(t, srv, path)
		if res.StatusCode != 404 || !strings.Contains(body, "Stránka nenalezena") {
			t.Errorf("%s: status %d, want the 404 page", path, res.StatusCode)
		}
	}
}
