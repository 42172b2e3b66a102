package contacts

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/layout"
)

// agendaPage serves /kontakty/agenda/{code}: what an agenda is, who handles it and where to book.
func (h *Handler) agendaPage(w http.ResponseWriter, r *http.Request) {
	a, err := h.store.Agenda(r.Context(), chi.URLParam(r, "code"))
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	layout.Render(w, r, agendaPage(a))
}
