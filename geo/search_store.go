package geo

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// Search limits.
const (
	DefaultSearchLimit = 10
	MaxSearchLimit     = 50
	maxQueryLength     = 200
)

// SearchParams is an address search request.
type SearchParams struct {
	Text         string
	Limit        int // 1..MaxSearchLimit; 0 means DefaultSearchLimit
	Municipality int // kód obce to search within; 0 searches everywhere
}

// Search finds current address points matching free text, best first: exact number matches,
// then as-you-type prefixes; place words match word starts of the street, town part and
// municipality names regardless of case and diacritics. When no place matches the words,
// it retries with trigram similarity, so a typo of a letter still finds the street.
func (s *Store) Search(ctx context.Context, p SearchParams) ([]Address, error) {
	if p.Limit == 0 {
		p.Limit = DefaultSearchLimit
	}
	if p.Limit < 1 || p.Limit > MaxSearchLimit {
		return nil, Errorf(EINVALID, "limit must be between 1 and %d.", MaxSearchLimit)
	}
	if len(p.Text) > maxQueryLength {
		return nil, Errorf(EINVALID, "The query is longer than %d characters.", maxQueryLength)
	}
	q := ParseQuery(p.Text)
	if q.Empty() {
		return nil, Errorf(EINVALID, "The query names no street, place, number or postcode.")
	}
	if len(q.Words) == 0 {
		return s.searchAddresses(ctx, buildNumberSearch(q, p))
	}
	found, err := s.searchAddresses(ctx, buildPlaceSearch(q, p, false))
	if err != nil || len(found) > 0 {
		return found, err
	}
	return s.searchAddresses(ctx, buildPlaceSearch(q, p, true))
}

func (s *Store) searchAddresses(ctx context.Context, sq sqlQuery) ([]Address, error) {
	rows, err := s.db.Query(ctx, sq.sql, sq.args...)
	if err != nil {
		return nil, fmt.Errorf("search addresses: %w", err)
	}
	found, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Address, error) { return scanAddress(row) })
	if err != nil {
		return nil, fmt.Errorf("search addresses: %w", err)
	}
	return found, nil
}

// sqlQuery is SQL with its $n arguments, built up piece by piece.
type sqlQuery struct {
	sql  string
	args []any
}

// arg adds v as an argument and returns its placeholder.
func (q *sqlQuery) arg(v any) string {
	q.args = append(q.args, v)
	return "$" + strconv.Itoa(len(q.args))
}

// maxUnits bounds how many places one search considers, so that a one-letter word cannot
// turn a search into a scan of the whole register.
const maxUnits = 3000

// buildPlaceSearch matches the words against search units (streets and town parts), then the
// numbers against those units' address points. With fuzzy it ranks units by trigram word
// similarity instead of requiring every word as a word prefix.
func buildPlaceSearch(q Query, p SearchParams, fuzzy bool) sqlQuery {
	var sq sqlQuery
	var unitWhere []string
	var unitRank string
	phrase := strings.Join(q.Words, " ")
	if fuzzy {
		ph := sq.arg(phrase)
		unitWhere = append(unitWhere, ph+" <% u.search_text")
		unitRank = "1 - word_similarity(" + ph + ", u.search_text)"
	} else {
		for _, w := range q.Words {
			unitWhere = append(unitWhere, "u.search_text LIKE "+sq.arg("% "+escapeLike(w)+"%"))
		}
		ph := sq.arg(phrase)
		unitRank = "CASE WHEN u.place_key = " + ph + " THEN 0 WHEN u.place_key LIKE " +
			sq.arg(escapeLike(phrase)+"%") + " THEN 1 ELSE 2 END"
	}
	if p.Municipality != 0 {
		unitWhere = append(unitWhere, "u.municipality_code = "+sq.arg(p.Municipality))
	}
	numbers := numberConditions(&sq, q, true)
	where := append([]string{"a.retired_at IS NULL"}, numbers.filters...)
	where = append(where, commonFilters(&sq, q)...)
	sq.sql = `WITH units AS MATERIALIZED (
		SELECT u.id, ` + unitRank + ` AS unit_rank FROM address_units u
		WHERE ` + strings.Join(unitWhere, " AND ") + `
		ORDER BY unit_rank, u.place_key LIMIT ` + strconv.Itoa(maxUnits) + `)
	SELECT ` + addressColumns + ` FROM units JOIN address_points a ON a.unit_id = units.id ` + addressJoins + `
	WHERE ` + strings.Join(where, " AND ") + `
	ORDER BY ` + numbers.orderBy("units.unit_rank", naturalOrder) + `
	LIMIT ` + sq.arg(p.Limit)
	return sq
}

