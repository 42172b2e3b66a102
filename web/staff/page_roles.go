package staff

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/datasets/czid"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// grantForm is the administrator's form that grants a role.
type grantForm struct {
	Email, Role, Agenda string
	Errors              layout.FieldErrors
}

// rolesPage lists who holds which role, with the form to grant one.
func (h *Handler) rolesPage(w http.ResponseWriter, r *http.Request) {
	h.renderRoles(w, r, http.StatusOK, grantForm{Role: string(auth.RoleEditor)})
}

// renderRoles draws the roles screen with form.
func (h *Handler) renderRoles(w http.ResponseWriter, r *http.Request, status int, form grantForm) {
	grants, err := h.accounts.StaffGrants(r.Context())
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	layout.RenderStatus(w, r, status, rolesView(grants, form))
}

// grantRole grants the role the form names, or shows the form again with what is wrong.
func (h *Handler) grantRole(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	form := grantForm{Email: r.PostFormValue("email"), Role: r.PostFormValue("role"), Agenda: strings.TrimSpace(r.PostFormValue("agenda"))}
	email, ok := czid.CheckEmail(form.Email)
	if !ok || email == "" {
		form.Errors.Add("email", msg.T(ctx, "email-invalid"))
	}
	g := auth.Grant{Role: auth.Role(form.Role)}
	if g.Role == auth.RoleClerk {
		g.Agenda = form.Agenda
	}
	if err := g.Validate(); err != nil {
		if g.Role == auth.RoleClerk {
			form.Errors.Add("agenda", msg.T(ctx, "agenda-invalid"))
		} else {
			form.Errors.Add("role", msg.T(ctx, "role-invalid"))
		}
	}
	if len(form.Errors) > 0 {
		h.renderRoles(w, r, http.StatusUnprocessableEntity, form)
		return
	}
	if err := h.accounts.GrantRole(ctx, auth.UserFrom(ctx).Actor(), email, g); err != nil {
		layout.Error(w, r, err)
		return
	}
	http.Redirect(w, r, i18n.Path(ctx, rolesPath), http.StatusSeeOther)
}

// revokeRole takes a grant away.
func (h *Handler) revokeRole(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		layout.NotFound(w, r)
		return
	}
	if err := h.accounts.RevokeRole(ctx, auth.UserFrom(ctx).Actor(), id); err != nil {
		layout.Error(w, r, err)
		return
	}
	http.Redirect(w, r, i18n.Path(ctx, rolesPath), http.StatusSeeOther)
}
