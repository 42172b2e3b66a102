package lookup_test

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/webtest"
)

func TestWasteCalendarIsAnICalendarFileThatIcalJSReads(t *testing.T) {
	srv := newServer(t)
	res, body := webtest.Get(t, srv, "/api/v1/waste/2401163.ics")

	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/calendar; charset=utf-8" {
		t.Fatalf("status %d, type %q\n%s", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	checkContentLines(t, body)

	cal := parseWithIcalJS(t, body)
	if cal.Component != "vcalendar" {
		t.Fatalf("component %q, want vcalendar", cal.Component)
	}
	wantProperties := map[string]string{
		"version":          "2.0",
		"prodid":           "-//Radnice//Svoz odpadu//CS",
		"calscale":         "GREGORIAN",
		"method":           "PUBLISH",
		"x-wr-calname":     "Svoz odpadu: Štefánikova 1163/12 (Kopřivnice)",
		"name":             "Svoz odpadu: Štefánikova 1163/12 (Kopřivnice)",
		"x-wr-caldesc":     "Termíny svozu odpadu podle harmonogramu obce pro adresu Štefánikova 1163/12 (Kopřivnice).",
		"refresh-interval": "P1D",
		"x-published-ttl":  "P1D",
	}
	for k, v := range wantProperties {
		if cal.Properties[k] != v {
			t.Errorf("calendar %s = %q, want %q", k, cal.Properties[k], v)
		}
	}

	// A year of collections from today, 20 September 2027, exactly as the rules give them.
	from, to := geo.Date(2027, time.September, 20), geo.Date(2028, time.September, 19)
	want := map[string][]string{"Svoz: směsný": isoDates(mixedWaste.Dates(from, to)), "Svoz: plast": isoDates(plastics.Dates(from, to))}
	got := map[string][]string{}
	uids := map[string]bool{}
	for i, e := range cal.Events {
		got[e.Summary] = append(got[e.Summary], e.Start)
		start, _ := time.Parse(time.DateOnly, e.Start)
		if !e.AllDay || e.End != start.AddDate(0, 0, 1).Format(time.DateOnly) {
			t.Errorf("event %d: %s–%s, all day %v; want one whole day", i, e.Start, e.End, e.AllDay)
		}
		if e.Description != "Svozová oblast: Oblast A, sever" || e.Stamp != "2027-09-20T00:00:00Z" || e.Transparency != "TRANSPARENT" {
			t.Errorf("event %d: description %q, stamp %q, transparency %q", i, e.Description, e.Stamp, e.Transparency)
		}
		if uids[e.UID] {
			t.Errorf("event %d: UID %q repeats", i, e.UID)
		}
		uids[e.UID] = true
		if i > 0 && e.Start < cal.Events[i-1].Start {
			t.Errorf("event %d on %s comes after %s: events must be in date order", i, e.Start, cal.Events[i-1].Start)
		}
	}
	for summary, dates := range want {
		if len(dates) < 25 || !slices.Equal(got[summary], dates) {
			t.Errorf("%s: %d events %v\nwant %d: %v", summary, len(got[summary]), got[summary], len(dates), dates)
		}
	}
	if first := cal.Events[0]; first.UID != "2401163-smesny-20270921@radnice" || first.Summary != "Svoz: směsný" {
		t.Errorf("first event = %+v, want mixed waste on 21 September with a UID of address, type and date", first)
	}
}

func TestWasteCalendarIsStableAndRevalidatesTo304(t *testing.T) {
	srv := newServer(t)
	res, body := webtest.Get(t, srv, "/api/v1/waste/2401163.ics")
	etag := res.Header.Get("ETag")
	if etag == "" || res.Header.Get("Cache-Control") != "public, max-age=300" {
		t.Fatalf("ETag %q, Cache-Control %q", etag, res.Header.Get("Cache-Control"))
	}
	if again, body2 := webtest.Get(t, srv, "/api/v1/waste/2401163.ics"); body != body2 || again.Header.Get("ETag") != etag {
		t.Errorf("the same day must give the same file and ETag")
	}
	if res, body := webtest.Get(t, srv, "/api/v1/waste/2401163.ics", "If-None-Match", etag); res.StatusCode != 304 || len(body) != 0 {
		t.Errorf("If-None-Match: status %d with %d bytes, want 304 without a body", res.StatusCode, len(body))
	}

	later, laterBody := webtest.Get(t, srv, "/api/v1/waste/2401163.ics?date=2027-12-20")
	cal := parseWithIcalJS(t, laterBody)
	if later.Header.Get("ETag") == etag || cal.Events[0].Start != "2027-12-21" || cal.Events[0].Stamp != "2027-12-20T00:00:00Z" {
		t.Errorf("from 20 December: first event %+v, ETag %q", cal.Events[0], later.Header.Get("ETag"))
	}
}

func TestWasteCalendarRefusesWhatItCannotAnswer(t *testing.T) {
	srv := newServer(t)
	cases := []struct {
		path   string
		status int
		param  string
		detail string
	}{
		{"/api/v1/waste/1.ics", 404, "", "does not exist"},
		{"/api/v1/waste/2500025.ics", 404, "", "no_area"},
		{"/api/v1/waste/abc.ics", 400, "id", ""},
		{"/api/v1/waste/2401163.ics?date=zitra", 400, "date", ""},
	}
	for _, c := range cases {
		var p problemDoc
		res := webtest.GetJSON(t, srv, c.path, &p)
		if res.StatusCode != c.status || res.Header.Get("Content-Type") != "application/problem+json" || !strings.Contains(p.Detail, c.detail) {
			t.Errorf("%s: status %d, type %q, %+v; want %d", c.path, res.StatusCode, res.Header.Get("Content-Type"), p, c.status)
		}
		if c.param != "" && !slices.Equal(p.paramNames(), []string{c.param}) {
			t.Errorf("%s: invalid_params %+v, want %s", c.path, p.InvalidParams, c.param)
		}
	}
}

// checkContentLines checks the wire form of RFC 5545 section 3.1: every line ends with CRLF
// and holds at most 75 octets, folding never splits a UTF-8 sequence, and long lines are
// folded (the calendar's name is longer than one line).
func checkContentLines(t *testing.T, ics string) {
	t.Helper()
	if !strings.HasSuffix(ics, "\r\n") {
		t.Error("the file must end with CRLF")
	}
	folded := 0
	for i, line := range strings.Split(strings.TrimSuffix(ics, "\r\n"), "\r\n") {
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, line)
		}
		if len(line) > 75 {
			t.Errorf("line %d has %d octets, more than 75: %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, line)
		}
		if strings.HasPrefix(line, " ") {
			folded++
		}
	}
	if folded == 0 {
		t.Error("no line is folded, yet the calendar's description is longer than 75 octets")
	}
}

