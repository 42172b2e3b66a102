package notices_test

import (
	"fmt"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/notices"
)

// slugs lists the notices' addresses, in order.
func slugs(list []notices.Notice) []string {
	out := make([]string, len(list))
	for i, n := range list {
		out[i] = n.Slug
	}
	return out
}

func TestANoticeIsOnTheBoardFromItsPostingToItsLastDayThenInTheArchive(t *testing.T) {
	store, _ := blankBoard(t, []notice{{slug: "zamer", title: "Záměr pronájmu", category: "Majetek města", department: "Odbor majetku města", posted: "2026-11-10", until: "2026-11-26"}})
	for _, c := range []struct {
		day            time.Time
		current, found bool
	}{
		{geo.Date(2026, 11, 9), false, false}, // not posted yet: nowhere, not even by its address
		{geo.Date(2026, 11, 10), true, true},  // posted
		{geo.Date(2026, 11, 26), true, true},  // its last day
		{geo.Date(2026, 11, 27), false, true}, // in the archive, by itself
		{geo.Date(2031, 1, 1), false, true},
	} {
		current, _, err := store.List(t.Context(), notices.Filter{Board: notices.CurrentBoard, Today: c.day}, 20, 0)
		if err != nil {
			t.Fatal(err)
		}
		archived, _, err := store.List(t.Context(), notices.Filter{Board: notices.Archive, Today: c.day}, 20, 0)
		if err != nil {
			t.Fatal(err)
		}
		day := c.day.Format(time.DateOnly)
		if got := len(current) == 1; got != c.current {
			t.Errorf("%s: on the current board: %v, want %v", day, got, c.current)
		}
		if got := len(archived) == 1; got != (c.found && !c.current) {
			t.Errorf("%s: in the archive: %v, want %v", day, got, c.found && !c.current)
		}
		n, err := store.Notice(t.Context(), "zamer", c.day)
		if found := err == nil; found != c.found || (err != nil && geo.ErrorCode(err) != geo.ENOTFOUND) {
			t.Errorf("%s: found by its address: %v (%v), want %v", day, found, err, c.found)
		}
		if err == nil && n.Current(c.day) != c.current {
			t.Errorf("%s: the notice says current %v, want %v", day, n.Current(c.day), c.current)
		}
	}
}

func TestTheDemoBoardSplitsIntoCurrentAndArchivedNotices(t *testing.T) {
	store := notices.NewStore(demotest.Pool(t))
	current, total, err := store.List(t.Context(), notices.Filter{Board: notices.CurrentBoard, Today: testToday}, 50, 0)
	if err != nil {
		t.Fatal(err)
	}
	if total != demoCurrent || len(current) != demoCurrent {
		t.Errorf("current board: %d notices (total %d), want %d", len(current), total, demoCurrent)
	}
	if got := slugs(current)[:3]; !slices.Equal(got, []string{"2026-zamer-vypujcky-nebytovych-prostor", "2026-zasedani-zastupitelstva-prosinec", "2026-ozv-poplatek-za-odpad"}) {
		t.Errorf("newest first: %v", got)
	}
	archived, total, err := store.List(t.Context(), notices.Filter{Board: notices.Archive, Today: testToday}, 50, 0)
	if err != nil {
		t.Fatal(err)
	}
	if total != demoArchived || !slices.Contains(slugs(archived), "2026-volby-oznameni-o-dobe-a-miste") || slices.Contains(slugs(archived), "2026-ozv-poplatek-za-odpad") {
		t.Errorf("archive: %v (total %d)", slugs(archived), total)
	}
	// Years pass: in 2031 the notices relevant until 2030 have left the board as well.
	later, _, err := store.List(t.Context(), notices.Filter{Board: notices.CurrentBoard, Today: geo.Date(2031, 1, 1)}, 50, 0)
	if err != nil || len(later) != 0 {
		t.Errorf("on 1 January 2031 the board holds %v (%v), want nothing", slugs(later), err)
	}
}

