package notices

import (
	"bytes"
	"encoding/xml"
	"net/http"
	"strconv"
	"time"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
	"github.com/radnice/radnice/web/middleware"
)

// feed serves the current board as an Atom feed (RFC 4287), newest notices first: an entry
// per notice, dated the day it was posted, its attachments as enclosures.
func (h *Handler) feed(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	day := today()
	list, err := h.store.Export(ctx, day)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	base := middleware.PortalURL(r)
	f := atomFeed{
		Lang:    string(i18n.FromContext(ctx)),
		ID:      base + feedPath,
		Title:   msg.T(ctx, "feed-title", layout.TownTitle(ctx)),
		Updated: atomDate(day),
		Author:  atomPerson{Name: layout.OfficeName(ctx)},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: base + feedPath},
			{Rel: "alternate", Type: "text/html", Href: base + i18n.Path(ctx, boardPath)},
		},
	}
	if len(list) > 0 {
		f.Updated = atomDate(list[0].Posted)
	}
	for _, n := range list {
		e := atomEntry{
			Lang:       string(i18n.Czech),
			ID:         base + NoticePath(n.Slug),
			Title:      n.Title,
			Updated:    atomDate(n.Posted),
			Published:  atomDate(n.Posted),
			Author:     atomPerson{Name: n.Department},
			Categories: []atomCategory{{Term: n.Category}},
			Links:      []atomLink{{Rel: "alternate", Type: "text/html", Href: base + NoticePath(n.Slug)}},
		}
		if n.Description != "" {
			e.Summary = &atomText{Type: "text", Text: n.Description}
		}
		for _, a := range n.Attachments {
			e.Links = append(e.Links, atomLink{Rel: "enclosure", Type: a.MediaType, Href: base + attachmentPath(n.Slug, a.File), Title: a.Title, Length: strconv.FormatInt(a.Size, 10)})
		}
		f.Entries = append(f.Entries, e)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	serveDocument(w, r, "application/atom+xml; charset=utf-8", buf.Bytes())
}

// atomDate is midnight in Prague of a civil date, as Atom writes instants.
func atomDate(day time.Time) string {
	return time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, geo.Prague).Format(time.RFC3339)
}

// The feed's XML.
type (
	atomFeed struct {
		XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
		Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
		ID      string      `xml:"id"`
		Title   string      `xml:"title"`
		Updated string      `xml:"updated"`
		Author  atomPerson  `xml:"author"`
		Links   []atomLink  `xml:"link"`
		Entries []atomEntry `xml:"entry"`
	}
	atomEntry struct {
		Lang       string         `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
		ID         string         `xml:"id"`
		Title      string         `xml:"title"`
		Updated    string         `xml:"updated"`
		Published  string         `xml:"published"`
		Author     atomPerson     `xml:"author"`
		Categories []atomCategory `xml:"category"`
		Links      []atomLink     `xml:"link"`
		Summary    *atomText      `xml:"summary"`
	}
	atomPerson struct {
		Name string `xml:"name"`
	}
	atomLink struct {
		Rel    string `xml:"rel,attr"`
		Type   string `xml:"type,attr,omitempty"`
		Href   string `xml:"href,attr"`
		Title  string `xml:"title,attr,omitempty"`
		Length string `xml:"length,attr,omitempty"`
	}
	atomCategory struct {
		Term string `xml:"term,attr"`
	}
	atomText struct {
		Type string `xml:"type,attr"`
		Text string `xml:",chardata"`
	}
)
