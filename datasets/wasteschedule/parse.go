package wasteschedule

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/radnice/radnice/geo"
)

// MaxErrors bounds how many problems Parse reports before it gives up on a file.
const MaxErrors = 50

// maxSize bounds the file: a town's schedules are a few kilobytes.
const maxSize = 4 << 20

// LineError is one problem of a file: where it is, in which column and why.
type LineError struct {
	File   string
	Line   int
	Field  string // the column as the header documents it; "" for the line as a whole
	Reason string
}

// Error writes the problem as "file:line: column: reason" ("file:line: reason" without a column).
func (e LineError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason)
	}
	return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Line, e.Field, e.Reason)
}

// FileError refuses a whole file and lists its problems in line order.
type FileError struct {
	File      string
	Errors    []LineError // at most MaxErrors
	Truncated bool        // more problems were left unreported
}

// Error writes "file: file refused:" and then each problem on a line of its own.
func (e *FileError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: file refused:", e.File)
	for _, le := range e.Errors {
		b.WriteString("\n")
		b.WriteString(le.Error())
	}
	if e.Truncated {
		fmt.Fprintf(&b, "\n%s: more problems not listed (only the first %d are)", e.File, MaxErrors)
	}
	return b.String()
}

// Unwrap gives an EINVALID *geo.Error holding the list, for geo.ErrorCode and geo.ErrorMessage.
func (e *FileError) Unwrap() error { return geo.Errorf(geo.EINVALID, "%s", e.Error()) }

// ReadFile parses the schedule file at path; see Parse.
func ReadFile(path string) ([]geo.WasteSchedule, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Parse(path, f)
}

// Parse reads a schedule file named name (used in messages) and returns its rules, in file
// order, with the exceptions attached. When anything in the file is wrong it returns no rules
// and a *FileError listing the problems; an error reading r is returned as it is, wrapped.
func Parse(name string, r io.Reader) ([]geo.WasteSchedule, error) {
	p := &parser{
		name:     name,
		spelling: [2]map[string]spelled{{}, {}},
		seen:     map[string]int{},
	}
	if err := p.read(r); err != nil {
		return nil, err
	}
	if len(p.errs) == 0 && !p.haveHeader {
		p.fail(max(p.lastLine, 1), "", "the file has no header line; expected %s", strings.Join(columnNames[:], ";"))
	} else if len(p.errs) == 0 && len(p.rules) == 0 {
		p.fail(p.lastLine, "", "the file has no pravidlo line; importing it would leave the town without schedules")
	}
	p.resolveExceptions()
	if len(p.errs) > 0 {
		slices.SortStableFunc(p.errs, func(a, b LineError) int { return a.Line - b.Line })
		return nil, &FileError{File: name, Errors: p.errs, Truncated: p.truncated}
	}
	out := make([]geo.WasteSchedule, len(p.rules))
	for i, r := range p.rules {
		out[i] = r.s
	}
	return out, nil
}

// column identifies one column of the file, wherever the header puts it.
type column int

const (
	colType column = iota
	colZone
	colWaste
	colDate
	colWeekday
	colEvery
	colWeeks
	colSeasonFrom
	colSeasonTo
	colHolidays
	colValidFrom
	colValidTo
	colNote
	columnCount
)

// columnNames are the columns as documented, in the documented order.
var columnNames = [columnCount]string{"typ", "zona", "odpad", "datum", "den", "kazdych_tydnu", "tydny",
	"sezona_od", "sezona_do", "svatky", "plati_od", "plati_do", "poznamka"}

func (c column) String() string { return columnNames[c] }

// ruleOnly are the columns an exception line leaves empty.
var ruleOnly = []column{colWeekday, colEvery, colWeeks, colSeasonFrom, colSeasonTo, colHolidays, colValidFrom, colValidTo}

// rule is a parsed pravidlo line.
type rule struct {
	s    geo.WasteSchedule
	line int
	pair string
}

