package contacts

import (
	"cmp"
	"regexp"
	"strings"

	"github.com/radnice/radnice/datasets/contentline"
)

// postalAddress is a Czech address as the content writes it: "Štefánikova 1163/12, 742 21 Kopřivnice".
var postalAddress = regexp.MustCompile(`^(.+), ([0-9]{3} ?[0-9]{2}) (.+)$`)

// VCard is p's contact as a vCard 4.0 (RFC 6350): the name with titles, the town and the
// department's line in the tree as the organisation, the function, phones, e-mail and the work
// address with the room. officeAddress is where departments without their own address are.
func VCard(p Person, town, officeAddress string) string {
	var b strings.Builder
	line := func(name string, value string) {
		contentline.Fold(&b, name+":"+value)
	}
	line("BEGIN", "VCARD")
	line("VERSION", "4.0")
	line("KIND", "individual")
	line("FN", escape(p.Name()))
	line("N", structured(p.Family, p.Given, "", p.TitleBefore, p.TitleAfter))
	org := []string{town}
	for _, d := range p.Department.Path() {
		org = append(org, d.Name)
	}
	line("ORG", structured(org...))
	line("TITLE", escape(p.Function))
	if p.Phone != "" {
		line("TEL;VALUE=uri;TYPE=work,voice", telURI(p.Phone))
	}
	if p.Mobile != "" {
		line("TEL;VALUE=uri;TYPE=work,cell", telURI(p.Mobile))
	}
	if p.Email != "" {
		line("EMAIL;TYPE=work", escape(p.Email))
	}
	if address := cmp.Or(p.Department.Address, officeAddress); address != "" {
		// ADR: post office box; extended address (the room); street; locality; region; postal code; country.
		street, postcode, locality := address, "", ""
		if m := postalAddress.FindStringSubmatch(address); m != nil {
			street, postcode, locality = m[1], m[2], m[3]
		}
		line("ADR;TYPE=work", structured("", p.Room, street, locality, "", postcode, "Česká republika"))
	}
	line("END", "VCARD")
	return b.String()
}

// escape writes a text value: backslashes, commas, semicolons and line breaks escaped.
func escape(s string) string {
	return strings.NewReplacer(`\`, `\\`, ",", `\,`, ";", `\;`, "\r\n", `\n`, "\n", `\n`).Replace(s)
}

// structured writes a value of components separated by semicolons (N, ORG, ADR).
func structured(components ...string) string {
	for i, c := range components {
		components[i] = escape(c)
	}
	return strings.Join(components, ";")
}

// telURI is a phone number written "+420 556 879 411" as a tel URI (RFC 3966).
func telURI(phone string) string { return "tel:" + strings.ReplaceAll(phone, " ", "") }
