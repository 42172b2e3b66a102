package layout

import (
	"context"
	"net/http"
	"strings"

	"github.com/a-h/templ"

	"github.com/radnice/radnice/datasets/town"
	"github.com/radnice/radnice/web/i18n"
)

type (
	townKey   struct{}
	footerKey struct{}
)

// WithFooterStatus returns a middleware giving the page frame the office's status line for
// its footer (contacts.StatusCache.FooterLine); layout cannot ask the contacts itself, as
// they render through it.
func WithFooterStatus(line func(context.Context) templ.Component) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), footerKey{}, line)))
		})
	}
}

// footerStatus is the office's status line, or nothing outside WithFooterStatus.
func footerStatus(ctx context.Context) templ.Component {
	if line, ok := ctx.Value(footerKey{}).(func(context.Context) templ.Component); ok {
		return line(ctx)
	}
	return templ.NopComponent
}

// WithTown returns a middleware putting t in every request's context, for the page frame.
func WithTown(t *town.Town) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), townKey{}, t)))
		})
	}
}

// Town is the town whose portal serves the request.
func Town(ctx context.Context) *town.Town {
	if t, ok := ctx.Value(townKey{}).(*town.Town); ok {
		return t
	}
	return &town.Town{}
}

// TownTitle is the town's name in the language of ctx: "Město Kopřivnice", "Town of Kopřivnice".
func TownTitle(ctx context.Context) string {
	return msg.T(ctx, "town-title", Town(ctx).Title, Town(ctx).TitleEN)
}

// OfficeName is the municipal office's name in the language of ctx.
func OfficeName(ctx context.Context) string {
	return msg.T(ctx, "office-name", Town(ctx).Office, Town(ctx).OfficeEN)
}

// otherLang is the language the switch offers.
func otherLang(ctx context.Context) i18n.Lang {
	if i18n.FromContext(ctx) == i18n.English {
		return i18n.Czech
	}
	return i18n.English
}

// isCurrent reports whether the page served lies in the section at path.
func isCurrent(ctx context.Context, path string) bool {
	p := i18n.CurrentPath(ctx)
	return p == path || strings.HasPrefix(p, path+"/")
}

// phoneDigits is a phone number as a tel: URL wants it: "+420556879411".
func phoneDigits(phone string) string {
	return strings.ReplaceAll(phone, " ", "")
}
