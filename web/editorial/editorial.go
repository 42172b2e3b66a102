// Package editorial is what the editors' screens share: the life cycle of a piece of content
// (draft, published, withdrawn) and the controls that move it along.
package editorial

import (
	"context"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/i18n"
)

// State is where a piece of content is in its life: only published content is public.
type State string

// The states. New content starts as a draft; withdrawing keeps it for the record.
const (
	Draft     State = "draft"
	Published State = "published"
	Withdrawn State = "withdrawn"
)

// ParseState reads a state from a form value.
func ParseState(s string) (State, error) {
	switch st := State(s); st {
	case Draft, Published, Withdrawn:
		return st, nil
	}
	return "", geo.Errorf(geo.EINVALID, "unknown state %q", s)
}

// Label is the state's name in the language of ctx.
func (s State) Label(ctx context.Context) string {
	return msg.T(ctx, "state-"+string(s))
}

// Verb names the move to s in the audit log: "notice.publish", "notice.withdraw", "notice.to_draft".
func (s State) Verb() string {
	switch s {
	case Published:
		return "publish"
	case Withdrawn:
		return "withdraw"
	}
	return "to_draft"
}

// Transitions are the actions an editor can take from s, in the order the screen offers them.
func (s State) Transitions() []State {
	switch s {
	case Draft:
		return []State{Published}
	case Published:
		return []State{Withdrawn, Draft}
	default:
		return []State{Published, Draft}
	}
}

var msg = i18n.Catalogue{
	"state-draft":     {CS: "Koncept", EN: "Draft"},
	"state-published": {CS: "Zveřejněno", EN: "Published"},
	"state-withdrawn": {CS: "Staženo", EN: "Withdrawn"},
	"to-draft":        {CS: "Vrátit do konceptu", EN: "Back to draft"},
	"to-published":    {CS: "Zveřejnit", EN: "Publish"},
	"to-withdrawn":    {CS: "Stáhnout ze zveřejnění", EN: "Withdraw"},
	"state-heading":   {CS: "Stav", EN: "State"},
	"preview-banner":  {CS: "Náhled: takto bude stránka vypadat na portálu. Zatím není zveřejněna.", EN: "Preview: this is how the page will look on the portal. It is not published yet."},
	"preview-back":    {CS: "Zpět k úpravám", EN: "Back to editing"},
	"preview-link":    {CS: "Náhled", EN: "Preview"},
	"staff":           {CS: "Správa", EN: "Administration"},
}
