package contacts

import (
	"net/http"

	"github.com/radnice/radnice/web/i18n"
)

// What a screen reports after a redirect, in ?hotovo=.
const (
	doneCreated = "zalozeno"
	doneSaved   = "ulozeno"
	doneState   = "stav"
	doneDeleted = "smazano"
)

// redirectDone sends the browser to the screen at the Czech path, reporting done unless it is "".
func redirectDone(w http.ResponseWriter, r *http.Request, path, done string) {
	to := i18n.Path(r.Context(), path)
	if done != "" {
		to += "?hotovo=" + done
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// doneNotice is the notice of what the last action did, as ?hotovo= reports it; kind
// ("department", "person") words a creation. "" when nothing is reported.
func doneNotice(r *http.Request, kind string) string {
	key := map[string]string{
		doneCreated: "done-created-" + kind, doneSaved: "done-saved", doneState: "done-state", doneDeleted: "done-deleted",
	}[r.URL.Query().Get("hotovo")]
	if _, ok := staffMsg[key]; !ok {
		return ""
	}
	return staffMsg.T(r.Context(), key)
}
