// Package search is the portal-wide search behind the header's search field: one query asked
// of every feature that can answer it (life situations, the notice board, contacts, video
// guides and addresses), each answer leading on to the feature's own fuller search.
package search

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/contacts"
	"github.com/radnice/radnice/web/layout"
	"github.com/radnice/radnice/web/notices"
	"github.com/radnice/radnice/web/situations"
	"github.com/radnice/radnice/web/videos"
)

// now is the clock; tests set it through export_test.go.
var now = time.Now

// perSection is how many results each section shows before its "more" link.
const perSection = 5

// Handler serves the portal-wide search.
type Handler struct {
	situations *situations.Store
	notices    *notices.Store
	contacts   *contacts.Store
	videos     *videos.Store
	addresses  *geo.Store
}

// Routes mounts the search at /hledat.
func Routes(r chi.Router, pool *pgxpool.Pool, addresses *geo.Store) {
	h := &Handler{
		situations: situations.NewStore(pool),
		notices:    notices.NewStore(pool),
		contacts:   contacts.NewStore(pool),
		videos:     videos.NewStore(pool),
		addresses:  addresses,
	}
	r.Get("/hledat", h.searchPage)
	r.Post("/hledat", h.searchPage)
}

// results is what each feature found for one query.
type results struct {
	Query      string
	Situations []situations.Summary
	Notices    []notices.Notice
	NoticesAll int // current notices found in all
	Contacts   contacts.Found
	Videos     []videos.Summary
	Addresses  []geo.Address
}

// empty reports whether no feature found anything.
func (r results) empty() bool {
	return len(r.Situations)+len(r.Notices)+len(r.Videos)+len(r.Addresses) == 0 && r.Contacts.Empty()
}

// searchPage answers the search form, which posts: people type their own names and addresses
// into a portal-wide search too, and those stay out of URLs, history and logs. A link with
// ?q= (from elsewhere) is answered as well.
func (h *Handler) searchPage(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.FormValue("q"))
	if q == "" {
		layout.Render(w, r, searchPage(results{}))
		return
	}
	res, err := h.search(r.Context(), q)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	layout.Render(w, r, searchPage(res))
}

func (h *Handler) search(ctx context.Context, q string) (results, error) {
	res := results{Query: q}
	var err error
	if res.Situations, err = h.situations.Search(ctx, q, perSection); err != nil {
		return res, err
	}
	today := geo.PragueDate(now())
	if res.Notices, res.NoticesAll, err = h.notices.List(ctx, notices.Filter{Board: notices.CurrentBoard, Today: today, Query: q}, perSection, 0); err != nil {
		return res, err
	}
	if res.Contacts, err = h.contacts.Search(ctx, q); err != nil && geo.ErrorCode(err) != geo.EINVALID {
		return res, err
	}
	if res.Videos, err = h.matchingVideos(ctx, q); err != nil {
		return res, err
	}
	// A text that is no address (no street, part or number) is simply not an address search.
	if res.Addresses, err = h.addresses.Search(ctx, geo.SearchParams{Text: q, Limit: perSection}); err != nil && geo.ErrorCode(err) != geo.EINVALID {
		return res, err
	}
	return res, nil
}

// matchingVideos are the guides whose title or description holds every word of q, ignoring
// case and diacritics: the catalogue is a handful of guides, read whole.
func (h *Handler) matchingVideos(ctx context.Context, q string) ([]videos.Summary, error) {
	all, err := h.videos.List(ctx)
	if err != nil {
		return nil, err
	}
	words := strings.Fields(geo.Fold(q))
	var found []videos.Summary
	for _, v := range all {
		text := geo.Fold(v.Title + " " + v.Description)
		if allWordsIn(words, text) {
			found = append(found, v)
		}
	}
	return found, nil
}

func allWordsIn(words []string, text string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return len(words) > 0
}

// first is at most perSection items of list.
func first[T any](list []T) []T { return list[:min(len(list), perSection)] }
