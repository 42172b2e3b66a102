package situations_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/demotown/demotest"
	sitfiles "github.com/radnice/radnice/datasets/situations"
)

// demoSituations reads the demo town's life situations.
func demoSituations(t *testing.T) *sitfiles.Content {
	t.Helper()
	c, err := sitfiles.Read(demotown.Content(), "zivotni-situace")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestTheDemoTownHasAtLeast25SituationsWithEverythingTheIssueAsksFor(t *testing.T) {
	c := demoSituations(t)
	if len(c.Situations) < 25 {
		t.Errorf("%d situations, want at least 25", len(c.Situations))
	}
	perCategory := map[string]int{}
	for _, s := range c.Situations {
		perCategory[s.Category]++
		texts := map[string]string{"Co to je": s.About, "Koho se týká": s.Audience, "Co si připravit": s.Preparation,
			"Poplatky": s.Fees, "Lhůty": s.Deadlines, "Jak to vyřídit online": s.Online}
		for section, text := range texts {
			if text == "" {
				t.Errorf("%s: no %q", s.Slug, section)
			}
		}
		if s.Agenda == "" || len(s.Laws) == 0 || s.Updated.IsZero() || len(s.Keywords) == 0 {
			t.Errorf("%s: agenda %q, %d laws, updated %v, %d keywords", s.Slug, s.Agenda, len(s.Laws), s.Updated, len(s.Keywords))
		}
	}
	for _, cat := range c.Categories {
		if perCategory[cat.Slug] == 0 {
			t.Errorf("category %s has no situations", cat.Slug)
		}
	}
}

// knownCodes are the codes in the column of table, or nil when the table does not exist yet
// or is empty: the feature it belongs to is still to come.
func knownCodes(t *testing.T, pool *pgxpool.Pool, table, column string) map[string]bool {
	t.Helper()
	ctx := context.Background()
	var exists bool
	if err := pool.QueryRow(ctx, `SELECT to_regclass($1) IS NOT NULL`, table).Scan(&exists); err != nil {
		t.Fatal(err)
	}
	if !exists {
		t.Logf("%s does not exist yet: its references are not checked", table)
		return nil
	}
	rows, err := pool.Query(ctx, `SELECT `+column+` FROM `+table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var code string
		if err := rows.Scan(&code); err != nil {
			t.Fatal(err)
		}
		out[code] = true
	}
	if len(out) == 0 {
		t.Logf("%s is empty: its references are not checked", table)
		return nil
	}
	return out
}

func TestTheDemoSituationsReferToAgendasAndVideoGuidesThatExist(t *testing.T) {
	pool := demotest.Pool(t)
	agendas := knownCodes(t, pool, "contact_agendas", "code")
	videos := knownCodes(t, pool, "video_guides", "slug")
	for _, s := range demoSituations(t).Situations {
		if agendas != nil && !agendas[s.Agenda] {
			t.Errorf("%s: agenda %s is not among the contacts' agendas", s.Slug, s.Agenda)
		}
		for _, v := range s.Videos {
			if videos != nil && !videos[v.Slug] {
				t.Errorf("%s: video guide %s does not exist", s.Slug, v.Slug)
			}
		}
	}
}
