package geo

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// School catchment areas (spádové obvody) as a municipal ordinance lists them, one rule a line:
//
//	# a comment; blank lines are ignored
//	[ZS-1] ZŠ Alšova                 area header: [CODE] then the area's name
//	Štefánikova - lichá č. 1-9, 11, od 23 výše
//	Štefánikova - sudá č.
//	Husova                           the whole street
//	Záhumenní - č. p. 120, 340-360
//	Lubina - celá část obce          every address in the town part
//	Obránců míru - sudá č. 2-40, lichá č. od 51
//	Kpt. Nálepky - č. ev. 10-20
//
// Syntax. A rule names a street, or a town part without streets, then after " - " (the first
// dash with a space before it) a list of clauses. A clause starts with a head: "č." (orientation
// numbers; also what a list without a head means), "č. p." (čísla popisná) or "č. ev." (čísla
// evidenční), optionally after "lichá" or "sudá"; its items follow, separated by ",". A "," may
// also start the next clause with a head of its own; ";" always does. Items: 12, 12a, 1-9 (or
// 1–9), od 23, od 23 výše, od 23 a výše, od 23 do 40, do 40. A head with parity and no items
// takes every odd or even number. "celá část obce" and "celá ulice" stand alone after " - ".
//
// Matching. Names are compared through CatchmentKey: case, diacritics and "nám."/"tř."/"ul." do
// not matter. A "celá část obce" rule takes every address of the town part, with or without a
// street; any other rule names the address's street, or its town part when it has no street.
// Orientation items read the číslo orientační; a building without one is read by its číslo
// popisné (one with only a číslo evidenční is taken by "č. ev." items alone). A plain 12 takes
// 12, 12a and 12b, 12a takes 12a only, and ranges take every letter of their numbers.

// maxCatchmentNumber is the largest number a rule may name; RÚIAN's numbers have at most six digits.
const maxCatchmentNumber = 999999

// maxCatchmentProblems caps the problems listed for one rule file.
const maxCatchmentProblems = 50

// CatchmentNumber says which of a building's numbers a selector reads.
type CatchmentNumber int

// The numbers a selector can read.
const (
	ByOrientation CatchmentNumber = iota // číslo orientační; the číslo popisné where there is none
	ByHouse                              // číslo popisné, "č. p."
	ByRegistry                           // číslo evidenční, "č. ev."
)

// NumberParity restricts a selector to odd or even numbers.
type NumberParity int

// The parities a clause can ask for.
const (
	AnyParity   NumberParity = iota
	OddNumbers               // "lichá č."
	EvenNumbers              // "sudá č."
)

// CatchmentSelector is one item of a rule: a number, a range or an open range of one kind of number.
type CatchmentSelector struct {
	Number CatchmentNumber
	Parity NumberParity
	From   int    // lowest number taken; 1 for "do 40" and for a bare "lichá č."
	To     int    // highest number taken; 0 when there is no upper end ("od 23 výše")
	Letter string // with From == To, only this orientation letter ("12a"); "" takes 12, 12a, 12b…
}

// CatchmentRule is one line of a catchment ordinance: a street or town part and the numbers it takes.
type CatchmentRule struct {
	Name      string              // street or town part as written: "Masarykovo nám."
	Key       string              // CatchmentKey(Name), what addresses are compared with
	WholePart bool                // "celá část obce": every address in the town part Name
	Selectors []CatchmentSelector // the numbers taken; none means the whole street
}

// CatchmentRuleLine is one rule of a rule file with its area and line number.
type CatchmentRuleLine struct {
	Area     string // area code from the section header: "ZS-1"
	AreaName string // the rest of the header: "ZŠ Alšova"
	Line     int    // line number in the file, from 1
	Rule     CatchmentRule
}

// CatchmentProblem is one fault in a rule file; Line and Column count from 1, Column in characters.
type CatchmentProblem struct {
	Line, Column int
	Reason       string
}

// String writes the problem as "line N: column C: reason".
func (p CatchmentProblem) String() string {
	return fmt.Sprintf("line %d: column %d: %s", p.Line, p.Column, p.Reason)
}

// CatchmentRulesError refuses a rule file as a whole, listing its problems in file order.
type CatchmentRulesError struct {
	Problems  []CatchmentProblem
	Truncated bool // reading stopped at the 50th problem
}

