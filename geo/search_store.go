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
//
// Words are resolved to search units first (streets and town parts, a small table), and the
// numbers are then looked up among the address points of those units by index. Splitting the
// two keeps every plan an index walk, however common the words are.
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
	units, err := s.matchUnits(ctx, q, p)
	if err != nil {
		return nil, err
	}
	found, err := s.searchUnits(ctx, q, p, units)
	if err != nil || len(found) > 0 {
		return found, err
	}
	// Nothing under the words as typed: perhaps a typo ("Ludní 685" for Luční).
	if units, err = s.matchUnitsFuzzy(ctx, q, p); err != nil {
		return nil, err
	}
	return s.searchUnits(ctx, q, p, units)
}

// searchUnits finds the addresses matching the query's numbers among the units, exact numbers
// first, then, while the page has room and the street is narrowed down, the number being typed
// as a prefix.
func (s *Store) searchUnits(ctx context.Context, q Query, p SearchParams, units []int32) ([]Address, error) {
	if len(units) == 0 {
		return nil, nil
	}
	if len(q.Numbers) == 0 && q.Postcode == "" && q.BuildingType == "" && len(units) > p.Limit {
		units = units[:p.Limit] // every unit has an address: the first units fill the page
	}
	found, err := s.searchAddresses(ctx, buildUnitSearch(q, p, units, false))
	if err != nil || len(found) == p.Limit || len(units) > maxPrefixUnits || !q.typingNumber() {
		return found, err
	}
	return s.searchAddresses(ctx, buildUnitSearch(q, p, units, true))
}

// maxUnits bounds how many places one search considers, so that a one-letter word cannot
// turn a search into a scan of the whole register.
const maxUnits = 3000

// maxPrefixUnits bounds the places in which a number being typed is matched as a prefix:
// prefixes cannot use the number indexes, so they are for a narrowed-down street.
const maxPrefixUnits = 100

// typingNumber reports whether the last number can still grow as the citizen types.
func (q Query) typingNumber() bool {
	return len(q.Numbers) > 0 && q.Numbers[len(q.Numbers)-1].Prefix != ""
}

// matchUnitsFuzzy returns the search units whose street or part names are closest to the
// words: the closest few names, then every unit bearing them, since one name may be a street
// in hundreds of towns and the typed numbers pick among them.
func (s *Store) matchUnitsFuzzy(ctx context.Context, q Query, p SearchParams) ([]int32, error) {
	var sq sqlQuery
	ph := sq.arg(strings.Join(q.Words, " "))
	muni := ""
	if p.Municipality != 0 {
		muni = " AND u.municipality_code = " + sq.arg(p.Municipality)
	}
	// Trigram similarity of the typed words to street and part names finds the candidates;
	// a name fewest edits away ranks first, as trigram scores of short names tie too often to
	// tell "Luční" from "Lidická".
	sq.sql = `WITH best AS (
		SELECT u.place_key, levenshtein(u.place_key, ` + ph + `) AS edits, similarity(u.place_key, ` + ph + `) AS sim
		FROM address_units u WHERE u.place_key % ` + ph + muni + `
		GROUP BY u.place_key ORDER BY edits, sim DESC, u.place_key LIMIT ` + strconv.Itoa(maxFuzzyNames) + `)
	SELECT u.id FROM best JOIN address_units u ON u.place_key = best.place_key` + muni + `
	ORDER BY best.edits, best.sim DESC, u.place_key, u.municipality_code, u.id LIMIT ` + strconv.Itoa(maxUnits)
	return s.unitIDs(ctx, sq)
}

