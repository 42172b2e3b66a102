package account

import (
	"encoding/json"
	"net/http"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/layout"
)

// download serves /muj-ucet/data: everything the portal keeps about the person, as a JSON
// file to save.
func (h *Handler) download(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, err := h.store.Account(ctx, auth.UserFrom(ctx).ID)
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	at := now()
	doc, err := h.export(ctx, a, at)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	body, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="moje-data-`+at.Format("2006-01-02")+`.json"`)
	w.Write(append(body, '\n'))
}
