package ofn_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/radnice/radnice/datasets/ofn"
	"github.com/radnice/radnice/datasets/ofn/ofntest"
)

func TestTheOfficialExamplesPassAndABrokenBoardFails(t *testing.T) {
	sch := ofntest.Schema(t, ofntest.NoticeBoard)
	examples, _ := filepath.Glob(filepath.Join(ofntest.Dir(t), "úřední-desky", "2021-07-20", "příklady", "*.jsonld"))
	if len(examples) == 0 {
		t.Fatal("the official examples are missing")
	}
	for _, name := range examples {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		ofntest.Validate(t, sch, data)
	}
	// The validator must catch what the norm requires: an operator, and a relevant-until date.
	for _, broken := range []string{
		`{"@context": "` + ofn.Context + `", "typ": "Úřední deska", "iri": "https://a.example/d", "stránka": "https://a.example/d", "informace": []}`,
		`{"@context": "` + ofn.Context + `", "typ": "Úřední deska", "iri": "https://a.example/d", "stránka": "https://a.example/d",
		  "provozovatel": {"typ": "Osoba", "ičo": "00298077"},
		  "informace": [{"typ": ["Digitální objekt", "Informace na úřední desce"], "iri": "https://a.example/d/1", "název": {"cs": "A"},
		    "vyvěšení": {"typ": "Časový okamžik", "datum": "2026-11-02"}}]}`,
		`{"@context": "` + ofn.Context + `", "typ": "Úřední deska", "iri": "/d", "stránka": "https://a.example/d",
		  "provozovatel": {"typ": "Osoba", "ičo": "00298077"}, "informace": []}`,
	} {
		if err := ofntest.Check(sch, []byte(broken)); err == nil {
			t.Errorf("the schema passed a broken board:\n%s", broken)
		}
	}
}

func TestABoardIsWrittenAsValidOFN(t *testing.T) {
	board := ofn.Board{
		IRI:         "https://portal.example/uredni-deska",
		Page:        "https://portal.example/uredni-deska",
		OperatorICO: "00298077",
		Notices: []ofn.Notice{{
			IRI:           "https://portal.example/uredni-deska/2026-zamer",
			URL:           "https://portal.example/uredni-deska/2026-zamer",
			Title:         "Záměr pronájmu části pozemku p. č. 1234/5",
			Description:   "Město Kopřivnice zveřejňuje záměr <pronajmout> část pozemku & budovy.",
			Reference:     "MěÚK/12345/2026",
			Posted:        time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC),
			RelevantUntil: time.Date(2026, 11, 18, 0, 0, 0, 0, time.UTC),
			Agendas:       []string{"Majetek města"},
			Documents: []ofn.Document{
				{Title: "Záměr pronájmu", URL: "https://portal.example/uredni-deska/2026-zamer/prilohy/zamer.pdf", MediaType: "application/pdf"},
				{Title: "Seznam parcel", URL: "https://portal.example/uredni-deska/2026-zamer/prilohy/parcely.txt", MediaType: "text/plain; charset=utf-8"},
			},
		}, {
			IRI: "https://portal.example/uredni-deska/2026-zasedani", URL: "https://portal.example/uredni-deska/2026-zasedani",
			Title: "Oznámení o konání zasedání zastupitelstva", Posted: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), RelevantUntil: time.Date(2026, 12, 10, 0, 0, 0, 0, time.UTC),
		}},
	}
	var buf bytes.Buffer
	if err := ofn.Write(&buf, board); err != nil {
		t.Fatal(err)
	}
	ofntest.Validate(t, ofntest.Schema(t, ofntest.NoticeBoard), buf.Bytes())

	var doc struct {
		Informace []map[string]json.RawMessage `json:"informace"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil || len(doc.Informace) != 2 {
		t.Fatalf("written: %v\n%s", err, buf.String())
	}
	for key, want := range map[string]string{
		"číslo_jednací": `"MěÚK/12345/2026"`,
		"vyvěšení":      `{"typ":"Časový okamžik","datum":"2026-11-02"}`,
		"relevantní_do": `{"typ":"Časový okamžik","datum":"2026-11-18"}`,
		"agenda":        `[{"typ":"Agenda","název":{"cs":"Majetek města"}}]`,
		"popis":         `{"cs":"Město Kopřivnice zveřejňuje záměr <pronajmout> část pozemku & budovy."}`,
	} {
		if got := compact(t, doc.Informace[0][key]); got != want {
			t.Errorf("%s = %s, want %s", key, got, want)
		}
	}
	if got := compact(t, doc.Informace[0]["dokument"]); !strings.Contains(got, `"typ_média":"http://www.iana.org/assignments/media-types/text/plain"`) {
		t.Errorf("dokument = %s: want the media type's IANA IRI, without parameters", got)
	}
	for _, absent := range []string{"popis", "číslo_jednací", "agenda", "dokument"} {
		if _, ok := doc.Informace[1][absent]; ok {
			t.Errorf("a notice without %s writes it anyway", absent)
		}
	}
}

func TestAnEmptyBoardIsStillABoard(t *testing.T) {
	var buf bytes.Buffer
	if err := ofn.Write(&buf, ofn.Board{IRI: "https://portal.example/uredni-deska", Page: "https://portal.example/uredni-deska", OperatorICO: "00298077"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"informace": []`) {
		t.Errorf("informace must be an empty list:\n%s", buf.String())
	}
	ofntest.Validate(t, ofntest.Schema(t, ofntest.NoticeBoard), buf.Bytes())
}

func compact(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		t.Fatalf("%s: %v", raw, err)
	}
	return buf.String()
}
