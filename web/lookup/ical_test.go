package lookup

import (
	"strings"
	"testing"
	"unicode/utf8"
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

func TestFoldLineKeepsLinesTo75OctetsWithoutSplittingCharacters(t *testing.T) {
	short := "SUMMARY:Svoz: plast"
	if got := foldLine(short); got != short+"\r\n" {
		t.Errorf("a short line is only ended: %q", got)
	}
	exact := "X:" + strings.Repeat("a", 73)
	if got := foldLine(exact); got != exact+"\r\n" {
		t.Errorf("a line of exactly 75 octets stays whole: %q", got)
	}

	long := "X-WR-CALDESC:" + strings.Repeat("čř", 60) // two-octet letters, 253 octets
	folded := foldLine(long)
	if !strings.HasSuffix(folded, "\r\n") {
		t.Fatalf("folded line does not end with CRLF: %q", folded)
	}
	lines := strings.Split(strings.TrimSuffix(folded, "\r\n"), "\r\n")
	for i, l := range lines {
		if len(l) > icsMaxLine || !utf8.ValidString(l) {
			t.Errorf("line %d: %d octets, valid UTF-8 %v: %q", i, len(l), utf8.ValidString(l), l)
		}
		if i > 0 && !strings.HasPrefix(l, " ") {
			t.Errorf("continuation line %d does not start with a space: %q", i, l)
		}
	}
	if unfolded := strings.ReplaceAll(strings.TrimSuffix(folded, "\r\n"), "\r\n ", ""); unfolded != long {
		t.Errorf("unfolding does not give the line back:\n%q\n%q", unfolded, long)
	}
}
