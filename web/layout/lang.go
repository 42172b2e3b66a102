package layout

import (
	"context"

	"github.com/a-h/templ"

	"github.com/radnice/radnice/web/i18n"
)

// CzechContent marks an element holding Czech text written by the town or a citizen (a form's
// title, a notice, a submission's answers) as Czech on English pages.
func CzechContent(ctx context.Context) templ.Attributes {
	if i18n.FromContext(ctx) == i18n.English {
		return templ.Attributes{"lang": string(i18n.Czech)}
	}
	return templ.Attributes{}
}
