// Package widget is the portal's lookup for other web sites: the script /widget.js, which
// defines the element <radnice-lookup> (an address search that answers from the public API,
// drawn in its own shadow root), and the page /pro-weby that tells webmasters how to embed it.
package widget

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
	"github.com/radnice/radnice/web/middleware"
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

// docsPage serves "Vložte vyhledávání na svůj web", with snippets that name this portal and,
// on the English page, English widgets.
func docsPage(w http.ResponseWriter, r *http.Request) {
	layout.Render(w, r, docs(middleware.PortalURL(r)))
}

// kind is one value of the element's kind attribute, as the documentation presents it: its
// messages start with its name.
type kind struct {
	Name string // the attribute's value
	Page string // the portal page the fallback link leads to, as a Czech path
}

// kinds are the element's kinds, in the order the documentation lists them.
var kinds = []kind{
	{Name: "waste", Page: "/svoz-odpadu"},
	{Name: "polling", Page: "/kde-volim"},
	{Name: "schools", Page: "/spadova-skola"},
	{Name: "all", Page: "/moje-adresa"},
}

// title is the widget's heading for the kind, and the name of its portal page.
func (k kind) title(ctx context.Context) string { return msg.T(ctx, k.Name+"-title") }

// shows is what the answer of the kind shows.
func (k kind) shows(ctx context.Context) string { return msg.T(ctx, k.Name+"-shows") }

// scriptTag is the script element a page embeds once.
func scriptTag(portal string) string {
	return `<script src="` + portal + scriptPath + `" defer></script>`
}

// element is the widget's element for a kind, with a link to the portal page inside: only
// visitors whose browser cannot run the widget see it. In English the element says so.
func (k kind) element(ctx context.Context, portal string) string {
	lang := ""
	if i18n.FromContext(ctx) == i18n.English {
		lang = ` lang="en"`
	}
	return `<radnice-lookup kind="` + k.Name + `"` + lang + `>` + "\n" +
		`  <a href="` + portal + i18n.Path(ctx, k.Page) + `">` + fallbackText(ctx, k) + `</a>` + "\n" +
		`</radnice-lookup>`
}

// fallbackText names the portal page of a kind in the element's fallback link.
func fallbackText(ctx context.Context, k kind) string {
	return msg.T(ctx, "fallback", k.title(ctx))
}

// prose splits a message into text and code: the parts between backticks are code.
func prose(text string) (parts []string) {
	return strings.Split(text, "`")
}
