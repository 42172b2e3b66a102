package lookup

import (
	"context"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// page is one of the lookup pages: where it is (its Czech path), what it is called (its
// messages start with key) and which answers it shows.
type page struct {
	Path    string
	key     string
	Polling bool
	Waste   bool
	Schools bool
}

// all reports whether the page shows every answer ("Moje adresa").
func (p page) all() bool { return p.Polling && p.Waste && p.Schools }

// addressPath is the page's answer for the address id, as a Czech path.
func (p page) addressPath(id int64) string { return p.Path + "/" + strconv.FormatInt(id, 10) }

// title is the page's name in the language of ctx: "Kde volím", "Where do I vote".
func (p page) title(ctx context.Context) string { return msg.T(ctx, p.key+"-title") }

// intro is what the page is for.
func (p page) intro(ctx context.Context) string { return msg.T(ctx, p.key+"-intro") }

// moreText names the page in the list of the other answers for the same address.
func (p page) moreText(ctx context.Context) string { return msg.T(ctx, p.key+"-more") }

// pages are the lookup pages in the order the navigation lists them.
var pages = []page{
	{Path: "/kde-volim", key: "polling", Polling: true},
	{Path: "/svoz-odpadu", key: "waste", Waste: true},
	{Path: "/spadova-skola", key: "schools", Schools: true},
	{Path: "/moje-adresa", key: "all", Polling: true, Waste: true, Schools: true},
}

// pageResultLimit is how many addresses the form offers when the text does not settle on one.
const pageResultLimit = 20

// formPage serves a page's address form. The form posts, so the searched text stays out of
// URLs, history and logs. A text that settles on one address (see resolve) redirects to the
// answer at /{page}/{id}: a kód ADM names a place in a public register, not a person.
// Otherwise the page lists the addresses found, as links to their answers.
func (h *Handler) formPage(p page) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v := formView{Page: p}
		if r.Method == http.MethodPost {
			v.Query = r.PostFormValue("q")
			v.Searched = true
			one, found, err := h.resolve(r.Context(), v.Query, pageResultLimit)
			if v.Error = layout.SearchMessage(r.Context(), v.Query, err); v.Error == "" {
				switch {
				case err != nil:
					layout.ServerError(w, r, err)
					return
				case one != nil:
					http.Redirect(w, r, i18n.Path(r.Context(), p.addressPath(one.ID)), http.StatusSeeOther)
					return
				}
				v.Results = found
			}
		}
		layout.RenderSearchPage(w, r, v.Error, formPage(v))
	}
}

// answerPage serves a page's answers for the address in the path, as of today in Prague.
func (h *Handler) answerPage(p page) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, ok := parseAddressID(chi.URLParam(r, "id"))
		if !ok {
			layout.NotFound(w, r)
			return
		}
		ans, err := h.pageAnswer(r.Context(), p, id)
		if err != nil {
			layout.Error(w, r, err)
			return
		}
		layout.Render(w, r, answerPage(answerView{Page: p, Lookup: ans.lookup, Figures: ans.figures}))
	}
}

// pageAnswer is what an answer page shows of an address: the lookup and its maps.
type pageAnswer struct {
	lookup  geo.Lookup
	figures areaFigures
}

// size estimates the memory the answer takes: mostly its maps' outlines.
func (a pageAnswer) size() int {
	n := 4 << 10
	for _, f := range a.figures {
		n += len(f.Path) + 256*len(f.Marks)
	}
	return n
}

// pageAnswer is the answer page p's lookup and maps for the address point id today, from the
// cache when it has them.
func (h *Handler) pageAnswer(ctx context.Context, p page, id int64) (pageAnswer, error) {
	key := answerKey{address: id, date: today(), view: p.Path + " " + string(i18n.FromContext(ctx))}
	ans, ok, generation := h.pages.get(key)
	if ok {
		return ans, nil
	}
	l, err := h.store.Lookup(ctx, id, key.date)
	if err != nil {
		return pageAnswer{}, err
	}
	figures, err := h.answerFigures(ctx, p, l)
	if err != nil {
		return pageAnswer{}, err
	}
	ans = pageAnswer{lookup: l, figures: figures}
	h.pages.put(key, ans, generation)
	return ans, nil
}
