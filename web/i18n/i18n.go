// Package i18n is the portal's languages: Czech first, English second. A page's language
// comes from its path (English pages live under /en/), messages come from catalogues kept
// beside the features that use them, and dates and numbers are written as each language does.
package i18n

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Lang is a language of the portal, as a BCP 47 tag.
type Lang string

// The portal's languages.
const (
	Czech   Lang = "cs"
	English Lang = "en"
)

// englishPrefix starts the path of every English page.
const englishPrefix = "/en"

type (
	langKey struct{}
	pathKey struct{}
)

// WithLang returns ctx carrying lang.
func WithLang(ctx context.Context, lang Lang) context.Context {
	return context.WithValue(ctx, langKey{}, lang)
}

// FromContext is the language of the request ctx belongs to; Czech unless Middleware said otherwise.
func FromContext(ctx context.Context) Lang {
	if l, ok := ctx.Value(langKey{}).(Lang); ok {
		return l
	}
	return Czech
}

// CurrentPath is the path of the page being served, in Czech (without /en): what a language
// switch and the navigation's current item need. "" outside Middleware.
func CurrentPath(ctx context.Context) string {
	p, _ := ctx.Value(pathKey{}).(string)
	return p
}

// Middleware reads the language from the path: it strips the /en prefix of English pages, so
// that one route table serves both languages, and records the language and the Czech path in
// the context.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rest, english := strings.CutPrefix(r.URL.Path, englishPrefix)
		if !english || rest != "" && rest[0] != '/' || strings.HasPrefix(rest, "/api/") || strings.HasPrefix(rest, "/static/") {
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), pathKey{}, r.URL.Path)))
			return
		}
		if rest == "" {
			rest = "/"
		}
		r2 := r.Clone(context.WithValue(WithLang(r.Context(), English), pathKey{}, rest))
		r2.URL.Path = rest
		r2.URL.RawPath = ""
		next.ServeHTTP(w, r2)
	})
}

// Path is the path p (a Czech page's path, e.g. "/uredni-deska") in the language of ctx.
func Path(ctx context.Context, p string) string {
	return PathIn(FromContext(ctx), p)
}

// PathIn is the path p in lang.
func PathIn(lang Lang, p string) string {
	if lang != English {
		return p
	}
	if p == "/" {
		return englishPrefix + "/"
	}
	return englishPrefix + p
}

// Message is one text in both languages.
type Message struct {
	CS, EN string
}

// Catalogue holds a feature's messages by key.
type Catalogue map[string]Message

// T is the message key in the language of ctx, formatted with args as by fmt.Sprintf when
// any are given. A missing key is a programming error, shown as the key itself so tests see it.
func (c Catalogue) T(ctx context.Context, key string, args ...any) string {
	return c.In(FromContext(ctx), key, args...)
}

// In is the message key in lang.
func (c Catalogue) In(lang Lang, key string, args ...any) string {
	m, ok := c[key]
	if !ok {
		return "!" + key
	}
	text := m.CS
	if lang == English && m.EN != "" {
		text = m.EN
	}
	if len(args) > 0 {
		return fmt.Sprintf(text, args...)
	}
	return text
}

var czechMonths = [...]string{"ledna", "února", "března", "dubna", "května", "června", "července",
	"srpna", "září", "října", "listopadu", "prosince"}

// Date writes a civil date as the language of ctx does: "24. listopadu 2026", "24 November 2026".
func Date(ctx context.Context, t time.Time) string {
	if FromContext(ctx) == English {
		return t.Format("2 January 2006")
	}
	return fmt.Sprintf("%d. %s %d", t.Day(), czechMonths[t.Month()-1], t.Year())
}

// ShortDate writes a civil date in figures: "24. 11. 2026", "24/11/2026".
func ShortDate(ctx context.Context, t time.Time) string {
	if FromContext(ctx) == English {
		return t.Format("2/1/2006")
	}
	return fmt.Sprintf("%d. %d. %d", t.Day(), t.Month(), t.Year())
}

// Number writes a whole number with the language's digit grouping: "12 345" (a no-break space), "12,345".
func Number(ctx context.Context, n int64) string {
	sep := "\u00a0"
	if FromContext(ctx) == English {
		sep = ","
	}
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Money writes an amount in hellers (haléře) as Czech crowns: "1 234,50 Kč", "CZK 1,234.50".
func Money(ctx context.Context, hellers int64) string {
	crowns, rest := hellers/100, hellers%100
	if rest < 0 {
		rest = -rest
	}
	if FromContext(ctx) == English {
		return fmt.Sprintf("CZK %s.%02d", Number(ctx, crowns), rest)
	}
	return fmt.Sprintf("%s,%02d\u00a0Kč", Number(ctx, crowns), rest)
}
