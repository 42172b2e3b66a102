package forms

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/datasets/formdefs"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/forms/engine"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// addressSearchLimit is how many addresses an address field's search offers.
const addressSearchLimit = 20

// The names of the submit buttons that keep the person on the step: an address field's
// search (its value is the field's input id), and the update of the conditional fields.
const (
	actionSearch  = "hledat-adresu"
	actionRefresh = "aktualizovat"
)

// stepView is one step of a form being filled in.
type stepView struct {
	Draft
	Index  int // of the step in the form, from 0
	Errors layout.FieldErrors
	// Found are the addresses an address field's search found, by the field's input id, with
	// what was searched.
	Found map[string]addressSearch
	// Posted are the values the step was sent with, for the searches typed into address
	// fields; nil for a step shown afresh.
	Posted url.Values
}

// addressSearch is what an address field's search found.
type addressSearch struct {
	Query   string
	Results []geo.Address
	Problem string // why the text could not be searched; "" when it was
}

// Step is the step shown.
func (v stepView) Step() formdefs.Step { return v.Form.Steps[v.Index] }

// step serves a step of a form being filled in, and takes its answers: each post saves the
// draft; a step whose answers pass its checks leads to the next one (or, for a draft whose
// every step is done, to the check of the answers); the buttons that add or remove a group's
// row, search an address or update the conditional fields show the step again.
func (h *handler) step(w http.ResponseWriter, r *http.Request) {
	d, ok := h.draft(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	n, _ := strconv.Atoi(chi.URLParam(r, "n"))
	v := stepView{Draft: d, Index: n - 1}
	switch {
	case v.Index < 0 || v.Index >= len(d.Form.Steps):
		layout.NotFound(w, r)
		return
	case v.Index > d.Done: // a step is filled in after those before it
		http.Redirect(w, r, i18n.Path(ctx, stepPath(d.Form, d.Done)), http.StatusSeeOther)
		return
	case r.Method == http.MethodGet:
		layout.Render(w, r, stepPage(v))
		return
	}
	wasComplete := d.Complete()
	next, err := h.post(w, r, &v)
	switch {
	case errors.Is(err, errTooLarge):
		http.Error(w, http.StatusText(http.StatusRequestEntityTooLarge), http.StatusRequestEntityTooLarge)
	case err != nil:
		layout.ServerError(w, r, err)
	case next:
		to := stepPath(d.Form, v.Index+1)
		if wasComplete || v.Index+1 == len(d.Form.Steps) {
			to = d.Form.Path() + "/kontrola"
		}
		http.Redirect(w, r, i18n.Path(ctx, to), http.StatusSeeOther)
	case len(v.Errors) > 0:
		layout.RenderStatus(w, r, http.StatusUnprocessableEntity, stepPage(v))
	default:
		layout.Render(w, r, stepPage(v))
	}
}

// post takes the answers of the step v shows and saves them in its draft; next reports that
// they passed the step's checks and the person goes on. Otherwise v holds what to show again:
// the problems, or what an address search found.
func (h *handler) post(w http.ResponseWriter, r *http.Request, v *stepView) (next bool, err error) {
	ctx := r.Context()
	def := v.Form.Definition
	if err := readStep(w, r, def, v.Index); errors.Is(err, errTooLarge) {
		// Nothing of the request was read: the step shows what the draft holds, and the
		// problem at its (first) file input.
		in := fileInputs(def, v.Index, func(string) string { return "1" })
		if len(in) == 0 {
			return false, err
		}
		v.Errors.Add(in[0].ID, fileProblem(ctx, in[0], "file-size", strconv.FormatInt(in[0].Field.MaxSize, 10)))
		return false, nil
	} else if err != nil {
		return false, err
	}
	v.Posted = r.PostForm
	form := engine.Form{Values: r.PostForm, Files: map[string]engine.FileRef{}}
	files, problems, err := uploads(r, fileInputs(def, v.Index, r.PostForm.Get))
	if err != nil {
		return false, err
	}
	for _, f := range files {
		ref, err := h.store.AttachFile(ctx, v.ID, f.Input.ID, f.Name, f.MediaType, f.Content)
		if err != nil {
			return false, err
		}
		form.Files[f.Input.ID] = ref
	}
	answers, edited := engine.Decode(def, v.Index, form, v.Answers)
	if err := engine.LabelAddresses(answers, h.addressLabels(r)); err != nil {
		return false, err
	}
	v.Answers = answers
	// A refused file is reported whatever the button, unless its field's condition hides it.
	problems = slices.DeleteFunc(problems, func(e layout.FieldError) bool { return !engine.Visible(def, answers, e.Field) })
	search := r.PostForm.Get(actionSearch)
	if !edited && search == "" && !r.PostForm.Has(actionRefresh) {
		for _, e := range engine.Validate(def, answers, v.Index, today()) {
			if problems.For(e.Field) == "" {
				problems.Add(e.Field, e.Message(i18n.FromContext(ctx)))
			}
		}
		next = len(problems) == 0
		if next {
			v.Done = max(v.Done, v.Index+1)
		}
	}
	v.Errors = inFormOrder(problems, def, v.Index, answers)
	if search != "" {
		v.Found = map[string]addressSearch{search: h.searchAddress(r, r.PostForm.Get(search+".q"))}
	}
	return next, h.store.SaveDraft(ctx, v.Draft)
}

// addressLabels looks up the labels of address points in the register, for
// engine.LabelAddresses; codes it does not know get none.
func (h *handler) addressLabels(r *http.Request) func(codes []int64) (map[int64]string, error) {
	return func(codes []int64) (map[int64]string, error) {
		out := map[int64]string{}
		for _, code := range codes {
			a, err := h.geo.Address(r.Context(), code)
			switch {
			case err == nil:
				out[code] = a.Label()
			case geo.ErrorCode(err) != geo.ENOTFOUND:
				return nil, err
			}
		}
		return out, nil
	}
}

// searchAddress searches the register for the text an address field's search sent.
func (h *handler) searchAddress(r *http.Request, query string) addressSearch {
	s := addressSearch{Query: query}
	found, err := h.geo.Search(r.Context(), geo.SearchParams{Text: query, Limit: addressSearchLimit})
	if s.Problem = layout.SearchMessage(r.Context(), query, err); s.Problem == "" && err == nil {
		s.Results = found
	}
	return s
}

// inFormOrder is errs in the order of the step's inputs, as the error summary lists them:
// the engine's problems are in that order, an upload's problem goes before the first problem
// of a later input.
func inFormOrder(errs layout.FieldErrors, def *formdefs.Definition, i int, a engine.Answers) layout.FieldErrors {
	order := inputOrder(def, i, a)
	slices.SortStableFunc(errs, func(x, y layout.FieldError) int {
		return slices.Index(order, x.Field) - slices.Index(order, y.Field)
	})
	return errs
}

// inputOrder are the ids of the inputs of step i, in the order the page shows them with the
// answers a (groups' rows as many as a has).
func inputOrder(def *formdefs.Definition, i int, a engine.Answers) []string {
	var out []string
	var add func(f *formdefs.Field, id string, row engine.Answers)
	add = func(f *formdefs.Field, id string, row engine.Answers) {
		out = append(out, id)
		switch f.Type {
		case formdefs.Person:
			out = append(out, id+".given", id+".family", id+".birth", id+".rc")
		case formdefs.Group:
			rows, _ := row[f.Key].([]engine.Answers)
			for n, r := range rows {
				for _, c := range f.Children {
					add(c, id+"."+strconv.Itoa(n)+"."+c.Key, r)
				}
			}
		}
	}
	for _, f := range def.Fields(i) {
		add(f, f.Key, a)
	}
	return out
}
