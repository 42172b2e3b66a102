package editorial_test

import (
	"testing"

	"github.com/radnice/radnice/web/editorial"
)

func TestSlugMakesAnAddressOfATitle(t *testing.T) {
	for _, c := range []struct {
		title  string
		maxLen int
		want   string
	}{
		{"Jak přihlásit psa", 60, "jak-prihlasit-psa"},
		{"Záměr pronájmu části pozemku p. č. 512/3 v k. ú. Lubina", 60, "zamer-pronajmu-casti-pozemku-p-c-512-3-v-k-u-lubina"},
		{"Rozpočtové opatření č. 5/2026", 20, "rozpoctove-opatreni"}, // cut after a whole word
		{"Nejdelšíslovovnázvuvůbec", 10, "nejdelsisl"},               // a first word longer than the limit is cut
		{"  ŠTĚPÁNKOVA – Ulice  ", 60, "stepankova-ulice"},
		{"„“ – !", 60, ""},
	} {
		if got := editorial.Slug(c.title, c.maxLen); got != c.want {
			t.Errorf("Slug(%q, %d) = %q, want %q", c.title, c.maxLen, got, c.want)
		}
	}
}
