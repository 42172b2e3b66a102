package contacts_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/contacts"
)

// property is one content line of a vCard, read back.
type property struct {
	name       string
	params     []string
	components []string // the value split at unescaped semicolons, unescaped
}

type vcard []property

// value is the property's value with its components joined by semicolons, "" when absent.
func (c vcard) value(name string) string {
	for _, p := range c {
		if p.name == name {
			return strings.Join(p.components, ";")
		}
	}
	return ""
}

func (c vcard) property(name string) property {
	for _, p := range c {
		if p.name == name {
			return p
		}
	}
	return property{}
}

// parseVCard reads a vCard as RFC 6350 writes it, failing t on lines that break its rules:
// CRLF line ends, lines of at most 75 octets, continuation lines starting with a space.
func parseVCard(t *testing.T, text string) vcard {
	t.Helper()
	if !strings.HasSuffix(text, "\r\n") || strings.Contains(strings.ReplaceAll(text, "\r\n", ""), "\n") {
		t.Fatalf("lines must end with CRLF: %q", text)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("a line of %d octets: %q", len(l), l)
		}
		if strings.HasPrefix(l, " ") {
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	var card vcard
	for _, l := range lines {
		head, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("not a content line: %q", l)
		}
		params := strings.Split(head, ";")
		p := property{name: params[0], params: params[1:]}
		var component strings.Builder
		for i := 0; i < len(value); i++ {
			switch c := value[i]; {
			case c == '\\' && i+1 < len(value):
				i++
				if value[i] == 'n' {
					component.WriteByte('\n')
				} else {
					component.WriteByte(value[i])
				}
			case c == ';':
				p.components = append(p.components, component.String())
				component.Reset()
			default:
				component.WriteByte(c)
			}
		}
		p.components = append(p.components, component.String())
		card = append(card, p)
	}
	if len(card) < 3 || card.value("BEGIN") != "VCARD" || card[1].name != "VERSION" || card.value("VERSION") != "4.0" || card[len(card)-1].name != "END" {
		t.Fatalf("not a vCard 4.0: %q", text)
	}
	return card
}

func TestAVCardEscapesAndFoldsWhatItSays(t *testing.T) {
	org := &contacts.Department{Code: "ekonomicky", Name: "Odbor ekonomický; finanční"}
	fees := &contacts.Department{Code: "poplatky", Name: "Oddělení poplatků, daní a pokut", Parent: org, Address: "Záhumenní 1152/1, 742 21 Kopřivnice"}
	p := contacts.Person{
		ID: 11, TitleBefore: "Ing.", Given: "Jana", Family: "Nováková", TitleAfter: "Ph.D.",
		Function: "referentka; správa poplatků, pokut\\penále", Department: fees,
		Phone: "+420 556 879 422", Mobile: "+420 731 000 111", Email: "jana.novakova@koprivnice.example",
		Room: "2. patro, dveře č. 205",
	}
	card := parseVCard(t, contacts.VCard(p, "Město Kopřivnice – statutární orgán s velmi dlouhým názvem", "Štefánikova 1163/12, 742 21 Kopřivnice"))

	if got := card.value("FN"); got != "Ing. Jana Nováková, Ph.D." {
		t.Errorf("FN %q", got)
	}
	if got := card.property("N").components; !slices.Equal(got, []string{"Nováková", "Jana", "", "Ing.", "Ph.D."}) {
		t.Errorf("N %q", got)
	}
	if got := card.property("TITLE").components; !slices.Equal(got, []string{"referentka; správa poplatků, pokut\\penále"}) {
		t.Errorf("TITLE %q: the semicolon, comma and backslash must come back as written", got)
	}
	if got := card.property("ORG").components; !slices.Equal(got, []string{"Město Kopřivnice – statutární orgán s velmi dlouhým názvem", "Odbor ekonomický; finanční", "Oddělení poplatků, daní a pokut"}) {
		t.Errorf("ORG %q", got)
	}
	if got := card.property("ADR").components; !slices.Equal(got, []string{"", "2. patro, dveře č. 205", "Záhumenní 1152/1", "Kopřivnice", "", "742 21", "Česká republika"}) {
		t.Errorf("ADR %q: the department's own address, with the room", got)
	}
	var tels []string
	for _, prop := range card {
		if prop.name == "TEL" {
			tels = append(tels, strings.Join(prop.params, ";")+" "+prop.components[0])
		}
	}
	if !slices.Equal(tels, []string{"VALUE=uri;TYPE=work,voice tel:+420556879422", "VALUE=uri;TYPE=work,cell tel:+420731000111"}) {
		t.Errorf("TEL %q", tels)
	}
	if got := card.property("EMAIL"); got.components[0] != p.Email || !slices.Equal(got.params, []string{"TYPE=work"}) {
		t.Errorf("EMAIL %+v", got)
	}

	p.Phone, p.Mobile, p.Email, p.Department = "", "", "", org
	card = parseVCard(t, contacts.VCard(p, "Město Kopřivnice", "Štefánikova 1163/12, 742 21 Kopřivnice"))
	if card.value("TEL") != "" || card.value("EMAIL") != "" || card.property("ADR").components[2] != "Štefánikova 1163/12" {
		t.Errorf("without phones and e-mail, at the office's address: %+v", card)
	}
}
