package forms

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/contacts"
	"github.com/radnice/radnice/web/forms/engine"
	"github.com/radnice/radnice/web/layout"
)

// receiptView is a submission as its filer sees it after filing: the receipt page and the
// printable confirmation.
type receiptView struct {
	Submission
	Agenda   *contacts.Agenda // who handles it; nil when the contacts do not know the agenda
	Rows     []engine.Row     // the answers, for the confirmation
	LoggedIn bool
}

// receipt serves the page that confirms a submission to whoever filed it.
func (h *handler) receipt(w http.ResponseWriter, r *http.Request) {
	if v, ok := h.filed(w, r); ok {
		layout.Render(w, r, receiptPage(v))
	}
}

// confirmation serves the confirmation of a submission to print or (?stahnout=1) to save:
// what was filed, when, with the receipt number and every answer.
func (h *handler) confirmation(w http.ResponseWriter, r *http.Request) {
	v, ok := h.filed(w, r)
	if !ok {
		return
	}
	if r.URL.Query().Get("stahnout") != "" {
		w.Header().Set("Content-Disposition", `attachment; filename="potvrzeni-`+v.Receipt+`.html"`)
	}
	layout.Render(w, r, confirmationPage(v))
}

// filed is the submission whose receipt the path names, for the person who filed it: others
// are told there is no such page, and an anonymous visitor is first asked to log in.
func (h *handler) filed(w http.ResponseWriter, r *http.Request) (receiptView, bool) {
	ctx := r.Context()
	s, err := h.store.SubmissionByReceipt(ctx, chi.URLParam(r, "receipt"))
	if err != nil {
		layout.Error(w, r, err)
		return receiptView{}, false
	}
	w.Header().Set("Cache-Control", "no-store")
	v := receiptView{Submission: s, LoggedIn: auth.UserFrom(ctx) != nil}
	switch {
	case h.mayView(r, s):
	case !v.LoggedIn && s.Account != 0:
		sendToLogIn(w, r, s.Path())
		return receiptView{}, false
	default:
		layout.NotFound(w, r)
		return receiptView{}, false
	}
	switch agenda, err := h.contacts.Agenda(ctx, s.Agenda); {
	case err == nil:
		v.Agenda = &agenda
	case geo.ErrorCode(err) != geo.ENOTFOUND:
		layout.ServerError(w, r, err)
		return receiptView{}, false
	}
	v.Rows = engine.Summary(s.Form.Definition, s.Answers)
	return v, true
}
