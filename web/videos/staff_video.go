package videos

import (
	"errors"
	"net/http"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/editorial"
	"github.com/radnice/radnice/web/layout"
)

// uploadVideo makes an uploaded file the guide's video. Its type is told by its content and
// must be WebM or MP4, agreeing with its name; a refused file comes back as a problem of the form.
func (h *handler) uploadVideo(w http.ResponseWriter, r *http.Request) {
	e, ok := h.editable(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	contentType, content, errs, err := readVideoForm(w, r)
	if err != nil {
		http.Error(w, "malformed form", http.StatusBadRequest)
		return
	}
	if len(errs) > 0 {
		h.showProblems(w, r, e, http.StatusUnprocessableEntity, errs)
		return
	}
	if err := h.store.ReplaceVideo(ctx, auth.UserFrom(ctx), e.Slug, contentType, content); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	redirectDone(w, r, e.Slug, doneVideo)
}

// readVideoForm reads the video form: the file's type and content, or the problems with it.
// err is a form that could not be read at all.
func readVideoForm(w http.ResponseWriter, r *http.Request) (contentType string, content []byte, errs layout.FieldErrors, err error) {
	ctx := r.Context()
	err = editorial.ParseUpload(w, r, maxVideoSize+1<<20)
	if errors.Is(err, editorial.ErrTooLarge) {
		errs.Add(fieldVideo, msg.T(ctx, "video-too-large", maxVideoSize>>20))
		return "", nil, errs, nil
	}
	if err != nil {
		return "", nil, nil, err
	}
	name, content, chosen, err := editorial.UploadedFile(r, fieldVideo)
	if err != nil {
		return "", nil, nil, err
	}
	if !chosen {
		errs.Add(fieldVideo, msg.T(ctx, "video-missing"))
		return "", nil, errs, nil
	}
	contentType, problem, args := checkVideo(name, content)
	if problem != "" {
		errs.Add(fieldVideo, msg.T(ctx, problem, args...))
	}
	return contentType, content, errs, nil
}
