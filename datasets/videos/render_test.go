package videos_test

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"testing/fstest"
	"time"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/videos"
)

// maxDemoVideoSize keeps the demo's videos small: they are stored in every test database.
const maxDemoVideoSize = 300 << 10

// probe is what ffprobe says of a video file.
type probe struct {
	Streams []struct {
		CodecType string `json:"codec_type"`
		CodecName string `json:"codec_name"`
		Width     int    `json:"width"`
		Height    int    `json:"height"`
	} `json:"streams"`
	Format struct {
		FormatName string `json:"format_name"`
		Duration   string `json:"duration"`
	} `json:"format"`
}

// ffprobe describes the video file at path; .ci/media installs it with ffmpeg.
func ffprobe(t *testing.T, path string) probe {
	t.Helper()
	out, err := exec.Command("ffprobe", "-v", "error", "-show_entries", "stream=codec_type,codec_name,width,height:format=format_name,duration",
		"-of", "json", path).Output()
	if err != nil {
		t.Fatalf("ffprobe %s (run .ci/media, which installs ffmpeg and makes the demo videos): %v", path, err)
	}
	var p probe
	if err := json.Unmarshal(out, &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// expectVideo fails unless p is a 640×360 VP9/Opus WebM lasting d (to a frame or two).
func expectVideo(t *testing.T, name string, p probe, d time.Duration) {
	t.Helper()
	codecs := map[string]string{}
	for _, s := range p.Streams {
		codecs[s.CodecType] = s.CodecName
		if s.CodecType == "video" && (s.Width != 640 || s.Height != 360) {
			t.Errorf("%s: %d×%d, want 640×360", name, s.Width, s.Height)
		}
	}
	if codecs["video"] != "vp9" || codecs["audio"] != "opus" || p.Format.FormatName != "matroska,webm" {
		t.Errorf("%s: %s with streams %v, want WebM with VP9 and Opus", name, p.Format.FormatName, codecs)
	}
	seconds, err := strconv.ParseFloat(p.Format.Duration, 64)
	if err != nil || math.Abs(seconds-d.Seconds()) > 0.25 {
		t.Errorf("%s: lasts %s s, want %v", name, p.Format.Duration, d)
	}
}

func TestTheDemoVideosAreRealVideosOfTheirStatedLength(t *testing.T) {
	guides, err := videos.Read(demotown.Content(), demoDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range guides {
		path := filepath.Join(videos.MediaDir(), g.Video)
		info, err := os.Stat(path)
		if err != nil {
			t.Fatalf("%v: run .ci/media, which makes the demo videos", err)
		}
		if info.Size() > maxDemoVideoSize {
			t.Errorf("%s: %d bytes, want at most %d", g.Video, info.Size(), maxDemoVideoSize)
		}
		expectVideo(t, g.Video, ffprobe(t, path), g.Duration)
	}
}

func TestRenderMakesAVideoOnlyWhenItsRecipeChanged(t *testing.T) {
	content := guideFS(func(fs fstest.MapFS) {
		fs["v/pes.txt"].Data = bytes.Replace(fs["v/pes.txt"].Data, []byte("0:12"), []byte("0:03"), 1)
		fs["v/pes.vtt"] = &fstest.MapFile{Data: []byte("WEBVTT\n\n00:00.000 --> 00:01.500\nDobrý den.\n\n00:01.500 --> 00:03.000\nPřihlaste psa, 100 % zdarma.\n")}
		delete(fs, "v/pes.webm")
	})
	media := t.TempDir()
	var made []string
	render := func() {
		t.Helper()
		made = nil
		if err := videos.RenderMissing(t.Context(), content, "v", media, func(g videos.Guide) { made = append(made, g.Video) }); err != nil {
			t.Fatal(err)
		}
	}
	render()
	if len(made) != 1 {
		t.Fatalf("made %v, want pes.webm", made)
	}
	expectVideo(t, "pes.webm", ffprobe(t, filepath.Join(media, "pes.webm")), 3*time.Second)
	first, err := os.ReadFile(filepath.Join(media, "pes.webm"))
	if err != nil {
		t.Fatal(err)
	}

	render()
	if len(made) != 0 {
		t.Errorf("made %v again, though nothing changed", made)
	}

	if err := os.Remove(filepath.Join(media, "pes.webm")); err != nil {
		t.Fatal(err)
	}
	render()
	again, err := os.ReadFile(filepath.Join(media, "pes.webm"))
	if err != nil || !bytes.Equal(again, first) {
		t.Errorf("a removed video was made again differently (%d bytes, was %d): %v", len(again), len(first), err)
	}

	content["v/pes.vtt"].Data = bytes.Replace(content["v/pes.vtt"].Data, []byte("Dobrý den."), []byte("Dobrý večer."), 1)
	render()
	if len(made) != 1 {
		t.Errorf("changed captions: made %v, want pes.webm", made)
	}

	content["v/pes.webm"] = &fstest.MapFile{Data: []byte("\x1a\x45\xdf\xa3 the town's own")}
	render()
	if len(made) != 0 {
		t.Errorf("made %v, though the content folder has the video", made)
	}
}
