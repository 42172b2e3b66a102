package notices_test

import (
	"fmt"
	"net/http/httptest"
	"regexp"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/migrations/dbtest"
	"github.com/radnice/radnice/web"
	"github.com/radnice/radnice/web/notices"
	"github.com/radnice/radnice/web/webtest"
)

// The tests' "today": Tuesday 24 November 2026, morning in Prague. The demo board then holds
// 14 current notices and 9 archived ones.
var (
	testNow   = time.Date(2026, time.November, 24, 9, 0, 0, 0, time.FixedZone("CET", 60*60))
	testToday = geo.Date(2026, time.November, 24)
)

const demoCurrent, demoArchived = 14, 9

// newServer serves the portal on the demo town, its notice board's clock at testNow.
func newServer(t *testing.T) (*httptest.Server, *pgxpool.Pool) {
	t.Helper()
	pool := demotest.Pool(t)
	notices.SetClock(t, testNow)
	return webtest.Server(t, web.Config{Pool: pool}), pool
}

// noticeLinks are the notices a board page lists, by address, in order.
func noticeLinks(body string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<h2><a href="(?:/en)?/uredni-deska/([a-z0-9-]+)"`).FindAllStringSubmatch(body, -1) {
		out = append(out, string(m[1]))
	}
	return out
}

// notice is a notice file for a content folder, with one small PDF attached.
type notice struct {
	slug, title, category, department string
	posted, until                     string
	body                              string
}

// blankBoard is a database of its own for t, holding only the notices given (none when nil);
// it returns the board's store.
func blankBoard(t *testing.T, list []notice) (*notices.Store, *pgxpool.Pool) {
	t.Helper()
	pool, err := geo.Connect(t.Context(), dbtest.New(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	if list != nil {
		if _, err := notices.Load(t.Context(), pool, contentFolder(list), "uredni-deska"); err != nil {
			t.Fatal(err)
		}
	}
	return notices.NewStore(pool), pool
}

// contentFolder is a content folder holding the notices.
func contentFolder(list []notice) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, n := range list {
		fsys["uredni-deska/"+n.slug+".txt"] = &fstest.MapFile{Data: fmt.Appendf(nil,
			"Title: %s\nCategory: %s\nDepartment: %s\nReference: MěÚK/%d/2026\nPosted: %s\nRelevantUntil: %s\nAttachment: dokument.pdf Dokument\n\n%s\n",
			n.title, n.category, n.department, len(fsys)+100, n.posted, n.until, n.body)}
		fsys["uredni-deska/"+n.slug+"/dokument.pdf"] = &fstest.MapFile{Data: []byte("%PDF-1.7\n" + n.slug + "\n%%EOF\n")}
	}
	return fsys
}
