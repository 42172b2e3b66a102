package inbox

import (
	"context"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/layout"
)

// The inbox's parameters. The filters are no one's personal data: they go in the query, so a
// filtered inbox is a link. The search text may be a citizen's name: the form posts it, and
// it never appears in a URL.
const (
	paramQuery    = "q"
	paramStatus   = "stav"
	paramAgenda   = "agenda"
	paramForm     = "formular"
	paramAssigned = "prideleno"
	paramFrom     = "od"
	paramTo       = "do"
	paramPage     = "strana"
)

// perPage is how many submissions an inbox page lists.
const perPage = 25

// maxQueryLength bounds the search text: a name or a number, not a document.
const maxQueryLength = 200

// inboxQuery is what an inbox page was asked for, as the form sent it.
type inboxQuery struct {
	Query, Status, Agenda, Form, Assigned, From, To string
	Page                                            int // from 1
}

// readInboxQuery reads the inbox's parameters from v: the query of a GET, the form of a POST.
func readInboxQuery(v url.Values) inboxQuery {
	q := inboxQuery{
		Query: strings.TrimSpace(v.Get(paramQuery)), Status: v.Get(paramStatus), Agenda: v.Get(paramAgenda),
		Form: v.Get(paramForm), Assigned: v.Get(paramAssigned), From: strings.TrimSpace(v.Get(paramFrom)),
		To: strings.TrimSpace(v.Get(paramTo)), Page: 1,
	}
	if utf8.RuneCountInString(q.Query) > maxQueryLength {
		q.Query = string([]rune(q.Query)[:maxQueryLength])
	}
	if n, err := strconv.Atoi(v.Get(paramPage)); err == nil && n > 1 {
		q.Page = n
	}
	return q
}

// filter is the store's filter for q asked by clerk u, with the problems of its fields. Values
// no form offers (a status or agenda made up by hand) are ignored.
func (q inboxQuery) filter(ctx context.Context, u *auth.User) (Filter, layout.FieldErrors) {
	f := Filter{Agendas: clerkAgendas(u), Form: q.Form, Me: u.ID, Query: q.Query}
	if st, ok := parseStatus(q.Status); ok {
		f.Status = st
	}
	if slices.Contains(f.Agendas, q.Agenda) {
		f.Agendas = []string{q.Agenda}
	}
	if q.Assigned == assignedMe || q.Assigned == assignedNobody {
		f.Assigned = q.Assigned
	}
	var errs layout.FieldErrors
	f.From = parseDay(ctx, q.From, paramFrom, &errs)
	f.To = parseDay(ctx, q.To, paramTo, &errs)
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		errs.Add(paramTo, msg.T(ctx, "error-to-before-from"))
	}
	return f, errs
}

// parseDay reads a date field's YYYY-MM-DD; an unreadable one is a problem of field.
func parseDay(ctx context.Context, s, field string, errs *layout.FieldErrors) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		errs.Add(field, msg.T(ctx, "error-date"))
	}
	return t
}

// values are q's parameters that are set, the search text only when withQuery; page n unless it is the first.
func (q inboxQuery) values(withQuery bool, n int) url.Values {
	v := url.Values{}
	for _, p := range []struct{ key, value string }{
		{paramStatus, q.Status}, {paramAgenda, q.Agenda}, {paramForm, q.Form}, {paramAssigned, q.Assigned},
		{paramFrom, q.From}, {paramTo, q.To},
	} {
		if p.value != "" {
			v.Set(p.key, p.value)
		}
	}
	if withQuery && q.Query != "" {
		v.Set(paramQuery, q.Query)
	}
	if n > 1 {
		v.Set(paramPage, strconv.Itoa(n))
	}
	return v
}

// link is the inbox filtered as q (its search text left out), showing page n.
func (q inboxQuery) link(n int) string {
	v := q.values(false, n)
	if len(v) == 0 {
		return InboxPath
	}
	return InboxPath + "?" + v.Encode()
}

// clerkAgendas are the agendas u holds as a clerk.
func clerkAgendas(u *auth.User) []string {
	var agendas []string
	for _, g := range u.Grants {
		if g.Role == auth.RoleClerk {
			agendas = append(agendas, g.Agenda)
		}
	}
	return agendas
}
