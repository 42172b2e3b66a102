// Package notices is the electronic official notice board (úřední deska): the current board
// and its archive with filters and full-text search, each notice with its attachments, and the
// board as open data (OFN "Úřední desky" JSON-LD) and as an Atom feed. A notice is on the board
// from the day it is posted to its relevant-until day, both included, as the calendar in Prague
// has it; the day after, it is in the archive, with no one having to take it down.
package notices

import (
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/geo"
)

// The board's addresses.
const (
	boardPath    = "/uredni-deska"
	archivePath  = "/uredni-deska/archiv"
	openDataPath = "/uredni-deska.jsonld"
	feedPath     = "/uredni-deska.atom"
)

// NoticePath is the page of the notice slug, in Czech.
func NoticePath(slug string) string { return boardPath + "/" + slug }

func attachmentPath(slug, file string) string { return NoticePath(slug) + "/prilohy/" + file }

// Handler serves the notice board.
type Handler struct {
	store *Store
}

// Routes mounts the board's pages, attachments, open data and feed under /uredni-deska.
func Routes(r chi.Router, pool *pgxpool.Pool) {
	h := &Handler{store: NewStore(pool)}
	r.Get(boardPath, h.boardPage(CurrentBoard))
	r.Get(archivePath, h.boardPage(Archive))
	r.Get(boardPath+"/{slug}", h.noticePage)
	r.Get(boardPath+"/{slug}/prilohy/{file}", h.attachment)
	r.Get(openDataPath, h.openData)
	r.Get(feedPath, h.feed)
}

// now is the clock; tests set it through export_test.go.
var now = time.Now

// today is the civil date in Prague, which decides what is on the board.
func today() time.Time { return geo.PragueDate(now()) }

// alternates links a board page to the board's open data and feed (RFC 8288), as the page's
// head would: the page frame has no place for them.
const alternates = `<` + openDataPath + `>; rel="alternate"; type="application/ld+json", <` + feedPath + `>; rel="alternate"; type="application/atom+xml"`
