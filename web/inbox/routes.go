// Package inbox is the back office of electronic submissions: the clerks' inbox of the
// submissions of their agendas under /sprava/podani (filters, search, counts per status), a
// submission's detail with its answers, attachments and history, and the clerks' actions on it
// (accept with a reference number, start, resolve, reject with a reason, messages to the
// citizen, internal notes, assignment), each audited and announced through the outbox in the
// same transaction; a CSV export per form. Citizens see their own submissions in their account
// under /muj-ucet/podani: the status history, the office's messages and a reply form.
//
// Only clerks see submissions, and only those of the agendas they hold: administrators manage
// roles and read the audit log, not the citizens' submissions, unless they are clerks as well.
package inbox

import (
	"strconv"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/forms"
)

// InboxPath is the clerks' inbox; each submission has its page under it.
const InboxPath = "/sprava/podani"

// exportPath is the CSV export of one form's submissions.
const exportPath = InboxPath + "/export.csv"

// accountPath is where the account lists a citizen's submissions; each has its page under it.
const accountPath = "/muj-ucet/podani"

// submissionPath is the clerks' page of submission id; its actions post under it.
func submissionPath(id int64) string { return InboxPath + "/" + strconv.FormatInt(id, 10) }

// filePath is a file attached to submission id.
func filePath(id int64, file string) string { return submissionPath(id) + "/soubory/" + file }

// MinePath is the citizen's page of their submission with the receipt number.
func MinePath(receipt string) string { return accountPath + "/" + receipt }

// Handler serves the inbox and the citizens' pages of their submissions.
type Handler struct {
	store *Store
	forms *forms.Store // the forms' versions, which the answers are read by
}

// Routes mounts the clerks' inbox under /sprava/podani (clerks only) and the citizens' pages of
// their submissions under /muj-ucet/podani (their owners only).
func Routes(r chi.Router, pool *pgxpool.Pool) {
	h := &Handler{store: NewStore(pool), forms: forms.NewStore(pool)}
	r.Group(func(r chi.Router) {
		r.Use(auth.Require(auth.RoleClerk))
		r.Get(InboxPath, h.inboxPage)
		r.Post(InboxPath, h.inboxSearch)
		r.Get(exportPath, h.exportCSV)
		r.Get(InboxPath+"/{id:[0-9]+}", h.detailPage)
		r.Get(InboxPath+"/{id:[0-9]+}/soubory/{file}", h.file)
		r.Post(InboxPath+"/{id:[0-9]+}/stav", h.changeStatus)
		r.Post(InboxPath+"/{id:[0-9]+}/zprava", h.addMessage)
		r.Post(InboxPath+"/{id:[0-9]+}/poznamka", h.addNote)
		r.Post(InboxPath+"/{id:[0-9]+}/prideleni", h.assign)
	})
	r.Group(func(r chi.Router) {
		r.Use(auth.Require(auth.RoleCitizen))
		r.Get(accountPath+"/{receipt}", h.minePage)
		r.Post(accountPath+"/{receipt}", h.reply)
	})
}
