package contacts

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/layout"
)

// personPage serves /kontakty/osoba/{id}: a person's contacts, hours and agendas.
func (h *Handler) personPage(w http.ResponseWriter, r *http.Request) {
	p, ok := h.personFrom(w, r, h.store)
	if ok {
		layout.Render(w, r, personPage(personView{PersonDetail: p, Office: h.cfg.Address}))
	}
}

// personFrom reads the person the path names from store; when it cannot, it answers the
// request itself.
func (h *Handler) personFrom(w http.ResponseWriter, r *http.Request, store *Store) (PersonDetail, bool) {
	id, err := strconv.Atoi(chi.URLParam(r, "id"))
	if err != nil { // the route admits only digits: too many of them
		layout.NotFound(w, r)
		return PersonDetail{}, false
	}
	p, err := store.Person(r.Context(), id)
	if err != nil {
		layout.Error(w, r, err)
		return PersonDetail{}, false
	}
	return p, true
}
