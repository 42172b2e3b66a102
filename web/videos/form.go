package videos

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/radnice/radnice/datasets/textdoc"
	"github.com/radnice/radnice/datasets/videos"
	"github.com/radnice/radnice/web/editorial"
	"github.com/radnice/radnice/web/layout"
)

// The inputs of the editors' forms, by id (also their names); the error summary links to them.
const (
	fieldTitle        = "nazev"
	fieldCategory     = "kategorie"
	fieldDescription  = "popis"
	fieldDuration     = "delka"
	fieldCaptions     = "titulky"
	fieldCaptionsFile = "titulky-soubor"
	fieldSituations   = "situace"
	fieldVideo        = "video-soubor"
)

// The limits of the guide form: its texts in characters, the captions file and the whole
// form in bytes.
const (
	maxTitle        = 200
	maxCategory     = 100
	maxDescription  = 10_000
	maxCaptionsSize = 1 << 20
	maxGuideForm    = 3 * maxCaptionsSize // the captions twice (typed and as a file) and the rest
)

// emptyCaptions are the captions of a guide that has none yet: a WebVTT file without cues.
const emptyCaptions = "WEBVTT\n"

// guideForm is the guide form's values as written; Captions holds an uploaded captions file
// when one was chosen.
type guideForm struct {
	Title, Category, Description, Duration, Captions string
	Situations                                       []string // the slugs ticked
	CaptionsUploaded                                 bool
}

// formOf is the form filled with the guide e.
func formOf(e Editable) guideForm {
	f := guideForm{Title: e.Title, Category: e.Category, Description: e.Description, Captions: e.Captions}
	if e.Duration > 0 {
		f.Duration = videos.FormatDuration(e.Duration)
	}
	if e.Captions == emptyCaptions {
		f.Captions = ""
	}
	for _, s := range e.Situations {
		f.Situations = append(f.Situations, s.Slug)
	}
	return f
}

// readGuideForm reads the submitted guide form (multipart, for its captions file). A form too
// large to read is a problem of the captions file, the only part that can make it so; err is
// a form that could not be read at all.
func readGuideForm(w http.ResponseWriter, r *http.Request) (f guideForm, errs layout.FieldErrors, err error) {
	ctx := r.Context()
	err = editorial.ParseUpload(w, r, maxGuideForm)
	if errors.Is(err, editorial.ErrTooLarge) {
		errs.Add(fieldCaptionsFile, msg.T(ctx, "captions-too-large", maxCaptionsSize>>20))
		return f, errs, nil
	}
	if err != nil {
		return f, nil, err
	}
	v := func(name string) string {
		return strings.TrimSpace(strings.ReplaceAll(r.PostFormValue(name), "\r\n", "\n"))
	}
	f = guideForm{Title: v(fieldTitle), Category: v(fieldCategory), Description: v(fieldDescription),
		Duration: v(fieldDuration), Captions: v(fieldCaptions), Situations: r.PostForm[fieldSituations]}
	_, content, chosen, err := editorial.UploadedFile(r, fieldCaptionsFile)
	switch {
	case err != nil:
		return f, nil, err
	case chosen && len(content) > maxCaptionsSize:
		errs.Add(fieldCaptionsFile, msg.T(ctx, "captions-too-large", maxCaptionsSize>>20))
	case chosen:
		f.Captions = strings.TrimSpace(strings.ReplaceAll(string(content), "\r\n", "\n"))
		f.CaptionsUploaded = true
	}
	return f, errs, nil
}

// fields checks the form and returns the guide it describes, linked to those of the
// situations offered that are ticked, or the problems, in the order of the form.
func (f guideForm) fields(ctx context.Context, offered []SituationGroup) (GuideFields, layout.FieldErrors) {
	var errs layout.FieldErrors
	text := func(id, value string, required bool, maxLen int) string {
		empty := "" // an optional field may be empty
		if required {
			empty = msg.T(ctx, "error-required-"+id)
		}
		return errs.Text(id, value, maxLen, empty, msg.T(ctx, "error-too-long", maxLen))
	}
	out := GuideFields{
		Title:       text(fieldTitle, f.Title, true, maxTitle),
		Category:    text(fieldCategory, f.Category, false, maxCategory),
		Description: text(fieldDescription, f.Description, true, maxDescription),
		Captions:    emptyCaptions,
	}
	if f.Duration == "" {
		errs.Add(fieldDuration, msg.T(ctx, "error-required-"+fieldDuration))
	} else if d, err := videos.ParseDuration(f.Duration); err != nil {
		errs.Add(fieldDuration, msg.T(ctx, "error-duration"))
	} else {
		out.Duration = d
	}
	if f.Captions != "" {
		field := fieldCaptions
		if f.CaptionsUploaded {
			field = fieldCaptionsFile
		}
		if problem := captionsProblem(ctx, f.Captions, out.Duration); problem != "" {
			errs.Add(field, problem)
		}
		out.Captions = strings.TrimPrefix(f.Captions, "\ufeff") + "\n"
	}
	for _, g := range offered {
		for _, s := range g.Situations {
			if slices.Contains(f.Situations, s.Slug) {
				out.Situations = append(out.Situations, s)
			}
		}
	}
	return out, errs
}

// captionsProblem says what is wrong with captions of a video lasting duration (0: not known
// yet), "" when nothing is: they must be WebVTT as videos.ParseVTT reads it, every cue within
// the video.
func captionsProblem(ctx context.Context, captions string, duration time.Duration) string {
	cues, err := videos.ParseVTT(fieldCaptions, []byte(captions))
	var located *textdoc.Error
	switch {
	case err == nil:
	case !errors.As(err, &located) || located.Line == 0:
		return msg.T(ctx, "error-captions-encoding")
	case located.Line == 1:
		return msg.T(ctx, "error-captions-signature")
	default:
		return msg.T(ctx, "error-captions-line", located.Line)
	}
	for _, c := range cues {
		if duration > 0 && c.End > duration {
			return msg.T(ctx, "error-captions-too-long", c.Line, videos.FormatDuration(duration))
		}
	}
	return ""
}
