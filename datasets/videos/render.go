package videos

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// The fonts the slides are drawn in: Debian's fonts-dejavu-core, which has every Czech letter.
const (
	slideFont     = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
	slideBoldFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
)

// slideWidth is how many characters a line of a slide holds at its font size.
const slideWidth = 34

// RenderMissing makes, in outDir, the video file of every guide of dir in fsys that the
// content folder does not hold itself (see Render). made is told about each guide whose video
// it made; an unchanged one is left as it is.
func RenderMissing(ctx context.Context, fsys fs.FS, dir, outDir string, made func(Guide)) error {
	guides, err := Read(fsys, dir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	for _, g := range guides {
		if _, err := fs.Stat(fsys, path.Join(dir, g.Video)); err == nil {
			continue
		}
		did, err := Render(ctx, g, outDir)
		if err != nil {
			return err
		}
		if did {
			made(g)
		}
	}
	return nil
}

// Render makes the video file of g in outDir from its captions with ffmpeg: one slide per cue
// (the cue's text, the guide's title, "Krok 2 z 10" and a progress bar) and a soft chime where
// each cue starts, as WebM (VP9/Opus). The output depends only on the guide and the ffmpeg
// version, and a recipe file beside it remembers what made it: Render makes the file only
// when it is missing or its recipe changed, and reports whether it did.
func Render(ctx context.Context, g Guide, outDir string) (bool, error) {
	if path.Ext(g.Video) != ".webm" {
		return false, videoError(g, "only .webm videos can be made from the captions, not %s", g.Video)
	}
	for _, font := range []string{slideFont, slideBoldFont} {
		if _, err := os.Stat(font); err != nil {
			return false, fmt.Errorf("the slides need the font %s: install fonts-dejavu-core (.ci/media does)", font)
		}
	}
	version, err := exec.CommandContext(ctx, "ffmpeg", "-hide_banner", "-version").Output()
	if err != nil {
		return false, fmt.Errorf("making %s needs ffmpeg (.ci/media installs it): %w", g.Video, err)
	}
	r := slideshow(g)
	key := r.key(string(bytes.SplitN(version, []byte("\n"), 2)[0]))
	target, stamp := filepath.Join(outDir, g.Video), filepath.Join(outDir, g.Video+".recipe")
	if old, err := os.ReadFile(stamp); err == nil && string(old) == key {
		if _, err := os.Stat(target); err == nil {
			return false, nil
		}
	}
	// ffmpeg works in a folder of its own beside the target: the recipe's file names are
	// relative, and the finished video is renamed into place, never seen half written.
	work, err := os.MkdirTemp(outDir, ".render-")
	if err != nil {
		return false, err
	}
	defer os.RemoveAll(work)
	for _, f := range r.files {
		if err := os.WriteFile(filepath.Join(work, f.name), []byte(f.text), 0o644); err != nil {
			return false, err
		}
	}
	cmd := exec.CommandContext(ctx, "ffmpeg", append(r.args, "out.webm")...)
	cmd.Dir = work
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return false, fmt.Errorf("ffmpeg making %s: %w\n%s", g.Video, err, strings.TrimSpace(stderr.String()))
	}
	if err := os.Rename(filepath.Join(work, "out.webm"), target); err != nil {
		return false, err
	}
	return true, os.WriteFile(stamp, []byte(key), 0o644)
}

// recipe is an ffmpeg run: its arguments (without the output file) and the text files it reads.
type recipe struct {
	args  []string
	files []recipeFile
}

type recipeFile struct{ name, text string }

// key identifies what the recipe makes with the ffmpeg of the version given.
func (r recipe) key(ffmpegVersion string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%q\x00", ffmpegVersion, r.args)
	for _, f := range r.files {
		fmt.Fprintf(h, "%q\x00%q\x00", f.name, f.text)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// slideshow is the recipe of g's video.
func slideshow(g Guide) recipe {
	length := seconds(g.Duration)
	r := recipe{files: []recipeFile{{"title.txt", g.Title}}}
	video := []string{
		drawText(slideFont, "title.txt", 22, "x=32:y=28", ""),
		"drawbox=x=32:y=64:w=iw-64:h=2:color=white@0.6:t=fill",
	}
	var chimes []string
	for i, c := range g.Cues {
		shown := fmt.Sprintf("between(t,%s,%s)", seconds(c.Start), seconds(c.End))
		text, step := fmt.Sprintf("cue%02d.txt", i+1), fmt.Sprintf("step%02d.txt", i+1)
		r.files = append(r.files,
			recipeFile{text, wrap(c.Plain(), slideWidth)},
			recipeFile{step, fmt.Sprintf("Krok %d z %d", i+1, len(g.Cues))})
		video = append(video,
			drawText(slideBoldFont, text, 28, "line_spacing=10:x=(w-text_w)/2:y=(h-text_h)/2", shown),
			drawText(slideFont, step, 20, "x=32:y=h-56", shown))
		at := seconds(c.Start)
		chimes = append(chimes, fmt.Sprintf("0.2*sin(2*PI*660*(t-%[1]s))*exp(-6*(t-%[1]s))*between(t,%[1]s,%[1]s+0.6)", at))
	}
	video = append(video, fmt.Sprintf("drawbox=x=0:y=ih-6:w=iw*t/%s:h=6:color=0xffbf47:t=fill", length))
	r.args = []string{
		"-hide_banner", "-loglevel", "error", "-nostdin", "-y",
		"-f", "lavfi", "-i", "color=c=0x1d4f91:s=640x360:r=5:d=" + length,
		"-f", "lavfi", "-i", fmt.Sprintf("aevalsrc='%s':s=48000:d=%s", strings.Join(chimes, "+"), length),
		"-filter_complex", "[0:v]" + strings.Join(video, ",") + "[v]",
		"-map", "[v]", "-map", "1:a",
		// One thread and bit-exact muxing: the same recipe makes the same bytes.
		"-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "45", "-deadline", "good", "-cpu-used", "4",
		"-row-mt", "0", "-threads", "1", "-g", "150", "-pix_fmt", "yuv420p",
		"-c:a", "libopus", "-b:a", "16k", "-ac", "1",
		"-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1",
	}
	return r
}

// drawText is a drawtext filter writing the text file in white; shown limits it in time.
// Texts come from files, read literally (no %{} expansion), so no text needs escaping.
func drawText(font, file string, size int, place, shown string) string {
	f := fmt.Sprintf("drawtext=fontfile=%s:textfile=%s:expansion=none:fontsize=%d:fontcolor=white:%s", font, file, size, place)
	if shown != "" {
		f += ":enable='" + shown + "'"
	}
	return f
}

// seconds writes d in seconds with millisecond precision, as ffmpeg's expressions take it.
func seconds(d time.Duration) string {
	return fmt.Sprintf("%.3f", d.Seconds())
}

// wrap breaks text into lines of at most width characters at spaces (a longer word stays whole).
func wrap(text string, width int) string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		switch {
		case line == "":
			line = word
		case len([]rune(line))+1+len([]rune(word)) <= width:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	return strings.Join(append(lines, line), "\n")
}
