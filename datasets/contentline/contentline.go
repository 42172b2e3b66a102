// Package contentline writes the content lines that iCalendar (RFC 5545) and vCard (RFC 6350)
// share: "NAME:value" ended by CRLF and folded so that no line is longer than 75 octets.
package contentline

import (
	"strings"
	"unicode/utf8"
)

// MaxOctets is the longest a content line may be, in octets, without its line break.
const MaxOctets = 75

// Fold writes line to b ended by CRLF, folded into lines of at most MaxOctets octets (each
// continuation starts with one space, which counts), never inside a UTF-8 character.
func Fold(b *strings.Builder, line string) {
	limit := MaxOctets
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = MaxOctets - 1
	}
	b.WriteString(line)
	b.WriteString("\r\n")
}
