package account

import (
	"context"
	"net/http"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/layout"
)

// overviewPage serves /muj-ucet: the person's details, the answers for "my address" today,
// and the sections the other features fill.
func (h *Handler) overviewPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := auth.UserFrom(ctx)
	a, err := h.store.Account(ctx, u.ID)
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	v := overviewView{Account: a}
	if a.AddressCode != 0 {
		l, err := h.geo.Lookup(ctx, a.AddressCode, geo.PragueDate(now()))
		switch {
		case err == nil:
			v.Lookup = &l
		case geo.ErrorCode(err) == geo.ENOTFOUND:
			v.AddressGone = true
		default:
			layout.ServerError(w, r, err)
			return
		}
	}
	if v.Sections, err = h.sections(ctx, u); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	layout.Render(w, r, overviewPage(v))
}

// sections are "Moje podání" and "Platby a poplatky" with what the features list for u.
func (h *Handler) sections(ctx context.Context, u *auth.User) ([]section, error) {
	submissions, err := items(ctx, u, h.submissions)
	if err != nil {
		return nil, err
	}
	payments, err := items(ctx, u, h.payments)
	if err != nil {
		return nil, err
	}
	return []section{
		{ID: "moje-podani", Key: "submissions", Items: submissions},
		{ID: "platby", Key: "payments", Items: payments},
	}, nil
}
