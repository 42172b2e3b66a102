package auth

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Identity is a person as an identity provider vouched for them at login.
type Identity struct {
	Provider         string    `json:"provider"`
	Subject          string    `json:"subject"` // NIA's PersonIdentifier, else sub
	GivenName        string    `json:"given_name,omitempty"`
	FamilyName       string    `json:"family_name,omitempty"`
	DateOfBirth      time.Time `json:"date_of_birth,omitzero"`
	Address          string    `json:"address,omitempty"`      // residence as the provider states it
	AddressCode      int64     `json:"address_code,omitempty"` // TRadresaID: the RÚIAN address point
	Email            string    `json:"email,omitempty"`
	EmailTrusted     bool      `json:"email_trusted,omitempty"` // the provider vouches for Email
	Phone            string    `json:"phone,omitempty"`
	LevelOfAssurance string    `json:"loa,omitempty"`
}

// identityFromClaims reads an ID token's claims: NIA's names first, the standard ones where
// NIA's are missing. NIA's tokens have no sub; PersonIdentifier is the key.
func identityFromClaims(provider string, c map[string]any) (Identity, error) {
	id := Identity{
		Provider:         provider,
		Subject:          claim(c, "PersonIdentifier", "sub"),
		GivenName:        claim(c, "CurrentGivenName", "given_name"),
		FamilyName:       claim(c, "CurrentFamilyName", "family_name"),
		Address:          claim(c, "CurrentAddress", "address"),
		Email:            strings.ToLower(claim(c, "eMail", "email")),
		Phone:            claim(c, "phonenumber", "phone_number"),
		LevelOfAssurance: claim(c, "acr", "LoA"),
	}
	if id.Subject == "" {
		return Identity{}, fmt.Errorf("the ID token names no person (neither PersonIdentifier nor sub)")
	}
	if born := claim(c, "DateOfBirth", "birthdate"); born != "" {
		d, err := parseBirthDate(born)
		if err != nil {
			return Identity{}, err
		}
		id.DateOfBirth = d
	}
	if code := claim(c, "TRadresaID", "tradresaid"); code != "" {
		n, err := strconv.ParseInt(code, 10, 64)
		if err != nil || n <= 0 {
			return Identity{}, fmt.Errorf("TRadresaID is not an address point code")
		}
		id.AddressCode = n
	}
	return id, nil
}

// claim returns the first of names that c holds, as text ("" when none). Numbers are written
// as integers (TRadresaID may arrive as one); an address object gives its formatted text.
func claim(c map[string]any, names ...string) string {
	for _, n := range names {
		switch v := c[n].(type) {
		case string:
			if v = strings.TrimSpace(v); v != "" {
				return v
			}
		case float64:
			return strconv.FormatFloat(v, 'f', -1, 64)
		case map[string]any:
			if f, ok := v["formatted"].(string); ok && f != "" {
				return f
			}
		}
	}
	return ""
}

// parseBirthDate reads a date of birth as a date or a date with time, which NIA sends.
func parseBirthDate(s string) (time.Time, error) {
	for _, layout := range []string{time.DateOnly, time.RFC3339, "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
		}
	}
	return time.Time{}, fmt.Errorf("DateOfBirth is not a date")
}
