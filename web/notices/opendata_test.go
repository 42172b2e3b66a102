package notices_test

import (
	"encoding/json"
	"encoding/xml"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/radnice/radnice/datasets/demotown"
	noticefiles "github.com/radnice/radnice/datasets/notices"
	"github.com/radnice/radnice/datasets/ofn"
	"github.com/radnice/radnice/datasets/ofn/ofntest"
	"github.com/radnice/radnice/web/notices"
	"github.com/radnice/radnice/web/webtest"
)

// board is the open data document, as far as the tests read it.
type board struct {
	Context  string `json:"@context"`
	Page     string `json:"stránka"`
	Operator struct {
		ICO string `json:"ičo"`
	} `json:"provozovatel"`
	Informace []information `json:"informace"`
}

// information is one notice of the open data.
type information struct {
	IRI      string `json:"iri"`
	Dokument []struct {
		URL string `json:"url"`
	} `json:"dokument"`
}

func TestTheBoardIsPublishedAsValidOFNOpenData(t *testing.T) {
	srv, _ := newServer(t)
	res, body := webtest.Get(t, srv, "/uredni-deska.jsonld")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/ld+json" || res.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Fatalf("status %d, type %q, CORS %q", res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Access-Control-Allow-Origin"))
	}
	ofntest.Validate(t, ofntest.Schema(t, ofntest.NoticeBoard), []byte(body))

	var doc board
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Context != ofn.Context || doc.Page != srv.URL+"/uredni-deska" || doc.Operator.ICO != "00298077" || len(doc.Informace) != demoCurrent {
		t.Errorf("context %s, page %s, IČO %s, %d notices (want %d)", doc.Context, doc.Page, doc.Operator.ICO, len(doc.Informace), demoCurrent)
	}
	lubina := doc.Informace[slices.IndexFunc(doc.Informace, func(i information) bool {
		return strings.HasSuffix(i.IRI, "/2026-zamer-pronajmu-pozemku-lubina")
	})]
	if len(lubina.Dokument) != 2 || lubina.Dokument[0].URL != srv.URL+zamerPDF {
		t.Errorf("the attachments as documents: %+v", lubina.Dokument)
	}
	// Every address in it answers.
	if res, _ := webtest.Get(t, srv, strings.TrimPrefix(lubina.IRI, srv.URL)); res.StatusCode != 200 {
		t.Errorf("%s: status %d", lubina.IRI, res.StatusCode)
	}
	if res, _ := webtest.Get(t, srv, "/uredni-deska.jsonld", "If-None-Match", res.Header.Get("ETag")); res.StatusCode != 304 {
		t.Errorf("revalidation: status %d, want 304", res.StatusCode)
	}
}

func TestEveryDemoNoticeIsValidOFNOnTheDayItIsPosted(t *testing.T) {
	srv, _ := newServer(t)
	schema := ofntest.Schema(t, ofntest.NoticeBoard)
	all, err := noticefiles.Read(demotown.Content(), "uredni-deska")
	if err != nil {
		t.Fatal(err)
	}
	exported := map[string]bool{}
	for _, n := range all {
		notices.SetClock(t, n.Posted.Add(12*time.Hour))
		_, body := webtest.Get(t, srv, "/uredni-deska.jsonld")
		if err := ofntest.Check(schema, []byte(body)); err != nil {
			t.Errorf("the board of %s is not valid OFN: %v", n.Posted.Format(time.DateOnly), err)
		}
		var doc board
		if err := json.Unmarshal([]byte(body), &doc); err != nil {
			t.Fatal(err)
		}
		for _, i := range doc.Informace {
			exported[strings.TrimPrefix(i.IRI, srv.URL+"/uredni-deska/")] = true
		}
	}
	for _, n := range all {
		if !exported[n.Slug] {
			t.Errorf("%s was never exported", n.Slug)
		}
	}
}

