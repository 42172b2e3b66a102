package lookup

import (
	"testing"
)

func TestEscapeTextEscapesBackslashSemicolonCommaAndLineBreaks(t *testing.T) {
	cases := map[string]string{
		"Svoz: plast":                  "Svoz: plast",
		"Oblast A, sever":              `Oblast A\, sever`,
		"vchod ze dvora; bezbariérový": `vchod ze dvora\; bezbariérový`,
		`C:\cesta`:                     `C:\\cesta`,
		"první\ndruhá\r\ntřetí":        `první\ndruhá\ntřetí`,
	}
	for in, want := range cases {
		if got := escapeText(in); got != want {
			t.Errorf("escapeText(%q) = %q, want %q", in, got, want)
		}
	}
}
