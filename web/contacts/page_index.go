package contacts

import (
	"net/http"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/layout"
)

// specialDaysShown is how many days ahead the front page lists changes to the office hours.
const specialDaysShown = 31

// indexPage serves /kontakty: the search form, the office hours with the "open now" line and
// the coming changes, the tree of departments and what the office handles.
func (h *Handler) indexPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	hours, err := h.store.OfficeHours(ctx)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	org, err := h.store.Organisation(ctx)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	agendas, err := h.store.agendas(ctx, org, "true")
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	at := now()
	layout.Render(w, r, indexPage(indexView{
		Hours:   hours,
		Status:  hours.StatusAt(at),
		Special: hours.SpecialDays(geo.PragueDate(at), specialDaysShown),
		Org:     org,
		Agendas: agendas,
	}))
}
