// Package czid checks Czech identifiers by their published rules (check digits and formats):
// IČO, rodné číslo, bank accounts, postcodes and data boxes, and the contact details (e-mail,
// phone) every form asks for.
package czid

// ValidICO reports whether s is an IČO, the identification number of a legal person: eight
// digits, the last a check digit over the first seven with weights 8 to 2 (mod 11).
func ValidICO(s string) bool {
	if len(s) != 8 {
		return false
	}
	sum := 0
	for i := range 8 {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		if i < 7 {
			sum += int(s[i]-'0') * (8 - i)
		}
	}
	var check int
	switch r := sum % 11; r {
	case 0:
		check = 1
	case 1:
		check = 0
	default:
		check = 11 - r
	}
	return int(s[7]-'0') == check
}

// ValidDataBox reports whether s has the form of a data box id (ID datové schránky): seven
// characters, lower-case letters and digits.
func ValidDataBox(s string) bool {
	if len(s) != 7 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
