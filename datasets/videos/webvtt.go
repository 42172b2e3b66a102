package videos

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/radnice/radnice/datasets/textdoc"
)

// Cue is one caption of a WebVTT file: a span of the video and the text shown during it.
type Cue struct {
	Start, End time.Duration
	Text       string // the payload as written, lines joined by "\n" (may hold tags like <v Name>)
	Line       int    // the line of its timing, for messages
}

// Plain is the cue's text as a reader sees it: without tags, entities decoded, on one line.
func (c Cue) Plain() string {
	text := html.UnescapeString(cueTag.ReplaceAllString(c.Text, ""))
	return strings.Join(strings.Fields(text), " ")
}

// cueTag matches the markup a cue payload may hold: <v Name>, <b>, </i>, <00:00:01.000>, ...
var cueTag = regexp.MustCompile(`<[^>]*>`)

// ParseVTT reads a WebVTT file (named file, for messages) strictly: the "WEBVTT" signature,
// blocks separated by blank lines, NOTE comments, STYLE and REGION blocks before the first
// cue, and cues with an optional identifier, a timing line and at least one line of text.
// Cues must start in order and end after they start; every problem names its line.
func ParseVTT(file string, data []byte) ([]Cue, error) {
	fail := func(line int, format string, args ...any) error {
		return &textdoc.Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	if !utf8.Valid(data) {
		return nil, fail(0, "not UTF-8 text")
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(text, "\n")
	if sig := lines[0]; sig != "WEBVTT" && !strings.HasPrefix(sig, "WEBVTT ") && !strings.HasPrefix(sig, "WEBVTT\t") {
		return nil, fail(1, `a WebVTT file starts with the line "WEBVTT", got %q`, sig)
	}
	var cues []Cue
	i := 1
	for i < len(lines) && lines[i] != "" { // the rest of the header
		i++
	}
	for {
		for i < len(lines) && lines[i] == "" {
			i++
		}
		if i == len(lines) {
			return cues, nil
		}
		start := i
		for i < len(lines) && lines[i] != "" {
			i++
		}
		block := lines[start:i]
		switch first := block[0]; {
		case isBlock(first, "NOTE"):
			continue
		case isBlock(first, "STYLE") || isBlock(first, "REGION"):
			if len(cues) > 0 {
				return nil, fail(start+1, "a %s block must come before the first cue", strings.Fields(first)[0])
			}
			continue
		}
		timing := 0
		if !strings.Contains(block[0], "-->") {
			timing = 1 // the first line is the cue's identifier
		}
		if timing >= len(block) || !strings.Contains(block[timing], "-->") {
			return nil, fail(start+1, "want a cue timing line \"00:00:01.000 --> 00:00:04.000\" (after an optional identifier line), got %q", block[0])
		}
		line := start + timing + 1
		cue, err := parseTiming(block[timing])
		if err != nil {
			return nil, fail(line, "%v", err)
		}
		cue.Line = line
		payload := block[timing+1:]
		if len(payload) == 0 {
			return nil, fail(line, "the cue has no text")
		}
		for k, p := range payload {
			if strings.Contains(p, "-->") {
				return nil, fail(line+1+k, "cue text must not contain \"-->\" (a blank line is missing before the next cue?)")
			}
		}
		cue.Text = strings.Join(payload, "\n")
		if n := len(cues); n > 0 && cue.Start < cues[n-1].Start {
			return nil, fail(line, "the cue starts at %s, before the previous cue (line %d) at %s", formatTimestamp(cue.Start), cues[n-1].Line, formatTimestamp(cues[n-1].Start))
		}
		cues = append(cues, cue)
	}
}

// isBlock reports whether line opens a block of the given kind: the word alone or followed by
// a space or a tab.
func isBlock(line, word string) bool {
	rest, ok := strings.CutPrefix(line, word)
	return ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t')
}

// parseTiming reads "00:00:01.000 --> 00:00:04.000 [settings]".
func parseTiming(line string) (Cue, error) {
	fields := strings.Fields(line)
	if len(fields) < 3 || fields[1] != "-->" {
		return Cue{}, fmt.Errorf("want a cue timing \"00:00:01.000 --> 00:00:04.000\", got %q", line)
	}
	start, err := parseTimestamp(fields[0])
	if err != nil {
		return Cue{}, err
	}
	end, err := parseTimestamp(fields[2])
	if err != nil {
		return Cue{}, err
	}
	if end <= start {
		return Cue{}, fmt.Errorf("the cue ends at %s, not after its start %s", fields[2], fields[0])
	}
	return Cue{Start: start, End: end}, nil
}

// timestamp is WebVTT's "[hh:]mm:ss.ttt" (hours of two or more digits).
var timestamp = regexp.MustCompile(`^(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})$`)

func parseTimestamp(s string) (time.Duration, error) {
	m := timestamp.FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("want a timestamp written mm:ss.ttt or hh:mm:ss.ttt, got %q", s)
	}
	n := func(s string) time.Duration { v, _ := strconv.Atoi(s); return time.Duration(v) }
	if n(m[2]) > 59 || n(m[3]) > 59 {
		return 0, fmt.Errorf("minutes and seconds run to 59, got %q", s)
	}
	hours := time.Duration(0)
	if m[1] != "" {
		hours = n(m[1])
	}
	return hours*time.Hour + n(m[2])*time.Minute + n(m[3])*time.Second + n(m[4])*time.Millisecond, nil
}

// formatTimestamp writes d as WebVTT does: hh:mm:ss.ttt.
func formatTimestamp(d time.Duration) string {
	ms := d.Milliseconds()
	return fmt.Sprintf("%02d:%02d:%02d.%03d", ms/3_600_000, ms/60_000%60, ms/1000%60, ms%1000)
}
