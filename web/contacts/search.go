package contacts

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/radnice/radnice/geo"
)

// Found is what a search of the contacts found, best first within each kind.
type Found struct {
	Agendas     []Agenda
	Departments []*Department
	People      []Person
}

// Empty reports whether nothing was found.
func (f Found) Empty() bool { return len(f.Agendas)+len(f.Departments)+len(f.People) == 0 }

// stopWords are words of a question that say nothing of whom it is for: "kdo vyřizuje
// poplatek za psa" is a search for "poplatek psa". Folded, as geo.Fold writes them.
var stopWords = map[string]bool{
	"a": true, "i": true, "k": true, "o": true, "s": true, "u": true, "v": true, "z": true,
	"ke": true, "ku": true, "se": true, "si": true, "ve": true, "ze": true, "do": true, "na": true, "od": true,
	"po": true, "pro": true, "pri": true, "za": true, "je": true, "jak": true, "kdo": true, "co": true,
	"kde": true, "kdy": true, "kam": true, "ktery": true, "ktera": true, "ktere": true, "mi": true, "me": true,
	"muj": true, "moje": true, "chci": true, "potrebuji": true, "vyrizuje": true, "vyridit": true, "resi": true,
}

// maxWords bounds the words of one search.
const maxWords = 8

// searchWords are the folded words of a search text that can tell contacts apart.
func searchWords(text string) []string {
	var words []string
	for w := range strings.FieldsSeq(geo.Fold(text)) {
		if !stopWords[w] && !slices.Contains(words, w) && len(words) < maxWords {
			words = append(words, w)
		}
	}
	return words
}

// stem is the start of a word that its other forms share, roughly: Czech changes the ends of
// words ("poplatek", "poplatku", "poplatky"), so a word of more than four letters matches by all
// but its last two, and never by fewer than four.
func stem(word string) string {
	r := []rune(word)
	if len(r) <= 4 {
		return word
	}
	return string(r[:max(4, len(r)-2)])
}

// Search finds the agendas, departments and people that text speaks of: by the agendas' names
// and keywords ("poplatek za psa"), the departments' names and the people's names and
// functions, ignoring case and diacritics. Every word of the text (but words like "za", "kdo")
// must begin a word of what is found, allowing for Czech endings; when nothing has all of
// them, what has the most is found. A text without such words is a geo.EINVALID error.
func (s *Store) Search(ctx context.Context, text string) (Found, error) {
	words := searchWords(text)
	if len(words) == 0 {
		return Found{}, geo.Errorf(geo.EINVALID, "Nothing to search for in %q.", text)
	}
	stems := make([]string, len(words))
	for i, w := range words {
		stems[i] = stem(w)
	}
	rows, err := s.pool.Query(ctx, `
		WITH words AS (
			SELECT word, stem FROM unnest($1::text[], $2::text[]) AS w (word, stem)
		), candidates AS (
			SELECT 'agenda' AS kind, code AS key, name AS label, search_text FROM contact_agendas a WHERE `+s.shown("a")+`
			UNION ALL
			SELECT 'department', code, name, search_text FROM contact_departments d WHERE `+s.shown("d")+`
			UNION ALL
			SELECT 'person', id::text, family_name || ' ' || given_name, search_text FROM contact_people p WHERE `+s.shown("p")+`
		), scored AS (
			SELECT c.kind, c.key, c.label,
				count(*) FILTER (WHERE strpos(' ' || c.search_text, ' ' || w.stem) > 0) AS matched,
				count(*) FILTER (WHERE strpos(' ' || c.search_text, ' ' || w.word) > 0) AS whole
			FROM candidates c CROSS JOIN words w
			GROUP BY c.kind, c.key, c.label
		)
		SELECT kind, key FROM scored
		WHERE matched > 0 AND matched = (SELECT max(matched) FROM scored)
		ORDER BY whole DESC, label COLLATE "cs-x-icu"
		LIMIT 60`, words, stems)
	if err != nil {
		return Found{}, fmt.Errorf("search contacts: %w", err)
	}
	var kind, key string
	var agendaCodes, departmentCodes []string
	var personIDs []int
	if _, err := pgx.ForEachRow(rows, []any{&kind, &key}, func() error {
		switch kind {
		case "agenda":
			agendaCodes = append(agendaCodes, key)
		case "department":
			departmentCodes = append(departmentCodes, key)
		case "person":
			id, err := strconv.Atoi(key)
			personIDs = append(personIDs, id)
			return err
		}
		return nil
	}); err != nil {
		return Found{}, fmt.Errorf("search contacts: %w", err)
	}
	return s.found(ctx, agendaCodes, departmentCodes, personIDs)
}

// found reads what a search found, in the order found.
func (s *Store) found(ctx context.Context, agendaCodes, departmentCodes []string, personIDs []int) (Found, error) {
	var f Found
	org, err := s.Organisation(ctx)
	if err != nil {
		return f, err
	}
	for _, code := range departmentCodes {
		if d := org.Department(code); d != nil {
			f.Departments = append(f.Departments, d)
		}
	}
	if len(agendaCodes) > 0 {
		if f.Agendas, err = s.agendas(ctx, org, "a.code = ANY($1)", agendaCodes); err != nil {
			return f, err
		}
		slices.SortStableFunc(f.Agendas, func(a, b Agenda) int {
			return slices.Index(agendaCodes, a.Code) - slices.Index(agendaCodes, b.Code)
		})
	}
	if len(personIDs) > 0 {
		if f.People, err = s.people(ctx, org, "p.id = ANY($1)", personIDs); err != nil {
			return f, err
		}
		slices.SortStableFunc(f.People, func(a, b Person) int {
			return slices.Index(personIDs, a.ID) - slices.Index(personIDs, b.ID)
		})
	}
	return f, nil
}
