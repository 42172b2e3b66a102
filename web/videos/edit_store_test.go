package videos_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	datasets "github.com/radnice/radnice/datasets/videos"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/editorial"
	"github.com/radnice/radnice/web/videos"
)

// editor is the account the editors' tests act as.
var editor = &auth.User{ID: 7, GivenName: "Eva", FamilyName: "Editorková", Grants: []auth.Grant{{Role: auth.RoleEditor}}}

// today is the civil date in Prague, which publishing gives a guide.
func today() time.Time { return geo.PragueDate(time.Now()) }

// dogGuideFields is a guide an editor writes, still without captions.
var dogGuideFields = videos.GuideFields{
	Title:       "Jak přihlásit psa",
	Category:    "Poplatky",
	Description: "Návod provede ohlášením psa k poplatku.",
	Duration:    5 * time.Second,
	Captions:    "WEBVTT\n",
	Situations:  []datasets.Situation{{Slug: "prihlaseni-psa", Title: "Pořízení psa"}},
}

// auditActions are the actions of the audit log on object, oldest first, and the entries'
// after-images as JSON text.
func auditActions(t *testing.T, pool *pgxpool.Pool, object string) (actions []string, afters []string) {
	t.Helper()
	rows, err := pool.Query(t.Context(), `SELECT action, after::text FROM audit_log WHERE object = $1 ORDER BY id`, object)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var action, after string
		if err := rows.Scan(&action, &after); err != nil {
			t.Fatal(err)
		}
		actions, afters = append(actions, action), append(afters, after)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return actions, afters
}

func TestANewGuideIsPublishedOnlyWithItsVideoAndCaptions(t *testing.T) {
	ctx := t.Context()
	pool := blankPool(t)
	store := videos.NewStore(pool)
	slug, err := store.Create(ctx, editor, dogGuideFields)
	if err != nil || slug != "jak-prihlasit-psa" {
		t.Fatalf("created %q: %v", slug, err)
	}
	if list, _ := store.List(ctx); len(list) != 0 {
		t.Errorf("the catalogue lists a draft: %+v", list)
	}
	if _, err := store.Get(ctx, slug); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("a draft's page: %v", err)
	}
	if err := store.SetState(ctx, editor, slug, editorial.Published, today()); !errors.Is(err, videos.ErrNoVideo) {
		t.Errorf("publishing without a video: %v", err)
	}
	video := webm(3000, 9)
	if err := store.ReplaceVideo(ctx, editor, slug, "video/webm", video); err != nil {
		t.Fatal(err)
	}
	if err := store.SetState(ctx, editor, slug, editorial.Published, today()); !errors.Is(err, videos.ErrNoCaptions) {
		t.Errorf("publishing without captions: %v", err)
	}
	withCaptions := dogGuideFields
	withCaptions.Captions = captions
	if err := store.Update(ctx, editor, slug, withCaptions); err != nil {
		t.Fatal(err)
	}
	if err := store.SetState(ctx, editor, slug, editorial.Published, today()); err != nil {
		t.Fatal(err)
	}
	g, err := store.Get(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	if !g.PublishedOn.Equal(today()) || g.Category != "Poplatky" || len(g.Cues) != 2 || g.Video.Size != 3000 || len(g.Situations) != 1 {
		t.Errorf("the published guide: %+v", g)
	}
	if c, err := store.Captions(ctx, slug); err != nil || c.VTT != captions {
		t.Errorf("its captions: %q %v", c.VTT, err)
	}

	actions, afters := auditActions(t, pool, "video:"+slug)
	if !slices.Equal(actions, []string{"video.create", "video.file_replace", "video.update", "video.publish"}) {
		t.Fatalf("audit log %v", actions)
	}
	var published map[string]any
	if err := json.Unmarshal([]byte(afters[3]), &published); err != nil {
		t.Fatal(err)
	}
	if published["state"] != "published" || published["video_size"] != 3000.0 || published["published_on"] != today().Format(time.DateOnly) ||
		published["situations"].([]any)[0] != "prihlaseni-psa" || len(published["video_sha256"].(string)) != 64 {
		t.Errorf("the publication recorded as %v", published)
	}
	for _, after := range afters {
		if len(after) > 2000 || strings.Contains(after, "Psa přihlaste") {
			t.Errorf("the audit log holds the video or the captions: %.200s", after)
		}
	}
}

