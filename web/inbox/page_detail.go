package inbox

import (
	"context"
	"fmt"
	"net/http"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/forms"
	"github.com/radnice/radnice/web/forms/engine"
	"github.com/radnice/radnice/web/layout"
)

// detailView is a submission's page for the clerks.
type detailView struct {
	Submission Submission
	Answers    []engine.Row
	Files      []File
	Events     []Event
	Clerks     []Clerk // of its agenda, to assign it to
	Me         int64
	Form       actionForm // the action sent, when it came back
	Done       string     // the form whose action was made: formID
}

// detailPage shows a submission of the clerk's agendas with its answers, attachments,
// history and the actions its status allows.
func (h *Handler) detailPage(w http.ResponseWriter, r *http.Request) {
	sub, ok := h.submission(w, r)
	if !ok {
		return
	}
	h.renderDetail(w, r, http.StatusOK, sub, actionForm{})
}

// renderDetail draws the page of sub with the action form f as it was sent.
func (h *Handler) renderDetail(w http.ResponseWriter, r *http.Request, status int, sub Submission, f actionForm) {
	ctx := r.Context()
	v := detailView{Submission: sub, Me: auth.UserFrom(ctx).ID, Form: f, Done: r.URL.Query().Get("hotovo")}
	var err error
	if v.Answers, err = h.summary(ctx, sub); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	if v.Files, err = h.store.Files(ctx, sub.ID); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	if v.Events, err = h.store.Events(ctx, sub.ID, false); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	if v.Clerks, err = h.store.Clerks(ctx, sub.Agenda); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	layout.RenderStatus(w, r, status, detailPage(v))
}

// summary is what sub answers, written out by the version of the form it was made with.
func (h *Handler) summary(ctx context.Context, sub Submission) ([]engine.Row, error) {
	f, err := h.forms.Version(ctx, sub.FormVersionID)
	if err != nil {
		return nil, err
	}
	return summaryOf(f, sub)
}

// summaryOf is what sub, made with the form version f, answers, written out.
func summaryOf(f forms.Form, sub Submission) ([]engine.Row, error) {
	a, err := engine.UnmarshalAnswers(f.Definition, sub.Answers)
	if err != nil {
		return nil, fmt.Errorf("submission %d: %w", sub.ID, err)
	}
	return engine.Summary(f.Definition, a), nil
}
