package notices

import (
	"bytes"
	"errors"
	"net/http"

	"github.com/radnice/radnice/datasets/ofn"
	"github.com/radnice/radnice/web/layout"
	"github.com/radnice/radnice/web/middleware"
)

// openData serves the current board as open data: JSON-LD of the open formal norm "Úřední
// desky" (OFN 2021-07-20), at a lasting address, the board's categories as its agendas.
func (h *Handler) openData(w http.ResponseWriter, r *http.Request) {
	ico := layout.Town(r.Context()).ICO
	if ico == "" {
		layout.ServerError(w, r, errors.New("notice board open data: the town's IČO is not configured"))
		return
	}
	list, err := h.store.Export(r.Context(), today())
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	base := middleware.PortalURL(r)
	board := ofn.Board{IRI: base + boardPath, Page: base + boardPath, OperatorICO: ico, Notices: make([]ofn.Notice, 0, len(list))}
	for _, n := range list {
		on := ofn.Notice{
			IRI: base + NoticePath(n.Slug), URL: base + NoticePath(n.Slug),
			Title: n.Title, Description: n.Description, Reference: n.Reference,
			Posted: n.Posted, RelevantUntil: n.RelevantUntil, Agendas: []string{n.Category},
		}
		for _, a := range n.Attachments {
			on.Documents = append(on.Documents, ofn.Document{Title: a.Title, URL: base + attachmentPath(n.Slug, a.File), MediaType: a.MediaType})
		}
		board.Notices = append(board.Notices, on)
	}
	var buf bytes.Buffer
	if err := ofn.Write(&buf, board); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	serveDocument(w, r, "application/ld+json", buf.Bytes())
}
