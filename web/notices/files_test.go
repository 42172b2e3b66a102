package notices_test

import (
	"fmt"
	"io/fs"
	"testing"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/web/webtest"
)

// demoFile is an attachment of the demo board as its content folder holds it.
func demoFile(t *testing.T, notice, file string) []byte {
	t.Helper()
	data, err := fs.ReadFile(demotown.Content(), "uredni-deska/"+notice+"/"+file)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

const zamerPDF = "/uredni-deska/2026-zamer-pronajmu-pozemku-lubina/prilohy/zamer-pronajmu.pdf"

func TestAnAttachmentIsServedAsStoredWithItsTypeAndName(t *testing.T) {
	srv, _ := newServer(t)
	for _, c := range []struct {
		path, notice, file, mediaType, disposition string
	}{
		{zamerPDF, "2026-zamer-pronajmu-pozemku-lubina", "zamer-pronajmu.pdf", "application/pdf",
			`inline; filename="zamer-pronajmu.pdf"; filename*=UTF-8''Z%C3%A1m%C4%9Br%20pron%C3%A1jmu%20%C4%8D%C3%A1sti%20pozemku%20p.%20%C4%8D.%20512-3.pdf`},
		{"/uredni-deska/2026-volby-oznameni-o-dobe-a-miste/prilohy/volebni-okrsky.txt", "2026-volby-oznameni-o-dobe-a-miste", "volebni-okrsky.txt", "text/plain; charset=utf-8",
			`inline; filename="volebni-okrsky.txt"; filename*=UTF-8''Seznam%20volebn%C3%ADch%20okrsk%C5%AF%20a%20volebn%C3%ADch%20m%C3%ADstnost%C3%AD.txt`},
		{"/uredni-deska/2026-vyberove-rizeni-referent-socialnich-veci/prilohy/prihlaska.odt", "2026-vyberove-rizeni-referent-socialnich-veci", "prihlaska.odt", "application/vnd.oasis.opendocument.text",
			`attachment; filename="prihlaska.odt"; filename*=UTF-8''P%C5%99ihl%C3%A1%C5%A1ka%20do%20v%C3%BDb%C4%9Brov%C3%A9ho%20%C5%99%C3%ADzen%C3%AD%20%28formul%C3%A1%C5%99%29.odt`},
	} {
		res, body := webtest.Get(t, srv, c.path)
		h := res.Header
		if res.StatusCode != 200 || h.Get("Content-Type") != c.mediaType || h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Accept-Ranges") != "bytes" {
			t.Errorf("%s: status %d, type %q, nosniff %q, ranges %q", c.path, res.StatusCode, h.Get("Content-Type"), h.Get("X-Content-Type-Options"), h.Get("Accept-Ranges"))
		}
		if got := h.Get("Content-Disposition"); got != c.disposition {
			t.Errorf("%s: Content-Disposition\n got %s\nwant %s", c.path, got, c.disposition)
		}
		if want := demoFile(t, c.notice, c.file); body != string(want) {
			t.Errorf("%s: %d bytes served, want the %d of the file", c.path, len(body), len(want))
		}
	}
}

func TestAnAttachmentIsServedInRanges(t *testing.T) {
	srv, _ := newServer(t)
	file := demoFile(t, "2026-zamer-pronajmu-pozemku-lubina", "zamer-pronajmu.pdf")
	res, body := webtest.Get(t, srv, zamerPDF, "Range", "bytes=100-199")
	etag := res.Header.Get("ETag")
	if res.StatusCode != 206 || res.Header.Get("Content-Range") != fmt.Sprintf("bytes 100-199/%d", len(file)) || body != string(file[100:200]) {
		t.Errorf("bytes=100-199: status %d, Content-Range %q, %d bytes", res.StatusCode, res.Header.Get("Content-Range"), len(body))
	}
	res, body = webtest.Get(t, srv, zamerPDF, "Range", "bytes=-10")
	if res.StatusCode != 206 || body != string(file[len(file)-10:]) {
		t.Errorf("the last 10 bytes: status %d, %q", res.StatusCode, body)
	}
	res, _ = webtest.Get(t, srv, zamerPDF, "Range", fmt.Sprintf("bytes=%d-", len(file)+10))
	if res.StatusCode != 416 {
		t.Errorf("a range past the end: status %d, want 416", res.StatusCode)
	}
	// A cached copy is revalidated by its hash, and If-Range keeps a resumed download whole.
	if len(etag) != 66 {
		t.Fatalf("ETag %q: want the quoted SHA-256", etag)
	}
	if res, _ := webtest.Get(t, srv, zamerPDF, "If-None-Match", etag); res.StatusCode != 304 {
		t.Errorf("If-None-Match: status %d, want 304", res.StatusCode)
	}
	if res, body := webtest.Get(t, srv, zamerPDF, "Range", "bytes=0-9", "If-Range", `"stale"`); res.StatusCode != 200 || len(body) != len(file) {
		t.Errorf("If-Range with a stale ETag: status %d, %d bytes; want the whole file", res.StatusCode, len(body))
	}
}

func TestOnlyAPublishedNoticesOwnAttachmentsAreServed(t *testing.T) {
	srv, _ := newServer(t)
	for _, path := range []string{
		"/uredni-deska/2026-zamer-pronajmu-pozemku-lubina/prilohy/neexistuje.pdf",
		"/uredni-deska/2026-zamer-pronajmu-pozemku-lubina/prilohy/rozpocet-2026.pdf", // another notice's
		"/uredni-deska/neexistuje/prilohy/zamer-pronajmu.pdf",
		"/uredni-deska/2026-zamer-pronajmu-pozemku-lubina/prilohy/..%2F2025-schvaleny-rozpocet-2026%2Frozpocet-2026.pdf",
		"/uredni-deska/2026-zamer-pronajmu-pozemku-lubina/prilohy/",
	} {
		if res, _ := webtest.Get(t, srv, path); res.StatusCode != 404 {
			t.Errorf("%s: status %d, want 404", path, res.StatusCode)
		}
	}
}
