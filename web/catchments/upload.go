package catchments

import (
	"context"
	"errors"
	"net/http"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5"

	"github.com/radnice/radnice/datasets/areasgeojson"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/audit"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// maxUploadMB bounds an uploaded file: a town's catchment layer is kilobytes to a few megabytes.
const maxUploadMB = 16

// maxProblems is how many of a refused file's problems the form lists.
const maxProblems = 20

// upload stages a GeoJSON file of catchments as a draft and shows what it would change; a bad
// form or file comes back with its problems next to the fields.
func (h *Handler) upload(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	r.Body = http.MaxBytesReader(w, r.Body, maxUploadMB<<20+64<<10) // the file and the other fields
	var f uploadForm
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			f.Errors.Add("soubor", msg.T(ctx, "file-too-large", maxUploadMB))
		} else {
			f.Errors.Add("soubor", msg.T(ctx, "file-missing"))
		}
		h.renderOverview(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	f.Layer, f.ValidFrom = r.PostFormValue("vrstva"), strings.TrimSpace(r.PostFormValue("platnost-od"))
	layer, validFrom := f.check(ctx, today())
	file, header, err := r.FormFile("soubor")
	if err != nil {
		f.Errors.Add("soubor", msg.T(ctx, "file-missing"))
	}
	if len(f.Errors) > 0 {
		h.renderOverview(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	defer file.Close()
	name := fileName(header.Filename)
	areas, err := areasgeojson.Read(name, file, layer)
	var d geo.CatchmentDraft
	if err == nil {
		u := auth.UserFrom(ctx)
		in := geo.CatchmentDraftInput{Layer: layer, ValidFrom: validFrom, FileName: name, Areas: areas, ActorID: u.ID, ActorName: u.Name()}
		err = pgx.BeginFunc(ctx, h.pool, func(tx pgx.Tx) error {
			if d, err = geo.StageCatchmentDraft(ctx, tx, in, today()); err != nil {
				return err
			}
			return audit.Record(ctx, tx, u.Audit("catchment_draft.upload", draftObject(d), nil, d))
		})
	}
	switch {
	case geo.ErrorCode(err) == geo.EINVALID:
		f.refuse(ctx, err)
		h.renderOverview(w, r, http.StatusUnprocessableEntity, f)
	case err != nil:
		layout.ServerError(w, r, err)
	default:
		http.Redirect(w, r, i18n.Path(ctx, draftPath(d.ID)), http.StatusSeeOther)
	}
}

// check validates the layer and the date, adding what is wrong to f.Errors.
func (f *uploadForm) check(ctx context.Context, today time.Time) (geo.Layer, time.Time) {
	layer := geo.Layer(f.Layer)
	if layer != geo.PrimarySchools && layer != geo.Kindergartens {
		f.Errors.Add("vrstva", msg.T(ctx, "layer-missing"))
	}
	var day time.Time
	switch d, ok := parseDate(f.ValidFrom); {
	case f.ValidFrom == "":
		f.Errors.Add("platnost-od", msg.T(ctx, "valid-from-missing"))
	case !ok:
		f.Errors.Add("platnost-od", msg.T(ctx, "valid-from-invalid"))
	case !d.After(today):
		f.Errors.Add("platnost-od", msg.T(ctx, "valid-from-past", i18n.Date(ctx, today.AddDate(0, 0, 1))))
	default:
		day = d
	}
	return layer, day
}

// refuse lists what is wrong with the file under its field: each problem of the refusal, or
// its one message.
func (f *uploadForm) refuse(ctx context.Context, err error) {
	f.Errors.Add("soubor", msg.T(ctx, "file-refused"))
	problems := []string{geo.ErrorMessage(err)}
	var refused *geo.AreaErrors
	if errors.As(err, &refused) {
		problems = refused.Problems
	}
	if len(problems) > maxProblems {
		f.More = len(problems) - maxProblems
		problems = problems[:maxProblems]
	}
	f.Problems = problems
}

// parseDate reads a date as a date field sends it (2027-09-01) or as people write it (1. 9. 2027).
func parseDate(s string) (time.Time, bool) {
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d, true
	}
	d, err := time.Parse("2.1.2006", strings.ReplaceAll(s, " ", ""))
	return d, err == nil
}

// fileName is the uploaded file's own name, for messages: no folders, no control characters.
func fileName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, name)
	if runes := []rune(name); len(runes) > 100 {
		name = string(runes[:100])
	}
	if name == "" || name == "." || name == "/" {
		return "soubor.geojson"
	}
	return name
}
