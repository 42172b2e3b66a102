// Package ofn writes the official notice board (úřední deska) as open data in the open formal
// norm (otevřená formální norma, OFN) "Úřední desky" of 2021-07-20: the JSON-LD document every
// municipality publishes and the national catalogue of notice boards harvests.
// Specification: https://ofn.gov.cz/úřední-desky/2021-07-20/
package ofn

import (
	"encoding/json"
	"io"
	"mime"
	"time"
)

// Context is the JSON-LD context of the norm's documents.
const Context = "https://ofn.gov.cz/úřední-desky/2021-07-20/kontexty/úřední-deska.jsonld"

// Board is a notice board as the norm describes it. Every IRI and URL is absolute.
type Board struct {
	IRI         string // identifies the board
	Page        string // the board's web page
	OperatorICO string // IČO of the municipality that runs it (provozovatel)
	Notices     []Notice
}

// Notice is one document on the board (informace na úřední desce).
type Notice struct {
	IRI, URL      string // identifies it; its web page
	Title         string
	Description   string // "" for none
	Reference     string // číslo jednací; "" for none
	Posted        time.Time
	RelevantUntil time.Time
	Agendas       []string // what it is about: the board's categories
	Documents     []Document
}

// Document is a file published with a notice.
type Document struct {
	Title, URL string
	MediaType  string // e.g. "application/pdf"; parameters are dropped
}

// Write writes b as an OFN JSON-LD document.
func Write(w io.Writer, b Board) error {
	doc := board{
		Context:  Context,
		Type:     "Úřední deska",
		IRI:      b.IRI,
		Page:     b.Page,
		Operator: operator{Type: "Osoba", ICO: b.OperatorICO},
		Notices:  make([]notice, 0, len(b.Notices)),
	}
	for _, n := range b.Notices {
		doc.Notices = append(doc.Notices, fromNotice(n))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func fromNotice(n Notice) notice {
	out := notice{
		Type:          []string{"Digitální objekt", "Informace na úřední desce"},
		IRI:           n.IRI,
		URL:           n.URL,
		Title:         text{n.Title},
		Posted:        day(n.Posted),
		RelevantUntil: day(n.RelevantUntil),
		Reference:     n.Reference,
	}
	if n.Description != "" {
		out.Description = &text{n.Description}
	}
	for _, a := range n.Agendas {
		out.Agendas = append(out.Agendas, agenda{Type: "Agenda", Name: text{a}})
	}
	for _, d := range n.Documents {
		out.Documents = append(out.Documents, document{Type: "Digitální objekt", Title: text{d.Title}, URL: d.URL, MediaType: ianaMediaType(d.MediaType)})
	}
	return out
}

// ianaMediaType is the IANA registry's IRI of a media type, as the norm writes typ_média.
func ianaMediaType(mediaType string) string {
	base, _, err := mime.ParseMediaType(mediaType)
	if err != nil || base == "" {
		return ""
	}
	return "http://www.iana.org/assignments/media-types/" + base
}

func day(t time.Time) instant {
	return instant{Type: "Časový okamžik", Date: t.Format(time.DateOnly)}
}

// The document's JSON, with the norm's Czech keys.
type (
	board struct {
		Context  string   `json:"@context"`
		Type     string   `json:"typ"`
		IRI      string   `json:"iri"`
		Page     string   `json:"stránka"`
		Operator operator `json:"provozovatel"`
		Notices  []notice `json:"informace"`
	}
	operator struct {
		Type string `json:"typ"`
		ICO  string `json:"ičo"`
	}
	notice struct {
		Type          []string   `json:"typ"`
		IRI           string     `json:"iri"`
		URL           string     `json:"url"`
		Title         text       `json:"název"`
		Description   *text      `json:"popis,omitempty"`
		Posted        instant    `json:"vyvěšení"`
		RelevantUntil instant    `json:"relevantní_do"`
		Reference     string     `json:"číslo_jednací,omitempty"`
		Agendas       []agenda   `json:"agenda,omitempty"`
		Documents     []document `json:"dokument,omitempty"`
	}
	text struct {
		CS string `json:"cs"`
	}
	instant struct {
		Type string `json:"typ"`
		Date string `json:"datum"`
	}
	agenda struct {
		Type string `json:"typ"`
		Name text   `json:"název"`
	}
	document struct {
		Type      string `json:"typ"`
		Title     text   `json:"název"`
		URL       string `json:"url"`
		MediaType string `json:"typ_média,omitempty"`
	}
)
