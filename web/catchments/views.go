package catchments

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// catchmentLayers are the layers the school office manages, in the order the screen shows them.
var catchmentLayers = []geo.Layer{geo.PrimarySchools, geo.Kindergartens}

// layerVersions are a layer's versions in force and planned.
type layerVersions struct {
	Layer    geo.Layer
	Versions []geo.AreaVersion
}

// overviewView is the catchments screen: the layers, the drafts and the upload form.
type overviewView struct {
	Layers []layerVersions
	Drafts []geo.CatchmentDraft
	Form   uploadForm
	Done   string // what the last action did: doneKeys
	Today  time.Time
}

// doneKeys are the confirmations an action redirects to the overview with (?hotovo=…).
var doneKeys = map[string]string{"zverejneno": "done-published", "zahozeno": "done-discarded"}

// uploadForm is the upload form as submitted, with its problems.
type uploadForm struct {
	Layer, ValidFrom string
	Errors           layout.FieldErrors
	Problems         []string // what is wrong in the file, each starting "file:line:"
	More             int      // further problems, not listed
}

// draftView is a draft's preview: one page of its changes, grouped by street, and its map.
type draftView struct {
	Draft       geo.CatchmentDraft
	Groups      []changeGroup
	Page, Pages int
	First, Last int // the rows of the page, counted from 1
	Map         geo.CatchmentMap
	DateReached bool // its date has come: it can no longer be published
}

// changeGroup is the changed addresses of one street, or of a town part without streets.
type changeGroup struct {
	Place   string
	Changes []geo.CatchmentChange
}

// groupByPlace splits changes, ordered by place, into consecutive groups of one place.
func groupByPlace(changes []geo.CatchmentChange) []changeGroup {
	var groups []changeGroup
	for _, c := range changes {
		p := place(c.Address)
		if len(groups) == 0 || groups[len(groups)-1].Place != p {
			groups = append(groups, changeGroup{Place: p})
		}
		groups[len(groups)-1].Changes = append(groups[len(groups)-1].Changes, c)
	}
	return groups
}

// place is the street of an address, with its town part where that is not the town itself,
// or the town part where there are no streets: "Štefánikova", "Lubina".
func place(a geo.Address) string {
	if a.Street == nil {
		return a.Part.Name
	}
	if a.Part.Name != a.Municipality.Name {
		return a.Street.Name + ", " + a.Part.Name
	}
	return a.Street.Name
}

// layerName is "Spádové obvody základních škol".
func layerName(ctx context.Context, l geo.Layer) string { return msg.T(ctx, "layer-"+string(l)) }

// draftName is "Spádové obvody základních škol od 1. září 2027".
func draftName(ctx context.Context, d geo.CatchmentDraft) string {
	return msg.T(ctx, "draft-name", layerName(ctx, d.Layer), i18n.Date(ctx, d.ValidFrom))
}

// validity writes the days a version holds, its end included: "od 1. září 2027".
func validity(ctx context.Context, v geo.AreaVersion) string {
	switch {
	case v.ValidFrom == nil && v.ValidTo == nil:
		return msg.T(ctx, "valid-always")
	case v.ValidFrom == nil:
		return msg.T(ctx, "valid-to", i18n.Date(ctx, lastDay(*v.ValidTo)))
	case v.ValidTo == nil:
		return msg.T(ctx, "valid-from", i18n.Date(ctx, *v.ValidFrom))
	}
	return msg.T(ctx, "valid-from-to", i18n.Date(ctx, *v.ValidFrom), i18n.Date(ctx, lastDay(*v.ValidTo)))
}

// lastDay is the last day of a version that ends (exclusively) on end.
func lastDay(end time.Time) time.Time { return end.AddDate(0, 0, -1) }

// inForce reports whether the version holds on today, rather than later.
func inForce(v geo.AreaVersion, today time.Time) bool {
	return v.ValidFrom == nil || !v.ValidFrom.After(today)
}

// schoolList writes the schools of one side of a change: "žádná" for none.
func schoolList(ctx context.Context, schools []string) string {
	if len(schools) == 0 {
		return msg.T(ctx, "no-school")
	}
	return strings.Join(schools, ", ")
}

// layerOptions are the layer choices, the submitted one selected.
func layerOptions(ctx context.Context, selected string) []layout.Option {
	opts := make([]layout.Option, len(catchmentLayers))
	for i, l := range catchmentLayers {
		opts[i] = layout.Option{Value: string(l), Label: msg.T(ctx, "layer-option-"+string(l)), Selected: string(l) == selected}
	}
	return opts
}

// pagePath is the preview's page n (the first without a query).
func pagePath(ctx context.Context, id int64, n int) string {
	p := i18n.Path(ctx, draftPath(id))
	if n > 1 {
		p += "?strana=" + strconv.Itoa(n)
	}
	return p
}

// viewBox writes the map's SVG viewBox attribute.
func viewBox(m geo.CatchmentMap) string {
	parts := make([]string, len(m.ViewBox))
	for i, v := range m.ViewBox {
		parts[i] = svgNumber(v)
	}
	return strings.Join(parts, " ")
}

// labelSize is the font size of the map's area labels: a thirtieth of its larger side.
func labelSize(m geo.CatchmentMap) string {
	return svgNumber(max(1, float64(int(max(m.ViewBox[2], m.ViewBox[3])/30))))
}

// svgNumber writes a number for an SVG attribute.
func svgNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
