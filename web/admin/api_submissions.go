package admin

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/radnice/radnice/web/integration"
	"github.com/radnice/radnice/web/problem"
)

// submissionsPage is an answer of the submissions' list.
type submissionsPage struct {
	Items []integration.Submission `json:"items"`
	// NextCursor is where the list goes on: ask with it for the next page, or later for what has
	// changed since.
	NextCursor string `json:"next_cursor"`
	More       bool   `json:"more"` // the page is full: there may be more right away
}

// apiSubmissions answers GET /api/v1/admin/submissions[?status=S[,S…]][&agenda=A][&since=RFC3339]
// [&cursor=C][&limit=N]: the submissions by the time they last changed, oldest first, as the
// webhook carries them (integration.Submission), a page of up to limit (1–100, default 50).
func (h *Handler) apiSubmissions(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := integration.Filter{Agenda: q.Get("agenda"), Limit: 50}
	var bad []problem.InvalidParam
	for _, s := range q["status"] {
		for st := range strings.SplitSeq(s, ",") {
			if !slices.Contains(integration.Statuses, st) {
				bad = append(bad, problem.InvalidParam{Name: "status", Reason: "must be one of " + strings.Join(integration.Statuses, ", ")})
			}
			f.Statuses = append(f.Statuses, st)
		}
	}
	if s := q.Get("since"); s != "" {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			bad = append(bad, problem.InvalidParam{Name: "since", Reason: "must be a time written as RFC 3339, e.g. 2026-03-01T08:00:00+01:00"})
		}
		f.Since = t
	}
	if s := q.Get("cursor"); s != "" {
		c, err := integration.ParseCursor(s)
		if err != nil {
			bad = append(bad, problem.InvalidParam{Name: "cursor", Reason: "must be a next_cursor this API gave"})
		}
		f.After = c
	}
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 100 {
			bad = append(bad, problem.InvalidParam{Name: "limit", Reason: "must be a whole number from 1 to 100"})
		}
		f.Limit = n
	}
	if len(bad) > 0 {
		problem.Write(w, r, http.StatusBadRequest, "Some parameters are not valid.", bad...)
		return
	}
	list, next, err := h.subs.Submissions(r.Context(), f)
	if err != nil {
		problem.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(submissionsPage{Items: list, NextCursor: next.String(), More: len(list) == f.Limit}) //nolint:errchkjson // the client may have gone; nothing to do
}
