package demotown

import (
	"slices"
	"testing"
	"time"
)

func TestIdentityPeopleAreOneOfEachKindWithUniqueLoginsAndIdentifiers(t *testing.T) {
	people := IdentityPeople()
	var roles []string
	logins, ids := map[string]bool{}, map[string]bool{}
	for _, p := range people {
		c := p.Claims
		if p.Login == "" || p.Password == "" || logins[p.Login] {
			t.Errorf("%q: want a unique login and a password", p.Login)
		}
		if c.PersonIdentifier == "" || ids[c.PersonIdentifier] {
			t.Errorf("%s: want a unique PersonIdentifier, got %q", p.Login, c.PersonIdentifier)
		}
		logins[p.Login], ids[c.PersonIdentifier] = true, true
		if !slices.Contains([]string{"http://eidas.europa.eu/LoA/substantial", "http://eidas.europa.eu/LoA/high"}, p.LoA) {
			t.Errorf("%s: level of assurance %q is not eIDAS substantial or high", p.Login, p.LoA)
		}
		if (p.Role == "clerk") != (p.Agenda != "") {
			t.Errorf("%s: role %q with agenda %q: clerks, and only they, have an agenda", p.Login, p.Role, p.Agenda)
		}
		if _, err := time.Parse(time.DateOnly, c.DateOfBirth); err != nil || c.CurrentGivenName == "" || c.CurrentFamilyName == "" || c.EMail == "" || c.PhoneNumber == "" {
			t.Errorf("%s: want a name, a date of birth (YYYY-MM-DD), an e-mail and a phone: %+v", p.Login, c)
		}
		roles = append(roles, p.Role)
	}
	if want := []string{"citizen", "citizen", "clerk", "editor", "school_office", "admin"}; !slices.Equal(roles, want) {
		t.Errorf("roles %v, want %v", roles, want)
	}
}

func TestIdentityAddressesArePointsOfTheDemoRegisterWithTheirLabels(t *testing.T) {
	labels := map[string]string{}
	for _, r := range townRows(t) {
		labels[r[colADM]] = label(r)
	}
	for _, p := range IdentityPeople() {
		code, address := p.Claims.TRadresaID, p.Claims.CurrentAddress
		if (code == "") != (address == "") {
			t.Errorf("%s: TRadresaID %q and CurrentAddress %q come together or not at all", p.Login, code, address)
		}
		if code != "" && labels[code] != address {
			t.Errorf("%s: TRadresaID %s is %q in the demo register, CurrentAddress says %q", p.Login, code, labels[code], address)
		}
		if (p.Role == "citizen") != (p.AddressCode() != 0) {
			t.Errorf("%s (%s): address point %d; the citizens live in town, the staff's residence is not stated", p.Login, p.Role, p.AddressCode())
		}
	}
}