func TestFiltersNarrowThePartOfTheBoardShown(t *testing.T) {
	store := notices.NewStore(demotest.Pool(t))
	for _, c := range []struct {
		name string
		f    notices.Filter
		want []string
	}{
		{"category", notices.Filter{Category: "Doprava"}, []string{"2026-uzavirka-stefanikova"}},
		{"category in the archive", notices.Filter{Board: notices.Archive, Category: "Doprava"}, []string{"2026-uzavirka-zahumenni"}},
		{"department", notices.Filter{Department: "Stavební úřad"}, []string{"2026-stavba-bytovy-dum-zahumenni"}},
		{"year of posting", notices.Filter{Year: 2025}, []string{"2025-strednedoby-vyhled-2027-2029", "2025-schvaleny-rozpocet-2026"}},
		{"all together", notices.Filter{Category: "Rozpočet a finance", Department: "Finanční odbor", Year: 2026, Query: "návrh"},
			[]string{"2026-navrh-rozpoctu-2027"}},
		{"a category the board does not hold", notices.Filter{Category: "Dotace"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.f.Today = testToday
			list, total, err := store.List(t.Context(), c.f, 20, 0)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(slugs(list), c.want) || total != len(c.want) {
				t.Errorf("got %v (total %d), want %v", slugs(list), total, c.want)
			}
		})
	}
}

func TestSearchIgnoresCaseAndDiacritics(t *testing.T) {
	store := notices.NewStore(demotest.Pool(t))
	search := func(board notices.Board, q string) []string {
		t.Helper()
		list, _, err := store.List(t.Context(), notices.Filter{Board: board, Today: testToday, Query: q}, 50, 0)
		if err != nil {
			t.Fatal(err)
		}
		return slugs(list)
	}
	// Czech inflects: rozpočet, rozpočtu, rozpočtové are one word to a reader. The category
	// (Rozpočet a finance) is searched as well.
	budget := []string{"2025-schvaleny-rozpocet-2026", "2025-strednedoby-vyhled-2027-2029", "2026-navrh-rozpoctu-2027", "2026-rozpoctove-opatreni-5",
		"2026-zaverecny-ucet-2025", "2026-zasedani-zastupitelstva-prosinec"}
	for _, q := range []string{"rozpocet", "ROZPOČET", "Rozpočet", "rozpočtu"} {
		if got := search(notices.CurrentBoard, q); !sameSet(got, budget) {
			t.Errorf("%q finds %v, want %v", q, got, budget)
		}
	}
	for q, want := range map[string][]string{
		"rok 2027 navrh":                  {"2026-navrh-rozpoctu-2027"},           // every word, in any order
		"MěÚK/47730/2026":                 {"2026-zamer-pronajmu-pozemku-lubina"}, // a reference number
		"meuk/47730":                      {"2026-zamer-pronajmu-pozemku-lubina"},
		"lip srdč":                        {"2026-kaceni-lip-park-stefanikova"}, // parts of words
		"odbor dopravy":                   {"2026-uzavirka-stefanikova", "2026-ulozeni-pisemnosti"},
		"štefánikova uzavírka":            {"2026-uzavirka-stefanikova"},
		"zastupitelstvo volby kopřivnice": nil,
		"%":                               nil, // no LIKE pattern: nothing to search for, the whole board
	} {
		got := search(notices.CurrentBoard, q)
		if q == "%" {
			if len(got) != demoCurrent {
				t.Errorf("%q: %d notices, want the whole board", q, len(got))
			}
			continue
		}
		if !sameSet(got, want) {
			t.Errorf("%q finds %v, want %v", q, got, want)
		}
	}
	if got := search(notices.Archive, "volb"); !slices.Equal(got, []string{"2026-ustavujici-zasedani-zastupitelstva", "2026-volby-oznameni-o-dobe-a-miste"}) {
		t.Errorf("the archive's search for volb (volby, volbách) finds %v", got)
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func TestFacetsOfferWhatThePartOfTheBoardHolds(t *testing.T) {
	store := notices.NewStore(demotest.Pool(t))
	current, err := store.Facets(t.Context(), notices.CurrentBoard, testToday)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Doprava", "Doručování písemností", "Majetek města", "Rozpočet a finance", "Stavební řízení", "Volná pracovní místa", "Vyhlášky a nařízení", "Zastupitelstvo a rada", "Životní prostředí"}; !slices.Equal(current.Categories, want) {
		t.Errorf("categories %q, want %q (Czech order: Ž after Z)", current.Categories, want)
	}
	if !slices.Equal(current.Years, []int{2026, 2025}) {
		t.Errorf("years %v, want newest first", current.Years)
	}
	archive, err := store.Facets(t.Context(), notices.Archive, testToday)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(archive.Categories, "Volby") || slices.Contains(current.Categories, "Volby") || !slices.Contains(archive.Departments, "Odbor občansko-správní") {
		t.Errorf("the archive's categories %q and departments %q", archive.Categories, archive.Departments)
	}
}

func TestLongListsComeInPages(t *testing.T) {
	var list []notice
	for i := range 45 {
		list = append(list, notice{slug: fmt.Sprintf("oznameni-%02d", i), title: fmt.Sprintf("Oznámení č. %d", i), category: "Oznámení", department: "Kancelář tajemníka",
			posted: geo.Date(2026, 9, 1).AddDate(0, 0, i).Format(time.DateOnly), until: "2027-12-31"})
	}
	store, _ := blankBoard(t, list)
	f := notices.Filter{Today: testToday}
	for _, c := range []struct {
		offset int
		first  string
		n      int
	}{{0, "oznameni-44", 20}, {20, "oznameni-24", 20}, {40, "oznameni-04", 5}, {60, "", 0}} {
		page, total, err := store.List(t.Context(), f, 20, c.offset)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) != c.n || (c.n > 0 && (page[0].Slug != c.first || total != 45)) {
			t.Errorf("offset %d: %d notices from %v (total %d), want %d from %s of 45", c.offset, len(page), slugs(page), total, c.n, c.first)
		}
	}
}

