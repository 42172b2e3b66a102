// Package contacts is the office's organisation and contacts: its departments as a tree, its
// people (with vCards), the agendas it handles with who handles them and where to book a visit,
// and the office hours with an "open now" line. The pages live under /kontakty; other features
// show an agenda's contacts with AgendaContact and the office's state with OfficeStatusLine.
package contacts

import (
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Config is what the contacts take from the town's configuration.
type Config struct {
	Town    string // the organisation on vCards: "Město Kopřivnice"
	Address string // the office's postal address: "Štefánikova 1163/12, 742 21 Kopřivnice"
}

// Handler serves the contacts pages.
type Handler struct {
	store *Store
	cfg   Config
}

// Routes mounts the contacts pages under /kontakty and the appointments page at /objednani.
func Routes(r chi.Router, pool *pgxpool.Pool, cfg Config) {
	h := &Handler{store: NewStore(pool), cfg: cfg}
	r.Get("/kontakty", h.indexPage)
	r.Get("/kontakty/hledat", h.searchPage)
	r.Get("/kontakty/odbor/{code}", h.departmentPage)
	r.Get("/kontakty/osoba/{id:[0-9]+}", h.personPage)
	r.Get("/kontakty/osoba/{id:[0-9]+}.vcf", h.personVCard)
	r.Get("/kontakty/agenda/{code}", h.agendaPage)
	r.Get("/objednani", h.bookingPage)
}

// now is the clock; tests set it through export_test.go.
var now = time.Now
