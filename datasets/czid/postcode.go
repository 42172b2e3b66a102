package czid

import "strings"

// ParsePostcode reads a Czech postcode (PSČ) and writes it the usual way, "742 21": five
// digits, the first 1 to 7 (codes starting 0, 8 or 9 are Slovak), spaces anywhere ignored.
func ParsePostcode(s string) (string, bool) {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), "")
	if len(s) != 5 || !digits(s) || s[0] < '1' || s[0] > '7' {
		return "", false
	}
	return s[:3] + " " + s[3:], true
}
