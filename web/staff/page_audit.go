package staff

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/radnice/radnice/web/audit"
	"github.com/radnice/radnice/web/layout"
)

// objectFilter is what the object filter takes: a kind, with an id or without.
var objectFilter = regexp.MustCompile(`^([a-z_]+:[0-9]*)?$`)

// auditPageSize is how many entries one page of the audit log shows.
const auditPageSize = 50

// auditPage shows the audit log, newest first, filtered by object and action; "starsi" pages
// back to entries older than an id.
func (h *Handler) auditPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := audit.Filter{Object: strings.TrimSpace(q.Get("objekt")), Action: strings.TrimSpace(q.Get("akce")), Limit: auditPageSize + 1}
	if !objectFilter.MatchString(f.Object) {
		f.Object = "" // only kinds and numbers: e-mails of role grants stay out of URLs
	}
	f.Before, _ = strconv.ParseInt(q.Get("starsi"), 10, 64)
	entries, err := audit.List(r.Context(), h.pool, f)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	var older int64
	if len(entries) > auditPageSize {
		entries = entries[:auditPageSize]
		older = entries[auditPageSize-1].ID
	}
	layout.Render(w, r, auditView(f, entries, older))
}
