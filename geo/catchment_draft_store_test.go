package geo_test

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/areasgeojson"
	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/geo"
)

// The school office works on Tuesday 24 November 2026 and plans catchments for the school year
// that starts on 1 September 2027. The demo town's planned change (demotown's zs-next.geojson)
// moves the boundary between ZS-1 and ZS-3 so that the Štefánikova quarter (the streets
// Štefánikova and Zahradní, 89 addresses) lies in ZS-1; its 20 odd numbers of Štefánikova
// already go to ZS-1 by rule, so 69 addresses change school, from ZŠ Lidická to ZŠ Komenského.
var (
	officeToday = geo.Date(2026, time.November, 24)
	september   = geo.Date(2027, time.September, 1)
)

const (
	zsKomenskeho = "Základní škola Kopřivnice, Komenského"
	zsLidicka    = "Základní škola Kopřivnice, Lidická"
)

// demoFileAreas reads one of the demo town's area files through the import's reader.
func demoFileAreas(t *testing.T, file string, layer geo.Layer) []geo.AreaInput {
	t.Helper()
	body, err := demotown.AreaFile(file)
	if err != nil {
		t.Fatal(err)
	}
	areas, err := areasgeojson.Read(file, bytes.NewReader(body), layer)
	if err != nil {
		t.Fatal(err)
	}
	return areas
}

// inTx runs fn in a transaction of its own and returns its error.
func inTx(t *testing.T, pool *pgxpool.Pool, fn func(tx pgx.Tx) error) error {
	t.Helper()
	return pgx.BeginFunc(context.Background(), pool, fn)
}

// stageDraft stages the areas as a draft for validFrom and returns it.
func stageDraft(t *testing.T, pool *pgxpool.Pool, layer geo.Layer, validFrom time.Time, file string, areas []geo.AreaInput) geo.CatchmentDraft {
	t.Helper()
	var d geo.CatchmentDraft
	err := inTx(t, pool, func(tx pgx.Tx) (err error) {
		d, err = geo.StageCatchmentDraft(context.Background(), tx, geo.CatchmentDraftInput{
			Layer: layer, ValidFrom: validFrom, FileName: file, Areas: areas, ActorID: 7, ActorName: "Simona Školská"}, officeToday)
		return err
	})
	if err != nil {
		t.Fatalf("stage %s: %v", file, err)
	}
	return d
}

// stageNextYear stages the demo town's planned primary school catchments from 1 September 2027.
func stageNextYear(t *testing.T, pool *pgxpool.Pool) geo.CatchmentDraft {
	t.Helper()
	areas := demoFileAreas(t, demotown.NextPrimarySchoolsFile, geo.PrimarySchools)
	return stageDraft(t, pool, geo.PrimarySchools, september, demotown.NextPrimarySchoolsFile, areas)
}

// publish publishes draft id as the office would on officeToday.
func publish(t *testing.T, pool *pgxpool.Pool, id int64) geo.AreaImportResult {
	t.Helper()
	var res geo.AreaImportResult
	err := inTx(t, pool, func(tx pgx.Tx) (err error) {
		_, res, err = geo.PublishCatchmentDraft(context.Background(), tx, id, officeToday)
		return err
	})
	if err != nil {
		t.Fatalf("publish draft %d: %v", id, err)
	}
	return res
}

