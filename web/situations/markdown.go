package situations

import (
	"bytes"
	"fmt"
	"regexp"

	"github.com/a-h/templ"

	"github.com/radnice/radnice/datasets/situations"
)

// markdown renders a situation's text as HTML. The dialect renders no raw HTML and drops
// dangerous link targets, so its output is safe to put in the page as it is.
func markdown(src string) (templ.Component, error) {
	var b bytes.Buffer
	if err := situations.Markdown.Convert([]byte(src), &b); err != nil {
		return nil, fmt.Errorf("render Markdown: %w", err)
	}
	return templ.Raw(b.String()), nil
}

// collectionCitation finds a regulation of the Czech Collection of Laws in a citation:
// "zákon č. 565/1990 Sb., o místních poplatcích" holds number 565 of 1990.
var collectionCitation = regexp.MustCompile(`(\d+)/(\d{4}) Sb\.`)

// lawURL is the page of the regulation a citation names in e-Sbírka, the official Collection of
// Laws; "" for what the Collection does not hold (a town's own ordinance, an EU regulation).
func lawURL(citation string) string {
	m := collectionCitation.FindStringSubmatch(citation)
	if m == nil {
		return ""
	}
	return "https://www.e-sbirka.cz/sb/" + m[2] + "/" + m[1]
}
