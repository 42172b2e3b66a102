package lookup

import (
	"strings"

	"github.com/radnice/radnice/datasets/contentline"
)

// icsWriter writes iCalendar (RFC 5545) content lines: CRLF line ends, long lines folded.
type icsWriter struct {
	b strings.Builder
}

// raw writes a content line whose value needs no escaping: "DTSTART;VALUE=DATE:20271008".
func (c *icsWriter) raw(name, value string) {
	contentline.Fold(&c.b, name+":"+value)
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
