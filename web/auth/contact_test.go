package auth_test

import (
	"testing"

	"github.com/radnice/radnice/web/auth"
)

func TestPhoneNumbersAreCheckedAndWrittenTheCzechWay(t *testing.T) {
	good := map[string]string{
		"731123456":        "+420 731 123 456",
		"731 123 456":      "+420 731 123 456",
		"+420 731 123 456": "+420 731 123 456",
		"00420731123456":   "+420 731 123 456",
		"+421 905 123 456": "+421905123456",
		"":                 "",
	}
	for in, want := range good {
		if got, ok := auth.CheckPhone(in); !ok || got != want {
			t.Errorf("CheckPhone(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"12345", "031123456", "+420 731", "telefon", "731-123-45a"} {
		if got, ok := auth.CheckPhone(bad); ok {
			t.Errorf("CheckPhone(%q) accepted as %q", bad, got)
		}
	}
}

func TestEmailsAreOneAddressEach(t *testing.T) {
	if got, ok := auth.CheckEmail("  Jana.Novakova@Example.CZ "); !ok || got != "jana.novakova@example.cz" {
		t.Errorf("got %q, %v", got, ok)
	}
	for _, bad := range []string{"jana", "jana@", "Jana <jana@example.cz>", "a@b", "a@example.cz, b@example.cz"} {
		if _, ok := auth.CheckEmail(bad); ok {
			t.Errorf("%q accepted", bad)
		}
	}
}
