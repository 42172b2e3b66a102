package inbox

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// The names of the action forms' inputs.
const (
	inputVersion   = "verze"         // the submission's UpdatedAt on the page, in microseconds
	inputStatus    = "stav"          // the status to move to
	inputReference = "cislo-jednaci" // číslo jednací
	inputText      = "text"          // a reason, message or note
	inputAssignee  = "referent"      // the account to assign to; "" for no one
)

// maxTextLength bounds a reason, message or note, in characters.
const maxTextLength = 5000

// referencePattern is a číslo jednací: the office's mark (and a department's, optionally), the
// serial number and the year, separated by slashes: "MKOP/12345/2026", "MěÚK/OŽP/815/2026".
var referencePattern = regexp.MustCompile(`^\p{Lu}[\p{L}0-9.-]*(/[\p{L}0-9.-]+)*/[0-9]{1,9}/[0-9]{4}$`)

// actionForm is an action's form as sent, when it comes back with problems or a conflict.
type actionForm struct {
	Form      string // which form of the page: formID
	Reference string
	Text      string
	Errors    layout.FieldErrors
	Conflict  string // why it was not made although it was filled in well; "" for none
}

// formID names the form of an action on the detail page; its fields' ids start with it.
func formID(a Action) string {
	switch a.Kind {
	case StatusEvent:
		return statusForms[a.To]
	case MessageEvent:
		return "zprava"
	case NoteEvent:
		return "poznamka"
	}
	return "prideleni"
}

// statusForms name the forms that move a submission to each status; the confirmation after a
// move (?hotovo=…) has the same name.
var statusForms = map[Status]string{Accepted: "prijmout", InProgress: "resit", Resolved: "vyridit", Rejected: "zamitnout"}

// changeStatus moves a submission to the status the form names.
func (h *Handler) changeStatus(w http.ResponseWriter, r *http.Request) {
	to, ok := parseStatus(r.PostFormValue(inputStatus))
	if !ok || to == Submitted {
		http.Error(w, "unknown status", http.StatusBadRequest)
		return
	}
	h.act(w, r, Action{Kind: StatusEvent, To: to, Reference: strings.TrimSpace(r.PostFormValue(inputReference)),
		Body: strings.TrimSpace(r.PostFormValue(inputText))})
}

// addMessage sends the citizen a message: they see it in their account and get it by e-mail.
func (h *Handler) addMessage(w http.ResponseWriter, r *http.Request) {
	h.act(w, r, Action{Kind: MessageEvent, Body: strings.TrimSpace(r.PostFormValue(inputText))})
}

// addNote adds an internal note, which the citizen never sees.
func (h *Handler) addNote(w http.ResponseWriter, r *http.Request) {
	h.act(w, r, Action{Kind: NoteEvent, Body: strings.TrimSpace(r.PostFormValue(inputText))})
}

// assign gives a submission to a clerk of its agenda, or to no one.
func (h *Handler) assign(w http.ResponseWriter, r *http.Request) {
	a := Action{Kind: AssignmentEvent}
	if s := r.PostFormValue(inputAssignee); s != "" {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			http.Error(w, "unknown clerk", http.StatusBadRequest)
			return
		}
		a.Assignee = id
	}
	h.act(w, r, a)
}