// Error lists the problems one a line.
func (e *CatchmentRulesError) Error() string {
	lines := make([]string, 0, len(e.Problems)+1)
	for _, p := range e.Problems {
		lines = append(lines, p.String())
	}
	if e.Truncated {
		lines = append(lines, fmt.Sprintf("only the first %d problems are listed", len(e.Problems)))
	}
	return strings.Join(lines, "\n")
}

// Unwrap gives an EINVALID *Error holding the list, for ErrorCode and ErrorMessage.
func (e *CatchmentRulesError) Unwrap() error { return Errorf(EINVALID, "%s", e.Error()) }

// catchmentAbbreviations maps the folded long forms of words ordinances abbreviate to their short form.
var catchmentAbbreviations = map[string]string{
	"namesti":    "nam",
	"trida":      "tr",
	"nabrezi":    "nabr",
	"sidliste":   "sidl",
	"kapitana":   "kpt",
	"generala":   "gen",
	"plukovnika": "plk",
	"doktora":    "dr",
	"profesora":  "prof",
	"svateho":    "sv",
	"svate":      "sv",
	"svaty":      "sv",
}

// CatchmentKey folds a street or town part name for comparison: "Masarykovo náměstí" and
// "masarykovo nám." both give "masarykovo nam"; a leading "ul." is dropped.
func CatchmentKey(name string) string {
	words := strings.Fields(Fold(name))
	if len(words) > 1 && (words[0] == "ul" || words[0] == "ulice") {
		words = words[1:]
	}
	for i, w := range words {
		if short, ok := catchmentAbbreviations[w]; ok {
			words[i] = short
		}
	}
	return strings.Join(words, " ")
}

// Matches reports whether the address falls under the rule (see "Matching" above); the
// municipality is not compared, a rule file being one municipality's.
func (r CatchmentRule) Matches(a Address) bool {
	key := r.Key
	if key == "" {
		key = CatchmentKey(r.Name)
	}
	if r.WholePart {
		return CatchmentKey(a.Part.Name) == key
	}
	place := a.Part.Name
	if a.Street != nil {
		place = a.Street.Name
	}
	if CatchmentKey(place) != key {
		return false
	}
	if len(r.Selectors) == 0 {
		return true
	}
	for _, s := range r.Selectors {
		if s.Matches(a) {
			return true
		}
	}
	return false
}

// Matches reports whether the address's number is one the selector takes; names are not compared.
func (s CatchmentSelector) Matches(a Address) bool {
	n, letter := 0, ""
	switch s.Number {
	case ByOrientation:
		if a.OrientationNumber > 0 {
			n, letter = a.OrientationNumber, a.OrientationLetter
		} else if a.BuildingType == Descriptive {
			n = a.HouseNumber
		}
	case ByHouse:
		if a.BuildingType == Descriptive {
			n = a.HouseNumber
		}
	case ByRegistry:
		if a.BuildingType == Registry {
			n = a.HouseNumber
		}
	}
	switch {
	case n <= 0,
		s.Parity == OddNumbers && n%2 == 0,
		s.Parity == EvenNumbers && n%2 == 1,
		n < s.From,
		s.To > 0 && n > s.To,
		s.Letter != "" && !strings.EqualFold(letter, s.Letter):
		return false
	}
	return true
}

// String writes the rule back in ordinance form: "Štefánikova - lichá č. 1-9, 11, od 23 výše".
func (r CatchmentRule) String() string {
	if r.WholePart {
		return r.Name + " - celá část obce"
	}
	if len(r.Selectors) == 0 {
		return r.Name
	}
	var b strings.Builder
	b.WriteString(r.Name)
	b.WriteString(" -")
	for i, s := range r.Selectors {
		if i > 0 {
			b.WriteByte(',')
		}
		newClause := i == 0 || s.Number != r.Selectors[i-1].Number || s.Parity != r.Selectors[i-1].Parity
		if newClause {
			b.WriteByte(' ')
			b.WriteString(s.head())
		}
		if item := s.item(); item != "" {
			b.WriteByte(' ')
			b.WriteString(item)
		} else if !newClause {
			b.WriteString(" od 1 výše")
		}
	}
	return b.String()
}

