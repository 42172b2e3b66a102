package lookup_test

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/radnice/radnice/web/browsertest"
	"github.com/radnice/radnice/web/lookup"
)

// TestLookupPagesInBrowser checks the four lookup pages in Chromium, with and without
// JavaScript: the forms, the answers, their maps, accessibility (axe-core, light and dark) and
// HTML validity. The steps are in testdata/lookup.browser.mjs.
func TestLookupPagesInBrowser(t *testing.T) {
	srv := newServer(t)
	browsertest.Run(t, "testdata/lookup.browser.mjs", srv.URL)
}

// TestMapsDrawTheBasemapInBrowser checks the maps over a basemap configured on a tile server of
// another origin (a local one, which answers every tile with the same light PNG): the tiles
// load under the Content Security Policy. The steps are in testdata/basemap.browser.mjs.
func TestMapsDrawTheBasemapInBrowser(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 256, 256))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{R: 0xf2, G: 0xef, B: 0xe9, A: 0xff}), image.Point{}, draw.Src)
	var tile bytes.Buffer
	if err := png.Encode(&tile, img); err != nil {
		t.Fatal(err)
	}
	var served atomic.Int64
	tiles := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		w.Header().Set("Content-Type", "image/png")
		w.Write(tile.Bytes()) //nolint:errcheck // a test server
	}))
	t.Cleanup(tiles.Close)
	srv := newServerWith(t, lookup.Config{Basemap: lookup.Basemap{
		URL: tiles.URL + "/{z}/{x}/{y}.png", Attribution: "Podkladová mapa: testovací dlaždice",
	}})
	browsertest.Run(t, "testdata/basemap.browser.mjs", srv.URL)
	if served.Load() == 0 {
		t.Error("the browser fetched no tile")
	}
}
