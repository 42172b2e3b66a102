package inbox

import (
	"net/http"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// inboxView is a page of the inbox: the filter form as sent, its problems, the counts per
// status and the submissions found.
type inboxView struct {
	Query       inboxQuery
	Errors      layout.FieldErrors
	Agendas     []string // the clerk's
	Forms       []FormRef
	Counts      map[Status]int
	Rows        []Row
	Total       int
	Page, Pages int
}

// inboxPage serves the inbox filtered by the query's parameters (GET: no search text).
func (h *Handler) inboxPage(w http.ResponseWriter, r *http.Request) {
	q := readInboxQuery(r.URL.Query())
	q.Query = "" // a search text in a URL did not come from the form, which posts it
	h.renderInbox(w, r, q)
}

// inboxSearch serves the inbox for the posted filter form: with a search text the page is the
// answer to the post, so the text stays out of URLs; without one it redirects to the
// filtered inbox's link.
func (h *Handler) inboxSearch(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "unreadable form", http.StatusBadRequest)
		return
	}
	q := readInboxQuery(r.PostForm)
	if _, errs := q.filter(r.Context(), auth.UserFrom(r.Context())); q.Query == "" && len(errs) == 0 {
		http.Redirect(w, r, i18n.Path(r.Context(), q.link(q.Page)), http.StatusSeeOther)
		return
	}
	h.renderInbox(w, r, q)
}

// renderInbox draws the inbox page asked for by q; 422 when the filter has problems (it is
// then applied without the fields in error).
func (h *Handler) renderInbox(w http.ResponseWriter, r *http.Request, q inboxQuery) {
	ctx := r.Context()
	u := auth.UserFrom(ctx)
	f, errs := q.filter(ctx, u)
	v := inboxView{Query: q, Errors: errs, Agendas: clerkAgendas(u), Page: q.Page}
	var err error
	if v.Counts, err = h.store.Counts(ctx, v.Agendas); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	if v.Forms, err = h.store.Forms(ctx, v.Agendas); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	if v.Rows, v.Total, err = h.store.List(ctx, f, perPage, (q.Page-1)*perPage); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	v.Pages = max(1, (v.Total+perPage-1)/perPage)
	if q.Page > v.Pages {
		layout.NotFound(w, r)
		return
	}
	status := http.StatusOK
	if len(errs) > 0 {
		status = http.StatusUnprocessableEntity
	}
	layout.RenderStatus(w, r, status, inboxPage(v))
}
