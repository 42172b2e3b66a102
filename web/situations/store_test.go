package situations_test

import (
	"context"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	sitfiles "github.com/radnice/radnice/datasets/situations"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/situations"
)

func TestTheSignpostListsTheCategoriesInOrderWithTheirCounts(t *testing.T) {
	store := situations.NewStore(demotest.Pool(t))
	cats, err := store.Categories(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var slugs []string
	total := 0
	for _, c := range cats {
		slugs = append(slugs, c.Slug)
		total += c.Count
	}
	want := []string{"rodina-a-deti", "doklady-a-overovani", "bydleni-a-trvaly-pobyt", "odpady-a-poplatky",
		"doprava-a-parkovani", "stavby-a-zivotni-prostredi", "akce-spolky-a-dotace", "urad-a-verejny-zivot"}
	if !slices.Equal(slugs, want) {
		t.Errorf("categories %v, want %v", slugs, want)
	}
	if cats[0].Title != "Rodina a děti" || cats[0].Count != 6 || cats[0].Path() != "/zivotni-situace/kategorie/rodina-a-deti" {
		t.Errorf("first category %+v", cats[0])
	}
	if total != 34 {
		t.Errorf("%d situations in all categories, want the demo's 34", total)
	}
}

func TestACategoryListsItsSituationsInCzechAlphabeticalOrder(t *testing.T) {
	store := situations.NewStore(demotest.Pool(t))
	g, err := store.Group(context.Background(), "rodina-a-deti")
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, s := range g.Situations {
		titles = append(titles, s.Title)
	}
	// Ú sorts with U, and "Úm" before "Uz"; Z after V.
	want := []string{"Narození dítěte", "Úmrtí blízké osoby", "Uzavření manželství", "Vítání občánků",
		"Zápis do mateřské školy", "Zápis do základní školy"}
	if !slices.Equal(titles, want) {
		t.Errorf("titles %q, want %q", titles, want)
	}
	if g.Count != 6 || g.Description == "" {
		t.Errorf("group %+v", g.Category)
	}
	if _, err := store.Group(context.Background(), "neni"); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("unknown category: %v, want not found", err)
	}
}

// searchSlugs searches the store and returns the slugs found, in order.
func searchSlugs(t *testing.T, store *situations.Store, query string) []string {
	t.Helper()
	found, err := store.Search(context.Background(), query, 50)
	if err != nil {
		t.Fatal(err)
	}
	var slugs []string
	for _, s := range found {
		slugs = append(slugs, s.Slug)
	}
	return slugs
}

func TestSearchIgnoresCaseDiacriticsAndEndings(t *testing.T) {
	store := situations.NewStore(demotest.Pool(t))
	for _, c := range []struct{ query, first string }{
		{"psa", "prihlaseni-psa"},          // in the title "Pořízení psa"
		{"pes", "prihlaseni-psa"},          // a keyword
		{"PES", "prihlaseni-psa"},          // case
		{"pořízení psa", "prihlaseni-psa"}, // diacritics as typed
		{"porizeni psa", "prihlaseni-psa"}, // and without
		{"kácení stromu", "kaceni-drevin"}, // "stromu" finds "stromy", "strom"
		{"svatba", "uzavreni-manzelstvi"},
		{"obcanka", "obcansky-prukaz"},
		{"stěhování", "zmena-trvaleho-pobytu"},
		{"106/1999", "zadost-o-informace"},
		{"žádost o informace", "zadost-o-informace"},
		{"kde volit", "volby"}, // "kde" says nothing
	} {
		if slugs := searchSlugs(t, store, c.query); len(slugs) == 0 || slugs[0] != c.first {
			t.Errorf("%q found %v, want %s first", c.query, slugs, c.first)
		}
	}
}

func TestSearchListsTitleMatchesFirst(t *testing.T) {
	store := situations.NewStore(demotest.Pool(t))
	slugs := searchSlugs(t, store, "odpad")
	// Titles with the word, in Czech order, then the rest: the bio waste, the deceased's fees...
	if len(slugs) < 3 || !slices.Equal(slugs[:2], []string{"poplatek-za-odpad", "velkoobjemovy-odpad"}) {
		t.Errorf("odpad found %v, want the two titles with the word first", slugs)
	}
	if !slices.Contains(slugs[2:], "bioodpad") {
		t.Errorf("odpad found %v, want bioodpad among the rest", slugs)
	}
}

func TestShortWordsFindOnlyWholeWords(t *testing.T) {
	store := situations.NewStore(demotest.Pool(t))
	// "pes" is not the beginning of "pěstebních" (the felling permit's text).
	if slugs := searchSlugs(t, store, "pes"); !slices.Equal(slugs, []string{"prihlaseni-psa"}) {
		t.Errorf("pes found %v, want only the dog", slugs)
	}
	if slugs := searchSlugs(t, store, "pas"); len(slugs) == 0 || slugs[0] != "cestovni-pas" {
		t.Errorf("pas found %v, want the passport first", slugs)
	}
}

func TestSearchWithoutWordsFindsNothing(t *testing.T) {
	store := situations.NewStore(demotest.Pool(t))
	for _, q := range []string{"", "  ", "a k na", "%_", "xyzzy"} {
		if slugs := searchSlugs(t, store, q); len(slugs) != 0 {
			t.Errorf("%q found %v", q, slugs)
		}
	}
}

