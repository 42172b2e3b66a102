package contacts

import (
	"mime"
	"net/http"
	"strings"

	"github.com/radnice/radnice/geo"
)

// personVCard serves /kontakty/osoba/{id}.vcf: the person's contact as a vCard to save.
func (h *Handler) personVCard(w http.ResponseWriter, r *http.Request) {
	p, ok := h.personFrom(w, r, h.store)
	if !ok {
		return
	}
	name := strings.ReplaceAll(geo.Fold(p.Person.Given+" "+p.Person.Family), " ", "-") + ".vcf"
	w.Header().Set("Content-Type", "text/vcard; charset=utf-8")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Write([]byte(VCard(p.Person, h.cfg.Town, h.cfg.Address))) //nolint:errcheck // the client went away
}
