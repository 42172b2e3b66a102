// Package videos reads the video guides (videonávody) of a content folder: one text file per
// guide (datasets/textdoc) naming its Czech captions (a WebVTT file beside it) and its video
// file, which lies beside it too or, for the demo town, in the media folder where .ci/media
// makes it with ffmpeg (MediaDir, Render).
//
//	Title: Jak přihlásit psa
//	Published: 2026-03-02
//	Duration: 0:56
//	Video: jak-prihlasit-psa.webm
//	Captions: jak-prihlasit-psa.vtt
//	Situation: prihlaseni-psa | Pořízení psa
//
//	Krátké video provede přihlášením psa k místnímu poplatku.
package videos

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/radnice/radnice/datasets/textdoc"
)

// Ext ends the name of a guide's content file; the rest of the name is the guide's slug.
const Ext = ".txt"

// Guide is one video guide as its content file describes it.
type Guide struct {
	File        string // the content file, for messages
	Slug        string // the guide's address: the content file's name without Ext
	Title       string
	Description string // the body: plain-text paragraphs separated by blank lines
	Published   time.Time
	Duration    time.Duration
	Video       string // the video file's name (.webm or .mp4)
	VideoLine   int    // the line naming it, for messages
	Captions    []byte // the WebVTT file as written, served as is
	Cues        []Cue
	Situations  []Situation
}

// Situation is a life situation the guide helps with (web/situations), as the guide links to it.
type Situation struct {
	Slug, Title string
}

// Transcript is the spoken text of the guide: its captions, one paragraph per cue.
func (g Guide) Transcript() []string {
	out := make([]string, len(g.Cues))
	for i, c := range g.Cues {
		out[i] = c.Plain()
	}
	return out
}

// slugPattern is what addresses are made of: lower-case ASCII words joined by hyphens.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// videoTypes are the video formats a guide may have, by file extension: those the browsers
// play natively.
var videoTypes = map[string]string{".webm": "video/webm", ".mp4": "video/mp4"}

// Read reads every guide of dir in fsys, in slug order, with its captions. The video files are
// not read here: ReadVideo finds them.
func Read(fsys fs.FS, dir string) ([]Guide, error) {
	docs, err := textdoc.ReadDir(fsys, dir, Ext)
	if err != nil {
		return nil, err
	}
	guides := make([]Guide, 0, len(docs))
	for _, d := range docs {
		g, err := readGuide(fsys, dir, d)
		if err != nil {
			return nil, err
		}
		guides = append(guides, g)
	}
	return guides, nil
}

// readGuide reads one content file and the captions it names.
func readGuide(fsys fs.FS, dir string, d *textdoc.Doc) (Guide, error) {
	g := Guide{File: d.File, Slug: strings.TrimSuffix(path.Base(d.File), Ext), Description: d.Body}
	if !slugPattern.MatchString(g.Slug) {
		return g, d.Errorf(0, "the file name must be the guide's address: lower-case letters without diacritics, digits and hyphens, e.g. jak-prihlasit-psa%s", Ext)
	}
	title, err := d.Required("Title")
	if err != nil {
		return g, err
	}
	g.Title = title.Value
	published, line, err := d.Date("Published")
	if err == nil && published.IsZero() {
		err = d.Errorf(line, "Published is required")
	}
	if err != nil {
		return g, err
	}
	g.Published = published
	duration, err := d.Required("Duration")
	if err != nil {
		return g, err
	}
	if g.Duration, err = ParseDuration(duration.Value); err != nil {
		return g, d.Errorf(duration.Line, "Duration: %v", err)
	}
	video, err := d.Required("Video")
	if err != nil {
		return g, err
	}
	if err := checkFileName(video.Value, slices.Sorted(maps.Keys(videoTypes))...); err != nil {
		return g, d.Errorf(video.Line, "Video: %v", err)
	}
	g.Video, g.VideoLine = video.Value, video.Line
	captions, err := d.Required("Captions")
	if err != nil {
		return g, err
	}
	if err := checkFileName(captions.Value, ".vtt"); err != nil {
		return g, d.Errorf(captions.Line, "Captions: %v", err)
	}
	if err := g.readCaptions(fsys, path.Join(dir, captions.Value)); err != nil {
		if _, located := err.(*textdoc.Error); !located {
			err = d.Errorf(captions.Line, "Captions: %v", err)
		}
		return g, err
	}
	for _, f := range d.All("Situation") {
		slug, title, _ := strings.Cut(f.Value, "|")
		slug, title = strings.TrimSpace(slug), strings.TrimSpace(title)
		if !slugPattern.MatchString(slug) || title == "" {
			return g, d.Errorf(f.Line, "Situation: want a life situation's address and title, e.g. \"prihlaseni-psa | Pořízení psa\", got %q", f.Value)
		}
		g.Situations = append(g.Situations, Situation{Slug: slug, Title: title})
	}
	if g.Description == "" {
		return g, d.Errorf(d.BodyLine, "the guide needs a description: a blank line after the header, then the text")
	}
	return g, d.CheckKnown()
}

// readCaptions reads and checks the guide's WebVTT file: at least one cue, none after the end.
// Problems in the file name their place in it; a missing file is the caller's to place.
func (g *Guide) readCaptions(fsys fs.FS, name string) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	cues, err := ParseVTT(name, data)
	if err != nil {
		return err
	}
	if len(cues) == 0 {
		return &textdoc.Error{File: name, Msg: "the captions have no cues"}
	}
	for _, c := range cues {
		if c.End > g.Duration {
			return &textdoc.Error{File: name, Line: c.Line, Msg: fmt.Sprintf("the cue ends at %s, after the end of the video (Duration: %s in %s)", formatTimestamp(c.End), FormatDuration(g.Duration), g.File)}
		}
	}
	g.Captions, g.Cues = data, cues
	return nil
}

// checkFileName accepts a plain file name (no folders) ending in one of the extensions.
func checkFileName(name string, extensions ...string) error {
	if name != path.Base(name) || strings.HasPrefix(name, ".") || strings.ContainsAny(name, `/\`) {
		return fmt.Errorf("want a file name without folders, got %q", name)
	}
	if !slices.Contains(extensions, path.Ext(name)) {
		return fmt.Errorf("want a %s file, got %q", strings.Join(extensions, " or "), name)
	}
	return nil
}

// ParseDuration reads a video's length written m:ss or h:mm:ss ("0:56", "1:02:30").
func ParseDuration(s string) (time.Duration, error) {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, fmt.Errorf("want the length written m:ss or h:mm:ss, e.g. 1:30, got %q", s)
	}
	var total time.Duration
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || i > 0 && (len(p) != 2 || n > 59) {
			return 0, fmt.Errorf("want the length written m:ss or h:mm:ss, e.g. 1:30, got %q", s)
		}
		total = total*60 + time.Duration(n)
	}
	if total == 0 {
		return 0, fmt.Errorf("a video lasts longer than %q", s)
	}
	return total * time.Second, nil
}

// FormatDuration writes a video's length as people read it: "0:56", "1:02:30".
func FormatDuration(d time.Duration) string {
	s := int64(d.Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
