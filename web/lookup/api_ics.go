package lookup

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/problem"
)

// calendarSpan is how far ahead the waste calendar reaches.
const calendarSpan = 1 // year

// collection is one waste collection day of one waste type.
type collection struct {
	Date      time.Time
	WasteType string
	Zone      string // the collection zone's name
}

// apiWasteCalendar answers GET /api/v1/waste/{id}.ics[?date=YYYY-MM-DD]: the address's waste
// collections for a year from date (default today) as an iCalendar file to import or subscribe
// to, one all-day event per collection.
func (h *Handler) apiWasteCalendar(w http.ResponseWriter, r *http.Request) {
	id, ok := parseAddressID(chi.URLParam(r, "id"))
	from, bad := dateParam(r.URL.Query())
	if !ok {
		bad = append([]problem.InvalidParam{{Name: "id", Reason: "must be a kód ADM, a positive whole number"}}, bad...)
	}
	if len(bad) > 0 {
		problem.Write(w, r, http.StatusBadRequest, "The calendar is asked for by an address id, and optionally a first date.", bad...)
		return
	}
	a, collections, coverage, err := h.wasteYear(r.Context(), id, from)
	if err != nil {
		problem.Error(w, r, err)
		return
	}
	if len(collections) == 0 {
		problem.Write(w, r, http.StatusNotFound, fmt.Sprintf(
			"No waste collections are known for address %d in the year from %s (reason: %s).", id, isoDate(from), cmp.Or(coverage.Reason, "none")))
		return
	}
	w.Header().Set("Content-Disposition", `inline; filename="svoz-odpadu-`+strconv.FormatInt(id, 10)+`.ics"`)
	writeCached(w, r, cachePublic, encode("text/calendar; charset=utf-8", []byte(wasteCalendar(a, collections, from))))
}

// wasteYear gathers the address's collections from from for calendarSpan, in the waste zone
// the address lies in on from.
func (h *Handler) wasteYear(ctx context.Context, id int64, from time.Time) (geo.Address, []collection, geo.Coverage, error) {
	a, err := h.store.Address(ctx, id)
	if err != nil {
		return geo.Address{}, nil, geo.Coverage{}, err
	}
	to := from.AddDate(calendarSpan, 0, 0).AddDate(0, 0, -1)
	waste, err := h.store.WasteCollections(ctx, id, from, to)
	if err != nil || !waste.Covered {
		return a, nil, waste.Coverage, err
	}
	var out []collection
	for _, c := range waste.Collections {
		for _, d := range c.Dates {
			out = append(out, collection{Date: d, WasteType: c.WasteType, Zone: waste.Zone.Name})
		}
	}
	slices.SortStableFunc(out, func(x, y collection) int { return x.Date.Compare(y.Date) })
	return a, out, waste.Coverage, nil
}

// wasteCalendar writes the collections as an iCalendar file (RFC 5545, with the RFC 7986 and
// common extension properties calendar apps read for a subscription's name and refresh).
// It depends only on its arguments: the same data gives the same file, and the same ETag.
func wasteCalendar(a geo.Address, collections []collection, from time.Time) string {
	var c icsWriter
	place := calendarPlace(a)
	name := "Svoz odpadu: " + place
	stamp := from.UTC().Format("20060102T150405Z")
	c.raw("BEGIN", "VCALENDAR")
	c.raw("VERSION", "2.0")
	c.raw("PRODID", "-//Radnice//Svoz odpadu//CS")
	c.raw("CALSCALE", "GREGORIAN")
	c.raw("METHOD", "PUBLISH")
	c.text("NAME", name)
	c.text("X-WR-CALNAME", name)
	c.text("X-WR-CALDESC", "Termíny svozu odpadu podle harmonogramu obce pro adresu "+place+".")
	c.raw("REFRESH-INTERVAL;VALUE=DURATION", "P1D")
	c.raw("X-PUBLISHED-TTL", "P1D")
	for _, col := range collections {
		c.raw("BEGIN", "VEVENT")
		c.raw("UID", fmt.Sprintf("%d-%s-%s@radnice", a.ID, slug(col.WasteType), col.Date.Format("20060102")))
		c.raw("DTSTAMP", stamp)
		c.raw("DTSTART;VALUE=DATE", col.Date.Format("20060102"))
		c.raw("DTEND;VALUE=DATE", col.Date.AddDate(0, 0, 1).Format("20060102"))
		c.text("SUMMARY", "Svoz: "+col.WasteType)
		c.text("DESCRIPTION", "Svozová oblast: "+col.Zone)
		c.raw("TRANSP", "TRANSPARENT")
		c.raw("END", "VEVENT")
	}
	c.raw("END", "VCALENDAR")
	return c.String()
}

// calendarPlace writes the address for the calendar's name without commas or semicolons,
// "Štefánikova 1163/12 (Kopřivnice)": some calendar apps show the name properties (X-WR-CALNAME,
// X-WR-CALDESC, NAME) without undoing the escapes of RFC 5545 TEXT, so the name needs none.
func calendarPlace(a geo.Address) string {
	place := a.Part.Name
	if a.Street != nil {
		place = a.Street.Name
	}
	return place + " " + a.Number() + " (" + a.PostTown() + ")"
}

// slug writes a waste type for a UID: folded to ASCII, words joined by dashes ("směsný" →
// "smesny", "papír a lepenka" → "papir-a-lepenka").
func slug(s string) string {
	return cmp.Or(strings.Join(strings.Fields(strings.ReplaceAll(geo.Fold(s), "/", " ")), "-"), "odpad")
}
