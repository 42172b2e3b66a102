package contacts

import (
	"net/http"

	"github.com/radnice/radnice/web/layout"
)

// bookingPage serves /objednani: the agendas that take bookings, each with its booking link,
// and the office hours for everything else.
func (h *Handler) bookingPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	org, err := h.store.Organisation(ctx)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	agendas, err := h.store.agendas(ctx, org, "a.booking_url <> ''")
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	hours, err := h.store.OfficeHours(ctx)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	layout.Render(w, r, bookingPage(bookingView{Agendas: agendas, Hours: hours, Status: hours.StatusAt(now())}))
}
