package situations_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/demotown/demotest"
	sitfiles "github.com/radnice/radnice/datasets/situations"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/editorial"
	"github.com/radnice/radnice/web/situations"
	"github.com/radnice/radnice/web/webtest"
)

// bees is a new life situation as an editor writes it.
func bees() sitfiles.Situation {
	return sitfiles.Situation{
		Slug: "chov-vcel", Category: "stavby-a-zivotni-prostredi", Title: "Chov včel ve městě",
		Summary: "Včelstva ohlásíte do ústřední evidence.", Keywords: []string{"včely", "úl"}, Agenda: "zivotni-prostredi",
		Forms:  []sitfiles.Link{{Slug: "hlaseni-vcelstev", Title: "Hlášení včelstev"}},
		Videos: []sitfiles.Link{{Slug: "jak-na-vcely", Title: "Jak na včely"}},
		Laws:   []string{"zákon č. 154/2000 Sb., plemenářský zákon"}, Updated: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC),
		Sections: sitfiles.Sections{About: "Chov včel.", Audience: "Včelaři.", Preparation: "Nic.", Fees: "Žádné.",
			Deadlines: "Do 1. září.", Online: "Online přes portál."},
	}
}

func TestANewSituationIsADraftOnlyEditorsSee(t *testing.T) {
	pool := demotest.Pool(t)
	ctx := context.Background()
	store := situations.NewStore(pool)
	if err := store.Create(ctx, editor, bees()); err != nil {
		t.Fatal(err)
	}
	e, err := store.Edited(ctx, "chov-vcel")
	if err != nil || e.State != editorial.Draft || e.CategoryTitle == "" || len(e.Forms) != 1 || len(e.Videos) != 1 {
		t.Fatalf("the new situation as editors see it: %+v, %v", e, err)
	}
	if _, err := store.Situation(ctx, "chov-vcel"); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("a draft's public page: %v, want not found", err)
	}
	if found := searchSlugs(t, store, "včely"); slices.Contains(found, "chov-vcel") {
		t.Errorf("a draft is found: %v", found)
	}
	drafts, err := store.List(ctx, situations.ListFilter{State: editorial.Draft})
	if err != nil || len(drafts) != 1 || drafts[0].Slug != "chov-vcel" {
		t.Errorf("the drafts: %+v, %v", drafts, err)
	}
	if got := webtest.AuditActions(t, pool, "situation:chov-vcel"); !slices.Equal(got, []string{"situation.create by 7 Eva Editorka"}) {
		t.Errorf("audit log %q", got)
	}
}

func TestASituationMovesAlongItsLifeCycleOnlyAsItAllows(t *testing.T) {
	pool := demotest.Pool(t)
	ctx := context.Background()
	store := situations.NewStore(pool)
	if err := store.Create(ctx, editor, bees()); err != nil {
		t.Fatal(err)
	}
	if err := store.SetState(ctx, editor, "chov-vcel", editorial.Withdrawn); geo.ErrorCode(err) != geo.EINVALID {
		t.Errorf("a draft withdrawn: %v, want invalid", err)
	}
	public := func() bool {
		_, err := store.Situation(ctx, "chov-vcel")
		return err == nil
	}
	for _, step := range []struct {
		to     editorial.State
		public bool
	}{{editorial.Published, true}, {editorial.Withdrawn, false}, {editorial.Published, true}, {editorial.Draft, false}} {
		if err := store.SetState(ctx, editor, "chov-vcel", step.to); err != nil {
			t.Fatalf("to %s: %v", step.to, err)
		}
		if public() != step.public {
			t.Errorf("%s: public %v", step.to, !step.public)
		}
	}
	want := []string{"situation.create by 7 Eva Editorka", "situation.publish by 7 Eva Editorka", "situation.withdraw by 7 Eva Editorka",
		"situation.publish by 7 Eva Editorka", "situation.to_draft by 7 Eva Editorka"}
	if got := webtest.AuditActions(t, pool, "situation:chov-vcel"); !slices.Equal(got, want) {
		t.Errorf("audit log %q\nwant %q", got, want)
	}
	var before, after map[string]any
	if err := pool.QueryRow(ctx, `SELECT before, after FROM audit_log WHERE action = 'situation.publish' ORDER BY id LIMIT 1`).Scan(&before, &after); err != nil {
		t.Fatal(err)
	}
	if before["State"] != "draft" || after["State"] != "published" || after["Title"] != "Chov včel ve městě" {
		t.Errorf("the publication's record: before %v, after %v", before, after)
	}
	if err := store.SetState(ctx, editor, "neni", editorial.Published); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("an unknown situation: %v", err)
	}
}

