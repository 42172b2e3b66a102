package account

import (
	"net/http"

	"github.com/radnice/radnice/datasets/czid"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// contactPage serves /muj-ucet/udaje: the form for the contact e-mail and phone, and its
// submission. Valid details are stored written as the registration writes them; otherwise
// the form comes back with the problems next to the fields.
func (h *Handler) contactPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := auth.UserFrom(ctx)
	a, err := h.store.Account(ctx, u.ID)
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	v := contactView{Account: a, Email: a.Email, Phone: a.Phone}
	if r.Method != http.MethodPost {
		layout.Render(w, r, contactPage(v))
		return
	}
	v.Email, v.Phone = r.PostFormValue("email"), r.PostFormValue("telefon")
	var c Contact
	var ok bool
	if c.Email, ok = czid.CheckEmail(v.Email); !ok {
		v.Errors.Add("email", msg.T(ctx, "email-invalid"))
	}
	if c.Phone, ok = czid.CheckPhone(v.Phone); !ok {
		v.Errors.Add("telefon", msg.T(ctx, "phone-invalid"))
	}
	if len(v.Errors) > 0 {
		layout.RenderStatus(w, r, http.StatusUnprocessableEntity, contactPage(v))
		return
	}
	if err := h.store.UpdateContact(ctx, u.ID, c); err != nil {
		layout.Error(w, r, err)
		return
	}
	http.Redirect(w, r, i18n.Path(ctx, "/muj-ucet")+"#moje-udaje", http.StatusSeeOther)
}
