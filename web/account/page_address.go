package account

import (
	"net/http"
	"strconv"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// searchLimit is how many addresses the search offers to choose from.
const searchLimit = 20

// addressPage serves /muj-ucet/adresa. Everything posts, so that no address of the person
// appears in a URL: the search (q), the choice among what it found (adresa, with the search
// as hledano, to show the list again), and the return to the eID's address (eid).
func (h *Handler) addressPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := auth.UserFrom(ctx)
	if r.Method == http.MethodPost {
		done, err := h.changeAddress(r, u.ID)
		if err != nil {
			layout.Error(w, r, err)
			return
		}
		if done {
			http.Redirect(w, r, i18n.Path(ctx, "/muj-ucet")+"#moje-adresa", http.StatusSeeOther)
			return
		}
	}
	a, err := h.store.Account(ctx, u.ID)
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	v, err := h.addressView(r, a)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	layout.RenderSearchPage(w, r, v.problem(), addressPage(v))
}

// changeAddress carries out a post that changes "my address": the return to the eID's
// address, or the choice of an address found. done is false for a search, and for a choice
// that is no address of the register (the page then asks again).
func (h *Handler) changeAddress(r *http.Request, account int64) (done bool, err error) {
	switch {
	case r.PostFormValue("eid") != "":
		return true, h.store.ReturnToEIDAddress(r.Context(), account)
	case r.PostFormValue("adresa") != "":
		code, err := strconv.ParseInt(r.PostFormValue("adresa"), 10, 32)
		if err != nil || code <= 0 {
			return false, nil
		}
		if _, err := h.geo.Address(r.Context(), code); err != nil {
			if geo.ErrorCode(err) == geo.ENOTFOUND {
				return false, nil
			}
			return false, err
		}
		return true, h.store.ChooseAddress(r.Context(), account, code)
	}
	return false, nil
}

// addressView is what the page shows for a: the current and the eID's address, and for a
// post, the search with what it found, or the problem of the choice.
func (h *Handler) addressView(r *http.Request, a Account) (addressView, error) {
	ctx := r.Context()
	v := addressView{FromEID: a.AddressFromEID}
	var err error
	if v.Current, err = h.registered(r, a.AddressCode); err != nil {
		return v, err
	}
	if a.CanReturnToEIDAddress() {
		if v.EIDAddress, err = h.registered(r, a.EIDAddressCode); err != nil {
			return v, err
		}
	}
	if r.Method != http.MethodPost {
		return v, nil
	}
	v.Query = r.PostFormValue("q")
	if r.PostForm.Has("hledano") {
		v.Query = r.PostFormValue("hledano")
		v.Errors.Add("adresa", msg.T(ctx, "pick-missing"))
	}
	v.Searched = true
	v.Found, err = h.geo.Search(ctx, geo.SearchParams{Text: v.Query, Limit: searchLimit})
	if v.SearchError = layout.SearchMessage(ctx, v.Query, err); v.SearchError != "" {
		v.Errors = nil
		return v, nil
	}
	return v, err
}

// registered is the address point code of the register, nil for 0 or one it no longer has.
func (h *Handler) registered(r *http.Request, code int64) (*geo.Address, error) {
	if code == 0 {
		return nil, nil
	}
	a, err := h.geo.Address(r.Context(), code)
	switch {
	case err == nil:
		return &a, nil
	case geo.ErrorCode(err) == geo.ENOTFOUND:
		return nil, nil
	}
	return nil, err
}