// head writes the clause head the selector belongs under: "č.", "lichá č.", "č. p.".
func (s CatchmentSelector) head() string {
	h := "č."
	switch s.Number {
	case ByHouse:
		h = "č. p."
	case ByRegistry:
		h = "č. ev."
	}
	switch s.Parity {
	case OddNumbers:
		h = "lichá " + h
	case EvenNumbers:
		h = "sudá " + h
	}
	return h
}

// item writes the selector's numbers: "12a", "1-9", "od 23 výše"; "" for all of a parity.
func (s CatchmentSelector) item() string {
	switch {
	case s.From == s.To:
		return strconv.Itoa(s.From) + s.Letter
	case s.To == 0 && s.From <= 1 && s.Parity != AnyParity:
		return ""
	case s.To == 0:
		return "od " + strconv.Itoa(max(s.From, 1)) + " výše"
	default:
		return strconv.Itoa(max(s.From, 1)) + "-" + strconv.Itoa(s.To)
	}
}

// ParseCatchmentRules reads rule-file text; see ReadCatchmentRules.
func ParseCatchmentRules(text string) ([]CatchmentRuleLine, error) {
	return ReadCatchmentRules(strings.NewReader(text))
}

// ReadCatchmentRules reads a UTF-8 rule file: its rules, or a *CatchmentRulesError listing its problems.
func ReadCatchmentRules(r io.Reader) ([]CatchmentRuleLine, error) {
	f := ruleFile{areas: map[string]int{}}
	br := bufio.NewReader(r)
	for n := 1; !f.stop; n++ {
		line, err := br.ReadString('\n')
		if line != "" {
			f.line(n, line)
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read catchment rules: %w", err)
		}
	}
	f.closeArea()
	if len(f.problems) > 0 {
		slices.SortStableFunc(f.problems, func(a, b CatchmentProblem) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
		})
		return nil, &CatchmentRulesError{Problems: f.problems, Truncated: f.truncated}
	}
	return f.rules, nil
}

// ParseCatchmentRule reads one rule line such as "Husova - č. 1-15"; problems are reported on line 1.
func ParseCatchmentRule(line string) (CatchmentRule, error) {
	var problems []CatchmentProblem
	report := func(col int, reason string) {
		problems = append(problems, CatchmentProblem{Line: 1, Column: col, Reason: reason})
	}
	line = strings.TrimRight(line, "\r\n")
	if col, ok := invalidUTF8(line); ok {
		report(col, "not UTF-8 text")
		return CatchmentRule{}, &CatchmentRulesError{Problems: problems}
	}
	rule, ok := parseRuleLine([]rune(norm.NFC.String(line)), report)
	if !ok {
		return CatchmentRule{}, &CatchmentRulesError{Problems: problems}
	}
	return rule, nil
}

// ruleFile is the state of ReadCatchmentRules between lines.
type ruleFile struct {
	rules     []CatchmentRuleLine
	problems  []CatchmentProblem
	truncated bool
	stop      bool

	areas        map[string]int // area code to its header line
	area         string         // current area code; "" before the first header
	areaName     string
	areaLine     int
	areaValid    bool // the current header was well-formed
	areaRules    int  // rule lines seen under the current header, good or bad
	warnedNoArea bool // a rule before the first header was reported
}

func (f *ruleFile) report(line, col int, reason string) {
	if len(f.problems) >= maxCatchmentProblems {
		f.truncated, f.stop = true, true
		return
	}
	f.problems = append(f.problems, CatchmentProblem{Line: line, Column: col, Reason: reason})
}

// line reads one line of the file, n counting from 1.
func (f *ruleFile) line(n int, s string) {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "\n"), "\r")
	if n == 1 {
		s = strings.TrimPrefix(s, "\uFEFF")
	}
	if col, ok := invalidUTF8(s); ok {
		f.report(n, col, "not UTF-8 text (is the file in windows-1250?): save it as UTF-8")
		f.stop = true
		return
	}
	s = norm.NFC.String(s)
	trimmed := strings.TrimSpace(s)
	switch {
	case trimmed == "" || strings.HasPrefix(trimmed, "#"):
	case strings.HasPrefix(trimmed, "["):
		f.header(n, []rune(s))
	default:
		f.rule(n, []rune(s))
	}
}

