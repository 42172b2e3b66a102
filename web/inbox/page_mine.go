package inbox

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/forms/engine"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// mineView is a citizen's page of their submission: its status history, the messages both
// ways, the reply form and their answers.
type mineView struct {
	Submission Submission
	Answers    []engine.Row
	Events     []Event // the public ones
	Text       string  // the reply as sent, when it came back
	Errors     layout.FieldErrors
	Done       bool // a reply was just sent
}

// minePage shows the logged-in person their submission with the receipt number of the path.
func (h *Handler) minePage(w http.ResponseWriter, r *http.Request) {
	h.renderMine(w, r, http.StatusOK, mineView{Done: r.URL.Query().Get("hotovo") == "odpoved"})
}

// reply sends the office the person's message about their submission. The message stays in
// the submission's history, where the clerks see it marked as new until they next act on it.
func (h *Handler) reply(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v := mineView{Text: strings.TrimSpace(r.PostFormValue(inputText))}
	switch n := utf8.RuneCountInString(v.Text); {
	case n == 0:
		v.Errors.Add("odpoved", msg.T(ctx, "error-reply-missing"))
	case n > maxTextLength:
		v.Errors.Add("odpoved", msg.T(ctx, "error-text-too-long", maxTextLength))
	}
	version, ok := formVersion(w, r)
	if !ok {
		return
	}
	if len(v.Errors) > 0 {
		h.renderMine(w, r, http.StatusUnprocessableEntity, v)
		return
	}
	receipt := chi.URLParam(r, "receipt")
	if err := h.store.Reply(ctx, auth.UserFrom(ctx), receipt, version, v.Text); err != nil {
		layout.Error(w, r, err)
		return
	}
	http.Redirect(w, r, i18n.Path(ctx, MinePath(receipt))+"?hotovo=odpoved#prubeh", http.StatusSeeOther)
}

// renderMine draws the person's submission of the path into v; 404 unless they filed it.
func (h *Handler) renderMine(w http.ResponseWriter, r *http.Request, status int, v mineView) {
	ctx := r.Context()
	var err error
	if v.Submission, err = h.store.Mine(ctx, auth.UserFrom(ctx).ID, chi.URLParam(r, "receipt")); err != nil {
		layout.Error(w, r, err)
		return
	}
	if v.Answers, err = h.summary(ctx, v.Submission); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	if v.Events, err = h.store.Events(ctx, v.Submission.ID, true); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	layout.RenderStatus(w, r, status, minePage(v))
}
