package lookup

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/layout"
)

// page is one of the lookup pages: where it is, what it is called and which answers it shows.
type page struct {
	Path    string
	Title   string
	Intro   string
	Polling bool
	Waste   bool
	Schools bool
}

// all reports whether the page shows every answer ("Moje adresa").
func (p page) all() bool { return p.Polling && p.Waste && p.Schools }

// addressPath is the page's answer for the address id.
func (p page) addressPath(id int64) string { return p.Path + "/" + strconv.FormatInt(id, 10) }

// pages are the lookup pages in the order the navigation lists them.
var pages = []page{
	{Path: "/kde-volim", Title: "Kde volím", Polling: true,
		Intro: "Zjistěte, do kterého volebního okrsku patří vaše adresa a kde je vaše volební místnost."},
	{Path: "/svoz-odpadu", Title: "Svoz odpadu", Waste: true,
		Intro: "Zjistěte, kdy se u vaší adresy vyváží popelnice a nádoby na tříděný odpad."},
	{Path: "/spadova-skola", Title: "Spádová škola", Schools: true,
		Intro: "Zjistěte, která základní a mateřská škola je pro vaši adresu spádová."},
	{Path: "/moje-adresa", Title: "Moje adresa", Polling: true, Waste: true, Schools: true,
		Intro: "Vše k vaší adrese na jedné stránce: kde volíte, kdy se vyváží odpad a které školy jsou spádové."},
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
			if v.Error = layout.SearchMessage(v.Query, err); v.Error == "" {
				switch {
				case err != nil:
					layout.ServerError(w, r, err)
					return
				case one != nil:
					http.Redirect(w, r, p.addressPath(one.ID), http.StatusSeeOther)
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
		l, err := h.store.Lookup(r.Context(), id, today())
		if err != nil {
			layout.Error(w, r, err)
			return
		}
		figures, err := h.answerFigures(r.Context(), p, l)
		if err != nil {
			layout.Error(w, r, err)
			return
		}
		layout.Render(w, r, answerPage(answerView{Page: p, Lookup: l, Figures: figures}))
	}
}