func TestASlugBelongsToOneSituation(t *testing.T) {
	pool := demotest.Pool(t)
	ctx := context.Background()
	store := situations.NewStore(pool)
	taken := bees()
	taken.Slug = "prihlaseni-psa"
	if err := store.Create(ctx, editor, taken); !errors.Is(err, situations.ErrSlugTaken) {
		t.Errorf("a new situation at a taken slug: %v", err)
	}
	dog, err := store.Edited(ctx, "prihlaseni-psa")
	if err != nil {
		t.Fatal(err)
	}
	moved := dog.Situation.Situation
	moved.Slug = "kaceni-drevin"
	if err := store.Update(ctx, editor, "prihlaseni-psa", moved); !errors.Is(err, situations.ErrSlugTaken) {
		t.Errorf("a situation moved to a taken slug: %v", err)
	}
	if got := webtest.AuditActions(t, pool, "situation:prihlaseni-psa"); len(got) != 0 {
		t.Errorf("refused edits are in the audit log: %q", got)
	}
}

func TestAnUpdateRewritesTheSituationItsLinksAndItsSearchKeepingItsState(t *testing.T) {
	pool := demotest.Pool(t)
	ctx := context.Background()
	store := situations.NewStore(pool)
	dog, err := store.Edited(ctx, "prihlaseni-psa")
	if err != nil {
		t.Fatal(err)
	}
	changed := dog.Situation.Situation
	changed.Slug, changed.Title = "pes-ve-meste", "Pes ve městě a hafík"
	changed.Forms = changed.Forms[:1]
	if err := store.Update(ctx, editor, "prihlaseni-psa", changed); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Situation(ctx, "prihlaseni-psa"); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("the old slug: %v", err)
	}
	s, err := store.Situation(ctx, "pes-ve-meste")
	if err != nil || s.Title != "Pes ve městě a hafík" || len(s.Forms) != 1 || len(s.Videos) != len(dog.Videos) {
		t.Errorf("the situation at its new slug: %+v, %v", s, err)
	}
	if found := searchSlugs(t, store, "hafík"); !slices.Equal(found, []string{"pes-ve-meste"}) {
		t.Errorf("a search by the new title finds %v", found)
	}
	var before, after json.RawMessage
	if err := pool.QueryRow(ctx, `SELECT before, after FROM audit_log WHERE object = 'situation:prihlaseni-psa' AND action = 'situation.update'`).
		Scan(&before, &after); err != nil {
		t.Fatalf("no audit of the update: %v", err)
	}
	var b, a sitfiles.Situation
	if json.Unmarshal(before, &b) != nil || json.Unmarshal(after, &a) != nil || b.Title != "Pořízení psa" || a.Slug != "pes-ve-meste" {
		t.Errorf("the update's record: before %s\nafter %s", before, after)
	}
}

func TestReloadingTheContentFilesKeepsWhatEditorsWithdrew(t *testing.T) {
	pool := demotest.Pool(t)
	ctx := context.Background()
	store := situations.NewStore(pool)
	if err := store.SetState(ctx, editor, "volicsky-prukaz", editorial.Withdrawn); err != nil {
		t.Fatal(err)
	}
	if _, err := situations.Load(ctx, pool, demotown.Content(), "zivotni-situace"); err != nil {
		t.Fatal(err)
	}
	if e, err := store.Edited(ctx, "volicsky-prukaz"); err != nil || e.State != editorial.Withdrawn {
		t.Errorf("after a reload: %s, %v; want still withdrawn", e.State, err)
	}
	if e, err := store.Edited(ctx, "prihlaseni-psa"); err != nil || e.State != editorial.Published {
		t.Errorf("an untouched situation after a reload: %s, %v", e.State, err)
	}
}
