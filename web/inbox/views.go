package inbox

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/forms/engine"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// errorTitle is a page's title, marked as an error when its form came back with problems, so
// that the browser's tab and a screen reader say so first.
func errorTitle(ctx context.Context, title string, failed bool) string {
	if failed {
		return msg.T(ctx, "error-title", title)
	}
	return title
}

// moment is a time in the office's time zone: "24. 11. 2026 14:05".
func moment(ctx context.Context, t time.Time) string {
	t = t.In(geo.Prague)
	return i18n.ShortDate(ctx, t) + " " + t.Format("15:04")
}

// datetime is the machine-readable form of t for a <time> element.
func datetime(t time.Time) string { return t.In(geo.Prague).Format(time.RFC3339) }

// version is what the action forms carry of sub: its UpdatedAt, in microseconds.
func version(sub Submission) string { return strconv.FormatInt(sub.UpdatedAt.UnixMicro(), 10) }

// count is the number of submissions in status st, or in all for "".
func (v inboxView) count(st Status) int {
	if st != "" {
		return v.Counts[st]
	}
	n := 0
	for _, c := range v.Counts {
		n += c
	}
	return n
}

// statusLink is the inbox showing the submissions in status st (all for ""), as the other filters have it.
func (v inboxView) statusLink(ctx context.Context, st Status) string {
	q := v.Query
	q.Status = string(st)
	return i18n.Path(ctx, q.link(1))
}

// statusOptions are the choices of the status filter.
func (v inboxView) statusOptions(ctx context.Context) []layout.Option {
	opts := []layout.Option{{Value: "", Label: msg.T(ctx, "all-statuses")}}
	for _, st := range statuses {
		opts = append(opts, layout.Option{Value: string(st), Label: st.Label(ctx), Selected: string(st) == v.Query.Status})
	}
	return opts
}

// agendaOptions are the choices of the agenda filter: the clerk's agendas.
func (v inboxView) agendaOptions(ctx context.Context) []layout.Option {
	opts := []layout.Option{{Value: "", Label: msg.T(ctx, "all-agendas")}}
	for _, a := range v.Agendas {
		opts = append(opts, layout.Option{Value: a, Label: a, Selected: a == v.Query.Agenda})
	}
	return opts
}

// formOptions are the choices of a form: first, for none chosen, the label empty.
func (v inboxView) formOptions(empty string, chosen string) []layout.Option {
	opts := []layout.Option{{Value: "", Label: empty}}
	for _, f := range v.Forms {
		opts = append(opts, layout.Option{Value: f.Slug, Label: f.Title, Selected: f.Slug == chosen})
	}
	return opts
}

// assignedOptions are the choices of the assignment filter.
func (v inboxView) assignedOptions(ctx context.Context) []layout.Option {
	return []layout.Option{
		{Value: "", Label: msg.T(ctx, "assigned-anyone")},
		{Value: assignedMe, Label: msg.T(ctx, "assigned-me"), Selected: v.Query.Assigned == assignedMe},
		{Value: assignedNobody, Label: msg.T(ctx, "assigned-nobody"), Selected: v.Query.Assigned == assignedNobody},
	}
}

// hiddenFields are the search's parameters for the pager's form, by name.
func (v inboxView) hiddenFields() [][2]string {
	var out [][2]string
	for key, values := range v.Query.values(true, 1) {
		out = append(out, [2]string{key, values[0]})
	}
	slices.SortFunc(out, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
	return out
}

// answerBlock is a run of a summary's rows: the form's own fields, or one row of a group ("Pes 2").
type answerBlock struct {
	Group string
	Rows  []engine.Row
}

// answerBlocks splits a summary into its runs.
func answerBlocks(rows []engine.Row) []answerBlock {
	var out []answerBlock
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].Group != r.Group {
			out = append(out, answerBlock{Group: r.Group})
		}
		out[len(out)-1].Rows = append(out[len(out)-1].Rows, r)
	}
	return out
}

// field is the input id of the action form f of the page, with its value and problem as sent.
func (v detailView) field(id, name, value string) layout.Field {
	return layout.Field{ID: id, Name: name, Value: value, Error: v.Form.Errors.For(id)}
}

// doneText confirms the action just made, "" when there is none (or the link was made by hand).
func (v detailView) doneText(ctx context.Context) string {
	if _, ok := msg["done-"+v.Done]; !ok || v.Done == "" {
		return ""
	}
	return msg.T(ctx, "done-"+v.Done)
}

// sent is what the action form named form sent, "" unless it is the one that came back.
func (v detailView) sent(form, value string) string {
	if v.Form.Form != form {
		return ""
	}
	return value
}

// clerkOptions are the clerks of the submission's agenda to assign it to, the assignee chosen.
func (v detailView) clerkOptions(ctx context.Context) []layout.Option {
	opts := []layout.Option{{Value: "", Label: msg.T(ctx, "assign-nobody")}}
	for _, c := range v.Clerks {
		label := c.Name
		if c.ID == v.Me {
			label = msg.T(ctx, "assign-me-option", c.Name)
		}
		opts = append(opts, layout.Option{Value: strconv.FormatInt(c.ID, 10), Label: label, Selected: c.ID == v.Submission.AssignedTo})
	}
	return opts
}

// messageHint says how the citizen gets a message from the office on sub.
func messageHint(ctx context.Context, sub Submission) string {
	switch {
	case sub.AccountID != 0 && sub.ContactEmail != "":
		return msg.T(ctx, "message-hint-both", sub.ContactEmail)
	case sub.ContactEmail != "":
		return msg.T(ctx, "message-hint-email", sub.ContactEmail)
	case sub.AccountID != 0:
		return msg.T(ctx, "message-hint-account")
	}
	return msg.T(ctx, "message-hint-none")
}

// eventTitle says what event e of the history records, to the clerks or (mine) to the citizen.
func eventTitle(ctx context.Context, e Event, mine bool) string {
	switch {
	case e.Kind == StatusEvent:
		return msg.T(ctx, "event-status", e.Status.Label(ctx))
	case e.FromCitizen() && mine:
		return msg.T(ctx, "event-my-message")
	case e.FromCitizen():
		return msg.T(ctx, "event-citizen-message")
	case e.Kind == MessageEvent:
		return msg.T(ctx, "event-office-message")
	case e.Kind == NoteEvent:
		return msg.T(ctx, "event-note")
	case e.Body == "":
		return msg.T(ctx, "event-unassigned")
	}
	return msg.T(ctx, "event-assigned", e.Body)
}

// fieldLabel is the label of the answer a file belongs to (its input id), "" when the summary has none.
func (v detailView) fieldLabel(id string) string {
	for _, r := range v.Answers {
		if r.ID == id {
			if r.Group != "" {
				return r.Group + ": " + r.Label
			}
			return r.Label
		}
	}
	return ""
}

// showsBody reports whether the history shows e's text (an assignment's is in its title).
func showsBody(e Event) bool { return e.Body != "" && e.Kind != AssignmentEvent }