func TestLoadingReplacesTheBoardAllOrNothing(t *testing.T) {
	store, pool := blankBoard(t, []notice{
		{slug: "stary-zamer", title: "Starý záměr", category: "Majetek města", department: "Odbor majetku města", posted: "2026-11-01", until: "2026-12-31"},
	})
	broken := contentFolder([]notice{{slug: "novy-zamer", title: "Nový záměr", category: "Majetek města", department: "Odbor majetku města", posted: "2026-11-01", until: "2026-12-31"}})
	broken["uredni-deska/vadny.txt"] = &fstest.MapFile{Data: []byte("Title: Vadný\n")}
	if _, err := notices.Load(t.Context(), pool, broken, "uredni-deska"); err == nil || err.Error() != "uredni-deska/vadny.txt: Category is required" {
		t.Errorf("a broken folder: %v", err)
	}
	if list, _, _ := store.List(t.Context(), notices.Filter{Today: testToday}, 20, 0); !slices.Equal(slugs(list), []string{"stary-zamer"}) {
		t.Errorf("after a failed load the board holds %v, want it as it was", slugs(list))
	}
	delete(broken, "uredni-deska/vadny.txt")
	n, err := notices.Load(t.Context(), pool, broken, "uredni-deska")
	if err != nil || n != 1 {
		t.Fatalf("load: %d, %v", n, err)
	}
	if list, _, _ := store.List(t.Context(), notices.Filter{Today: testToday}, 20, 0); !slices.Equal(slugs(list), []string{"novy-zamer"}) {
		t.Errorf("after loading the board holds %v, want only the new folder's notice", slugs(list))
	}
	var attachments int
	if err := pool.QueryRow(t.Context(), `SELECT count(*) FROM notice_attachments`).Scan(&attachments); err != nil || attachments != 1 {
		t.Errorf("attachments kept: %d (%v), want only the new notice's", attachments, err)
	}
}

func TestAttachmentsAreStoredWithTheirSizeAndHash(t *testing.T) {
	store := notices.NewStore(demotest.Pool(t))
	n, err := store.Notice(t.Context(), "2026-zamer-pronajmu-pozemku-lubina", testToday)
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Attachments) != 2 || n.Attachments[0].File != "zamer-pronajmu.pdf" || n.Attachments[1].Title != "Snímek katastrální mapy s vyznačenou částí pozemku" {
		t.Fatalf("attachments %+v", n.Attachments)
	}
	f, err := store.AttachmentFile(t.Context(), n.Slug, "zamer-pronajmu.pdf", testToday)
	if err != nil {
		t.Fatal(err)
	}
	if f.MediaType != "application/pdf" || int64(len(f.Content)) != f.Size || f.Size != n.Attachments[0].Size || len(f.SHA256) != 32 {
		t.Errorf("file %s: %s, %d bytes, size %d, hash %x", f.File, f.MediaType, len(f.Content), f.Size, f.SHA256)
	}
	if _, err := store.AttachmentFile(t.Context(), n.Slug, "rozpocet-2026.pdf", testToday); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("another notice's attachment: %v, want not found", err)
	}
}
