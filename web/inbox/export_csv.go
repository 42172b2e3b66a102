package inbox

import (
	"context"
	"encoding/csv"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/radnice/radnice/datasets/formdefs"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/forms"
	"github.com/radnice/radnice/web/layout"
)

// column is a column of a form's answers in the export: a field, or a field of a group's rows
// ("dogs.name"), whose rows' answers it joins.
type column struct {
	Key, Label string
}

// rowSeparator joins the answers of a group's rows in one cell.
const rowSeparator = " | "

// exportCSV downloads every submission of one form (?formular=slug) in the clerk's agendas, as
// a spreadsheet opens it (UTF-8 with a byte order mark, semicolons): for offices without an
// integration. One row per submission, oldest first; a column per field of every version of
// the form, the newest version's first; the rows of a group joined in one cell.
func (h *Handler) exportCSV(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	agendas := clerkAgendas(auth.UserFrom(ctx))
	slug := r.URL.Query().Get(paramForm)
	forms, err := h.store.Forms(ctx, agendas)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	if !slices.ContainsFunc(forms, func(f FormRef) bool { return f.Slug == slug }) {
		layout.NotFound(w, r)
		return
	}
	records, err := h.exportRecords(ctx, agendas, slug)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	name := "podani-" + slug + "-" + geo.PragueDate(time.Now()).Format("2006-01-02") + ".csv"
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	out := csv.NewWriter(w)
	out.Comma = ';'
	_, err = w.Write([]byte("\ufeff"))
	if err == nil {
		err = out.WriteAll(records)
	}
	if err != nil {
		// The status is sent: the client gets a cut-off file.
		slog.ErrorContext(ctx, "write the submissions' export", "err", err)
	}
}

// exportRecords are the export's header and rows.
func (h *Handler) exportRecords(ctx context.Context, agendas []string, slug string) ([][]string, error) {
	subs, err := h.store.FormSubmissions(ctx, agendas, slug)
	if err != nil {
		return nil, err
	}
	versions, err := h.versions(ctx, slug, subs)
	if err != nil {
		return nil, err
	}
	var columns []column
	for _, f := range versions {
		for _, c := range fieldColumns(f.Definition) {
			if !slices.ContainsFunc(columns, func(have column) bool { return have.Key == c.Key }) {
				columns = append(columns, c)
			}
		}
	}
	header := []string{msg.T(ctx, "csv-receipt"), msg.T(ctx, "csv-submitted"), msg.T(ctx, "csv-status"),
		msg.T(ctx, "csv-reference"), msg.T(ctx, "csv-applicant"), msg.T(ctx, "csv-email"), msg.T(ctx, "csv-assigned"),
		msg.T(ctx, "csv-version")}
	for _, c := range columns {
		header = append(header, c.Label)
	}
	records := [][]string{header}
	for _, sub := range subs {
		i := slices.IndexFunc(versions, func(f forms.Form) bool { return f.ID == sub.FormVersionID })
		rows, err := summaryOf(versions[i], sub)
		if err != nil {
			return nil, err
		}
		cells := map[string][]string{}
		for _, row := range rows {
			key := columnKey(row.ID)
			cells[key] = append(cells[key], row.Value)
		}
		record := []string{sub.Receipt, sub.SubmittedAt.In(geo.Prague).Format("2006-01-02 15:04"), sub.Status.Label(ctx),
			sub.ReferenceNumber, sub.ApplicantName, sub.ContactEmail, sub.AssignedName, strconv.Itoa(sub.FormVersion)}
		for _, c := range columns {
			record = append(record, strings.Join(cells[c.Key], rowSeparator))
		}
		records = append(records, record)
	}
	return records, nil
}

// versions are the versions of the form slug the export reads: the one on offer, if any, and
// those subs were made with, newest first.
func (h *Handler) versions(ctx context.Context, slug string, subs []Submission) ([]forms.Form, error) {
	var out []forms.Form
	current, err := h.forms.Current(ctx, slug)
	switch {
	case err == nil:
		out = append(out, current)
	case geo.ErrorCode(err) != geo.ENOTFOUND:
		return nil, err
	}
	for _, sub := range subs {
		if slices.ContainsFunc(out, func(f forms.Form) bool { return f.ID == sub.FormVersionID }) {
			continue
		}
		f, err := h.forms.Version(ctx, sub.FormVersionID)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b forms.Form) int { return b.Version - a.Version })
	return out, nil
}

// fieldColumns are the columns of def's fields, in its order: a group gives one per field of its rows.
func fieldColumns(def *formdefs.Definition) []column {
	var out []column
	for _, f := range def.Fields(-1) {
		if f.Type != formdefs.Group {
			out = append(out, column{Key: f.Key, Label: f.Label})
			continue
		}
		for _, c := range f.Children {
			out = append(out, column{Key: f.Key + "." + c.Key, Label: f.Label + " – " + c.Label})
		}
	}
	return out
}

// columnKey is the column of a summary row's input id: "dogs.1.name" is in "dogs.name".
func columnKey(id string) string {
	if parts := strings.Split(id, "."); len(parts) == 3 {
		return parts[0] + "." + parts[2]
	}
	return id
}
