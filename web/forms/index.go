package forms

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/layout"
)

// maxQueryLength bounds the searched text, as the field's maxlength does.
const maxQueryLength = 100

// listItem is a form as the list shows it.
type listItem struct {
	Form
	search string // what the search looks in, folded: titles, summary, its situations and their keywords
}

// listGroup is a category of life situations with the forms that belong to it; the forms of
// no situation come last, in a group without a title.
type listGroup struct {
	Title string
	Forms []listItem
}

// listView is the list of forms, by category or as found by a search.
type listView struct {
	Query   string // "": no search
	Results []listItem
	Groups  []listGroup
}

// index serves the list of the forms on offer by the categories of their life situations, or
// what a search (?q=) finds among them, ignoring case and diacritics.
func (h *handler) index(w http.ResponseWriter, r *http.Request) {
	v := listView{Query: strings.TrimSpace(r.URL.Query().Get("q"))}
	for utf8.RuneCountInString(v.Query) > maxQueryLength {
		_, size := utf8.DecodeLastRuneInString(v.Query)
		v.Query = v.Query[:len(v.Query)-size]
	}
	offered, err := h.store.Offered(r.Context())
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	topics, err := h.store.topics(r.Context())
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	v.Groups = group(offered, topics)
	if v.Query != "" {
		words := strings.Fields(geo.Fold(v.Query))
		for _, g := range v.Groups {
			for _, f := range g.Forms {
				if slices.IndexFunc(words, func(w string) bool { return !strings.Contains(f.search, " "+w) }) < 0 {
					v.Results = append(v.Results, f)
				}
			}
		}
		slices.SortStableFunc(v.Results, func(a, b listItem) int { return czechOrder().CompareString(a.Title, b.Title) })
	}
	layout.Render(w, r, listPage(v))
}

// group sorts the forms into the categories of their first life situation that is published,
// in the signpost's order, each category's forms in Czech alphabetical order.
func group(offered []Form, topics map[string]topic) []listGroup {
	type placed struct {
		listItem
		topic topic
	}
	var all []placed
	for _, f := range offered {
		p := placed{listItem: listItem{Form: f}, topic: topic{Position: -1}}
		words := []string{f.Title, f.TitleEN, f.Summary}
		for _, s := range f.Situations {
			t, ok := topics[s]
			if !ok {
				continue
			}
			if p.topic.Position < 0 {
				p.topic = t
			}
			words = append(words, t.Title, t.Keywords)
		}
		p.search = " " + geo.Fold(strings.Join(words, " "))
		all = append(all, p)
	}
	byTitle := czechOrder()
	slices.SortStableFunc(all, func(a, b placed) int {
		// Forms of no situation (position -1) go last.
		if c := cmp.Compare(uint(a.topic.Position), uint(b.topic.Position)); c != 0 {
			return c
		}
		return byTitle.CompareString(a.Title, b.Title)
	})
	var out []listGroup
	for i, p := range all {
		if i == 0 || all[i-1].topic.Category != p.topic.Category {
			out = append(out, listGroup{Title: p.topic.CategoryTitle})
		}
		out[len(out)-1].Forms = append(out[len(out)-1].Forms, p.listItem)
	}
	return out
}

// czechOrder compares texts as a Czech dictionary orders them. A collator is not safe for
// concurrent use: each call makes its own.
func czechOrder() *collate.Collator { return collate.New(language.Czech) }

// topic is a published life situation as forms belong to it: its category and the words it
// is found by.
type topic struct {
	Title, Keywords         string
	Category, CategoryTitle string
	Position                int // of the category on the signpost
}

// topics are the published life situations by slug.
func (s *Store) topics(ctx context.Context) (map[string]topic, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT s.slug, s.title, array_to_string(s.keywords, ' '), c.slug, c.title, c.position
		FROM situations s JOIN situation_categories c ON c.slug = s.category
		WHERE s.state = 'published'`)
	if err != nil {
		return nil, fmt.Errorf("read the life situations of forms: %w", err)
	}
	out := map[string]topic{}
	var slug string
	var t topic
	_, err = pgx.ForEachRow(rows, []any{&slug, &t.Title, &t.Keywords, &t.Category, &t.CategoryTitle, &t.Position}, func() error {
		out[slug] = t
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the life situations of forms: %w", err)
	}
	return out, nil
}
