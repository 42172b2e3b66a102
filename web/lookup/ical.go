package lookup

import (
	"strings"
	"unicode/utf8"
)

// icsMaxLine is the longest content line RFC 5545 (section 3.1) allows, in octets, without
// the CRLF.
const icsMaxLine = 75

// icsWriter writes iCalendar (RFC 5545) content lines: CRLF line ends, long lines folded.
type icsWriter struct {
	b strings.Builder
}

// raw writes a content line whose value needs no escaping: "DTSTART;VALUE=DATE:20271008".
func (c *icsWriter) raw(name, value string) {
	c.b.WriteString(foldLine(name + ":" + value))
}

// text writes a property of value type TEXT, escaped.
func (c *icsWriter) text(name, value string) {
	c.raw(name, escapeText(value))
}

// String returns the calendar written so far.
func (c *icsWriter) String() string { return c.b.String() }

// escapeText escapes a TEXT value (RFC 5545 section 3.3.11): backslash, semicolon, comma and
// line breaks.
func escapeText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// foldLine ends a content line with CRLF, folding it (section 3.1) so that no line is longer
// than 75 octets: each continuation line starts with one space. It never splits a UTF-8
// sequence.
func foldLine(line string) string {
	var b strings.Builder
	limit := icsMaxLine
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = icsMaxLine - 1 // the leading space counts
	}
	b.WriteString(line)
	b.WriteString("\r\n")
	return b.String()
}
