package videos_test

import (
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	datasets "github.com/radnice/radnice/datasets/videos"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/migrations/dbtest"
	"github.com/radnice/radnice/web/videos"
)

// blankPool is a fresh migrated database without any content.
func blankPool(t *testing.T) *pgxpool.Pool {
	t.Helper()
	pool, err := geo.Connect(t.Context(), dbtest.New(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return pool
}

const captions = "WEBVTT\n\n00:00.000 --> 00:02.000\nDobrý den.\n\n00:02.000 --> 00:05.000\nPsa přihlaste do 15 dnů.\n"

// item is a guide with a WebM video of data.
func item(slug, title string, data []byte) videos.Item {
	cues, err := datasets.ParseVTT(slug+".vtt", []byte(captions))
	if err != nil {
		panic(err)
	}
	return videos.Item{
		Guide: datasets.Guide{Slug: slug, Title: title, Description: "Popis.", Duration: 5 * time.Second,
			Published: time.Date(2026, 2, 16, 0, 0, 0, 0, time.UTC), Captions: []byte(captions), Cues: cues,
			Situations: []datasets.Situation{{Slug: "prihlaseni-psa", Title: "Přihlášení psa"}}},
		Video: datasets.Video{Data: data, ContentType: "video/webm"},
	}
}

// webm is size bytes that start as a WebM file does, the rest random.
func webm(size int, seed uint64) []byte {
	data := make([]byte, size)
	r := rand.New(rand.NewPCG(seed, seed))
	for i := range data {
		data[i] = byte(r.Uint32())
	}
	copy(data, "\x1a\x45\xdf\xa3")
	return data
}

func TestReplaceUpdatesOnlyWhatChangedAndDeletesWhatIsGone(t *testing.T) {
	ctx := t.Context()
	store := videos.NewStore(blankPool(t))
	if err := store.Replace(ctx, []videos.Item{item("pes", "Pes", webm(1000, 1)), item("odpad", "Odpad", webm(1000, 2))}); err != nil {
		t.Fatal(err)
	}
	before, err := store.Get(ctx, "pes")
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Replace(ctx, []videos.Item{item("pes", "Pes", webm(1000, 1)), item("volby", "Volby", webm(1000, 3))}); err != nil {
		t.Fatal(err)
	}
	list, err := store.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Slug != "pes" || list[1].Slug != "volby" {
		t.Errorf("after replacing: %+v, want pes and volby", list)
	}
	after, err := store.Get(ctx, "pes")
	if err != nil {
		t.Fatal(err)
	}
	if !after.Video.UpdatedAt.Equal(before.Video.UpdatedAt) {
		t.Errorf("the unchanged video was rewritten: updated %v, was %v", after.Video.UpdatedAt, before.Video.UpdatedAt)
	}
	if _, err := store.Get(ctx, "odpad"); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("the guide no longer loaded: %v, want ENOTFOUND", err)
	}

	if err := store.Replace(ctx, []videos.Item{item("pes", "Pes", webm(2000, 4))}); err != nil {
		t.Fatal(err)
	}
	changed, err := store.Get(ctx, "pes")
	if err != nil {
		t.Fatal(err)
	}
	if changed.Video.Size != 2000 || bytes.Equal(changed.Video.SHA256, before.Video.SHA256) || !changed.Video.UpdatedAt.After(before.Video.UpdatedAt) {
		t.Errorf("the changed video: %+v, was %+v", changed.Video, before.Video)
	}
}

func TestGetGivesTheGuideWithCuesAndSituations(t *testing.T) {
	ctx := t.Context()
	store := videos.NewStore(blankPool(t))
	if err := store.Replace(ctx, []videos.Item{item("pes", "Jak přihlásit psa", webm(1000, 1))}); err != nil {
		t.Fatal(err)
	}
	g, err := store.Get(ctx, "pes")
	if err != nil {
		t.Fatal(err)
	}
	if g.Title != "Jak přihlásit psa" || g.Duration != 5*time.Second || len(g.Cues) != 2 || g.Cues[1].Plain() != "Psa přihlaste do 15 dnů." ||
		len(g.Situations) != 1 || g.Situations[0].Title != "Přihlášení psa" || g.Video.ContentType != "video/webm" || g.Video.Size != 1000 {
		t.Errorf("guide: %+v", g)
	}
	c, err := store.Captions(ctx, "pes")
	if err != nil || c.VTT != captions {
		t.Errorf("captions: %q %v", c.VTT, err)
	}
}

func TestHiddenGuidesAreNotShownNorServed(t *testing.T) {
	ctx := t.Context()
	pool := blankPool(t)
	store := videos.NewStore(pool)
	if err := store.Replace(ctx, []videos.Item{item("pes", "Pes", webm(1000, 1)), item("volby", "Volby", webm(1000, 2))}); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, `UPDATE video_guides SET state = 'withdrawn' WHERE slug = 'pes'`); err != nil {
		t.Fatal(err)
	}
	if list, err := store.List(ctx); err != nil || len(list) != 1 || list[0].Slug != "volby" {
		t.Errorf("list: %+v %v", list, err)
	}
	_, errGet := store.Get(ctx, "pes")
	_, errCaptions := store.Captions(ctx, "pes")
	_, errVideo := store.VideoInfo(ctx, "pes")
	for _, err := range []error{errGet, errCaptions, errVideo} {
		if geo.ErrorCode(err) != geo.ENOTFOUND {
			t.Errorf("hidden guide: %v, want ENOTFOUND", err)
		}
	}
	// Loading the content again leaves the guide as an editor set it.
	if err := store.Replace(ctx, []videos.Item{item("pes", "Pes", webm(1000, 1))}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Get(ctx, "pes"); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("reloaded hidden guide: %v, want still hidden", err)
	}
}

