// Package widget is the portal's lookup for other web sites: the script /widget.js, which
// defines the element <radnice-lookup> (an address search that answers from the public API,
// drawn in its own shadow root), and the page /pro-weby that tells webmasters how to embed it.
package widget

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/layout"
)

//go:embed widget.js
var script []byte

// scriptETag names the script's version, so that a cached copy is revalidated cheaply.
var scriptETag = func() string {
	sum := sha256.Sum256(script)
	return `"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + `"`
}()

// scriptPath is the script's stable address, which other sites' pages keep for years.
const scriptPath = "/widget.js"

// Routes mounts the script and its documentation page.
func Routes(r chi.Router) {
	r.Get(scriptPath, serveScript)
	r.Get("/pro-weby", docsPage)
}

// serveScript serves the widget's script to any site: an hour from caches, then revalidated
// by its ETag. Cross-origin loading is allowed explicitly, so that pages which require it
// (Cross-Origin-Embedder-Policy, <script crossorigin>) can load the script too.
func serveScript(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/javascript; charset=utf-8")
	h.Set("Cache-Control", "public, max-age=3600")
	h.Set("ETag", scriptETag)
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	http.ServeContent(w, r, "widget.js", time.Time{}, bytes.NewReader(script))
}

// docsPage serves "Vložte vyhledávání na svůj web", with snippets that name this portal.
func docsPage(w http.ResponseWriter, r *http.Request) {
	layout.Render(w, r, docs(portalURL(r)))
}

// portalURL is the portal's address as the request reached it: https behind TLS or behind a
// proxy that says so (as middleware.SecurityHeaders reads it), and the request's host.
func portalURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// kind is one value of the element's kind attribute, as the documentation presents it.
type kind struct {
	Name  string // the attribute's value
	Title string // the widget's heading, and the name of the portal page
	Shows string // what the answer shows
	Page  string // the portal page the fallback link leads to
}

// kinds are the element's kinds, in the order the documentation lists them.
var kinds = []kind{
	{Name: "waste", Title: "Svoz odpadu", Page: "/svoz-odpadu",
		Shows: "svozovou oblast a nejbližší termíny svozu podle druhu odpadu, s odkazem na kalendář termínů"},
	{Name: "polling", Title: "Kde volím", Page: "/kde-volim",
		Shows: "volební okrsek, volební místnost s adresou a dny a hodiny nejbližších voleb"},
	{Name: "schools", Title: "Spádová škola", Page: "/spadova-skola",
		Shows: "spádovou základní a mateřskou školu s adresou a odkazem na jejich web"},
	{Name: "all", Title: "Moje adresa", Page: "/moje-adresa",
		Shows: "vše najednou: volby, svoz odpadu i spádové školy; tento druh platí, když atribut kind chybí"},
}

// scriptTag is the script element a page embeds once.
func scriptTag(portal string) string {
	return `<script src="` + portal + scriptPath + `" defer></script>`
}

// element is the widget's element for a kind, with a link to the portal page inside: only
// visitors whose browser cannot run the widget see it.
func (k kind) element(portal string) string {
	return `<radnice-lookup kind="` + k.Name + `">` + "\n" +
		`  <a href="` + portal + k.Page + `">` + k.Title + ` na portálu města</a>` + "\n" +
		`</radnice-lookup>`
}
