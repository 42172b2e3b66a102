// Package notices is the electronic official notice board (úřední deska): the current board
// and its archive with filters and full-text search, each notice with its attachments, and the
// board as open data (OFN "Úřední desky" JSON-LD) and as an Atom feed. A notice is on the board
// from the day it is posted to its relevant-until day, both included, as the calendar in Prague
// has it; the day after, it is in the archive, with no one having to take it down. Editors
// write the notices under /sprava/deska: drafts, a preview, publishing and withdrawing.
package notices

import (
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
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

// staffPath lists the notices for editors; each has its editing screen under it.
const staffPath = "/sprava/deska"

// staffNoticePath is the editing screen of notice id; the editors' actions on it post under it.
func staffNoticePath(id int64) string { return staffPath + "/" + strconv.FormatInt(id, 10) }

// staffAttachmentPath is an attachment of the notice edited at editPath, in any state.
func staffAttachmentPath(editPath, file string) string { return editPath + "/prilohy/" + file }

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

// StaffRoutes mounts the editors' screens under /sprava/deska, for editors only: the list of
// notices in every state, a new notice, its editing screen with attachments, its preview and
// the moves between draft, published and withdrawn.
func StaffRoutes(r chi.Router, pool *pgxpool.Pool) {
	h := &Handler{store: NewStore(pool)}
	r.Group(func(r chi.Router) {
		r.Use(auth.Require(auth.RoleEditor))
		r.Get(staffPath, h.staffList)
		r.Get(staffPath+"/novy", h.newNotice)
		r.Post(staffPath+"/novy", h.createNotice)
		r.Get(staffPath+"/{id}", h.editNotice)
		r.Post(staffPath+"/{id}", h.updateNotice)
		r.Post(staffPath+"/{id}/stav", h.changeState)
		r.Get(staffPath+"/{id}/nahled", h.preview)
		r.Post(staffPath+"/{id}/prilohy", h.addAttachment)
		r.Get(staffPath+"/{id}/prilohy/{file}", h.staffAttachment)
		r.Post(staffPath+"/{id}/prilohy/{file}/odebrat", h.removeAttachment)
	})
}

// now is the clock; tests set it through export_test.go.
var now = time.Now

// today is the civil date in Prague, which decides what is on the board.
func today() time.Time { return geo.PragueDate(now()) }

// alternates links a board page to the board's open data and feed (RFC 8288), as the page's
// head would: the page frame has no place for them.
const alternates = `<` + openDataPath + `>; rel="alternate"; type="application/ld+json", <` + feedPath + `>; rel="alternate"; type="application/atom+xml"`
