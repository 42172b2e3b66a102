package videos_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	datasets "github.com/radnice/radnice/datasets/videos"
	"github.com/radnice/radnice/web/webtest"
)

// The demo guide the page tests look at.
const dogGuide = "/videonavody/jak-prihlasit-psa"

// text is webtest.Text with every Unicode space, such as the no-break one, read as a plain space.
func text(body string) string {
	return strings.Join(strings.Fields(webtest.Text(body)), " ")
}

func TestTheCatalogueListsTheGuidesNewestFirstWithLengthAndDescription(t *testing.T) {
	srv := webtest.NewPortal(t)
	res, body := webtest.Get(t, srv, "/videonavody")
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("status %d, %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	titles := regexp.MustCompile(`<h2><a href="/videonavody/([a-z-]+)">([^<]+)</a></h2>`).FindAllStringSubmatch(body, -1)
	var got []string
	for _, m := range titles {
		got = append(got, m[1]+" "+m[2])
	}
	want := []string{
		"jak-najit-svou-volebni-mistnost Jak najít svou volební místnost",
		"jak-se-prihlasit-na-portal Jak se přihlásit na portál",
		"jak-podat-zadost-o-informace Jak podat žádost o informace",
		"jak-prihlasit-psa Jak přihlásit psa",
		"jak-zaplatit-poplatek-za-odpad Jak zaplatit poplatek za odpad",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("guides:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, says := range []string{
		"Délka: 0:56 · Zveřejněno: 16. února 2026",
		"Návod provede ohlášením psa k místnímu poplatku ze psů",
	} {
		if !strings.Contains(text(body), says) {
			t.Errorf("the catalogue does not say %q", says)
		}
	}
	if !strings.Contains(body, `<time datetime="PT56S">0:56</time>`) {
		t.Error("the length is not machine-readable")
	}
}

func TestTheCatalogueInEnglishMarksTheCzechGuides(t *testing.T) {
	srv := webtest.NewPortal(t)
	res, body := webtest.Get(t, srv, "/en/videonavody")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, says := range []string{"Video guides", "The videos, their captions and transcripts are in Czech.", "Length: 0:56 · Published: 16 February 2026"} {
		if !strings.Contains(text(body), says) {
			t.Errorf("the English catalogue does not say %q", says)
		}
	}
	if !strings.Contains(body, `<li lang="cs"><h2><a href="/en/videonavody/jak-prihlasit-psa">Jak přihlásit psa</a></h2>`) {
		t.Error("the guides are not marked Czech or do not link to English pages")
	}
}

func TestAGuidesPageHasThePlayerWithCaptionsTheTranscriptAndSituations(t *testing.T) {
	srv := webtest.NewPortal(t)
	res, body := webtest.Get(t, srv, dogGuide)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{
		`<title>Jak přihlásit psa – videonávod – `,
		`<video controls preload="metadata" width="640" height="360" aria-labelledby="video-title">`,
		`<source src="/videonavody/jak-prihlasit-psa/video" type="video/webm">`,
		`<track kind="captions" srclang="cs" label="Čeština" src="/videonavody/jak-prihlasit-psa/titulky.vtt" default>`,
		`<a href="/videonavody/jak-prihlasit-psa/video" download="jak-prihlasit-psa.webm">Stáhnout video (WebM, `,
		`<li><time datetime="PT6S">0:06</time> Psa přihlaste do 15 dnů ode dne, kdy dovršil stáří tří měsíců nebo kdy jste ho pořídili.</li>`,
		`<a href="/zivotni-situace/prihlaseni-psa">`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if n := strings.Count(body, "<li><time"); n != 10 {
		t.Errorf("the transcript has %d paragraphs, want one per cue (10)", n)
	}
	_, en := webtest.Get(t, srv, "/en"+dogGuide)
	for _, want := range []string{`label="Czech"`, `<a href="/en/zivotni-situace/prihlaseni-psa">`, `<ol class="transcript" aria-labelledby="prepis" lang="cs">`} {
		if !strings.Contains(en, want) {
			t.Errorf("the English page lacks %s", want)
		}
	}
}

func TestUnknownGuidesAreNotFound(t *testing.T) {
	srv := webtest.NewPortal(t)
	for _, path := range []string{"/videonavody/jak-chovat-draka", "/videonavody/jak-chovat-draka/video", "/videonavody/jak-chovat-draka/titulky.vtt", "/en/videonavody/x"} {
		if res, _ := webtest.Get(t, srv, path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, res.StatusCode)
		}
	}
}

func TestTheVideoIsServedWithRanges(t *testing.T) {
	srv := webtest.NewPortal(t)
	path := dogGuide + "/video"
	// The ranges are checked against the whole file served: the test database holds the videos
	// .ci/media made when it was seeded, which may differ from today's .data/media.
	res, data := webtest.Get(t, srv, path)
	size := len(data)
	sum := sha256.Sum256([]byte(data))
	etag := `"` + hex.EncodeToString(sum[:]) + `"`
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(data, "\x1a\x45\xdf\xa3") || res.Header.Get("Content-Type") != "video/webm" ||
		res.Header.Get("Accept-Ranges") != "bytes" || res.Header.Get("ETag") != etag || res.ContentLength != int64(size) {
		t.Errorf("the whole file: status %d, %d bytes, headers %v", res.StatusCode, size, res.Header)
	}
	for _, c := range []struct {
		rangeHeader  string
		from, to     int
		contentRange string
	}{
		{"bytes=0-0", 0, 0, fmt.Sprintf("bytes 0-0/%d", size)},
		{"bytes=100-4195", 100, 4195, fmt.Sprintf("bytes 100-4195/%d", size)},
		{"bytes=-500", size - 500, size - 1, fmt.Sprintf("bytes %d-%d/%d", size-500, size-1, size)},
		{fmt.Sprintf("bytes=%d-", size-10), size - 10, size - 1, fmt.Sprintf("bytes %d-%d/%d", size-10, size-1, size)},
		{fmt.Sprintf("bytes=%d-%d", size-10, size+1000), size - 10, size - 1, fmt.Sprintf("bytes %d-%d/%d", size-10, size-1, size)},
	} {
		res, body := webtest.Get(t, srv, path, "Range", c.rangeHeader)
		if res.StatusCode != http.StatusPartialContent || res.Header.Get("Content-Range") != c.contentRange || body != data[c.from:c.to+1] {
			t.Errorf("Range %s: status %d, Content-Range %q, %d bytes; want 206, %q, %d bytes",
				c.rangeHeader, res.StatusCode, res.Header.Get("Content-Range"), len(body), c.contentRange, c.to-c.from+1)
		}
	}
	for _, bad := range []string{fmt.Sprintf("bytes=%d-", size), fmt.Sprintf("bytes=%d-%d", size+5, size+10)} {
		res, _ := webtest.Get(t, srv, path, "Range", bad)
		if res.StatusCode != http.StatusRequestedRangeNotSatisfiable || res.Header.Get("Content-Range") != fmt.Sprintf("bytes */%d", size) {
			t.Errorf("Range %s: status %d, Content-Range %q; want 416, bytes */%d", bad, res.StatusCode, res.Header.Get("Content-Range"), size)
		}
	}
	if res, body := webtest.Get(t, srv, path, "If-None-Match", etag); res.StatusCode != http.StatusNotModified || body != "" {
		t.Errorf("If-None-Match with the ETag: status %d, want 304", res.StatusCode)
	}
	if res, body := webtest.Get(t, srv, path, "Range", "bytes=0-9", "If-Range", `"stale"`); res.StatusCode != http.StatusOK || len(body) != size {
		t.Errorf("If-Range with another version: status %d, want the whole file", res.StatusCode)
	}
	head, err := http.NewRequestWithContext(t.Context(), http.MethodHead, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res, body := webtest.Do(t, head); res.StatusCode != http.StatusOK || body != "" || res.ContentLength != int64(size) {
		t.Errorf("HEAD: status %d, length %d", res.StatusCode, res.ContentLength)
	}
}

func TestTheCaptionsAreServedAsWebVTT(t *testing.T) {
	srv := webtest.NewPortal(t)
	res, body := webtest.Get(t, srv, dogGuide+"/titulky.vtt")
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "text/vtt; charset=utf-8" || res.Header.Get("ETag") == "" {
		t.Fatalf("status %d, headers %v", res.StatusCode, res.Header)
	}
	cues, err := datasets.ParseVTT("titulky.vtt", []byte(body))
	if err != nil || len(cues) != 10 || !strings.HasPrefix(body, "WEBVTT\n") {
		t.Errorf("the captions: %d cues, %v", len(cues), err)
	}
	for i, c := range cues {
		if i > 0 && c.Start < cues[i-1].End || c.End > 56*time.Second {
			t.Errorf("cue %d (%v–%v) overlaps the previous one or ends after the video", i+1, c.Start, c.End)
		}
	}
}

func TestGuidesAndLifeSituationsLinkToEachOther(t *testing.T) {
	srv := webtest.NewPortal(t)
	_, catalogue := webtest.Get(t, srv, "/videonavody")
	guides := regexp.MustCompile(`<h2><a href="(/videonavody/[a-z-]+)">`).FindAllStringSubmatch(catalogue, -1)
	situationLink := regexp.MustCompile(`href="(/zivotni-situace/[a-z0-9-]+)"`)
	for _, g := range guides {
		_, page := webtest.Get(t, srv, g[1])
		links := situationLink.FindAllStringSubmatch(page, -1)
		if len(links) == 0 {
			t.Errorf("%s links to no life situation", g[1])
		}
		for _, l := range links {
			res, situation := webtest.Get(t, srv, l[1])
			if res.StatusCode != http.StatusOK {
				t.Errorf("%s links to %s: status %d", g[1], l[1], res.StatusCode)
			} else if !strings.Contains(situation, `href="`+g[1]+`"`) {
				t.Errorf("%s links to %s, which does not link back", g[1], l[1])
			}
		}
	}
}