// header reads an area header "[CODE] name".
func (f *ruleFile) header(n int, line []rune) {
	f.closeArea()
	f.area, f.areaName, f.areaLine, f.areaValid, f.areaRules = "?", "", n, false, 0
	open := slices.Index(line, '[')
	end := slices.Index(line, ']')
	if end < 0 {
		f.report(n, open+1, "']' is missing: an area header reads '[CODE] name'")
		return
	}
	code := []rune(strings.TrimSpace(string(line[open+1 : end])))
	codeStart := open + 1
	for unicode.IsSpace(line[codeStart]) {
		codeStart++
	}
	if len(code) == 0 {
		f.report(n, end+1, "the area code is empty")
		return
	}
	for i, r := range code {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-_.", r) {
			f.report(n, codeStart+1+i, fmt.Sprintf(
				"an area code takes letters, digits, '-', '_' and '.', not %s", quoteRune(r)))
			return
		}
	}
	if first, ok := f.areas[string(code)]; ok {
		f.report(n, codeStart+1, fmt.Sprintf("area %s already began on line %d", string(code), first))
		return
	}
	f.areas[string(code)] = n
	f.area, f.areaName, f.areaValid = string(code), strings.TrimSpace(string(line[end+1:])), true
}

// closeArea reports the current area when it holds no rules.
func (f *ruleFile) closeArea() {
	if f.areaValid && f.areaRules == 0 && !f.stop {
		f.report(f.areaLine, 1, fmt.Sprintf("area %s has no rules", f.area))
	}
}

// rule reads a rule line.
func (f *ruleFile) rule(n int, line []rune) {
	f.areaRules++
	if f.area == "" && !f.warnedNoArea {
		f.warnedNoArea = true
		f.report(n, 1, "a rule before the first area header: start the area with a line '[CODE] name'")
	}
	rule, ok := parseRuleLine(line, func(col int, reason string) { f.report(n, col, reason) })
	if ok && f.areaValid {
		f.rules = append(f.rules, CatchmentRuleLine{Area: f.area, AreaName: f.areaName, Line: n, Rule: rule})
	}
}

// invalidUTF8 gives the column of the first byte that is not UTF-8.
func invalidUTF8(s string) (int, bool) {
	if utf8.ValidString(s) {
		return 0, false
	}
	col := 1
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return col, true
			}
		}
		col++
	}
	return col, true
}

// isDash reports a hyphen or the dashes word processors put in its place.
func isDash(r rune) bool { return r == '-' || r == '–' || r == '—' }

// parseRuleLine reads one rule, giving report each problem with its column, and says whether
// the line was free of problems.
func parseRuleLine(line []rune, report func(col int, reason string)) (CatchmentRule, bool) {
	failed := false
	fail := func(col int, reason string) {
		failed = true
		report(col, reason)
	}
	// The name ends at the first dash that starts the line or follows a space:
	// "Frýdlantská-Nová" is one name, "Husova - č. 5" a name and a list.
	split := -1
	for i, r := range line {
		if isDash(r) && (i == 0 || unicode.IsSpace(line[i-1])) {
			split = i
			break
		}
	}
	nameEnd := len(line)
	if split >= 0 {
		nameEnd = split
	}
	start := 0
	for start < nameEnd && unicode.IsSpace(line[start]) {
		start++
	}
	name := strings.TrimSpace(string(line[start:nameEnd]))
	if name == "" {
		fail(start+1, "the street or town part name is missing")
	}
	checkRuleName(line[start:nameEnd], start, fail)

	rule := CatchmentRule{Name: name, Key: CatchmentKey(name)}
	if split >= 0 {
		p := ruleParser{toks: tokenizeRule(line, split+1, fail), fail: fail}
		if p.peek().kind == tokEnd {
			fail(split+1, "nothing follows ' - ': list numbers or leave out the dash")
		} else {
			rule.Selectors, rule.WholePart = p.body()
		}
	}
	if failed {
		return CatchmentRule{}, false
	}
	return rule, true
}

