package notices

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/radnice/radnice/web/editorial"
	"github.com/radnice/radnice/web/layout"
)

// The inputs of the editors' forms, by id (also their names); the error summary links to them.
const (
	fieldTitle           = "nazev"
	fieldReference       = "cislo-jednaci"
	fieldDepartment      = "zverejnuje"
	fieldCategory        = "kategorie"
	fieldPosted          = "vyveseno"
	fieldUntil           = "zverejneno-do"
	fieldDescription     = "text"
	fieldAttachmentTitle = "priloha-nazev"
	fieldAttachmentFile  = "priloha-soubor"
)

// noticeForm is the notice form's values as written: dates as the date inputs send them
// (yyyy-mm-dd).
type noticeForm struct {
	Title, Reference, Department, Category, Posted, Until, Description string
}

// formOf is the form filled with the notice e.
func formOf(e Editable) noticeForm {
	return noticeForm{Title: e.Title, Reference: e.Reference, Department: e.Department, Category: e.Category,
		Description: e.Description, Posted: dateValue(e.Posted), Until: dateValue(e.RelevantUntil)}
}

// dateValue is a date as a date input holds it, "" for none.
func dateValue(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// readNoticeForm reads the submitted notice form, its texts trimmed of surrounding space.
func readNoticeForm(r *http.Request) noticeForm {
	v := func(name string) string { return strings.TrimSpace(r.PostFormValue(name)) }
	return noticeForm{Title: v(fieldTitle), Reference: v(fieldReference), Department: v(fieldDepartment),
		Category: v(fieldCategory), Posted: v(fieldPosted), Until: v(fieldUntil),
		Description: strings.ReplaceAll(v(fieldDescription), "\r\n", "\n")}
}

// The longest texts the form takes, in characters.
const (
	maxTitle       = 300
	maxShortText   = 200
	maxDescription = 50_000
)

// fields checks the form of a notice in state and returns what it says, or the problems,
// in the order of the form.
func (f noticeForm) fields(ctx context.Context, state editorial.State) (Fields, layout.FieldErrors) {
	var errs layout.FieldErrors
	text := func(id, value string, required bool, maxLen int) string {
		empty := "" // an optional field may be empty
		if required {
			empty = msg.T(ctx, "error-required-"+id)
		}
		return errs.Text(id, value, maxLen, empty, msg.T(ctx, "error-too-long", maxLen))
	}
	out := Fields{
		Title:      text(fieldTitle, f.Title, true, maxTitle),
		Reference:  text(fieldReference, f.Reference, false, maxShortText),
		Department: text(fieldDepartment, f.Department, true, maxShortText),
		Category:   text(fieldCategory, f.Category, true, maxShortText),
	}
	date := func(id, value string) time.Time {
		if value == "" {
			return time.Time{}
		}
		t, err := time.Parse(time.DateOnly, value)
		if err != nil {
			errs.Add(id, msg.T(ctx, "error-date"))
		}
		return t
	}
	out.Posted = date(fieldPosted, f.Posted)
	if f.Posted == "" && state != editorial.Draft {
		errs.Add(fieldPosted, msg.T(ctx, "error-required-"+fieldPosted))
	}
	out.RelevantUntil = date(fieldUntil, f.Until)
	switch {
	case f.Until == "":
		errs.Add(fieldUntil, msg.T(ctx, "error-required-"+fieldUntil))
	case !out.Posted.IsZero() && !out.RelevantUntil.IsZero() && out.RelevantUntil.Before(out.Posted):
		errs.Add(fieldUntil, msg.T(ctx, "error-until-before-posted"))
	}
	out.Description = text(fieldDescription, f.Description, false, maxDescription)
	return out, errs
}