func changesOf(t *testing.T, store *geo.Store, id int64) []geo.CatchmentChange {
	t.Helper()
	changes, err := store.CatchmentChanges(context.Background(), id, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	return changes
}

func TestADraftShowsWhichAddressesWouldChangeSchool(t *testing.T) {
	store, pool := demoStore(t)

	d := stageNextYear(t, pool)

	if d.Layer != geo.PrimarySchools || !d.ValidFrom.Equal(september) || d.FileName != "zs-next.geojson" || d.UploadedBy != "Simona Školská" {
		t.Errorf("draft %+v", d)
	}
	if got := len(d.Areas); got != 3 || d.Areas[0] != (geo.DraftArea{Code: "ZS-1", Name: "Spádový obvod ZŠ Komenského", School: zsKomenskeho}) {
		t.Errorf("draft areas %+v, want ZS-1 to ZS-3 with their schools", d.Areas)
	}
	if d.Changes != (geo.ChangeCounts{Changed: 69}) {
		t.Errorf("changes %+v, want 69 addresses changing school, none gaining or losing one", d.Changes)
	}
	changes := changesOf(t, store, d.ID)
	if len(changes) != 69 {
		t.Fatalf("%d changes listed, want 69", len(changes))
	}
	streets := map[string]int{}
	for _, c := range changes {
		a := c.Address
		streets[a.Street.Name]++
		if a.Street.Name == "Štefánikova" && a.OrientationNumber%2 == 1 {
			t.Errorf("%s changes, but the rule keeps the odd side of Štefánikova at ZS-1", a.Label())
		}
		if c.Kind != geo.SchoolChanged || !slices.Equal(c.Before, []string{zsLidicka}) || !slices.Equal(c.After, []string{zsKomenskeho}) {
			t.Errorf("%s: %s %v → %v, want changed from ZŠ Lidická to ZŠ Komenského", a.Label(), c.Kind, c.Before, c.After)
		}
	}
	if len(streets) != 2 || streets["Štefánikova"] == 0 || streets["Zahradní"] == 0 {
		t.Errorf("changes by street %v, want Štefánikova and Zahradní only", streets)
	}
	if !slices.ContainsFunc(changes, func(c geo.CatchmentChange) bool { return c.Address.ID == stefanikova1163_12 }) {
		t.Error("Štefánikova 1163/12 is not among the changes")
	}
	// Grouped by street: all of Štefánikova, then all of Zahradní, each in house number order.
	if changes[0].Address.Street.Name != "Štefánikova" || changes[len(changes)-1].Address.Street.Name != "Zahradní" {
		t.Errorf("first %s, last %s; want Štefánikova first, Zahradní last", changes[0].Address.Label(), changes[len(changes)-1].Address.Label())
	}

	page, err := store.CatchmentChanges(context.Background(), d.ID, 10, 60)
	if err != nil || len(page) != 9 || page[0].Address.ID != changes[60].Address.ID {
		t.Errorf("the page from 60 has %d changes (%v), want the last 9", len(page), err)
	}
}

func TestStagingADraftChangesNoLookup(t *testing.T) {
	store, pool := demoStore(t)

	stageNextYear(t, pool)

	if got := catchments(lookup(t, store, stefanikova1163_12, september).PrimarySchools); got != "ZS-3" {
		t.Errorf("on 1 September with an unpublished draft the catchment is %q, want ZS-3", got)
	}
}

func TestAPublishedDraftTakesEffectOnItsDateAndEarlierDaysKeepTheOldAreas(t *testing.T) {
	store, pool := demoStore(t)
	d := stageNextYear(t, pool)
	odd := oddStefanikova(t, pool)

	res := publish(t, pool, d.ID)

	if res.Areas != 3 || res.Closed != 3 {
		t.Errorf("import result %+v, want 3 areas written and the 3 current ones closed", res)
	}
	for _, c := range []struct {
		id   int64
		date time.Time
		want string
	}{
		{stefanikova1163_12, september.AddDate(0, 0, -1), "ZS-3"},
		{stefanikova1163_12, september, "ZS-1"},
		{stefanikova1170_12a, september, "ZS-1"},
		{odd, september.AddDate(0, 0, -1), "ZS-1"},
		{odd, september, "ZS-1"},
		{lubina25, september, "ZS-3"},
	} {
		if got := catchments(lookup(t, store, c.id, c.date).PrimarySchools); got != c.want {
			t.Errorf("address %d on %s: %q, want %s", c.id, c.date.Format(time.DateOnly), got, c.want)
		}
	}
	if _, err := store.CatchmentDraft(context.Background(), d.ID); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("the published draft: %v, want it gone", err)
	}
	versions, err := store.AreaVersions(context.Background(), geo.PrimarySchools, officeToday)
	if err != nil {
		t.Fatal(err)
	}
	if len(versions) != 2 || versions[0].ValidFrom != nil || !versions[0].ValidTo.Equal(september) ||
		!versions[1].ValidFrom.Equal(september) || versions[1].ValidTo != nil || versions[1].Areas != 3 ||
		!slices.Contains(versions[1].Schools, zsKomenskeho) {
		t.Errorf("versions %+v, want the current one ending on 1 September and the new one from then", versions)
	}
}