// icalCalendar is what testdata/parse-ics.mjs reports of a calendar.
type icalCalendar struct {
	Component  string            `json:"component"`
	Properties map[string]string `json:"properties"`
	Events     []struct {
		UID          string `json:"uid"`
		Summary      string `json:"summary"`
		Description  string `json:"description"`
		Start        string `json:"start"`
		End          string `json:"end"`
		AllDay       bool   `json:"allDay"`
		Stamp        string `json:"stamp"`
		Transparency string `json:"transparency"`
	} `json:"events"`
}

// parseWithIcalJS reads the calendar with ical.js (an independent RFC 5545 implementation) in
// Node, through testdata/parse-ics.mjs.
func parseWithIcalJS(t *testing.T, ics string) icalCalendar {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is not installed: run .ci/browser-deps")
	}
	cmd := exec.CommandContext(t.Context(), node, "testdata/parse-ics.mjs")
	cmd.Stdin = strings.NewReader(ics)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("ical.js refused the calendar: %v\n%s(if ical.js is missing: run .ci/browser-deps)", err, stderr.String())
	}
	var cal icalCalendar
	if err := json.Unmarshal(out, &cal); err != nil {
		t.Fatalf("parse-ics.mjs printed no JSON: %v\n%s", err, out)
	}
	return cal
}

// isoDates writes dates as the iCalendar parser reports all-day dates: 2027-09-21.
func isoDates(ds []time.Time) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Format(time.DateOnly)
	}
	return out
}
