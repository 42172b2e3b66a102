package situations

import (
	"net/http"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/layout"
)

// situation serves a situation's page, its texts rendered from Markdown, with the contacts of
// the agenda that handles it.
func (h *handler) situation(w http.ResponseWriter, r *http.Request) {
	h.show(w, r, h.store, "")
}

// show serves the page of the situation the path names, as store reads it; preview, when set,
// is the editing screen that a banner on top leads back to.
func (h *handler) show(w http.ResponseWriter, r *http.Request, store *Store, preview string) {
	s, err := store.Situation(r.Context(), chi.URLParam(r, "slug"))
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	v := situationView{Situation: s, Preview: preview, served: func(path string) bool { return served(r, path) }}
	switch agenda, err := h.contacts.Agenda(r.Context(), s.Agenda); {
	case err == nil:
		v.Contacts = &agenda
	case geo.ErrorCode(err) != geo.ENOTFOUND: // an unknown agenda leaves the general contacts
		layout.ServerError(w, r, err)
		return
	}
	for _, t := range []struct {
		src string
		out *templ.Component
	}{
		{s.About, &v.Text.About}, {s.Audience, &v.Text.Audience}, {s.Preparation, &v.Text.Preparation}, {s.Fees, &v.Text.Fees},
		{s.Deadlines, &v.Text.Deadlines}, {s.Online, &v.Text.Online}, {s.Handling, &v.Text.Handling},
	} {
		if *t.out, err = markdown(t.src); err != nil {
			layout.ServerError(w, r, err)
			return
		}
	}
	layout.Render(w, r, situationPage(v))
}

// served reports whether the portal has a page at the Czech path, so that a situation links to
// forms and video guides only once their feature serves them.
func served(r *http.Request, path string) bool {
	routes := chi.RouteContext(r.Context()).Routes
	return routes != nil && routes.Match(chi.NewRouteContext(), http.MethodGet, path)
}
