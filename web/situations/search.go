package situations

import (
	"strings"

	"github.com/radnice/radnice/geo"
)

// maxSearchWords bounds the words of a query that count; people type a few.
const maxSearchWords = 8

// searchKey is texts as the store keeps them for search: folded (geo.Fold), each word between
// spaces, so that LIKE '% word%' finds a word by its beginning and '% word %' a whole word.
func searchKey(texts ...string) string {
	var b strings.Builder
	for _, t := range texts {
		for _, w := range strings.Fields(geo.Fold(t)) {
			b.WriteByte(' ')
			b.WriteString(w)
		}
	}
	b.WriteByte(' ')
	return b.String()
}

// searchWords are the words of a query as they are looked up: folded, without the little words
// that say nothing ("k", "na", "pro").
func searchWords(query string) []string {
	var out []string
	for _, w := range strings.Fields(geo.Fold(query)) {
		if len([]rune(w)) < 2 || stopWords[w] {
			continue
		}
		if out = append(out, w); len(out) == maxSearchWords {
			break
		}
	}
	return out
}

// wholeWordLength is the length under which a word must match a whole word, not just the
// beginning of one: "pes" must not find "pěstební".
const wholeWordLength = 4

// wordPatterns are LIKE patterns that find in a search key each of words in its form: a word
// that begins with it, or the word itself when it is short.
func wordPatterns(words []string, form func(string) string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		w = form(w)
		end := "%"
		if len([]rune(w)) < wholeWordLength {
			end = " %"
		}
		out[i] = "% " + escapeLike(w) + end
	}
	return out
}

// escapeLike makes s match literally inside a LIKE pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// stopWords are the folded Czech prepositions, conjunctions and question words a query may
// hold that no situation needs to contain.
var stopWords = map[string]bool{
	"na": true, "do": true, "od": true, "po": true, "za": true, "ze": true, "se": true, "si": true,
	"ke": true, "ve": true, "pro": true, "pri": true, "pred": true, "nad": true, "pod": true,
	"je": true, "jak": true, "co": true, "kde": true, "kdy": true, "mam": true, "chci": true,
	"potrebuji": true,
}

// czechEndings are the case and number endings stem takes off, longest first.
var czechEndings = []string{"ami", "emi", "ech", "ich", "ych", "ach", "ove", "ovi", "ou", "em", "um", "ym", "im",
	"a", "e", "i", "o", "u", "y"}

// stem takes a Czech case or number ending off a folded word when at least four letters stay,
// so that a word finds its other forms by their beginning: "stromu" finds "strom" and "stromy",
// "svatby" "svatba", "prihlaseni" "prihlasen". Short words stay whole: "psa" is not "ps".
func stem(w string) string {
	for _, e := range czechEndings {
		if base, ok := strings.CutSuffix(w, e); ok && len([]rune(base)) >= 4 {
			return base
		}
	}
	return w
}