func TestAnEmptyBoardIsStillValidOFN(t *testing.T) {
	srv, _ := newServer(t)
	notices.SetClock(t, time.Date(2040, 1, 1, 12, 0, 0, 0, time.UTC))
	_, body := webtest.Get(t, srv, "/uredni-deska.jsonld")
	ofntest.Validate(t, ofntest.Schema(t, ofntest.NoticeBoard), []byte(body))
	if !strings.Contains(body, `"informace": []`) {
		t.Errorf("an empty board:\n%s", body)
	}
}

// atomFeed is an Atom feed as RFC 4287 requires it, as far as the tests read it.
type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  []struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links   []atomLink `xml:"link"`
	Entries []struct {
		Lang      string     `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
		ID        string     `xml:"id"`
		Title     string     `xml:"title"`
		Updated   string     `xml:"updated"`
		Published string     `xml:"published"`
		Summary   string     `xml:"summary"`
		Links     []atomLink `xml:"link"`
		Category  []struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
		Author []struct {
			Name string `xml:"name"`
		} `xml:"author"`
	} `xml:"entry"`
}

type atomLink struct {
	Rel    string `xml:"rel,attr"`
	Type   string `xml:"type,attr"`
	Href   string `xml:"href,attr"`
	Length string `xml:"length,attr"`
}

func TestTheBoardIsAnAtomFeed(t *testing.T) {
	srv, _ := newServer(t)
	res, body := webtest.Get(t, srv, "/uredni-deska.atom")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/atom+xml; charset=utf-8" {
		t.Fatalf("status %d, type %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	var feed atomFeed
	if err := xml.Unmarshal([]byte(body), &feed); err != nil {
		t.Fatalf("the feed does not parse: %v\n%s", err, body)
	}
	if feed.ID == "" || feed.Title != "Úřední deska: Město Kopřivnice" || len(feed.Author) != 1 || feed.Author[0].Name != "Městský úřad Kopřivnice" {
		t.Errorf("feed id %q, title %q, author %+v", feed.ID, feed.Title, feed.Author)
	}
	if updated, err := time.Parse(time.RFC3339, feed.Updated); err != nil || !updated.Equal(time.Date(2026, 11, 22, 23, 0, 0, 0, time.UTC)) {
		t.Errorf("updated %q (%v): want the newest posting, midnight in Prague", feed.Updated, err)
	}
	if !slices.Contains(feed.Links, atomLink{Rel: "self", Type: "application/atom+xml", Href: srv.URL + "/uredni-deska.atom"}) {
		t.Errorf("no self link: %+v", feed.Links)
	}
	if len(feed.Entries) != demoCurrent {
		t.Fatalf("%d entries, want the %d current notices", len(feed.Entries), demoCurrent)
	}
	ids := map[string]bool{}
	for _, e := range feed.Entries {
		_, errUpdated := time.Parse(time.RFC3339, e.Updated)
		_, errPublished := time.Parse(time.RFC3339, e.Published)
		if e.ID == "" || ids[e.ID] || e.Title == "" || errUpdated != nil || errPublished != nil || e.Lang != "cs" || len(e.Category) != 1 || len(e.Author) != 1 {
			t.Errorf("entry %q: id %q (repeated %v), updated %q, published %q, lang %q, category %v, author %v", e.Title, e.ID, ids[e.ID], e.Updated, e.Published, e.Lang, e.Category, e.Author)
		}
		ids[e.ID] = true
		if e.Links[0].Rel != "alternate" || e.Links[0].Href != e.ID {
			t.Errorf("entry %q: the first link %+v must be its page", e.Title, e.Links[0])
		}
		for _, l := range e.Links[1:] {
			if l.Rel != "enclosure" || l.Length == "" || l.Type == "" {
				t.Errorf("entry %q: attachment link %+v", e.Title, l)
			}
		}
	}
	if e := feed.Entries[0]; e.Title != "Záměr výpůjčky nebytových prostor v budově Masarykovo náměstí 540" || !strings.HasPrefix(e.Summary, "Město Kopřivnice zveřejňuje") || e.Author[0].Name != "Odbor majetku města" {
		t.Errorf("the newest entry: %q by %v, summary %q", e.Title, e.Author, e.Summary)
	}
}
