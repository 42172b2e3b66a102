package videos_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/videos"
)

// demoDir is the video guides' subfolder of the demo town's content folder.
const demoDir = "videonavody"

// demoSlugs are the demo town's guides, which its life situations link to.
var demoSlugs = []string{"jak-najit-svou-volebni-mistnost", "jak-podat-zadost-o-informace", "jak-prihlasit-psa",
	"jak-se-prihlasit-na-portal", "jak-zaplatit-poplatek-za-odpad"}

func TestTheDemoTownHasFiveGuidesWithCzechStepByStepCaptions(t *testing.T) {
	guides, err := videos.Read(demotown.Content(), demoDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(guides) != len(demoSlugs) {
		t.Fatalf("got %d guides, want %d", len(guides), len(demoSlugs))
	}
	for i, g := range guides {
		if g.Slug != demoSlugs[i] || g.Video != g.Slug+".webm" {
			t.Errorf("guide %d: %s with video %s, want %s", i+1, g.Slug, g.Video, demoSlugs[i])
		}
		if n := len(g.Cues); n < 6 || n > 12 {
			t.Errorf("%s: %d cues, want 6 to 12 steps", g.Slug, n)
		}
		if last := g.Cues[len(g.Cues)-1].End; g.Duration-last > 2*time.Second {
			t.Errorf("%s: the captions end at %v, long before the end of the video at %v", g.Slug, last, g.Duration)
		}
		transcript := strings.Join(g.Transcript(), " ")
		if !strings.ContainsAny(transcript, "áčďéěíňóřšťúůýž") || strings.Contains(transcript, "<") {
			t.Errorf("%s: the transcript is not plain Czech text: %s", g.Slug, transcript)
		}
		if g.Title == "" || g.Description == "" || g.Published.IsZero() {
			t.Errorf("%s: incomplete: %+v", g.Slug, g)
		}
	}
}

// guideFS is a content folder with one guide, its captions and video; change edits its files.
func guideFS(change func(fs fstest.MapFS)) fstest.MapFS {
	fs := fstest.MapFS{
		"v/pes.txt": {Data: []byte("Title: Jak přihlásit psa\nPublished: 2026-02-16\nDuration: 0:12\nVideo: pes.webm\nCaptions: pes.vtt\n" +
			"Situation: prihlaseni-psa | Pořízení psa\n\nNávod k přihlášení psa.\n")},
		"v/pes.vtt":  {Data: []byte("WEBVTT\n\n00:00.000 --> 00:05.000\nDobrý den.\n\n00:05.000 --> 00:12.000\nPsa přihlaste do 15 dnů.\n")},
		"v/pes.webm": {Data: []byte("\x1a\x45\xdf\xa3 a WebM file")},
	}
	if change != nil {
		change(fs)
	}
	return fs
}

// withHeader replaces the header line starting with key (or adds line when none does).
func withHeader(key, line string) func(fstest.MapFS) {
	return func(fs fstest.MapFS) {
		header, body, _ := strings.Cut(string(fs["v/pes.txt"].Data), "\n\n")
		var lines []string
		replaced := false
		for _, l := range strings.Split(header, "\n") {
			if strings.HasPrefix(l, key+":") {
				l, replaced = line, true
			}
			if l != "" {
				lines = append(lines, l)
			}
		}
		if !replaced {
			lines = append(lines, line)
		}
		fs["v/pes.txt"] = &fstest.MapFile{Data: []byte(strings.Join(lines, "\n") + "\n\n" + body)}
	}
}

func TestReadGivesTheGuideOfEachFile(t *testing.T) {
	guides, err := videos.Read(guideFS(nil), "v")
	if err != nil {
		t.Fatal(err)
	}
	g := guides[0]
	if g.Slug != "pes" || g.Title != "Jak přihlásit psa" || g.Duration != 12*time.Second || g.Video != "pes.webm" || g.VideoLine != 4 ||
		!g.Published.Equal(time.Date(2026, 2, 16, 0, 0, 0, 0, time.UTC)) || g.Description != "Návod k přihlášení psa." {
		t.Errorf("guide: %+v", g)
	}
	if len(g.Situations) != 1 || g.Situations[0] != (videos.Situation{Slug: "prihlaseni-psa", Title: "Pořízení psa"}) {
		t.Errorf("situations: %+v", g.Situations)
	}
	if got := g.Transcript(); len(got) != 2 || got[1] != "Psa přihlaste do 15 dnů." {
		t.Errorf("transcript: %q", got)
	}
}

func TestReadNamesTheFileAndLineOfEachProblem(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(fstest.MapFS)
		want   string
	}{
		{"no title", withHeader("Title", "Title:"), "v/pes.txt:1: Title is required"},
		{"no date", withHeader("Published", "# no date"), "v/pes.txt: Published is required"},
		{"Czech date", withHeader("Published", "Published: 16. 2. 2026"), `v/pes.txt:2: Published must be a date written YYYY-MM-DD, got "16. 2. 2026"`},
		{"seconds", withHeader("Duration", "Duration: 12 s"), `v/pes.txt:3: Duration: want the length written m:ss or h:mm:ss, e.g. 1:30, got "12 s"`},
		{"one-digit seconds", withHeader("Duration", "Duration: 0:7"), `v/pes.txt:3: Duration: want the length written m:ss or h:mm:ss, e.g. 1:30, got "0:7"`},
		{"zero", withHeader("Duration", "Duration: 0:00"), `v/pes.txt:3: Duration: a video lasts longer than "0:00"`},
		{"AVI", withHeader("Video", "Video: pes.avi"), `v/pes.txt:4: Video: want a .mp4 or .webm file, got "pes.avi"`},
		{"a path", withHeader("Video", "Video: ../pes.webm"), `v/pes.txt:4: Video: want a file name without folders, got "../pes.webm"`},
		{"SRT captions", withHeader("Captions", "Captions: pes.srt"), `v/pes.txt:5: Captions: want a .vtt file, got "pes.srt"`},
		{"missing captions", withHeader("Captions", "Captions: kocka.vtt"), "v/pes.txt:5: Captions: open v/kocka.vtt: file does not exist"},
		{"bad captions", func(fs fstest.MapFS) {
			fs["v/pes.vtt"] = &fstest.MapFile{Data: []byte("WEBVTT\n\n00:05.000 --> 00:01.000\nA\n")}
		},
			"v/pes.vtt:3: the cue ends at 00:01.000, not after its start 00:05.000"},
		{"empty captions", func(fs fstest.MapFS) { fs["v/pes.vtt"] = &fstest.MapFile{Data: []byte("WEBVTT\n")} }, "v/pes.vtt: the captions have no cues"},
		{"captions past the end", withHeader("Duration", "Duration: 0:10"), "v/pes.vtt:6: the cue ends at 00:00:12.000, after the end of the video (Duration: 0:10 in v/pes.txt)"},
		{"situation without title", withHeader("Situation", "Situation: prihlaseni-psa"), `v/pes.txt:6: Situation: want a life situation's address and title, e.g. "prihlaseni-psa | Pořízení psa", got "prihlaseni-psa"`},
		{"situation with diacritics", withHeader("Situation", "Situation: přihlášení-psa | Pořízení psa"), `v/pes.txt:6: Situation: want a life situation's address and title, e.g. "prihlaseni-psa | Pořízení psa", got "přihlášení-psa | Pořízení psa"`},
		{"typo", withHeader("Titel", "Titel: Pes"), `v/pes.txt:7: unknown key "Titel" (known: Captions, Duration, Published, Situation, Title, Video)`},
		{"no description", func(fs fstest.MapFS) {
			fs["v/pes.txt"] = &fstest.MapFile{Data: []byte("Title: Pes\nPublished: 2026-02-16\nDuration: 0:12\nVideo: pes.webm\nCaptions: pes.vtt\n\n")}
		}, "v/pes.txt:7: the guide needs a description: a blank line after the header, then the text"},
		{"file name with diacritics", func(fs fstest.MapFS) { fs["v/Pes štěně.txt"], fs["v/pes.txt"] = fs["v/pes.txt"], nil },
			"v/Pes štěně.txt: the file name must be the guide's address: lower-case letters without diacritics, digits and hyphens, e.g. jak-prihlasit-psa.txt"},
	} {
		fsys := guideFS(c.change)
		for name, f := range fsys {
			if f == nil {
				delete(fsys, name)
			}
		}
		if _, err := videos.Read(fsys, "v"); err == nil || err.Error() != c.want {
			t.Errorf("%s: got %v\nwant %s", c.name, err, c.want)
		}
	}
}