func TestOpenVideoReadsAnyRangeOfALargeFile(t *testing.T) {
	ctx := t.Context()
	store := videos.NewStore(blankPool(t))
	data := webm(700_001, 5) // more than two read-ahead chunks
	if err := store.Replace(ctx, []videos.Item{item("pes", "Pes", data)}); err != nil {
		t.Fatal(err)
	}
	info, err := store.VideoInfo(ctx, "pes")
	if err != nil {
		t.Fatal(err)
	}
	r := store.OpenVideo(ctx, "pes", info)
	all, err := io.ReadAll(r)
	if err != nil || !bytes.Equal(all, data) {
		t.Fatalf("the whole file: %d bytes, want %d: %v", len(all), len(data), err)
	}
	for _, rg := range []struct{ from, n int64 }{{0, 4}, {262_140, 10}, {300_000, 400_001}, {699_990, 11}} {
		if _, err := r.Seek(rg.from, io.SeekStart); err != nil {
			t.Fatal(err)
		}
		got := make([]byte, rg.n)
		if _, err := io.ReadFull(r, got); err != nil || !bytes.Equal(got, data[rg.from:rg.from+rg.n]) {
			t.Errorf("bytes %d–%d differ: %v", rg.from, rg.from+rg.n-1, err)
		}
	}
	if end, err := r.Seek(0, io.SeekEnd); err != nil || end != int64(len(data)) {
		t.Errorf("seek to the end: %d %v", end, err)
	}
	if n, err := r.Read(make([]byte, 10)); n != 0 || err != io.EOF {
		t.Errorf("read at the end: %d %v, want EOF", n, err)
	}
}

func TestOpenVideoFailsRatherThanMixVersions(t *testing.T) {
	ctx := t.Context()
	store := videos.NewStore(blankPool(t))
	if err := store.Replace(ctx, []videos.Item{item("pes", "Pes", webm(1000, 1))}); err != nil {
		t.Fatal(err)
	}
	info, err := store.VideoInfo(ctx, "pes")
	if err != nil {
		t.Fatal(err)
	}
	r := store.OpenVideo(ctx, "pes", info)
	if err := store.Replace(ctx, []videos.Item{item("pes", "Pes", webm(1000, 2))}); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Read(make([]byte, 10)); err == nil || !strings.Contains(err.Error(), "replaced while being read") {
		t.Errorf("read after the file was replaced: %v", err)
	}
}

// contentFolder is a town's content folder with the guides' files under videonavody.
func contentFolder(guides ...string) fstest.MapFS {
	fs := fstest.MapFS{}
	for _, slug := range guides {
		fs["videonavody/"+slug+".txt"] = &fstest.MapFile{Data: []byte("Title: " + slug + "\nPublished: 2026-02-16\nDuration: 0:05\nVideo: " + slug +
			".webm\nCaptions: " + slug + ".vtt\n\nPopis.\n")}
		fs["videonavody/"+slug+".vtt"] = &fstest.MapFile{Data: []byte(captions)}
	}
	return fs
}

func TestLoadFindsVideosInTheMediaFolderAndIsAllOrNothing(t *testing.T) {
	ctx := t.Context()
	pool := blankPool(t)
	media := t.TempDir()
	t.Setenv(datasets.MediaDirEnv, media)
	for i, slug := range []string{"pes", "volby"} {
		if err := os.WriteFile(filepath.Join(media, slug+".webm"), webm(1000, uint64(i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	n, err := videos.Load(ctx, pool, contentFolder("pes", "volby"), "videonavody")
	if err != nil || n != 2 {
		t.Fatalf("loaded %d: %v", n, err)
	}
	bad := contentFolder("pes", "volby", "odpad") // no video made for odpad
	_, err = videos.Load(ctx, pool, bad, "videonavody")
	want := "videonavody/odpad.txt:4: the video file odpad.webm is neither in videonavody nor in the media folder " + media
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("a missing video: %v\nwant %s…", err, want)
	}
	bad = contentFolder("pes")
	bad["videonavody/pes.vtt"] = &fstest.MapFile{Data: []byte("WEBVTT\n\n00:00.000 --> 00:09.000\nDlouhý titulek.\n")}
	if _, err := videos.Load(ctx, pool, bad, "videonavody"); err == nil || !strings.HasPrefix(err.Error(), "videonavody/pes.vtt:3: the cue ends at 00:00:09.000, after the end of the video") {
		t.Errorf("captions past the end: %v", err)
	}
	if list, err := videos.NewStore(pool).List(ctx); err != nil || len(list) != 2 {
		t.Errorf("after failed loads the store holds %+v (%v), want the two guides loaded before", list, err)
	}
}
