package editorial

import (
	"strings"

	"github.com/radnice/radnice/geo"
)

// Slug makes an address out of a title: its words in lower-case ASCII without diacritics,
// joined by hyphens and cut after a whole word to at most maxLen characters ("Jak přihlásit
// psa" gives "jak-prihlasit-psa"). It is "" when the title has no letters or digits.
func Slug(title string, maxLen int) string {
	words := strings.FieldsFunc(geo.Fold(title), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
	var b strings.Builder
	for _, w := range words {
		switch {
		case b.Len() == 0 && len(w) > maxLen:
			return w[:maxLen]
		case b.Len() > 0 && b.Len()+1+len(w) > maxLen:
			return b.String()
		case b.Len() > 0:
			b.WriteByte('-')
		}
		b.WriteString(w)
	}
	return b.String()
}