// matchUnits returns the ids of the search units (streets, town parts) whose names hold every
// word as a word start, best first: the place named exactly, then by prefix, then the rest.
func (s *Store) matchUnits(ctx context.Context, q Query, p SearchParams) ([]int32, error) {
	var sq sqlQuery
	var where []string
	phrase := strings.Join(q.Words, " ")
	for _, w := range q.Words {
		where = append(where, "u.search_text LIKE "+sq.arg("% "+escapeLike(w)+"%"))
	}
	ph := sq.arg(phrase)
	rank := "CASE WHEN u.place_key = " + ph + " THEN 0 WHEN u.place_key LIKE " +
		sq.arg(escapeLike(phrase)+"%") + " THEN 1 ELSE 2 END"
	if p.Municipality != 0 {
		where = append(where, "u.municipality_code = "+sq.arg(p.Municipality))
	}
	sq.sql = `SELECT u.id FROM address_units u WHERE ` + strings.Join(where, " AND ") + `
		ORDER BY ` + rank + `, u.place_key, u.municipality_code, u.id LIMIT ` + strconv.Itoa(maxUnits)
	return s.unitIDs(ctx, sq)
}

func (s *Store) unitIDs(ctx context.Context, sq sqlQuery) ([]int32, error) {
	rows, err := s.db.Query(ctx, sq.sql, sq.args...)
	if err != nil {
		return nil, fmt.Errorf("match search units: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil {
		return nil, fmt.Errorf("match search units: %w", err)
	}
	return ids, nil
}

// maxFuzzyNames bounds the names a misspelt query considers: the closest few are enough.
const maxFuzzyNames = 20

// buildUnitSearch looks the numbers up among the address points of units, in the units' order.
// Without prefixes only exact numbers match, through the (unit, number) indexes.
func buildUnitSearch(q Query, p SearchParams, units []int32, prefixes bool) sqlQuery {
	var sq sqlQuery
	ids := sq.arg(units)
	numbers := numberConditions(&sq, q, prefixes)
	where := append([]string{"a.retired_at IS NULL"}, numbers.filters...)
	where = append(where, commonFilters(&sq, q)...)
	order := numbers.orderBy("u.ord", withinUnitOrder)
	sq.sql = `SELECT ` + addressColumns + ` FROM (
		SELECT a.*, u.ord FROM unnest(` + ids + `::integer[]) WITH ORDINALITY AS u(id, ord)
		JOIN address_points a ON a.unit_id = u.id
		WHERE ` + strings.Join(where, " AND ") + `
		ORDER BY ` + order + ` LIMIT ` + sq.arg(p.Limit) + `) a ` + addressJoins + `
	ORDER BY ` + strings.ReplaceAll(order, "u.ord", "a.ord")
	return sq
}

// buildNumberSearch finds addresses by numbers and postcode alone ("1163/12", "č. ev. 45",
// "742 21") through the number and postcode indexes. Only exact numbers match, and the page
// is cut before the names are joined, since such a query may match thousands nationwide.
func buildNumberSearch(q Query, p SearchParams) sqlQuery {
	var sq sqlQuery
	numbers := numberConditions(&sq, q, false)
	where := append([]string{"a.retired_at IS NULL"}, numbers.filters...)
	where = append(where, commonFilters(&sq, q)...)
	if p.Municipality != 0 {
		where = append(where, "a.municipality_code = "+sq.arg(p.Municipality))
	}
	// Grouped by place, the order of the postcode index; the primary key cannot give it, so
	// the plan never walks the key in the hope of meeting a match soon.
	order := numbers.orderBy("a.municipality_code", "a.unit_id", withinUnitOrder)
	sq.sql = `SELECT ` + addressColumns + ` FROM (
		SELECT a.* FROM address_points a WHERE ` + strings.Join(where, " AND ") + `
		ORDER BY ` + order + ` LIMIT ` + sq.arg(p.Limit) + `) a ` + addressJoins + `
	ORDER BY ` + order
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

// withinUnitOrder lists the addresses of one street the way a directory would.
const withinUnitOrder = `a.orientation_number NULLS FIRST, a.house_number, a.orientation_letter NULLS FIRST, a.code`

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
		if !prefixes {
			loose = ex // a second, prefix pass comes only when the exact one leaves room
		}
		filters = append(filters, loose)
		exact = append(exact, ex)
	}
	var rank []string
	if prefixes { // otherwise every row matched exactly and the rank would only cost a sort
		rank = append(rank, "CASE WHEN "+strings.Join(exact, " AND ")+" THEN 0 ELSE 1 END")
	}
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
