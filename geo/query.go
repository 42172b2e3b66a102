package geo

import (
	"regexp"
	"strconv"
	"strings"
)

// Query is an address search as the citizen typed it, split into what it names: place words,
// house numbers, a building-type marker and a postcode.
type Query struct {
	Words        []string     // folded words naming the street, town part or municipality
	Numbers      []NumberPart // house numbers in the order typed
	BuildingType BuildingType // set by "č.p." or "č. ev." markers
	Postcode     string       // five digits, from "742 21" or "74221"
}

// NumberPart is one typed number: "1163/12a" gives House 1163, Orientation 12 and Letter "a";
// a plain "12" gives Plain 12, which may be either kind of number.
type NumberPart struct {
	House       int
	Orientation int
	Letter      string
	Plain       int
	// Prefix holds the digits as typed, for as-you-type matching of the last number.
	Prefix string
}

// Empty reports whether the query names nothing to search for.
func (q Query) Empty() bool {
	return len(q.Words) == 0 && len(q.Numbers) == 0 && q.Postcode == ""
}

var (
	slashNumber = regexp.MustCompile(`^(\d{1,6})/(\d{1,4})([a-z]?)$`)
	houseSlash  = regexp.MustCompile(`^(\d{1,6})/$`)
	lettered    = regexp.MustCompile(`^(\d{1,4})([a-z])$`)
	digits      = regexp.MustCompile(`^\d{1,6}$`)
	spacedSlash = regexp.MustCompile(`\s*/\s*`)
)

// ParseQuery reads free text such as "stefanikova 12", "č.p. 1163", "cp 1163 kopřivnice",
// "č. ev. 45", "Lubina 25" or "742 21".
func ParseQuery(text string) Query {
	folded := spacedSlash.ReplaceAllString(Fold(text), "/")
	tokens := strings.Fields(folded)
	var q Query
	for i := 0; i < len(tokens); i++ {
		tok := tokens[i]
		next := ""
		if i+1 < len(tokens) {
			next = tokens[i+1]
		}
		switch {
		case isDescriptiveMarker(tok, next):
			q.BuildingType = Descriptive
			if tok == "c" {
				i++
			}
		case isRegistryMarker(tok, next):
			q.BuildingType = Registry
			if tok == "c" || tok == "ev" {
				i++
			}
		case digits.MatchString(tok) && len(tok) <= 2 && isMonthGenitive(next):
			// "5. května", "28. října", "17. listopadu": the number belongs to the street name.
			q.Words = append(q.Words, tok, next)
			i++
		case len(tok) == 5 && digits.MatchString(tok) && q.Postcode == "" && !q.markedBefore(i, tokens):
			q.Postcode = tok
		case len(tok) == 3 && digits.MatchString(tok) && len(next) == 2 && digits.MatchString(next) && q.Postcode == "":
			q.Postcode = tok + next
			i++
		case slashNumber.MatchString(tok):
			m := slashNumber.FindStringSubmatch(tok)
			q.Numbers = append(q.Numbers, NumberPart{House: atoi(m[1]), Orientation: atoi(m[2]), Letter: m[3], Prefix: m[2]})
		case houseSlash.MatchString(tok):
			m := houseSlash.FindStringSubmatch(tok)
			q.Numbers = append(q.Numbers, NumberPart{House: atoi(m[1])})
		case lettered.MatchString(tok):
			m := lettered.FindStringSubmatch(tok)
			q.Numbers = append(q.Numbers, NumberPart{Orientation: atoi(m[1]), Letter: m[2]})
		case digits.MatchString(tok):
			n := NumberPart{Plain: atoi(tok), Prefix: tok}
			// "12 a" is the orientation number 12a typed with a space.
			if len(next) == 1 && next[0] >= 'a' && next[0] <= 'z' {
				n = NumberPart{Orientation: n.Plain, Letter: next}
				i++
			}
			q.Numbers = append(q.Numbers, n)
		default:
			q.Words = append(q.Words, tok)
		}
	}
	// A house number typed as "1163 12" means 1163/12.
	if len(q.Numbers) == 2 && q.Numbers[0].Plain > 0 && q.Numbers[1].Plain > 0 {
		q.Numbers = []NumberPart{{House: q.Numbers[0].Plain, Orientation: q.Numbers[1].Plain, Prefix: q.Numbers[1].Prefix}}
	}
	// With a marker, a plain number is the house number of that type.
	if q.BuildingType != "" {
		for i, n := range q.Numbers {
			if n.Plain > 0 {
				q.Numbers[i] = NumberPart{House: n.Plain, Prefix: n.Prefix}
			}
		}
	}
	return q
}

// isDescriptiveMarker matches "cp", "c.p." (folded to "c p"), "čp".
func isDescriptiveMarker(tok, next string) bool {
	return tok == "cp" || (tok == "c" && next == "p")
}

// isRegistryMarker matches "č. ev.", "čev", "ev. č." (folded to "c ev", "cev", "ev c").
func isRegistryMarker(tok, next string) bool {
	return tok == "cev" || (tok == "c" && next == "ev") || (tok == "ev" && next == "c") || tok == "evc"
}

// markedBefore reports whether the token at i directly follows a building type marker, which
// makes a five-digit number a house number rather than a postcode ("č.p. 11203").
func (q Query) markedBefore(i int, tokens []string) bool {
	if q.BuildingType == "" || i == 0 {
		return false
	}
	prev := tokens[i-1]
	return prev == "cp" || prev == "p" || prev == "cev" || prev == "ev" || prev == "c"
}

// monthGenitives are the month names as street names use them after a day: "5. května".
var monthGenitives = map[string]bool{"ledna": true, "unora": true, "brezna": true, "dubna": true,
	"kvetna": true, "maje": true, "cervna": true, "cervence": true, "srpna": true, "zari": true,
	"rijna": true, "listopadu": true, "prosince": true}

func isMonthGenitive(tok string) bool { return monthGenitives[tok] }

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
