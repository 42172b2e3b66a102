package catchments

import (
	"encoding/csv"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/radnice/radnice/web/layout"
)

// changesCSV downloads every address a draft changes, as a spreadsheet opens it: UTF-8 with a
// byte order mark, semicolons. Addresses are public; nothing personal is in it.
func (h *Handler) changesCSV(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, ok := draftID(r)
	if !ok {
		layout.NotFound(w, r)
		return
	}
	d, err := h.store.CatchmentDraft(ctx, id)
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	changes, err := h.store.CatchmentChanges(ctx, id, 0, 0)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	records := [][]string{{msg.T(ctx, "csv-code"), msg.T(ctx, "csv-address"), msg.T(ctx, "csv-place"),
		msg.T(ctx, "csv-change"), msg.T(ctx, "csv-before"), msg.T(ctx, "csv-after")}}
	for _, c := range changes {
		records = append(records, []string{strconv.FormatInt(c.Address.ID, 10), c.Address.Label(), place(c.Address),
			msg.T(ctx, "row-"+string(c.Kind)), strings.Join(c.Before, ", "), strings.Join(c.After, ", ")})
	}
	name := fmt.Sprintf("spadove-obvody-%s-od-%s.csv", d.Layer, d.ValidFrom.Format(time.DateOnly))
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
		slog.ErrorContext(ctx, "write catchment changes", "err", err)
	}
}