func TestADraftIsComparedWithTheAreasInForceOnItsDate(t *testing.T) {
	store, pool := demoStore(t)
	ms := demoFileAreas(t, demotown.KindergartensFile, geo.Kindergartens)
	withoutLubina := slices.DeleteFunc(slices.Clone(ms), func(a geo.AreaInput) bool { return a.Code == "MS-4" })

	// From September 2027 the villages Lubina and Drnholec lose their kindergarten...
	d := stageDraft(t, pool, geo.Kindergartens, september, "ms-2027.geojson", withoutLubina)
	if d.Changes.Lost == 0 || d.Changes.Changed != 0 || d.Changes.Gained != 0 {
		t.Fatalf("changes %+v, want only addresses losing their kindergarten", d.Changes)
	}
	lost := d.Changes.Lost
	publish(t, pool, d.ID)

	// ...and a year later it comes back: compared with 2027's areas, they gain one.
	back := stageDraft(t, pool, geo.Kindergartens, september.AddDate(1, 0, 0), "ms-2028.geojson", ms)
	if back.Changes != (geo.ChangeCounts{Gained: lost}) {
		t.Errorf("changes %+v, want the %d addresses of Lubina and Drnholec gaining a kindergarten", back.Changes, lost)
	}
	for _, c := range changesOf(t, store, back.ID) {
		if p := c.Address.Part.Name; p != "Lubina" && p != "Drnholec nad Lubinou" || len(c.Before) != 0 || !slices.Equal(c.After, []string{"Mateřská škola Kopřivnice-Lubina"}) {
			t.Errorf("%s: %v → %v, want a village address gaining MŠ Lubina", c.Address.Label(), c.Before, c.After)
		}
	}
}

func TestADraftMustTakeEffectInTheFuture(t *testing.T) {
	_, pool := demoStore(t)
	areas := demoFileAreas(t, demotown.NextPrimarySchoolsFile, geo.PrimarySchools)

	err := inTx(t, pool, func(tx pgx.Tx) error {
		_, err := geo.StageCatchmentDraft(context.Background(), tx, geo.CatchmentDraftInput{
			Layer: geo.PrimarySchools, ValidFrom: officeToday, FileName: "zs.geojson", Areas: areas}, officeToday)
		return err
	})
	if geo.ErrorCode(err) != geo.EINVALID {
		t.Errorf("a draft for today: %v, want refused", err)
	}
}

func TestADraftWhoseDayHasComeCannotBePublished(t *testing.T) {
	store, pool := demoStore(t)
	d := stageNextYear(t, pool)

	err := inTx(t, pool, func(tx pgx.Tx) error {
		_, _, err := geo.PublishCatchmentDraft(context.Background(), tx, d.ID, september)
		return err
	})

	if !errors.Is(err, geo.ErrCatchmentDateReached) {
		t.Fatalf("publishing on its own day: %v, want ErrCatchmentDateReached", err)
	}
	if got := catchments(lookup(t, store, stefanikova1163_12, september).PrimarySchools); got != "ZS-3" {
		t.Errorf("the catchment on 1 September is %q, want ZS-3 still", got)
	}
}

func TestADiscardedDraftIsGone(t *testing.T) {
	store, pool := demoStore(t)
	d := stageNextYear(t, pool)

	var discarded geo.CatchmentDraft
	err := inTx(t, pool, func(tx pgx.Tx) (err error) {
		discarded, err = geo.DiscardCatchmentDraft(context.Background(), tx, d.ID)
		return err
	})
	if err != nil || discarded.ID != d.ID || discarded.Changes.Changed != 69 {
		t.Fatalf("discard: %+v, %v; want the draft as it was", discarded, err)
	}
	if drafts, err := store.CatchmentDrafts(context.Background()); err != nil || len(drafts) != 0 {
		t.Errorf("drafts after discarding: %+v, %v; want none", drafts, err)
	}
	err = inTx(t, pool, func(tx pgx.Tx) error {
		_, err := geo.DiscardCatchmentDraft(context.Background(), tx, d.ID)
		return err
	})
	if geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("discarding again: %v, want not found", err)
	}
}

