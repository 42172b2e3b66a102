package inbox

import (
	"bytes"
	"mime"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/layout"
)

// file downloads a file attached to a submission of the clerk's agendas. It is always saved,
// never shown in the portal's origin: a citizen's upload is not trusted to render there. Its
// type is the one sniffed from its content when it was uploaded.
func (h *Handler) file(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	f, content, err := h.store.FileContent(ctx, clerkAgendas(auth.UserFrom(ctx)), id, chi.URLParam(r, "file"))
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", f.MediaType)
	hd.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Name}))
	hd.Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(content))
}
