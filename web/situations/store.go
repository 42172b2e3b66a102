package situations

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/radnice/radnice/datasets/situations"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/editorial"
)

// Store keeps the life situations in PostgreSQL.
type Store struct {
	pool   *pgxpool.Pool
	drafts bool // read situations in every state: an editor's preview
}

// NewStore returns the store of the life situations in pool's database.
func NewStore(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

// withDrafts is the store that reads situations in every state, for previews.
func (s *Store) withDrafts() *Store { return &Store{pool: s.pool, drafts: true} }

// shown is the SQL condition on the situations row alias that the store reads: the published
// ones, or all of them for a preview.
func (s *Store) shown(alias string) string {
	if s.drafts {
		return "true"
	}
	return alias + ".state = 'published'"
}

// Category is a category of the signpost with the number of its published situations.
type Category struct {
	Slug, Title, Description string
	Count                    int
}

// Path is the category's page, in Czech (i18n.Path makes it English).
func (c Category) Path() string { return "/zivotni-situace/kategorie/" + c.Slug }

// Summary is a situation as lists show it.
type Summary struct {
	Slug, Title, Summary string
	Category             Category // without its Count
}

// Path is the situation's page, in Czech.
func (s Summary) Path() string { return SituationPath(s.Slug) }

// SituationPath is the page of the situation slug, in Czech.
func SituationPath(slug string) string { return "/zivotni-situace/" + slug }

// Group is a category with its published situations, in Czech alphabetical order.
type Group struct {
	Category
	Situations []Summary
}

// Situation is a published situation as its page shows it.
type Situation struct {
	situations.Situation
	CategoryTitle string `json:"-"`
}

// Categories are the categories that hold published situations, in the signpost's order, with
// their counts: what the home page offers.
func (s *Store) Categories(ctx context.Context) ([]Category, error) {
	groups, err := s.Groups(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Category, len(groups))
	for i, g := range groups {
		out[i] = g.Category
	}
	return out, nil
}

// Groups are the categories with their published situations, in the signpost's order.
func (s *Store) Groups(ctx context.Context) ([]Group, error) {
	return s.groups(ctx, "")
}

// Group is the category slug with its published situations; ENOTFOUND when it holds none.
func (s *Store) Group(ctx context.Context, slug string) (Group, error) {
	groups, err := s.groups(ctx, slug)
	if err != nil {
		return Group{}, err
	}
	if len(groups) == 0 {
		return Group{}, geo.Errorf(geo.ENOTFOUND, "No life situations in category %q.", slug)
	}
	return groups[0], nil
}

// groups reads the published situations by category: of the category slug, or of all when "".
func (s *Store) groups(ctx context.Context, slug string) ([]Group, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT c.slug, c.title, c.description, s.slug, s.title, s.summary
		FROM situation_categories c
		JOIN situations s ON s.category = c.slug AND `+s.shown("s")+`
		WHERE $1 = '' OR c.slug = $1
		ORDER BY c.position, c.slug`, slug)
	if err != nil {
		return nil, fmt.Errorf("read life situations by category: %w", err)
	}
	var out []Group
	for rows.Next() {
		var sum Summary
		if err := rows.Scan(&sum.Category.Slug, &sum.Category.Title, &sum.Category.Description, &sum.Slug, &sum.Title, &sum.Summary); err != nil {
			return nil, fmt.Errorf("read life situations by category: %w", err)
		}
		if len(out) == 0 || out[len(out)-1].Slug != sum.Category.Slug {
			out = append(out, Group{Category: sum.Category})
		}
		g := &out[len(out)-1]
		g.Situations = append(g.Situations, sum)
		g.Count++
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read life situations by category: %w", err)
	}
	byTitle := czechOrder()
	for _, g := range out {
		slices.SortFunc(g.Situations, func(a, b Summary) int { return byTitle.CompareString(a.Title, b.Title) })
	}
	return out, nil
}

// czechOrder compares texts as a Czech dictionary orders them (ch after h, č after c). A
// collator is not safe for concurrent use: each call makes its own.
func czechOrder() *collate.Collator { return collate.New(language.Czech) }

// Search finds the published situations with words beginning with every word of query,
// ignoring case, diacritics and the common Czech endings (see stem). The words as typed rank
// above their stems, and titles above keywords above the rest of the text; equals are in Czech
// alphabetical order. At most limit are returned; none for a query without words.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]Summary, error) {
	words := searchWords(query)
	if len(words) == 0 {
		return nil, nil
	}
	whole := wordPatterns(words, func(w string) string { return w })
	rows, err := s.pool.Query(ctx, `
		SELECT s.slug, s.title, s.summary, c.slug, c.title, c.description,
			CASE WHEN s.search_title LIKE ALL ($2) THEN 0
				WHEN s.search_title || s.search_keywords LIKE ALL ($2) THEN 1
				WHEN s.search_title LIKE ALL ($1) THEN 2
				WHEN s.search_title || s.search_keywords LIKE ALL ($1) THEN 3
				ELSE 4 END AS rank
		FROM situations s
		JOIN situation_categories c ON c.slug = s.category
		WHERE `+s.shown("s")+` AND s.search_title || s.search_keywords || s.search_text LIKE ALL ($1)`,
		wordPatterns(words, stem), whole)
	if err != nil {
		return nil, fmt.Errorf("search life situations: %w", err)
	}
	type ranked struct {
		Summary
		rank int
	}
	found, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (ranked, error) {
		var r ranked
		err := row.Scan(&r.Slug, &r.Title, &r.Summary.Summary, &r.Category.Slug, &r.Category.Title, &r.Category.Description, &r.rank)
		return r, err
	})
	if err != nil {
		return nil, fmt.Errorf("search life situations: %w", err)
	}
	byTitle := czechOrder()
	slices.SortFunc(found, func(a, b ranked) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		return byTitle.CompareString(a.Title, b.Title)
	})
	out := make([]Summary, 0, min(len(found), limit))
	for _, r := range found[:min(len(found), limit)] {
		out = append(out, r.Summary)
	}
	return out, nil
}

// Situation is the published situation slug (in any state for a preview) with its forms and
// video guides; ENOTFOUND when there is none.
func (s *Store) Situation(ctx context.Context, slug string) (Situation, error) {
	e, err := readSituation(ctx, s.pool, slug, s.shown("s"), false)
	return e.Situation, err
}

// querier runs the store's reads: the pool, or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// readSituation reads the situation slug that meets cond (an SQL condition on s) with its
// forms and video guides, locking its row for the transaction q when lock is set; ENOTFOUND
// when there is none.
func readSituation(ctx context.Context, q querier, slug, cond string, lock bool) (Edit, error) {
	var out Edit
	forUpdate := ""
	if lock {
		forUpdate = " FOR UPDATE OF s"
	}
	err := q.QueryRow(ctx, `
		SELECT s.slug, s.category, c.title, s.title, s.summary, s.keywords, s.agenda, s.legal_basis, s.updated_on,
			s.about, s.audience, s.preparation, s.fees, s.deadlines, s.online, s.handling, s.state, s.updated_at
		FROM situations s
		JOIN situation_categories c ON c.slug = s.category
		WHERE s.slug = $1 AND `+cond+forUpdate, slug).Scan(
		&out.Slug, &out.Category, &out.CategoryTitle, &out.Title, &out.Summary, &out.Keywords, &out.Agenda, &out.Laws, &out.Updated,
		&out.About, &out.Audience, &out.Preparation, &out.Fees, &out.Deadlines, &out.Online, &out.Handling, &out.State, &out.UpdatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return Edit{}, geo.Errorf(geo.ENOTFOUND, "No life situation %q.", slug)
	}
	if err != nil {
		return Edit{}, fmt.Errorf("read life situation %s: %w", slug, err)
	}
	rows, err := q.Query(ctx, `
		SELECT kind, target, title FROM situation_links WHERE situation = $1 ORDER BY kind, position`, slug)
	if err != nil {
		return Edit{}, fmt.Errorf("read the links of life situation %s: %w", slug, err)
	}
	var kind string
	var link situations.Link
	_, err = pgx.ForEachRow(rows, []any{&kind, &link.Slug, &link.Title}, func() error {
		if kind == linkForm {
			out.Forms = append(out.Forms, link)
		} else {
			out.Videos = append(out.Videos, link)
		}
		return nil
	})
	if err != nil {
		return Edit{}, fmt.Errorf("read the links of life situation %s: %w", slug, err)
	}
	return out, nil
}

// The kinds of situation_links.
const (
	linkForm  = "form"
	linkVideo = "video"
)

// Replace makes c the whole of the life situations, in one transaction: what the store held
// before is gone. Whether a situation is public is not the content files' to say: new ones
// are published, the others keep their state. It returns the number of situations.
func (s *Store) Replace(ctx context.Context, c *situations.Content) (int, error) {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT slug, state FROM situations`)
		if err != nil {
			return fmt.Errorf("read the states of the life situations: %w", err)
		}
		states := map[string]editorial.State{}
		var slug string
		var state editorial.State
		if _, err := pgx.ForEachRow(rows, []any{&slug, &state}, func() error { states[slug] = state; return nil }); err != nil {
			return fmt.Errorf("read the states of the life situations: %w", err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM situation_links; DELETE FROM situations; DELETE FROM situation_categories`); err != nil {
			return fmt.Errorf("clear the life situations: %w", err)
		}
		batch := &pgx.Batch{}
		for i, cat := range c.Categories {
			batch.Queue(`INSERT INTO situation_categories (slug, title, description, position) VALUES ($1, $2, $3, $4)`,
				cat.Slug, cat.Title, cat.Description, i+1)
		}
		for _, sit := range c.Situations {
			queueSituation(batch, sit, cmp.Or(states[sit.Slug], editorial.Published))
		}
		if err := tx.SendBatch(ctx, batch).Close(); err != nil {
			return fmt.Errorf("write the life situations: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(c.Situations), nil
}

// situationColumns are the columns a situation's content is written to, in the order of
// situationValues.
const situationColumns = `slug, category, title, summary, keywords, about, audience, preparation, fees,
	deadlines, online, handling, agenda, legal_basis, updated_on, search_title, search_keywords, search_text`

// situationValues are the values of situationColumns for sit.
func situationValues(sit situations.Situation) []any {
	keywords := sit.Keywords
	if keywords == nil { // the column takes no NULL
		keywords = []string{}
	}
	return []any{sit.Slug, sit.Category, sit.Title, sit.Summary, keywords, sit.About, sit.Audience, sit.Preparation, sit.Fees,
		sit.Deadlines, sit.Online, sit.Handling, sit.Agenda, sit.Laws, sit.Updated,
		searchKey(sit.Title), searchKey(keywords...), searchKey(searchedText(sit)...)}
}

// queueSituation adds the statements that write sit, in state, and its links to batch.
func queueSituation(batch *pgx.Batch, sit situations.Situation, state editorial.State) {
	batch.Queue(`
		INSERT INTO situations (`+situationColumns+`, state)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
		append(situationValues(sit), state)...)
	queueLinks(batch, sit)
}

// queueLinks adds the statements that write the forms and video guides of sit to batch.
func queueLinks(batch *pgx.Batch, sit situations.Situation) {
	for kind, links := range map[string][]situations.Link{linkForm: sit.Forms, linkVideo: sit.Videos} {
		for i, l := range links {
			batch.Queue(`INSERT INTO situation_links (situation, kind, position, target, title) VALUES ($1, $2, $3, $4, $5)`,
				sit.Slug, kind, i+1, l.Slug, l.Title)
		}
	}
}

// searchedText is what of sit, besides its title and keywords, a search looks in.
func searchedText(sit situations.Situation) []string {
	texts := []string{sit.Summary, sit.About, sit.Audience, sit.Preparation, sit.Fees, sit.Deadlines, sit.Online, sit.Handling}
	texts = append(texts, sit.Laws...)
	for _, l := range slices.Concat(sit.Forms, sit.Videos) {
		texts = append(texts, l.Title)
	}
	return texts
}
