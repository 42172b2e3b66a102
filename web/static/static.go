// Package static holds the portal's own CSS, JavaScript and images, and the libraries it
// vendors (vendor/: Leaflet), embedded in the binary.
package static

import (
	"embed"
	"net/http"
)

//go:embed css js vendor
var files embed.FS

// Handler serves the assets under the path they are mounted at (strip the prefix first).
func Handler() http.Handler {
	fs := http.FileServerFS(files)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fs.ServeHTTP(w, r)
	})
}