// checkRuleName reports what in a name shows a missing " - " or two streets on one line.
func checkRuleName(name []rune, offset int, fail func(col int, reason string)) {
	for i := 0; i < len(name); i++ {
		r := name[i]
		if r == ',' || r == ';' {
			fail(offset+i+1, fmt.Sprintf("%s in a street name: put each street on its own line", quoteRune(r)))
			return
		}
		if !isWordRune(r) || i > 0 && isWordRune(name[i-1]) {
			continue
		}
		j := i
		for j < len(name) && isWordRune(name[j]) {
			j++
		}
		w := string(name[i:j])
		dot := j < len(name) && name[j] == '.'
		switch f := Fold(w); {
		case f == "licha", f == "liche", f == "suda", f == "sude", f == "cp", f == "cev",
			f == "c" && (dot || w != "c" && w != "C"):
			fail(offset+i+1, fmt.Sprintf("'%s' in a street name: is ' - ' missing before the numbers?", w))
			return
		}
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

func quoteRune(r rune) string {
	if unicode.IsSpace(r) {
		return "a space"
	}
	return "'" + string(r) + "'"
}

type tokenKind int

const (
	tokEnd tokenKind = iota
	tokWord
	tokNumber
	tokDash
	tokComma
	tokSemicolon
	tokBad // a character already reported
)

// ruleToken is one word, number or mark of a rule's list, at its column.
type ruleToken struct {
	kind   tokenKind
	text   string // as written
	word   string // folded word without its dot: "č." gives "c"
	num    int
	letter string // orientation letter written against a number: "12a"
	bad    bool   // a number already reported as too large
	col    int
}

// tokenizeRule splits line[from:] into tokens ending with a tokEnd.
func tokenizeRule(line []rune, from int, fail func(col int, reason string)) []ruleToken {
	var toks []ruleToken
	for i := from; i < len(line); {
		r := line[i]
		t := ruleToken{col: i + 1}
		j := i + 1
		switch {
		case unicode.IsSpace(r):
			i++
			continue
		case r >= '0' && r <= '9':
			for j < len(line) && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			digits := string(line[i:j])
			t.kind = tokNumber
			t.num, _ = strconv.Atoi(digits)
			if len(digits) > 6 {
				t.bad = true
				fail(t.col, fmt.Sprintf("number %s is too large", digits))
			}
			if j < len(line) && isASCIILetter(line[j]) && (j+1 == len(line) || !isWordRune(line[j+1])) {
				t.letter = strings.ToLower(string(line[j]))
				j++
			}
		case isWordRune(r):
			for j < len(line) && isWordRune(line[j]) {
				j++
			}
			if j < len(line) && line[j] == '.' {
				j++
			}
			t.kind = tokWord
			t.word = Fold(string(line[i:j]))
		case isDash(r):
			t.kind = tokDash
		case r == ',':
			t.kind = tokComma
		case r == ';':
			t.kind = tokSemicolon
		default:
			fail(t.col, fmt.Sprintf("unexpected character %s", quoteRune(r)))
			t.kind = tokBad
		}
		t.text = string(line[i:j])
		toks = append(toks, t)
		i = j
	}
	return append(toks, ruleToken{kind: tokEnd, col: len(line) + 1})
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// describe names a token in a message.
func (t ruleToken) describe() string {
	if t.kind == tokEnd {
		return "the end of the line"
	}
	return "'" + t.text + "'"
}

func (t ruleToken) is(word string) bool { return t.kind == tokWord && t.word == word }

// ruleParser reads the list after " - ".
type ruleParser struct {
	toks []ruleToken
	pos  int
	fail func(col int, reason string)
}

// clauseHead is what a clause's head sets: "lichá č." or "č. p.".
type clauseHead struct {
	number CatchmentNumber
	parity NumberParity
	text   string
	col    int
}

func (p *ruleParser) peek() ruleToken { return p.toks[p.pos] }

func (p *ruleParser) next() ruleToken {
	t := p.toks[p.pos]
	if t.kind != tokEnd {
		p.pos++
	}
	return t
}

func (p *ruleParser) failf(col int, format string, args ...any) {
	p.fail(col, fmt.Sprintf(format, args...))
}

// complain reports a problem at the current token unless the token is a character already reported.
func (p *ruleParser) complain(col int, format string, args ...any) {
	if p.peek().kind != tokBad {
		p.failf(col, format, args...)
	}
}

// skip moves to the next ",", ";" or the end, after a problem.
func (p *ruleParser) skip() {
	for k := p.peek().kind; k != tokEnd && k != tokComma && k != tokSemicolon; k = p.peek().kind {
		p.pos++
	}
}

func (p *ruleParser) atClauseEnd() bool {
	k := p.peek().kind
	return k == tokEnd || k == tokComma || k == tokSemicolon
}

// body reads "celá část obce", "celá ulice" or a list of clauses.
func (p *ruleParser) body() ([]CatchmentSelector, bool) {
	switch p.peek().word {
	case "cela", "cele", "cely":
		return nil, p.whole()
	}
	var sels []CatchmentSelector
	cur := clauseHead{number: ByOrientation}
	needHead := false
	for {
		h, ok := p.head()
		switch {
		case ok:
			cur = h
			if p.atClauseEnd() {
				if h.parity == AnyParity {
					p.failf(h.col, "'%s' needs numbers", h.text)
				} else {
					sels = append(sels, CatchmentSelector{Number: h.number, Parity: h.parity, From: 1})
				}
			} else {
				sels = p.items(cur, sels)
			}
		case needHead:
			p.complain(p.peek().col, "after ';' comes 'č.', 'č. p.', 'č. ev.', 'lichá č.' or 'sudá č.', not %s",
				p.peek().describe())
			p.skip()
		default:
			sels = p.items(cur, sels)
		}
		switch p.next().kind {
		case tokEnd:
			return sels, false
		case tokSemicolon:
			needHead = true
		default:
			needHead = false
		}
	}
}

// whole reads "celá část obce" (a whole town part) or "celá ulice" (a whole street).
func (p *ruleParser) whole() bool {
	start := p.pos
	cela := p.next()
	part := false
	switch t := p.next(); {
	case t.is("cast"):
		if !p.peek().is("obce") {
			p.failf(p.peek().col, "expected 'obce' after 'celá část', found %s", p.peek().describe())
			return false
		}
		p.next()
		part = true
	case t.is("ulice"), t.is("namesti"), t.is("nam"), t.is("trida"):
	default:
		p.failf(cela.col, "'%s' goes with 'část obce' or 'ulice'", cela.text)
		return false
	}
	if t := p.peek(); t.kind != tokEnd {
		p.complain(t.col, "'%s' stands alone after ' - ', found %s", p.text(start), t.describe())
	}
	return part
}

// text gives the tokens from start to the current one as written, one space apart.
func (p *ruleParser) text(start int) string {
	words := make([]string, 0, p.pos-start)
	for _, t := range p.toks[start:p.pos] {
		words = append(words, t.text)
	}
	return strings.Join(words, " ")
}

// head reads a clause head if one comes next: "lichá č.", "sudá", "č.", "č. o.", "č. p.", "čev"…
func (p *ruleParser) head() (clauseHead, bool) {
	start := p.pos
	h := clauseHead{number: ByOrientation, col: p.peek().col}
	switch p.peek().word {
	case "licha", "liche":
		h.parity = OddNumbers
		p.next()
		p.numberWord(&h)
	case "suda", "sude":
		h.parity = EvenNumbers
		p.next()
		p.numberWord(&h)
	case "c", "cp", "cev", "co", "cislo", "cisla":
		p.numberWord(&h)
	default:
		return h, false
	}
	h.text = p.text(start)
	return h, true
}

// numberWord reads an optional "č.", "č. o.", "č. p.", "čp", "č. ev." or "čev" into h.
func (p *ruleParser) numberWord(h *clauseHead) {
	switch p.peek().word {
	case "cp":
		h.number = ByHouse
	case "cev":
		h.number = ByRegistry
	case "co":
	case "c", "cislo", "cisla":
		p.next()
		switch p.peek().word {
		case "p":
			h.number = ByHouse
		case "ev", "e":
			h.number = ByRegistry
		case "o":
		default:
			return
		}
	default:
		return
	}
	p.next()
}

// isHead reports whether a clause head comes next, without reading it.
func (p *ruleParser) isHead() bool {
	pos := p.pos
	_, ok := p.head()
	p.pos = pos
	return ok
}

// items reads the items of one clause up to a ";", the end, or a "," that starts the next clause.
func (p *ruleParser) items(h clauseHead, sels []CatchmentSelector) []CatchmentSelector {
	for {
		if s, ok := p.item(h); ok {
			sels = append(sels, s)
		} else {
			p.skip()
		}
		for !p.atClauseEnd() {
			t := p.peek()
			p.complain(t.col, "expected ',' or ';', found %s", t.describe())
			p.skip()
		}
		if p.peek().kind != tokComma {
			return sels
		}
		p.pos++
		if p.isHead() {
			p.pos--
			return sels
		}
	}
}

// misplacedWords are words of the syntax that cannot start an item.
var misplacedWords = []string{"a", "cela", "cele", "cely", "cast", "obce", "ulice", "p", "ev", "e", "o"}

// item reads one item: 12, 12a, 1-9, od 23 [a] [výše], od 23 do 40, do 40.
func (p *ruleParser) item(h clauseHead) (CatchmentSelector, bool) {
	s := CatchmentSelector{Number: h.number, Parity: h.parity}
	t := p.peek()
	switch {
	case t.kind == tokNumber:
		p.next()
		if p.peek().kind == tokDash {
			dash := p.next()
			if p.peek().kind != tokNumber {
				p.failf(dash.col, "range %s- needs an upper end", t.text)
				return s, false
			}
			return p.span(s, t, p.next())
		}
		if !p.valid(t, h.number == ByOrientation) {
			return s, false
		}
		if h.parity == OddNumbers && t.num%2 == 0 {
			p.failf(t.col, "%s is even in a clause of odd numbers", t.text)
			return s, false
		}
		if h.parity == EvenNumbers && t.num%2 == 1 {
			p.failf(t.col, "%s is odd in a clause of even numbers", t.text)
			return s, false
		}
		s.From, s.To, s.Letter = t.num, t.num, t.letter
		return s, true
	case t.is("od"):
		p.next()
		from := p.peek()
		if from.kind != tokNumber {
			p.failf(t.col, "'%s' needs a number", t.text)
			return s, false
		}
		p.next()
		if p.peek().is("do") {
			do := p.next()
			if p.peek().kind != tokNumber {
				p.failf(do.col, "'%s' needs a number", do.text)
				return s, false
			}
			return p.span(s, from, p.next())
		}
		if p.peek().is("a") {
			a := p.next()
			if !p.peek().is("vyse") {
				p.failf(a.col, "expected 'výše' after 'od %s a'", from.text)
				return s, false
			}
		}
		if p.peek().is("vyse") {
			p.next()
		}
		if !p.valid(from, false) {
			return s, false
		}
		s.From = from.num
		return s, true
	case t.is("do"):
		p.next()
		to := p.peek()
		if to.kind != tokNumber {
			p.failf(t.col, "'%s' needs a number", t.text)
			return s, false
		}
		p.next()
		if !p.valid(to, false) {
			return s, false
		}
		s.From, s.To = 1, to.num
		return s, true
	case t.is("vyse"):
		p.failf(t.col, "'%s' belongs after 'od' and a number", t.text)
	case t.kind == tokWord && slices.Contains(misplacedWords, t.word):
		p.failf(t.col, "'%s' is out of place", t.text)
	case t.kind == tokWord:
		p.failf(t.col, "unknown word '%s'", t.text)
	default:
		p.complain(t.col, "expected a number, found %s", t.describe())
	}
	return s, false
}

// span makes the range from-to.
func (p *ruleParser) span(s CatchmentSelector, from, to ruleToken) (CatchmentSelector, bool) {
	if !p.valid(from, false) || !p.valid(to, false) {
		return s, false
	}
	if to.num < from.num {
		p.failf(from.col, "range %d-%d runs backwards", from.num, to.num)
		return s, false
	}
	s.From, s.To = from.num, to.num
	return s, true
}

// valid reports a number fit for an item, reporting zero and misplaced letters.
func (p *ruleParser) valid(t ruleToken, letter bool) bool {
	switch {
	case t.bad:
		return false
	case t.num == 0:
		p.failf(t.col, "numbers start at 1, not %s", t.text)
		return false
	case t.letter != "" && !letter:
		p.failf(t.col, "'%s': a letter goes only with a single orientation number", t.text)
		return false
	}
	return true
}