func TestABadCatchmentFileIsRefusedWithEveryProblemAndStagesNothing(t *testing.T) {
	store, pool := demoStore(t)
	areas := demoFileAreas(t, demotown.NextPrimarySchoolsFile, geo.PrimarySchools)
	x, y := pointOf(t, store, stefanikova1163_12)
	areas[0].Boundary = square(x, y, 0) // a square of no size: no area at all
	areas[1].School.AddressCode = 99999999
	areas[2].School.Name = ""

	err := inTx(t, pool, func(tx pgx.Tx) error {
		_, err := geo.StageCatchmentDraft(context.Background(), tx, geo.CatchmentDraftInput{
			Layer: geo.PrimarySchools, ValidFrom: september, FileName: "zs.geojson", Areas: areas}, officeToday)
		return err
	})

	var refused *geo.AreaErrors
	if !errors.As(err, &refused) {
		t.Fatalf("err = %v, want the file's problems", err)
	}
	if got := strings.Join(refused.Problems, "\n"); !strings.Contains(got, "zs-next.geojson:4: feature 3 (code ZS-3): property school (the school's name) is required") {
		t.Errorf("problems:\n%s\nwant the feature without a school, by file:line", got)
	}
	// A file with every property right is checked against PostGIS and the register next.
	areas[2].School.Name = zsLidicka
	err = inTx(t, pool, func(tx pgx.Tx) error {
		_, err := geo.StageCatchmentDraft(context.Background(), tx, geo.CatchmentDraftInput{
			Layer: geo.PrimarySchools, ValidFrom: september, FileName: "zs.geojson", Areas: areas}, officeToday)
		return err
	})
	if !errors.As(err, &refused) || len(refused.Problems) != 1 || !strings.Contains(refused.Problems[0], "zs-next.geojson:2: feature 1 (code ZS-1): invalid geometry") {
		t.Errorf("err = %v, want the empty square refused by PostGIS", err)
	}
	if drafts, err := store.CatchmentDrafts(context.Background()); err != nil || len(drafts) != 0 {
		t.Errorf("drafts after the refusals: %+v, %v; want none", drafts, err)
	}
}

func TestPublishingADraftTellsTheServersToForgetCachedLookups(t *testing.T) {
	_, pool := demoStore(t)
	d := stageNextYear(t, pool)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "LISTEN lookup_data_changed"); err != nil {
		t.Fatal(err)
	}

	publish(t, pool, d.ID)

	if _, err := conn.Conn().WaitForNotification(ctx); err != nil {
		t.Errorf("no lookup_data_changed notification after publishing: %v", err)
	}
	if _, err := conn.Exec(ctx, "UNLISTEN *"); err != nil {
		t.Fatal(err)
	}
}

func TestTheDraftMapDrawsTheNewAreasOverTheOldWithTheChangedAddresses(t *testing.T) {
	store, pool := demoStore(t)
	d := stageNextYear(t, pool)

	m, err := store.CatchmentMap(context.Background(), d.ID)
	if err != nil {
		t.Fatal(err)
	}

	if len(m.Drafted) != 3 || len(m.Replaced) != 3 || m.Drafted[0].Code != "ZS-1" || !strings.HasPrefix(m.Drafted[0].Path, "M") {
		t.Errorf("drafted %d, replaced %d areas (%+v), want 3 and 3 with SVG paths", len(m.Drafted), len(m.Replaced), m.Drafted)
	}
	if dots := strings.Count(m.Changed, "h0"); dots != 69 {
		t.Errorf("%d changed addresses drawn, want 69", dots)
	}
	if m.ViewBox[2] < 1000 || m.ViewBox[3] < 1000 {
		t.Errorf("view box %v, want the whole town", m.ViewBox)
	}
	x, y := m.Drafted[0].LabelX, m.Drafted[0].LabelY
	if x < m.ViewBox[0] || x > m.ViewBox[0]+m.ViewBox[2] || y < m.ViewBox[1] || y > m.ViewBox[1]+m.ViewBox[3] {
		t.Errorf("label of ZS-1 at %v %v lies outside the view box %v", x, y, m.ViewBox)
	}
}
