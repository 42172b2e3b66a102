// Package auth logs people in through OpenID Connect (Czech eID, NIA, for citizens; the town's
// own provider for staff), keeps their sessions in PostgreSQL, and knows their roles.
package auth

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/radnice/radnice/web/audit"
)

// Role is what an account may do in the portal.
type Role string

// The roles. Every logged-in account is a citizen; staff roles are granted by an administrator.
const (
	RoleCitizen      Role = "citizen"
	RoleClerk        Role = "clerk" // per agenda, e.g. "poplatky"
	RoleEditor       Role = "editor"
	RoleSchoolOffice Role = "school_office"
	RoleAdmin        Role = "admin"
)

// StaffRoles are the roles an administrator grants, in the order screens list them.
var StaffRoles = []Role{RoleClerk, RoleEditor, RoleSchoolOffice, RoleAdmin}

// Grant is one staff role held by an account; Agenda is set for clerks only.
type Grant struct {
	Role   Role   `json:"role"`
	Agenda string `json:"agenda,omitempty"`
}

// User is the logged-in account as a request sees it.
type User struct {
	ID               int64
	GivenName        string
	FamilyName       string
	DateOfBirth      time.Time // zero when the provider did not state it
	VerifiedAddress  string    // the residence as the identity provider states it
	LevelOfAssurance string
	Email            string
	Phone            string
	AddressCode      int64 // RÚIAN address point of "my address"; 0 when none is known
	AddressFromEID   bool
	Grants           []Grant
	CreatedAt        time.Time
}

// Name is the person's full name, or their e-mail when the provider gave no name.
func (u *User) Name() string {
	if name := strings.TrimSpace(u.GivenName + " " + u.FamilyName); name != "" {
		return name
	}
	return u.Email
}

// Has reports whether u holds role (for clerks: for any agenda).
func (u *User) Has(role Role) bool {
	if role == RoleCitizen {
		return true
	}
	return slices.ContainsFunc(u.Grants, func(g Grant) bool { return g.Role == role })
}

// ClerkFor reports whether u handles agenda as a clerk.
func (u *User) ClerkFor(agenda string) bool {
	return slices.Contains(u.Grants, Grant{Role: RoleClerk, Agenda: agenda})
}

// IsStaff reports whether u holds any staff role.
func (u *User) IsStaff() bool { return len(u.Grants) > 0 }

// Audit describes an action of u for the audit log.
func (u *User) Audit(action, object string, before, after any) audit.Entry {
	return audit.Entry{ActorID: u.ID, ActorName: u.Name(), Action: action, Object: object, Before: before, After: after}
}

type userKey struct{}

// WithUser returns ctx carrying u as the logged-in user.
func WithUser(ctx context.Context, u *User) context.Context {
	return context.WithValue(ctx, userKey{}, u)
}

// UserFrom returns the logged-in user of ctx, nil for an anonymous request.
func UserFrom(ctx context.Context) *User {
	u, _ := ctx.Value(userKey{}).(*User)
	return u
}
