package catchments

import (
	"net/http"

	"github.com/jackc/pgx/v5"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/audit"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// discard removes a draft, with its audit entry, in one transaction.
func (h *Handler) discard(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, ok := draftID(r)
	if !ok {
		layout.NotFound(w, r)
		return
	}
	u := auth.UserFrom(ctx)
	err := pgx.BeginFunc(ctx, h.pool, func(tx pgx.Tx) error {
		d, err := geo.DiscardCatchmentDraft(ctx, tx, id)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, u.Audit("catchment_draft.discard", draftObject(d), d, nil))
	})
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	http.Redirect(w, r, i18n.Path(ctx, OverviewPath)+"?hotovo=zahozeno", http.StatusSeeOther)
}