// exception is a parsed navic or zruseno line.
type exception struct {
	extra             bool
	zone, waste, pair string
	date              time.Time
	line              int
}

// spelled is the first spelling of a zone or waste name and its line.
type spelled struct {
	text string
	line int
}

type parser struct {
	name       string
	errs       []LineError
	truncated  bool
	haveHeader bool
	lastLine   int
	layout     [columnCount]int // field index of each column, -1 when absent
	width      int              // fields in the header
	rules      []rule
	exceptions []exception
	spelling   [2]map[string]spelled // zone and waste names by folded form
	seen       map[string]int        // each rule and exception line by content, for repeats
	broken     map[string]bool       // pairs with a refused pravidlo line
}

// fail records a problem; past MaxErrors it only notes that there were more.
func (p *parser) fail(line int, field string, format string, args ...any) {
	if len(p.errs) >= MaxErrors {
		p.truncated = true
		return
	}
	p.errs = append(p.errs, LineError{File: p.name, Line: line, Field: field, Reason: fmt.Sprintf(format, args...)})
}

// read streams the lines of the file into rules and exceptions.
func (p *parser) read(r io.Reader) error {
	br := bufio.NewReader(&limitedReader{r: r, left: maxSize})
	if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.Comma = ';'
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if errors.Is(err, errTooLarge) {
			p.fail(p.lastLine+1, "", "the file is larger than %d MiB; this is not a schedule file", maxSize>>20)
			return nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			p.lastLine = pe.Line
			p.fail(pe.StartLine, "", "broken quoting (%v); a field holding ';' or '\"' is enclosed in \"…\" and its '\"' doubled", pe.Err)
			if !p.haveHeader {
				return nil
			}
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
		line, _ := cr.FieldPos(0)
		p.lastLine = line
		if blank(rec) {
			continue
		}
		if !validUTF8(rec) {
			p.fail(line, "", "the file is not UTF-8 text; save it as \"CSV UTF-8\"")
			return nil
		}
		if !p.haveHeader {
			p.haveHeader = true
			if !p.header(line, rec) {
				return nil
			}
			continue
		}
		p.line(line, rec)
	}
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func validUTF8(rec []string) bool {
	for _, f := range rec {
		if !utf8.ValidString(f) {
			return false
		}
	}
	return true
}

// header maps the header's names to columns; it reports whether the header is usable.
func (p *parser) header(line int, rec []string) bool {
	known := map[string]column{}
	for c, n := range columnNames {
		known[geo.Fold(n)] = column(c)
	}
	for c := range p.layout {
		p.layout[c] = -1
	}
	for len(rec) > 0 && strings.TrimSpace(rec[len(rec)-1]) == "" {
		rec = rec[:len(rec)-1] // a spreadsheet's empty columns at the end
	}
	p.width = len(rec)
	ok := true
	for i, f := range rec {
		name := strings.TrimSpace(f)
		c, found := known[geo.Fold(name)]
		switch {
		case !found && i == 0 && isLineType(name):
			p.fail(line, "", "the header line is missing; the first line must name the columns: %s", strings.Join(columnNames[:], ";"))
			return false
		case !found:
			p.fail(line, "", "unknown column %q in the header (field %d); the columns are %s", name, i+1, strings.Join(columnNames[:], ";"))
			ok = false
		case p.layout[c] >= 0:
			p.fail(line, "", "column %s appears twice in the header (fields %d and %d)", c, p.layout[c]+1, i+1)
			ok = false
		default:
			p.layout[c] = i
		}
	}
	var missing []string
	for c, i := range p.layout {
		if i < 0 && column(c) != colNote {
			missing = append(missing, column(c).String())
		}
	}
	if len(missing) > 0 {
		p.fail(line, "", "the header lacks the columns %s", strings.Join(missing, ", "))
		ok = false
	}
	return ok
}

func isLineType(s string) bool {
	switch geo.Fold(s) {
	case "pravidlo", "navic", "zruseno":
		return true
	}
	return false
}

// fields gives a line's trimmed fields by column.
type fields [columnCount]string

// line parses one rule or exception line.
func (p *parser) line(line int, rec []string) {
	if len(rec) > p.width && !blank(rec[p.width:]) {
		p.fail(line, "", "the line has %d fields, the header %d", len(rec), p.width)
		return
	}
	var f fields
	for c, i := range p.layout {
		if i >= 0 && i < len(rec) {
			f[c] = strings.TrimSpace(rec[i])
		}
	}
	switch geo.Fold(f[colType]) {
	case "pravidlo":
		p.rule(line, f)
	case "navic":
		p.exception(line, f, true)
	case "zruseno":
		p.exception(line, f, false)
	case "":
		p.fail(line, colType.String(), "missing; write pravidlo, navic or zruseno")
	default:
		p.fail(line, colType.String(), "%q is not pravidlo, navic or zruseno", f[colType])
	}
}

// lineErrors counts the problems reported for one line.
type lineErrors struct {
	p    *parser
	line int
	n    int
}

func (le *lineErrors) fail(c column, format string, args ...any) {
	le.n++
	le.p.fail(le.line, c.String(), format, args...)
}

// rule parses a pravidlo line.
func (p *parser) rule(line int, f fields) {
	le := &lineErrors{p: p, line: line}
	zone, waste := p.names(le, f)
	s := geo.WasteSchedule{Zone: zone, WasteType: waste}

	wd, okDay := parseWeekday(f[colWeekday])
	if !okDay {
		if f[colWeekday] == "" {
			le.fail(colWeekday, "missing; write the weekday: pondělí, úterý, … or po, út, …")
		} else {
			le.fail(colWeekday, "%q is not a weekday; write pondělí, úterý, středa, čtvrtek, pátek, sobota, neděle or po, út, st, čt, pá, so, ne", f[colWeekday])
		}
	}
	s.Weekday = wd

	every, err := strconv.Atoi(f[colEvery])
	okEvery := err == nil && every >= 1 && every <= 8
	if !okEvery {
		if f[colEvery] == "" {
			le.fail(colEvery, "missing; write 1 for every week, 2 for every second week, up to 8")
		} else {
			le.fail(colEvery, "%q is not a number of weeks from 1 to 8", f[colEvery])
		}
	}
	s.EveryWeeks = every

	switch geo.Fold(f[colWeeks]) {
	case "":
	case "lichy", "liche":
		s.Parity = geo.OddWeeks
	case "sudy", "sude":
		s.Parity = geo.EvenWeeks
	default:
		le.fail(colWeeks, "%q is not lichý or sudý", f[colWeeks])
	}
	if s.Parity != "" && okEvery && every != 2 {
		le.fail(colWeeks, "odd and even weeks mean every second week; kazdych_tydnu is %d, write 2 or leave tydny empty", every)
	}

	if f[colDate] != "" {
		anchor, ok := parseDate(le, colDate, f[colDate])
		switch {
		case !ok:
		case okEvery && every == 1:
			le.fail(colDate, "a weekly rule takes no date; to start the rule on %s write it in plati_od", czechDate(anchor))
		case s.Parity != "":
			le.fail(colDate, "with tydny the weeks are fixed by their numbers; leave datum empty")
		case okDay && anchor.Weekday() != wd:
			le.fail(colDate, "%s is %s, not %s as den says", czechDate(anchor), weekdayNames[anchor.Weekday()], weekdayNames[wd])
		default:
			s.Anchor = anchor
		}
	} else if okEvery && every > 1 && s.Parity == "" && f[colWeeks] == "" {
		le.fail(colDate, "missing; a rule every %d weeks needs one date it collects on, to fix which weeks (or tydny lichý/sudý with kazdych_tydnu 2)", every)
	}

	from, okFrom := parseSeasonDay(le, colSeasonFrom, f[colSeasonFrom])
	to, okTo := parseSeasonDay(le, colSeasonTo, f[colSeasonTo])
	if okFrom && okTo && from.IsZero() != to.IsZero() {
		missing := colSeasonFrom
		if to.IsZero() {
			missing = colSeasonTo
		}
		le.fail(missing, "missing; a season has both sezona_od and sezona_do, or neither for all year")
	}
	s.SeasonFrom, s.SeasonTo = from, to

	switch geo.Fold(f[colHolidays]) {
	case "posunout":
		s.Holidays = geo.HolidayNextWorkingDay
	case "ponechat":
		s.Holidays = geo.HolidayKeep
	case "zrusit":
		s.Holidays = geo.HolidayCancel
	case "":
		le.fail(colHolidays, "missing; write posunout, ponechat or zrušit")
	default:
		le.fail(colHolidays, "%q is not posunout, ponechat or zrušit", f[colHolidays])
	}

	var validFrom, lastDay time.Time
	okValidFrom, okLastDay := true, true
	if f[colValidFrom] != "" {
		validFrom, okValidFrom = parseDate(le, colValidFrom, f[colValidFrom])
	}
	if f[colValidTo] != "" {
		lastDay, okLastDay = parseDate(le, colValidTo, f[colValidTo])
	}
	if okValidFrom && okLastDay && !validFrom.IsZero() && !lastDay.IsZero() && lastDay.Before(validFrom) {
		le.fail(colValidTo, "%s is before plati_od %s", czechDate(lastDay), czechDate(validFrom))
	}
	s.ValidFrom = validFrom
	if !lastDay.IsZero() {
		s.ValidTo = lastDay.AddDate(0, 0, 1) // the file names the last day, ValidTo is exclusive
	}

	pair := pairKey(zone, waste)
	if le.n > 0 {
		p.broken = setAdd(p.broken, pair)
		return
	}
	if err := s.Validate(); err != nil { // every rule of Validate is checked above; a safeguard
		p.fail(line, "", "%s", geo.ErrorMessage(err))
		p.broken = setAdd(p.broken, pair)
		return
	}
	key := fmt.Sprintf("pravidlo %s %d %d %s %s %v %v %s %s %s", pair, s.Weekday, s.EveryWeeks, s.Parity,
		s.Anchor.Format(time.DateOnly), s.SeasonFrom, s.SeasonTo, s.Holidays,
		s.ValidFrom.Format(time.DateOnly), s.ValidTo.Format(time.DateOnly))
	if first, dup := p.seen[key]; dup {
		p.fail(line, "", "repeats the rule on line %d", first)
		return
	}
	p.seen[key] = line
	p.rules = append(p.rules, rule{s: s, line: line, pair: pair})
}

// exception parses a navic or zruseno line.
func (p *parser) exception(line int, f fields, extra bool) {
	le := &lineErrors{p: p, line: line}
	kind := map[bool]string{true: "navic", false: "zruseno"}[extra]
	zone, waste := p.names(le, f)
	var date time.Time
	if f[colDate] == "" {
		le.fail(colDate, "missing; write the date of the collection %s", map[bool]string{true: "added", false: "cancelled"}[extra])
	} else {
		date, _ = parseDate(le, colDate, f[colDate])
	}
	for _, c := range ruleOnly {
		if f[c] != "" {
			le.fail(c, "belongs to pravidlo lines; leave it empty on a %s line", kind)
		}
	}
	if le.n > 0 {
		return
	}
	pair := pairKey(zone, waste)
	key := fmt.Sprintf("%s %s", pair, date.Format(time.DateOnly))
	if first, dup := p.seen[kind+" "+key]; dup {
		p.fail(line, "", "repeats the %s line %d", kind, first)
		return
	}
	other := map[bool]string{true: "zruseno", false: "navic"}[extra]
	if first, dup := p.seen[other+" "+key]; dup {
		p.fail(line, colDate.String(), "%s contradicts the %s line %d", czechDate(date), other, first)
		return
	}
	p.seen[kind+" "+key] = line
	p.exceptions = append(p.exceptions, exception{extra: extra, zone: zone, waste: waste, pair: pair, date: date, line: line})
}

// names reads zona and odpad, refusing empty names and a second spelling of a name.
func (p *parser) names(le *lineErrors, f fields) (zone, waste string) {
	for i, c := range []column{colZone, colWaste} {
		text := f[c]
		folded := geo.Fold(text)
		if folded == "" {
			le.fail(c, "missing; write the %s", map[column]string{colZone: "zone", colWaste: "waste type"}[c])
			continue
		}
		if first, ok := p.spelling[i][folded]; ok && first.text != text {
			le.fail(c, "%q is written %q on line %d; write it the same way everywhere", text, first.text, first.line)
			continue
		} else if !ok {
			p.spelling[i][folded] = spelled{text: text, line: le.line}
		}
		if c == colZone {
			zone = text
		} else {
			waste = text
		}
	}
	return zone, waste
}

// resolveExceptions attaches each exception to the rules of its zone and waste type.
func (p *parser) resolveExceptions() {
	for _, e := range p.exceptions {
		if p.broken[e.pair] {
			continue // its rules are refused already; judging it against the rest would mislead
		}
		var rules []int
		zoneKnown := false
		for i, r := range p.rules {
			if geo.Fold(r.s.Zone) == geo.Fold(e.zone) {
				zoneKnown = true
			}
			if r.pair == e.pair {
				rules = append(rules, i)
			}
		}
		switch {
		case !zoneKnown:
			p.fail(e.line, colZone.String(), "no pravidlo line has the zone %q", e.zone)
			continue
		case len(rules) == 0:
			p.fail(e.line, colWaste.String(), "no pravidlo line collects %q in the zone %q", e.waste, e.zone)
			continue
		}
		var collecting []int
		valid := -1
		for _, i := range rules {
			if len(p.rules[i].s.Dates(e.date, e.date)) > 0 {
				collecting = append(collecting, i)
			}
			if valid < 0 && inValidity(p.rules[i].s, e.date) {
				valid = i
			}
		}
		what := fmt.Sprintf("%s in the zone %s", e.waste, e.zone)
		if e.extra {
			switch {
			case len(collecting) > 0:
				p.fail(e.line, colDate.String(), "%s is already a collection day of %s (the rule on line %d)", czechDate(e.date), what, p.rules[collecting[0]].line)
			case valid < 0:
				p.fail(e.line, colDate.String(), "no rule for %s applies on %s (plati_od, plati_do)", what, czechDate(e.date))
			default:
				p.rules[valid].s.Extra = append(p.rules[valid].s.Extra, e.date)
			}
			continue
		}
		if len(collecting) == 0 {
			hint := ""
			if name, holiday := geo.Holiday(e.date); holiday {
				hint = fmt.Sprintf("; it is a holiday (%s): a collection moved from a holiday is cancelled on the day it is moved to", name)
			}
			p.fail(e.line, colDate.String(), "no collection of %s falls on %s%s", what, czechDate(e.date), hint)
			continue
		}
		for _, i := range collecting {
			p.rules[i].s.Cancelled = append(p.rules[i].s.Cancelled, e.date)
		}
	}
	for _, r := range p.rules {
		if err := r.s.Validate(); err != nil && !p.broken[r.pair] { // a safeguard, as in rule
			p.fail(r.line, "", "%s", geo.ErrorMessage(err))
		}
	}
}

func inValidity(s geo.WasteSchedule, d time.Time) bool {
	return (s.ValidFrom.IsZero() || !d.Before(s.ValidFrom)) && (s.ValidTo.IsZero() || d.Before(s.ValidTo))
}

func pairKey(zone, waste string) string { return geo.Fold(zone) + "\x00" + geo.Fold(waste) }

func setAdd(m map[string]bool, k string) map[string]bool {
	if m == nil {
		m = map[string]bool{}
	}
	m[k] = true
	return m
}

// weekdayNames are the Czech weekday names, for messages.
var weekdayNames = [7]string{"neděle", "pondělí", "úterý", "středa", "čtvrtek", "pátek", "sobota"}

// weekdays maps the folded Czech names and abbreviations to weekdays.
var weekdays = map[string]time.Weekday{
	"pondeli": time.Monday, "po": time.Monday,
	"utery": time.Tuesday, "ut": time.Tuesday,
	"streda": time.Wednesday, "st": time.Wednesday,
	"ctvrtek": time.Thursday, "ct": time.Thursday,
	"patek": time.Friday, "pa": time.Friday,
	"sobota": time.Saturday, "so": time.Saturday,
	"nedele": time.Sunday, "ne": time.Sunday,
}

func parseWeekday(s string) (time.Weekday, bool) {
	wd, ok := weekdays[geo.Fold(s)]
	return wd, ok
}

// parseDate reads 5. 1. 2026, 5.1.2026, 05.01.2026 or 2026-01-05.
func parseDate(le *lineErrors, c column, s string) (time.Time, bool) {
	bad := func(why string) (time.Time, bool) {
		le.fail(c, "%q is not a date%s; write 5. 1. 2026 or 2026-01-05", s, why)
		return time.Time{}, false
	}
	var y, m, d int
	var err error
	if strings.Contains(s, "-") {
		t, perr := time.Parse(time.DateOnly, s)
		if perr != nil {
			return bad("")
		}
		y, m, d = t.Year(), int(t.Month()), t.Day()
	} else {
		parts := strings.Split(s, ".")
		if len(parts) != 3 {
			return bad("")
		}
		nums := make([]int, 3)
		for i, part := range parts {
			if nums[i], err = strconv.Atoi(strings.TrimSpace(part)); err != nil {
				return bad("")
			}
		}
		d, m, y = nums[0], nums[1], nums[2]
		if y < 100 {
			return bad(" (write the year with four digits)")
		}
	}
	t := geo.Date(y, time.Month(m), d)
	if t.Day() != d || int(t.Month()) != m {
		return bad(" (no such day)")
	}
	if y < 2000 || y > 2099 {
		return bad(" (the year is out of 2000–2099)")
	}
	return t, true
}

// parseSeasonDay reads 1.4. or 1. 4. (or 1.4); empty is the zero MonthDay.
func parseSeasonDay(le *lineErrors, c column, s string) (geo.MonthDay, bool) {
	if s == "" {
		return geo.MonthDay{}, true
	}
	parts := strings.Split(s, ".")
	if len(parts) == 3 && strings.TrimSpace(parts[2]) == "" {
		parts = parts[:2]
	}
	if len(parts) == 3 {
		le.fail(c, "%q has a year; a season is a day and a month, like 1.4., valid every year (the years go to plati_od and plati_do; a spreadsheet may have turned the cell into a date: format the column as text)", s)
		return geo.MonthDay{}, false
	}
	if len(parts) == 2 {
		d, errD := strconv.Atoi(strings.TrimSpace(parts[0]))
		m, errM := strconv.Atoi(strings.TrimSpace(parts[1]))
		md := geo.MonthDay{Month: time.Month(m), Day: d}
		if errD == nil && errM == nil && m >= 1 && m <= 12 && d >= 1 && d <= geo.Date(2024, time.Month(m)+1, 0).Day() {
			return md, true
		}
	}
	le.fail(c, "%q is not a day and month like 1.4.", s)
	return geo.MonthDay{}, false
}

func czechDate(t time.Time) string {
	return fmt.Sprintf("%d. %d. %d", t.Day(), int(t.Month()), t.Year())
}

// errTooLarge ends reading a file larger than maxSize.
var errTooLarge = errors.New("file too large")

type limitedReader struct {
	r    io.Reader
	left int64
}

func (l *limitedReader) Read(b []byte) (int, error) {
	if l.left <= 0 {
		return 0, errTooLarge
	}
	if int64(len(b)) > l.left {
		b = b[:l.left]
	}
	n, err := l.r.Read(b)
	l.left -= int64(n)
	return n, err
}
