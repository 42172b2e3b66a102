package videos_test

import (
	"testing"
	"time"

	"github.com/radnice/radnice/datasets/videos"
)

func TestParseVTTReadsCuesWithIdentifiersCommentsAndSettings(t *testing.T) {
	vtt := "\ufeffWEBVTT - Přihlášení psa\r\nKind: captions\r\n\r\n" +
		"STYLE\r\n::cue { color: yellow }\r\n\r\n" +
		"NOTE Napsal odbor vnitřních věcí.\r\n\r\n" +
		"uvod\r\n00:00.500 --> 00:04.000 line:85%\r\n<v Úřednice>Dobrý den,</v>\r\nvítejte na &lt;portálu&gt;.\r\n\r\n\r\n" +
		"01:00:02.250 --> 01:00:05.000\r\nPsa přihlaste do 15 dnů.\r\n"
	cues, err := videos.ParseVTT("pes.vtt", []byte(vtt))
	if err != nil {
		t.Fatal(err)
	}
	want := []videos.Cue{
		{Start: 500 * time.Millisecond, End: 4 * time.Second, Text: "<v Úřednice>Dobrý den,</v>\nvítejte na &lt;portálu&gt;.", Line: 10},
		{Start: time.Hour + 2250*time.Millisecond, End: time.Hour + 5*time.Second, Text: "Psa přihlaste do 15 dnů.", Line: 15},
	}
	if len(cues) != len(want) {
		t.Fatalf("got %d cues %+v, want %d", len(cues), cues, len(want))
	}
	for i := range want {
		if cues[i] != want[i] {
			t.Errorf("cue %d: got %+v, want %+v", i+1, cues[i], want[i])
		}
	}
	if got := cues[0].Plain(); got != "Dobrý den, vítejte na <portálu>." {
		t.Errorf("plain text of cue 1: %q", got)
	}
}

func TestParseVTTNamesTheLineOfEachProblem(t *testing.T) {
	cue := func(timing, text string) string { return timing + "\n" + text + "\n\n" }
	for _, c := range []struct{ name, vtt, want string }{
		{"no signature", "WEBVTT2\n\n", `x.vtt:1: a WebVTT file starts with the line "WEBVTT", got "WEBVTT2"`},
		{"SRT", "1\n00:00:01,000 --> 00:00:02,000\nAhoj\n", `x.vtt:1: a WebVTT file starts with the line "WEBVTT", got "1"`},
		{"comma decimal", "WEBVTT\n\n" + cue("00:01,000 --> 00:02.000", "A"), `x.vtt:3: want a timestamp written mm:ss.ttt or hh:mm:ss.ttt, got "00:01,000"`},
		{"no arrow", "WEBVTT\n\n" + cue("00:01.000 - 00:02.000", "A"), `x.vtt:3: want a cue timing line "00:00:01.000 --> 00:00:04.000" (after an optional identifier line), got "00:01.000 - 00:02.000"`},
		{"no end", "WEBVTT\n\n" + cue("00:01.000 -->", "A"), `x.vtt:3: want a cue timing "00:00:01.000 --> 00:00:04.000", got "00:01.000 -->"`},
		{"61 seconds", "WEBVTT\n\n" + cue("00:61.000 --> 01:02.000", "A"), `x.vtt:3: minutes and seconds run to 59, got "00:61.000"`},
		{"ends before it starts", "WEBVTT\n\n" + cue("00:05.000 --> 00:04.000", "A"), "x.vtt:3: the cue ends at 00:04.000, not after its start 00:05.000"},
		{"no text", "WEBVTT\n\n00:01.000 --> 00:02.000\n\n", "x.vtt:3: the cue has no text"},
		{"missing blank line", "WEBVTT\n\n00:01.000 --> 00:02.000\nA\n00:02.000 --> 00:03.000\nB\n", `x.vtt:5: cue text must not contain "-->" (a blank line is missing before the next cue?)`},
		{"out of order", "WEBVTT\n\n" + cue("00:05.000 --> 00:06.000", "A") + cue("00:04.000 --> 00:07.000", "B"), "x.vtt:6: the cue starts at 00:00:04.000, before the previous cue (line 3) at 00:00:05.000"},
		{"late style", "WEBVTT\n\n" + cue("00:01.000 --> 00:02.000", "A") + "STYLE\n::cue {}\n", "x.vtt:6: a STYLE block must come before the first cue"},
		{"not UTF-8", "WEBVTT\n\n00:01.000 --> 00:02.000\n\xe8\n", "x.vtt: not UTF-8 text"},
	} {
		if _, err := videos.ParseVTT("x.vtt", []byte(c.vtt)); err == nil || err.Error() != c.want {
			t.Errorf("%s: got %v, want %s", c.name, err, c.want)
		}
	}
}

func TestParseVTTAcceptsASignatureAlone(t *testing.T) {
	for _, vtt := range []string{"WEBVTT", "WEBVTT\n", "WEBVTT\tpopis\n\n\n"} {
		cues, err := videos.ParseVTT("x.vtt", []byte(vtt))
		if err != nil || len(cues) != 0 {
			t.Errorf("%q: %v, %d cues", vtt, err, len(cues))
		}
	}
}