func TestASituationHasItsTextsLinksAndLegalBasis(t *testing.T) {
	store := situations.NewStore(demotest.Pool(t))
	s, err := store.Situation(context.Background(), "prihlaseni-psa")
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != "Pořízení psa" || s.Category != "odpady-a-poplatky" || s.CategoryTitle != "Odpady a místní poplatky" || s.Agenda != "poplatky" {
		t.Errorf("situation %s in %s (%s), agenda %s", s.Title, s.Category, s.CategoryTitle, s.Agenda)
	}
	wantForms := []sitfiles.Link{
		{Slug: "prihlaseni-psa", Title: "Přihlášení psa k místnímu poplatku"},
		{Slug: "odhlaseni-psa", Title: "Odhlášení psa"},
		{Slug: "osvobozeni-od-poplatku", Title: "Žádost o osvobození nebo úlevu od poplatku"},
	}
	if !slices.Equal(s.Forms, wantForms) {
		t.Errorf("forms %+v", s.Forms)
	}
	if len(s.Videos) != 2 || s.Videos[0].Slug != "jak-prihlasit-psa" {
		t.Errorf("videos %+v", s.Videos)
	}
	if len(s.Laws) != 3 || s.Laws[0] != "zákon č. 565/1990 Sb., o místních poplatcích, § 2 a § 14a" {
		t.Errorf("laws %q", s.Laws)
	}
	if !s.Updated.Equal(time.Date(2026, 9, 15, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("updated %v", s.Updated)
	}
	for name, text := range map[string]string{"about": s.About, "audience": s.Audience, "preparation": s.Preparation,
		"fees": s.Fees, "deadlines": s.Deadlines, "online": s.Online, "handling": s.Handling} {
		if text == "" {
			t.Errorf("%s is empty", name)
		}
	}
	if _, err := store.Situation(context.Background(), "neni"); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("unknown situation: %v, want not found", err)
	}
}

func TestAnUnpublishedSituationIsNowhere(t *testing.T) {
	pool := demotest.Pool(t)
	if _, err := pool.Exec(context.Background(), `UPDATE situations SET state = 'withdrawn' WHERE slug = 'volicsky-prukaz'`); err != nil {
		t.Fatal(err)
	}
	store := situations.NewStore(pool)
	if _, err := store.Situation(context.Background(), "volicsky-prukaz"); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("detail: %v, want not found", err)
	}
	if slugs := searchSlugs(t, store, "voličský průkaz"); slices.Contains(slugs, "volicsky-prukaz") {
		t.Errorf("search found %v", slugs)
	}
	g, err := store.Group(context.Background(), "urad-a-verejny-zivot")
	if err != nil {
		t.Fatal(err)
	}
	if g.Count != 5 {
		t.Errorf("the category counts %d situations, want 5", g.Count)
	}
}

// smallFolder is a situations folder with one category and one situation.
var smallFolder = fstest.MapFS{
	"zs/kategorie.txt": {Data: []byte("Category: jine | Jiné\n")},
	"zs/jedna.md": {Data: []byte("Title: Jediná situace\nCategory: jine\nSummary: Jediná.\nAgenda: informace\n" +
		"Law: zákon č. 500/2004 Sb., správní řád\nUpdated: 2026-11-01\n\n" +
		"## Co to je\nA.\n## Koho se týká\nB.\n## Co si připravit\nC.\n## Poplatky\nD.\n## Lhůty\nE.\n## Jak to vyřídit online\nF.\n")},
}

func TestLoadingReplacesEverythingOrNothing(t *testing.T) {
	pool := demotest.Pool(t)
	ctx := context.Background()
	store := situations.NewStore(pool)

	broken := fstest.MapFS{"zs/kategorie.txt": smallFolder["zs/kategorie.txt"], "zs/jedna.md": {Data: []byte("Title: Bez všeho\n")}}
	if _, err := situations.Load(ctx, pool, broken, "zs"); err == nil {
		t.Fatal("a broken folder loaded")
	}
	// A store error half-way (a category the database does not know) rolls back as well.
	bad := &sitfiles.Content{Situations: []sitfiles.Situation{{Slug: "x", Category: "neni", Title: "X", Summary: "X", Agenda: "x",
		Laws: []string{"x"}, Updated: time.Now()}}}
	if _, err := store.Replace(ctx, bad); err == nil {
		t.Fatal("a situation of an unknown category was written")
	}
	if cats, err := store.Categories(ctx); err != nil || len(cats) != 8 {
		t.Fatalf("after failed loads: %d categories, %v; want the demo's 8", len(cats), err)
	}

	n, err := situations.Load(ctx, pool, smallFolder, "zs")
	if err != nil || n != 1 {
		t.Fatalf("loaded %d, %v", n, err)
	}
	groups, err := store.Groups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 1 || groups[0].Slug != "jine" || len(groups[0].Situations) != 1 || groups[0].Situations[0].Slug != "jedna" {
		t.Errorf("after loading one situation: %+v", groups)
	}
	if _, err := store.Situation(ctx, "prihlaseni-psa"); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("the demo's situations stayed: %v", err)
	}
}