// buildNumberSearch finds addresses by numbers and postcode alone ("1163/12", "č. ev. 45",
// "742 21"), using the number and postcode indexes; only exact numbers match here.
func buildNumberSearch(q Query, p SearchParams) sqlQuery {
	var sq sqlQuery
	numbers := numberConditions(&sq, q, false)
	where := append([]string{"a.retired_at IS NULL"}, numbers.filters...)
	where = append(where, commonFilters(&sq, q)...)
	if p.Municipality != 0 {
		where = append(where, "a.municipality_code = "+sq.arg(p.Municipality))
	}
	sq.sql = `SELECT ` + addressColumns + ` FROM address_points a ` + addressJoins + `
	WHERE ` + strings.Join(where, " AND ") + `
	ORDER BY ` + numbers.orderBy(naturalOrder) + `
	LIMIT ` + sq.arg(p.Limit)
	return sq
}

// commonFilters restricts by building type marker and postcode.
func commonFilters(sq *sqlQuery, q Query) []string {
	var f []string
	if q.BuildingType != "" {
		f = append(f, "a.building_type = "+sq.arg(string(q.BuildingType)))
	}
	if q.Postcode != "" {
		f = append(f, "a.postcode = "+sq.arg(q.Postcode))
	}
	return f
}

// naturalOrder lists addresses the way a directory would: by town, street, then number.
const naturalOrder = `m.name, coalesce(s.name, p.name), a.orientation_number NULLS FIRST, a.house_number,
	a.orientation_letter NULLS FIRST, a.code`

// numberMatch holds the WHERE conditions for the typed numbers and the ORDER BY expressions
// that put exact matches first.
type numberMatch struct {
	filters []string
	rank    []string
}

// orderBy puts the number ranks before the given ORDER BY expressions.
func (n numberMatch) orderBy(then ...string) string {
	return strings.Join(append(append([]string(nil), n.rank...), then...), ", ")
}

// numberConditions turns the typed numbers into conditions. Each number must match exactly or,
// when prefixes is set and it is the last one typed, as a prefix (the citizen is still typing).
// Exact matches rank first; among them a plain number matching the orientation number on a
// street, or the house number where there is no street, ranks before the other reading.
func numberConditions(sq *sqlQuery, q Query, prefixes bool) numberMatch {
	if len(q.Numbers) == 0 {
		return numberMatch{}
	}
	var filters, exact, preferred []string
	for i, n := range q.Numbers {
		last := prefixes && i == len(q.Numbers)-1 && n.Prefix != ""
		var ex, loose string
		switch {
		case n.Plain > 0:
			v := sq.arg(n.Plain)
			ex = "(a.house_number = " + v + " OR a.orientation_number = " + v + ")"
			preferred = append(preferred, "(a.street_code IS NOT NULL AND a.orientation_number = "+v+
				" OR a.street_code IS NULL AND a.house_number = "+v+")")
			loose = ex
			if last {
				pre := sq.arg(n.Prefix + "%")
				loose = "(" + ex + " OR a.house_number::text LIKE " + pre + " OR a.orientation_number::text LIKE " + pre + ")"
			}
		case n.House > 0 && n.Orientation > 0:
			h, o := sq.arg(n.House), sq.arg(n.Orientation)
			ex = "(a.house_number = " + h + " AND a.orientation_number = " + o + " AND " + letterIs(sq, n.Letter) + ")"
			loose = "(a.house_number = " + h + " AND a.orientation_number = " + o + ")"
			if last && n.Letter == "" {
				loose = "(a.house_number = " + h + " AND a.orientation_number::text LIKE " + sq.arg(n.Prefix+"%") + ")"
			}
		case n.House > 0:
			h := sq.arg(n.House)
			ex = "a.house_number = " + h
			loose = ex
			if last {
				loose = "(" + ex + " OR a.house_number::text LIKE " + sq.arg(n.Prefix+"%") + ")"
			}
		default: // orientation number with a letter, "12a"
			o := sq.arg(n.Orientation)
			ex = "(a.orientation_number = " + o + " AND " + letterIs(sq, n.Letter) + ")"
			loose = "a.orientation_number = " + o
		}
		filters = append(filters, loose)
		exact = append(exact, ex)
	}
	rank := []string{"CASE WHEN " + strings.Join(exact, " AND ") + " THEN 0 ELSE 1 END"}
	if len(preferred) > 0 {
		rank = append(rank, "CASE WHEN "+strings.Join(preferred, " AND ")+" THEN 0 ELSE 1 END")
	}
	return numberMatch{filters: filters, rank: rank}
}

func letterIs(sq *sqlQuery, letter string) string {
	if letter == "" {
		return "a.orientation_letter IS NULL"
	}
	return "a.orientation_letter = " + sq.arg(letter)
}

// escapeLike makes s match literally inside a LIKE pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
