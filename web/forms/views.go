package forms

import (
	"context"
	"net/url"

	"github.com/a-h/templ"

	"github.com/radnice/radnice/datasets/formdefs"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/forms/engine"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// contentLang is the language of the forms' own texts where it is not the page's: "cs" on
// English pages, "" on Czech ones.
func contentLang(ctx context.Context) string {
	if i18n.FromContext(ctx) == i18n.English {
		return string(i18n.Czech)
	}
	return ""
}

// href is the Czech path p in the language of the page.
func href(ctx context.Context, p string) templ.SafeURL {
	return templ.SafeURL(i18n.Path(ctx, p))
}

// loginPath is the login page that comes back to the Czech path back, in the page's language.
func loginPath(ctx context.Context, back string) string {
	return i18n.Path(ctx, auth.LoginPath) + "?" + url.Values{"zpet": {i18n.Path(ctx, back)}}.Encode()
}

// formTitle is the form's title in the page's language: its English title where it has one.
func formTitle(ctx context.Context, f Form) string {
	if i18n.FromContext(ctx) == i18n.English && f.TitleEN != "" {
		return f.TitleEN
	}
	return f.Title
}

// titleAttrs mark a form's title as Czech on an English page that shows it in Czech.
func titleAttrs(ctx context.Context, f Form) templ.Attributes {
	if f.TitleEN != "" {
		return templ.Attributes{}
	}
	return layout.CzechContent(ctx)
}

// stepName is the step's heading: its title, or the form's for a form of one page.
func stepName(ctx context.Context, v stepView) string {
	if t := v.Step().Title; t != "" {
		return t
	}
	return v.Form.Title
}

// stepTitle is the title of a step's page.
func stepTitle(ctx context.Context, v stepView) string {
	if len(v.Form.Steps) == 1 {
		return v.Form.Title
	}
	return stepOf(ctx, v.Index+1, len(v.Form.Steps)) + ": " + stepName(ctx, v) + " – " + v.Form.Title
}

// errorText is "" when there are no problems, else the first: what marks a page's title.
func errorText(errs layout.FieldErrors) string {
	if len(errs) == 0 {
		return ""
	}
	return errs[0].Message
}

// formAttrs are the attributes of a step's form: one that uploads files is sent as multipart.
func formAttrs(v stepView) templ.Attributes {
	if v.hasFiles() {
		return templ.Attributes{"enctype": "multipart/form-data"}
	}
	return templ.Attributes{}
}

// fileFields are a form's file fields, groups' included: what the start page says to prepare.
func fileFields(d *formdefs.Definition) []*formdefs.Field {
	var out []*formdefs.Field
	for _, f := range d.Fields(-1) {
		if f.Type == formdefs.File {
			out = append(out, f)
		}
		for _, c := range f.Children {
			if c.Type == formdefs.File {
				out = append(out, c)
			}
		}
	}
	return out
}

// stepRows are the rows of a summary that answer step i.
func stepRows(rows []engine.Row, i int) []engine.Row {
	var out []engine.Row
	for _, r := range rows {
		if r.Step == i {
			out = append(out, r)
		}
	}
	return out
}

// rowLabelText is a summary row's label, with its group's row in front: "Pes 2: Jméno psa".
func rowLabelText(r engine.Row) string {
	if r.Group == "" {
		return r.Label
	}
	return r.Group + ": " + r.Label
}

// errorLink leads to the input of a problem the check of the answers found, on its step.
func errorLink(ctx context.Context, f Form, e engine.FieldError) templ.SafeURL {
	return templ.SafeURL(i18n.Path(ctx, stepPath(f, e.Step)) + "#" + e.Field)
}

// changeLink leads to the input of an answer, on its step.
func changeLink(ctx context.Context, f Form, r engine.Row) templ.SafeURL {
	return templ.SafeURL(i18n.Path(ctx, stepPath(f, r.Step)) + "#" + r.ID)
}
