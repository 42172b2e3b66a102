package notices

import (
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/editorial"
	"github.com/radnice/radnice/web/layout"
)

// addAttachment attaches an uploaded file to a notice. The file's type is told by its content
// and must agree with its name; a refused file comes back as a problem of the form.
func (h *Handler) addAttachment(w http.ResponseWriter, r *http.Request) {
	e, ok := h.editable(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	up, title, errs, err := readAttachmentForm(w, r)
	if err != nil {
		http.Error(w, "malformed form", http.StatusBadRequest)
		return
	}
	if len(errs) > 0 {
		layout.RenderStatus(w, r, http.StatusUnprocessableEntity, editPage(editView{Notice: e, Form: formOf(e), AttachmentTitle: title, Errors: errs}))
		return
	}
	if _, err := h.store.AddAttachment(ctx, auth.UserFrom(ctx), e.ID, up); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	redirectDone(w, r, e.ID, doneAttachmentAdded)
}

// readAttachmentForm reads the attachment form: the upload, or the problems with it, and the
// title as typed. err is a form that could not be read at all.
func readAttachmentForm(w http.ResponseWriter, r *http.Request) (up Upload, title string, errs layout.FieldErrors, err error) {
	ctx := r.Context()
	err = editorial.ParseUpload(w, r, maxAttachmentSize+1<<20)
	if errors.Is(err, editorial.ErrTooLarge) {
		errs.Add(fieldAttachmentFile, msg.T(ctx, "upload-too-large", maxAttachmentSize>>20))
		return up, "", errs, nil
	}
	if err != nil {
		return up, "", nil, err
	}
	title = strings.TrimSpace(r.PostFormValue(fieldAttachmentTitle))
	name, content, chosen, err := editorial.UploadedFile(r, fieldAttachmentFile)
	if err != nil {
		return up, title, nil, err
	}
	if !chosen {
		errs.Add(fieldAttachmentFile, msg.T(ctx, "upload-missing"))
	} else if checked, problem := checkAttachment(name, content, title); problem != nil {
		errs.Add(fieldAttachmentFile, msg.T(ctx, problem.key, problem.args...))
	} else {
		up = checked
	}
	if utf8.RuneCountInString(title) > maxTitle {
		errs.Add(fieldAttachmentTitle, msg.T(ctx, "error-too-long", maxTitle))
	}
	return up, title, errs, nil
}

// removeAttachment removes an attachment from a notice.
func (h *Handler) removeAttachment(w http.ResponseWriter, r *http.Request) {
	e, ok := h.editable(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	if err := h.store.RemoveAttachment(ctx, auth.UserFrom(ctx), e.ID, chi.URLParam(r, "file")); err != nil {
		layout.Error(w, r, err)
		return
	}
	redirectDone(w, r, e.ID, doneAttachmentRemoved)
}

// staffAttachment serves an attachment of a notice in any state, for the preview.
func (h *Handler) staffAttachment(w http.ResponseWriter, r *http.Request) {
	e, ok := h.editable(w, r)
	if !ok {
		return
	}
	a, err := h.store.EditorAttachmentFile(r.Context(), e.ID, chi.URLParam(r, "file"))
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	serveAttachment(w, r, a)
}
