package account

import (
	"context"
	"fmt"
	"time"

	"github.com/radnice/radnice/geo"
)

// Exporter adds what one feature keeps about an account to the download of the person's data,
// as the member Key of the JSON document (e.g. "submissions", "payments"; not one of the
// account's own: exported_at, account, contact, address, identities, roles).
type Exporter struct {
	Key    string
	Export func(ctx context.Context, account int64) (any, error)
}

// accountJSON is what the identity provider vouched for, and the account's own dates.
type accountJSON struct {
	ID               int64     `json:"id"`
	GivenName        string    `json:"given_name"`
	FamilyName       string    `json:"family_name"`
	DateOfBirth      *string   `json:"date_of_birth"`
	VerifiedAddress  string    `json:"verified_address"`
	LevelOfAssurance string    `json:"level_of_assurance"`
	TermsAcceptedAt  time.Time `json:"terms_accepted_at"`
	CreatedAt        time.Time `json:"created_at"`
	LastLoginAt      time.Time `json:"last_login_at"`
}

// contactJSON is how the office can reach the person.
type contactJSON struct {
	Email     string     `json:"email"`
	Phone     string     `json:"phone"`
	ChangedAt *time.Time `json:"changed_at"`
}

// addressJSON is "my address".
type addressJSON struct {
	Code           int64  `json:"code"`
	Label          string `json:"label,omitempty"` // "" when the register no longer has it
	FromEID        bool   `json:"from_eid"`
	EIDAddressCode *int64 `json:"eid_address_code"`
}

// export is the document of everything the portal keeps about the account a: its own data and
// the members of exporters.
func (h *Handler) export(ctx context.Context, a Account, at time.Time) (map[string]any, error) {
	identities, err := h.store.Identities(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	grants, err := h.store.Grants(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	address, err := h.addressJSON(ctx, a)
	if err != nil {
		return nil, err
	}
	doc := map[string]any{
		"exported_at": at,
		"account": accountJSON{ID: a.ID, GivenName: a.GivenName, FamilyName: a.FamilyName,
			DateOfBirth: optionalDate(a.DateOfBirth), VerifiedAddress: a.VerifiedAddress,
			LevelOfAssurance: a.LevelOfAssurance, TermsAcceptedAt: a.TermsAcceptedAt,
			CreatedAt: a.CreatedAt, LastLoginAt: a.LastLoginAt},
		"contact":    contactJSON{Email: a.Email, Phone: a.Phone, ChangedAt: optionalTime(a.ContactChangedAt)},
		"address":    address,
		"identities": identities,
		"roles":      grants,
	}
	for _, e := range h.exporters {
		if _, taken := doc[e.Key]; taken {
			return nil, fmt.Errorf("export of account %d: two parts named %q", a.ID, e.Key)
		}
		part, err := e.Export(ctx, a.ID)
		if err != nil {
			return nil, fmt.Errorf("export %s of account %d: %w", e.Key, a.ID, err)
		}
		doc[e.Key] = part
	}
	return doc, nil
}

// addressJSON is "my address" of a with its label from the register; nil when none is known.
func (h *Handler) addressJSON(ctx context.Context, a Account) (*addressJSON, error) {
	if a.AddressCode == 0 {
		return nil, nil
	}
	out := &addressJSON{Code: a.AddressCode, FromEID: a.AddressFromEID}
	if a.EIDAddressCode != 0 {
		out.EIDAddressCode = &a.EIDAddressCode
	}
	found, err := h.geo.Address(ctx, a.AddressCode)
	switch {
	case err == nil:
		out.Label = found.Label()
	case geo.ErrorCode(err) != geo.ENOTFOUND:
		return nil, err
	}
	return out, nil
}

// optionalDate is a civil date written YYYY-MM-DD, nil for the zero time.
func optionalDate(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

// optionalTime is t, nil for the zero time.
func optionalTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
