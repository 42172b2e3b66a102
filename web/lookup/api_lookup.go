package lookup

import (
	"context"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/addresses"
	"github.com/radnice/radnice/web/problem"
)

// candidateLimit is how many addresses a search that does not settle on one offers.
const candidateLimit = 10

// apiLookup answers GET /api/v1/lookup with exactly one of address=ID, q=TEXT or lat=&lon=,
// and optionally date=YYYY-MM-DD (default: today in Prague).
func (h *Handler) apiLookup(w http.ResponseWriter, r *http.Request) {
	query := r.URL.Query()
	date, bad := dateParam(query)
	var given []string
	for _, name := range []string{"address", "q", "lat"} {
		if query.Has(name) || name == "lat" && query.Has("lon") {
			given = append(given, name)
		}
	}
	switch {
	case len(given) == 0:
		bad = append(bad, problem.InvalidParam{Name: "address", Reason: "is required, unless q, or lat and lon, are given"})
	case len(given) > 1:
		for _, name := range given {
			bad = append(bad, problem.InvalidParam{Name: name, Reason: "give only one of address, q, or lat and lon"})
		}
		given = nil
	}
	var selector string
	if len(given) == 1 {
		selector = given[0]
	}
	var id int64
	var lat, lon float64
	switch selector {
	case "address":
		var ok bool
		if id, ok = parseAddressID(query.Get("address")); !ok {
			bad = append(bad, problem.InvalidParam{Name: "address", Reason: "must be a kód ADM, a positive whole number"})
		}
	case "q":
		if query.Get("q") == "" {
			bad = append(bad, problem.InvalidParam{Name: "q", Reason: "must not be empty"})
		}
	case "lat":
		var reason string
		if lat, reason = addresses.Coordinate(query.Get("lat"), 90); reason != "" {
			bad = append(bad, problem.InvalidParam{Name: "lat", Reason: reason})
		}
		if lon, reason = addresses.Coordinate(query.Get("lon"), 180); reason != "" {
			bad = append(bad, problem.InvalidParam{Name: "lon", Reason: reason})
		}
	}
	if len(bad) > 0 {
		problem.Write(w, r, http.StatusBadRequest, "Ask for one address by its id, a search text or a WGS84 position.", bad...)
		return
	}

	if selector == "address" {
		h.writeAddressAnswer(w, r, id, date)
		return
	}
	// Answers to a searched text or a position say something of the person asking.
	var distance *float64
	switch selector {
	case "q":
		one, candidates, err := h.resolve(r.Context(), query.Get("q"), candidateLimit)
		if geo.ErrorCode(err) == geo.EINVALID {
			problem.Write(w, r, http.StatusBadRequest, geo.ErrorMessage(err),
				problem.InvalidParam{Name: "q", Reason: geo.ErrorMessage(err)})
			return
		}
		if err != nil {
			problem.Error(w, r, err)
			return
		}
		if one == nil {
			items := make([]addresses.Item, len(candidates))
			for i, a := range candidates {
				items[i] = addresses.NewItem(a)
			}
			writeCached(w, r, cachePrivate, encodeJSON(candidatesJSON{Candidates: items}))
			return
		}
		id = one.ID
	case "lat":
		near, err := h.store.Nearest(r.Context(), lat, lon)
		if err != nil {
			problem.Error(w, r, err)
			return
		}
		id = near.ID
		d := math.Round(near.DistanceMetres*10) / 10
		distance = &d
	}
	l, err := h.store.Lookup(r.Context(), id, date)
	if err != nil {
		problem.Error(w, r, err)
		return
	}
	body := newLookupJSON(l)
	body.DistanceMetres = distance
	writeCached(w, r, cachePrivate, encodeJSON(body))
}

// writeAddressAnswer sends the lookup answer for the address point id on date, from the
// answer cache when it has it: the most asked question, and one whose answer changes only
// with the data or the date.
func (h *Handler) writeAddressAnswer(w http.ResponseWriter, r *http.Request, id int64, date time.Time) {
	key := answerKey{address: id, date: date}
	e, ok, generation := h.answers.get(key)
	if !ok {
		l, err := h.store.Lookup(r.Context(), id, date)
		if err != nil {
			problem.Error(w, r, err)
			return
		}
		e = encodeJSON(newLookupJSON(l))
		h.answers.put(key, e, generation)
	}
	writeCached(w, r, cachePublic, e)
}

// resolve finds the one address a search text means: the only address found, or the first
// when the text is its label apart from case, diacritics and punctuation
// ("stefanikova 1163/12 742 21 koprivnice"). Otherwise it returns what was found, best first.
func (h *Handler) resolve(ctx context.Context, text string, limit int) (*geo.Address, []geo.Address, error) {
	found, err := h.store.Search(ctx, geo.SearchParams{Text: text, Limit: limit})
	if err != nil {
		return nil, nil, err
	}
	if len(found) == 1 || len(found) > 1 && geo.Fold(text) == geo.Fold(found[0].Label()) {
		return &found[0], nil, nil
	}
	return nil, found, nil
}

// dateParam reads the optional date parameter, a civil date; today in Prague when absent.
func dateParam(query url.Values) (time.Time, []problem.InvalidParam) {
	if !query.Has("date") {
		return today(), nil
	}
	d, err := time.Parse(time.DateOnly, query.Get("date"))
	if err != nil {
		return time.Time{}, []problem.InvalidParam{{Name: "date", Reason: "must be a date written YYYY-MM-DD"}}
	}
	return d, nil
}

// parseAddressID reads a kód ADM: a positive whole number that fits the register's column.
func parseAddressID(s string) (int64, bool) {
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id > 0 && id <= math.MaxInt32
}