// act makes a on the submission of the path as of the version the form carries, and sends the
// clerk back to its page; a form with problems comes back with them (422), an action from an
// outdated page or one the workflow does not allow comes back with the page as it is now (409).
func (h *Handler) act(w http.ResponseWriter, r *http.Request, a Action) {
	ctx := r.Context()
	u := auth.UserFrom(ctx)
	sub, ok := h.submission(w, r)
	if !ok {
		return
	}
	version, ok := formVersion(w, r)
	if !ok {
		return
	}
	form := actionForm{Form: formID(a), Reference: a.Reference, Text: a.Body}
	if a.Kind == StatusEvent && !sub.Status.Allows(a.To) {
		form.Conflict = conflict(ctx, sub, version, a.To)
		h.renderDetail(w, r, http.StatusConflict, sub, form)
		return
	}
	if form.Errors = validate(ctx, a, sub); len(form.Errors) > 0 {
		h.renderDetail(w, r, http.StatusUnprocessableEntity, sub, form)
		return
	}
	err := h.store.Act(ctx, u, sub.ID, version, a)
	var taken *ReferenceTakenError
	switch {
	case errors.Is(err, ErrStale):
		if sub, err = h.store.Submission(ctx, clerkAgendas(u), sub.ID); err != nil {
			layout.Error(w, r, err)
			return
		}
		form.Conflict = msg.T(ctx, "conflict-stale")
		h.renderDetail(w, r, http.StatusConflict, sub, form)
	case errors.As(err, &taken):
		form.Errors.Add(form.Form+"-cj", msg.T(ctx, "error-reference-taken", a.Reference, taken.Receipt))
		h.renderDetail(w, r, http.StatusUnprocessableEntity, sub, form)
	case errors.Is(err, ErrNotClerk):
		form.Errors.Add(form.Form+"-referent", msg.T(ctx, "error-not-clerk", sub.Agenda))
		h.renderDetail(w, r, http.StatusUnprocessableEntity, sub, form)
	case err != nil:
		layout.Error(w, r, err)
	default:
		http.Redirect(w, r, i18n.Path(ctx, submissionPath(sub.ID))+"?hotovo="+form.Form, http.StatusSeeOther)
	}
}

// submission is the submission of the path among the clerk's agendas; having answered with
// 404 when there is none, ok is false.
func (h *Handler) submission(w http.ResponseWriter, r *http.Request) (Submission, bool) {
	ctx := r.Context()
	id, ok := pathID(w, r)
	if !ok {
		return Submission{}, false
	}
	sub, err := h.store.Submission(ctx, clerkAgendas(auth.UserFrom(ctx)), id)
	if err != nil {
		layout.Error(w, r, err)
		return Submission{}, false
	}
	return sub, true
}

// formVersion is the version of the submission the posted form was made from; having answered
// with 400 when it carries none, ok is false.
func formVersion(w http.ResponseWriter, r *http.Request) (time.Time, bool) {
	micros, err := strconv.ParseInt(r.PostFormValue(inputVersion), 10, 64)
	if err != nil {
		http.Error(w, "the form carries no version of the submission", http.StatusBadRequest)
		return time.Time{}, false
	}
	return time.UnixMicro(micros), true
}

// pathID is the submission id of the path; having answered with 404 when it is none, ok is false.
func pathID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		layout.NotFound(w, r)
		return 0, false
	}
	return id, true
}

// conflict says why the move of sub to to was refused: the page was outdated, or (from a page
// made by hand) the workflow does not go there.
func conflict(ctx context.Context, sub Submission, version time.Time, to Status) string {
	if !sub.UpdatedAt.Equal(version) {
		return msg.T(ctx, "conflict-stale")
	}
	return msg.T(ctx, "conflict-not-allowed", sub.Status.Label(ctx), to.Label(ctx))
}

// validate lists the problems of a's form for sub, by the ids of its fields.
func validate(ctx context.Context, a Action, sub Submission) layout.FieldErrors {
	var errs layout.FieldErrors
	id := formID(a)
	if a.Kind == StatusEvent && sub.ReferenceNumber == "" {
		switch {
		case a.Reference == "":
			errs.Add(id+"-cj", msg.T(ctx, "error-reference-missing"))
		case !referencePattern.MatchString(a.Reference) || utf8.RuneCountInString(a.Reference) > 50:
			errs.Add(id+"-cj", msg.T(ctx, "error-reference-invalid"))
		}
	}
	switch {
	case a.Body == "" && (a.Kind == MessageEvent || a.Kind == NoteEvent || a.To == Rejected):
		errs.Add(id+"-text", msg.T(ctx, "error-text-missing-"+id))
	case utf8.RuneCountInString(a.Body) > maxTextLength:
		errs.Add(id+"-text", msg.T(ctx, "error-text-too-long", maxTextLength))
	}
	return errs
}
