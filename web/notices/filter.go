package notices

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The board's query parameters: the filter form submits them with GET, so that a filtered
// board is a link to share, and the pagination keeps them.
const (
	paramQuery      = "q"
	paramCategory   = "kategorie"
	paramDepartment = "odbor"
	paramYear       = "rok"
	paramPage       = "strana"
)

// perPage is how many notices a board page lists.
const perPage = 20

// maxQueryLength bounds the search text: a search is a few words, not a document.
const maxQueryLength = 200

// boardQuery is what a board page was asked for: its filter and page number.
type boardQuery struct {
	Filter Filter
	Page   int // from 1
}

// parseBoardQuery reads a board page's query parameters; ok is false for a page number or
// year that is not one (a link made by hand), which no form produces.
func parseBoardQuery(v url.Values, board Board) (q boardQuery, ok bool) {
	q = boardQuery{Filter: Filter{
		Board:      board,
		Category:   strings.TrimSpace(v.Get(paramCategory)),
		Department: strings.TrimSpace(v.Get(paramDepartment)),
		Query:      strings.TrimSpace(v.Get(paramQuery)),
	}}
	if utf8.RuneCountInString(q.Filter.Query) > maxQueryLength {
		q.Filter.Query = string([]rune(q.Filter.Query)[:maxQueryLength])
	}
	if s := v.Get(paramYear); s != "" {
		year, err := strconv.Atoi(s)
		if err != nil || year < 1 || year > 9999 {
			return q, false
		}
		q.Filter.Year = year
	}
	q.Page, ok = parsePage(v)
	return q, ok
}

// parsePage reads the page number of a paged list, 1 when none is given; ok is false for one
// that is not a page number.
func parsePage(v url.Values) (page int, ok bool) {
	s := v.Get(paramPage)
	if s == "" {
		return 1, true
	}
	page, err := strconv.Atoi(s)
	return page, err == nil && page >= 1
}

// filtered reports whether anything narrows the board.
func (q boardQuery) filtered() bool {
	f := q.Filter
	return f.Query != "" || f.Category != "" || f.Department != "" || f.Year != 0
}

// pageURL is the board page at path with q's filter, showing page n.
func (q boardQuery) pageURL(path string, n int) string {
	v := url.Values{}
	for _, p := range []struct{ key, value string }{
		{paramQuery, q.Filter.Query},
		{paramCategory, q.Filter.Category},
		{paramDepartment, q.Filter.Department},
	} {
		if p.value != "" {
			v.Set(p.key, p.value)
		}
	}
	if q.Filter.Year != 0 {
		v.Set(paramYear, strconv.Itoa(q.Filter.Year))
	}
	if n > 1 {
		v.Set(paramPage, strconv.Itoa(n))
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}
