package contentline_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/radnice/radnice/datasets/contentline"
)

func fold(line string) string {
	var b strings.Builder
	contentline.Fold(&b, line)
	return b.String()
}

func TestFoldKeepsLinesTo75OctetsWithoutSplittingCharacters(t *testing.T) {
	short := "SUMMARY:Svoz: plast"
	if got := fold(short); got != short+"\r\n" {
		t.Errorf("a short line is only ended: %q", got)
	}
	exact := "X:" + strings.Repeat("a", 73)
	if got := fold(exact); got != exact+"\r\n" {
		t.Errorf("a line of exactly 75 octets stays whole: %q", got)
	}

	long := "X-WR-CALDESC:" + strings.Repeat("čř", 60) // two-octet letters, 253 octets
	folded := fold(long)
	if !strings.HasSuffix(folded, "\r\n") {
		t.Fatalf("folded line does not end with CRLF: %q", folded)
	}
	lines := strings.Split(strings.TrimSuffix(folded, "\r\n"), "\r\n")
	for i, l := range lines {
		if len(l) > contentline.MaxOctets || !utf8.ValidString(l) {
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
