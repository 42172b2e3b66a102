package situations

import (
	"context"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/radnice/radnice/datasets/situations"
	"github.com/radnice/radnice/web/contacts"
	"github.com/radnice/radnice/web/editorial"
	"github.com/radnice/radnice/web/layout"
)

// situationForm is a situation's editing form as typed, so that it shows again with its errors.
type situationForm struct {
	Title, Slug, Category, Summary, Keywords, Agenda, Updated       string
	About, Audience, Preparation, Fees, Deadlines, Online, Handling string
	Forms, Videos, Laws                                             string // one item a line
}

// choices are what the form's lists offer.
type choices struct {
	Categories []Category
	Agendas    []contacts.AgendaName
}

// The longest texts the form takes, in characters.
const (
	maxTitle   = 150
	maxSlug    = 80
	maxSummary = 300
	maxLine    = 500 // keywords, a link, a regulation
	maxText    = 20000
)

// newSlug is the path of the screen that creates a situation; no situation may have it.
const newSlug = "nova"

// slugPattern is the form of a slug: lower-case letters without diacritics, digits, single hyphens.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// formOf is the form showing sit.
func formOf(sit situations.Situation) situationForm {
	return situationForm{
		Title: sit.Title, Slug: sit.Slug, Category: sit.Category, Summary: sit.Summary,
		Keywords: strings.Join(sit.Keywords, ", "), Agenda: sit.Agenda, Updated: sit.Updated.Format(time.DateOnly),
		About: sit.About, Audience: sit.Audience, Preparation: sit.Preparation, Fees: sit.Fees,
		Deadlines: sit.Deadlines, Online: sit.Online, Handling: sit.Handling,
		Forms: linkLines(sit.Forms), Videos: linkLines(sit.Videos), Laws: strings.Join(sit.Laws, "\n"),
	}
}

// linkLines writes links one a line, as the form takes them: "slug | Title".
func linkLines(links []situations.Link) string {
	lines := make([]string, len(links))
	for i, l := range links {
		lines[i] = l.Slug + " | " + l.Title
	}
	return strings.Join(lines, "\n")
}

// readForm reads the form r posts.
func readForm(r *http.Request) situationForm {
	v := func(name string) string {
		return strings.TrimSpace(strings.ReplaceAll(r.PostFormValue(name), "\r\n", "\n"))
	}
	return situationForm{
		Title: v("title"), Slug: v("slug"), Category: v("category"), Summary: v("summary"), Keywords: v("keywords"),
		Agenda: v("agenda"), Updated: v("updated"),
		About: v("about"), Audience: v("audience"), Preparation: v("preparation"), Fees: v("fees"),
		Deadlines: v("deadlines"), Online: v("online"), Handling: v("handling"),
		Forms: v("forms"), Videos: v("videos"), Laws: v("laws"),
	}
}

// situation is the situation f describes, or the problems that keep it from being one, in the
// order of the form's fields. An empty slug is made from the title (and shown in f).
func (f *situationForm) situation(ctx context.Context, c choices) (situations.Situation, layout.FieldErrors) {
	var errs layout.FieldErrors
	t := func(key string, args ...any) string { return staffMsg.T(ctx, key, args...) }
	tooLong := func(field, value string, max int) bool {
		if utf8.RuneCountInString(value) > max {
			errs.Add(field, t("err-too-long", max))
			return true
		}
		return false
	}
	sit := situations.Situation{Title: f.Title, Category: f.Category, Summary: f.Summary, Agenda: f.Agenda}

	if f.Title == "" {
		errs.Add("title", t("err-title"))
	} else {
		tooLong("title", f.Title, maxTitle)
	}
	if f.Slug == "" {
		f.Slug = editorial.Slug(f.Title, maxSlug)
	}
	switch {
	case f.Slug == "" && f.Title == "": // the title's error says it
	case tooLong("slug", f.Slug, maxSlug):
	case !slugPattern.MatchString(f.Slug):
		errs.Add("slug", t("err-slug"))
	case f.Slug == newSlug:
		errs.Add("slug", t("err-slug-reserved", f.Slug))
	}
	sit.Slug = f.Slug
	if !slices.ContainsFunc(c.Categories, func(cat Category) bool { return cat.Slug == f.Category }) {
		errs.Add("category", t("err-category"))
	}
	if f.Summary == "" {
		errs.Add("summary", t("err-summary"))
	} else {
		tooLong("summary", f.Summary, maxSummary)
	}
	if !tooLong("keywords", f.Keywords, maxLine) && f.Keywords != "" {
		for k := range strings.SplitSeq(f.Keywords, ",") {
			if k = strings.TrimSpace(k); k == "" {
				errs.Add("keywords", t("err-keywords"))
				break
			}
			sit.Keywords = append(sit.Keywords, k)
		}
	}
	if !slices.ContainsFunc(c.Agendas, func(a contacts.AgendaName) bool { return a.Code == f.Agenda }) {
		errs.Add("agenda", t("err-agenda"))
	}
	updated, err := time.Parse(time.DateOnly, f.Updated)
	if err != nil {
		errs.Add("updated", t("err-updated"))
	}
	sit.Updated = updated

	for _, text := range []struct {
		field, value string
		out          *string
		optional     bool
	}{
		{"about", f.About, &sit.About, false}, {"audience", f.Audience, &sit.Audience, false},
		{"preparation", f.Preparation, &sit.Preparation, false}, {"fees", f.Fees, &sit.Fees, false},
		{"deadlines", f.Deadlines, &sit.Deadlines, false}, {"online", f.Online, &sit.Online, false},
		{"handling", f.Handling, &sit.Handling, true},
	} {
		switch {
		case text.value == "" && !text.optional:
			errs.Add(text.field, t("err-text", t("label-"+text.field)))
		case !tooLong(text.field, text.value, maxText):
			*text.out = text.value
		}
	}

	sit.Forms = readLinks(ctx, "forms", f.Forms, &errs)
	sit.Videos = readLinks(ctx, "videos", f.Videos, &errs)
	for line := range strings.Lines(f.Laws) {
		if line = strings.TrimSpace(line); line != "" && !tooLong("laws", line, maxLine) {
			sit.Laws = append(sit.Laws, line)
		}
	}
	if len(sit.Laws) == 0 && errs.For("laws") == "" {
		errs.Add("laws", t("err-laws"))
	}
	return sit, errs
}

// readLinks reads the links of the form's field, one "slug | Title" a line, adding the first
// problem to errs.
func readLinks(ctx context.Context, field, value string, errs *layout.FieldErrors) []situations.Link {
	var out []situations.Link
	n := 0
	for line := range strings.Lines(value) {
		n++
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		slug, title, ok := strings.Cut(line, "|")
		slug, title = strings.TrimSpace(slug), strings.TrimSpace(title)
		var problem string
		switch {
		case !ok || slug == "" || title == "" || utf8.RuneCountInString(line) > maxLine:
			problem = staffMsg.T(ctx, "err-link", n)
		case !slugPattern.MatchString(slug):
			problem = staffMsg.T(ctx, "err-link-slug", n)
		case slices.ContainsFunc(out, func(l situations.Link) bool { return l.Slug == slug }):
			problem = staffMsg.T(ctx, "err-link-twice", n, slug)
		}
		if problem != "" {
			errs.Add(field, problem)
			return nil
		}
		out = append(out, situations.Link{Slug: slug, Title: title})
	}
	return out
}
