package demotown

import (
	_ "embed"
	"encoding/json"
	"strconv"
)

// identityPeopleJSON is the demo people of the development identity provider (.ci/idp).
//
//go:embed idp/people.json
var identityPeopleJSON []byte

// IdentityPerson is a demo account of the development identity provider (.ci/idp): how to log in
// and what the provider then says about the person.
type IdentityPerson struct {
	Login    string `json:"login"`
	Password string `json:"password"`
	// Role is the portal role the demo gives the account (citizen, clerk, editor,
	// school_office, admin); Agenda is the clerk's agenda. The provider does not send them.
	Role   string         `json:"role"`
	Agenda string         `json:"agenda"`
	LoA    string         `json:"loa"` // eIDAS level of assurance, the ID token's acr
	Claims IdentityClaims `json:"claims"`
}

// IdentityClaims are the NIA attributes the provider puts in the ID token when asked for them;
// empty when the person has none.
type IdentityClaims struct {
	PersonIdentifier  string `json:"PersonIdentifier"` // also the ID token's sub
	CurrentGivenName  string `json:"CurrentGivenName"`
	CurrentFamilyName string `json:"CurrentFamilyName"`
	DateOfBirth       string `json:"DateOfBirth"` // YYYY-MM-DD
	CurrentAddress    string `json:"CurrentAddress"`
	TRadresaID        string `json:"TRadresaID"` // RÚIAN address point code, in decimal
	EMail             string `json:"eMail"`
	PhoneNumber       string `json:"phonenumber"`
}

// AddressCode is the person's RÚIAN address point, 0 when the provider states none.
func (p IdentityPerson) AddressCode() int64 {
	code, _ := strconv.ParseInt(p.Claims.TRadresaID, 10, 64)
	return code
}

// IdentityPeople are the demo accounts of the development identity provider, in the order of
// datasets/demotown/idp/people.json.
func IdentityPeople() []IdentityPerson {
	var file struct {
		People []IdentityPerson `json:"people"`
	}
	if err := json.Unmarshal(identityPeopleJSON, &file); err != nil {
		panic(err) // embedded, and checked by its test
	}
	return file.People
}