func TestReadVideoTakesTheContentFoldersFileFirstThenTheMediaFolders(t *testing.T) {
	media := t.TempDir()
	webm := []byte("\x1a\x45\xdf\xa3 made by ffmpeg")
	if err := os.WriteFile(filepath.Join(media, "pes.webm"), webm, 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := guideFS(nil)
	guides, err := videos.Read(fsys, "v")
	if err != nil {
		t.Fatal(err)
	}
	g := guides[0]
	v, err := videos.ReadVideo(fsys, "v", g, media)
	if err != nil || string(v.Data) != string(fsys["v/pes.webm"].Data) || v.ContentType != "video/webm" {
		t.Errorf("from the content folder: %q %s %v", v.Data, v.ContentType, err)
	}
	delete(fsys, "v/pes.webm")
	if v, err = videos.ReadVideo(fsys, "v", g, media); err != nil || string(v.Data) != string(webm) {
		t.Errorf("from the media folder: %q %v", v.Data, err)
	}
	empty := t.TempDir()
	want := "v/pes.txt:4: the video file pes.webm is neither in v nor in the media folder " + empty +
		" (RADNICE_MEDIA_DIR); the demo town's videos are made by .ci/media, which `make run` and `make test` call"
	if _, err := videos.ReadVideo(fsys, "v", g, empty); err == nil || err.Error() != want {
		t.Errorf("missing: %v\nwant %s", err, want)
	}
	fsys["v/pes.webm"] = &fstest.MapFile{Data: []byte("placeholder")}
	if _, err := videos.ReadVideo(fsys, "v", g, media); err == nil || err.Error() != "v/pes.txt:4: pes.webm is not a webm video" {
		t.Errorf("placeholder: %v", err)
	}
	g.Video = "pes.mp4"
	fsys["v/pes.mp4"] = &fstest.MapFile{Data: []byte("\x00\x00\x00\x18ftypmp42")}
	if v, err := videos.ReadVideo(fsys, "v", g, media); err != nil || v.ContentType != "video/mp4" {
		t.Errorf("MP4: %s %v", v.ContentType, err)
	}
}

func TestMediaDirIsTheEnvironmentsOrTheSourceTrees(t *testing.T) {
	t.Setenv(videos.MediaDirEnv, "/srv/radnice/media")
	if got := videos.MediaDir(); got != "/srv/radnice/media" {
		t.Errorf("with %s: %s", videos.MediaDirEnv, got)
	}
	t.Setenv(videos.MediaDirEnv, "")
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if got := videos.MediaDir(); got != filepath.Join(root, ".data", "media") {
		t.Errorf("without it: %s, want .data/media in %s", got, root)
	}
}

func TestFormatDurationWritesMinutesAndSeconds(t *testing.T) {
	for d, want := range map[time.Duration]string{
		56 * time.Second: "0:56", 500 * time.Millisecond: "0:01", 65 * time.Second: "1:05", time.Hour + 2*time.Minute + 3*time.Second: "1:02:03",
	} {
		if got := videos.FormatDuration(d); got != want {
			t.Errorf("%v: %s, want %s", d, got, want)
		}
	}
}
