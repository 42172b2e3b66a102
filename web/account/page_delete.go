package account

import (
	"net/http"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// deletePage serves /muj-ucet/zruseni: what deleting the account removes and what the office
// keeps, and the confirmed deletion, which logs the person out.
func (h *Handler) deletePage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var v deleteView
	if r.Method != http.MethodPost {
		layout.Render(w, r, deletePage(v))
		return
	}
	if r.PostFormValue("potvrzeni") == "" {
		v.Errors.Add("potvrzeni", msg.T(ctx, "confirm-missing"))
		layout.RenderStatus(w, r, http.StatusUnprocessableEntity, deletePage(v))
		return
	}
	if err := h.store.Delete(ctx, auth.UserFrom(ctx)); err != nil {
		layout.Error(w, r, err)
		return
	}
	if err := h.endSession(ctx); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, i18n.Path(ctx, "/muj-ucet/zruseno"), http.StatusSeeOther)
}

// deletedPage serves /muj-ucet/zruseno, which confirms that the account is gone.
func deletedPage(w http.ResponseWriter, r *http.Request) {
	layout.Render(w, r, deletedView())
}