func TestAWithdrawnGuideIsKeptForEditorsButNotShownNorServed(t *testing.T) {
	ctx := t.Context()
	store := videos.NewStore(demotest.Pool(t))
	const slug = "jak-prihlasit-psa"
	if err := store.SetState(ctx, editor, slug, editorial.Withdrawn, today()); err != nil {
		t.Fatal(err)
	}
	list, _ := store.List(ctx)
	_, errGet := store.Get(ctx, slug)
	_, errCaptions := store.Captions(ctx, slug)
	_, errVideo := store.VideoInfo(ctx, slug)
	if slices.ContainsFunc(list, func(s videos.Summary) bool { return s.Slug == slug }) || len(list) != 4 {
		t.Errorf("the catalogue after withdrawing: %d guides", len(list))
	}
	for _, err := range []error{errGet, errCaptions, errVideo} {
		if geo.ErrorCode(err) != geo.ENOTFOUND {
			t.Errorf("withdrawn guide: %v, want ENOTFOUND", err)
		}
	}
	e, err := store.Editable(ctx, slug)
	if err != nil || e.State != editorial.Withdrawn || e.Video.Size == 0 || !e.PublishedOn.Equal(geo.Date(2026, 2, 16)) {
		t.Errorf("for editors: %+v %v", e, err)
	}
	if err := store.SetState(ctx, editor, slug, editorial.Withdrawn, today()); geo.ErrorCode(err) != geo.EINVALID {
		t.Errorf("withdrawing twice: %v, want refused", err)
	}
	// Published again, it keeps the date it was first published.
	if err := store.SetState(ctx, editor, slug, editorial.Published, today()); err != nil {
		t.Fatal(err)
	}
	if g, err := store.Get(ctx, slug); err != nil || !g.PublishedOn.Equal(geo.Date(2026, 2, 16)) {
		t.Errorf("republished: %v %v", g.PublishedOn, err)
	}
}

func TestNewGuidesGetAddressesOfTheirOwn(t *testing.T) {
	ctx := t.Context()
	store := videos.NewStore(blankPool(t))
	for _, c := range []struct{ title, want string }{
		{"Jak přihlásit psa", "jak-prihlasit-psa"},
		{"Jak přihlásit psa", "jak-prihlasit-psa-2"},
		{"Nový", "novy-2"}, // /sprava/videa/novy is the form of a new guide
		{"!!!", "videonavod"},
	} {
		f := dogGuideFields
		f.Title = c.title
		if slug, err := store.Create(ctx, editor, f); err != nil || slug != c.want {
			t.Errorf("%q: address %q (%v), want %q", c.title, slug, err, c.want)
		}
	}
	list, err := store.EditorList(ctx)
	if err != nil || len(list) != 4 || list[0].State != editorial.Draft {
		t.Errorf("the editors' list: %+v %v", list, err)
	}
}

func TestGuidesLinkToThePublishedLifeSituations(t *testing.T) {
	store := videos.NewStore(demotest.Pool(t))
	groups, err := store.SituationChoices(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, g := range groups {
		if g.Category == "" || len(g.Situations) == 0 {
			t.Errorf("group %+v", g)
		}
		for _, s := range g.Situations {
			all = append(all, s.Slug)
		}
	}
	if len(all) != 34 || !slices.Contains(all, "prihlaseni-psa") {
		t.Errorf("%d situations offered: %v", len(all), all)
	}
}
