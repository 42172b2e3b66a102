package catchments

import (
	"errors"
	"net/http"

	"github.com/jackc/pgx/v5"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/audit"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// publish imports a draft as its layer's version from its date and removes the draft, with its
// audit entry, in one transaction; lookups of earlier days keep the old areas, and the servers'
// lookup caches empty themselves on the database's notification.
func (h *Handler) publish(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, ok := draftID(r)
	if !ok {
		layout.NotFound(w, r)
		return
	}
	u := auth.UserFrom(ctx)
	err := pgx.BeginFunc(ctx, h.pool, func(tx pgx.Tx) error {
		d, res, err := geo.PublishCatchmentDraft(ctx, tx, id, today())
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, u.Audit("catchment_draft.publish", draftObject(d), d, res))
	})
	switch {
	case errors.Is(err, geo.ErrCatchmentDateReached):
		h.renderDraft(w, r, http.StatusConflict, id)
	case err != nil:
		layout.Error(w, r, err)
	default:
		http.Redirect(w, r, i18n.Path(ctx, OverviewPath)+"?hotovo=zverejneno", http.StatusSeeOther)
	}
}
