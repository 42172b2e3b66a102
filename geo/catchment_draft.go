package geo

import (
	"time"
)

// CatchmentDraftInput is a file of school catchments the school office uploads to take effect
// on a future date.
type CatchmentDraftInput struct {
	Layer     Layer     // PrimarySchools or Kindergartens
	ValidFrom time.Time // the civil date the areas take effect
	FileName  string
	Areas     []AreaInput
	ActorID   int64 // the account uploading it; 0 for none
	ActorName string
}

// CatchmentDraft is a catchment layer staged for a future date and not yet published. Drafts
// belong to the school office as a whole.
type CatchmentDraft struct {
	ID         int64
	Layer      Layer
	ValidFrom  time.Time
	FileName   string
	Areas      []DraftArea
	UploadedBy string
	UploadedAt time.Time
	Changes    ChangeCounts // against the catchments that would otherwise hold on ValidFrom
}

// DraftArea is one catchment area of a draft.
type DraftArea struct {
	Code, Name, School string
}

// ChangeKind says how a draft changes an address's catchment schools.
type ChangeKind string

// The kinds of change.
const (
	SchoolChanged ChangeKind = "changed" // other schools than before
	SchoolGained  ChangeKind = "gained"  // catchment schools where it had none
	SchoolLost    ChangeKind = "lost"    // no catchment school any more
)

// ChangeKinds lists the kinds of change in the order screens show them.
var ChangeKinds = []ChangeKind{SchoolChanged, SchoolGained, SchoolLost}

// ChangeCounts counts the addresses a draft changes, by kind.
type ChangeCounts struct {
	Changed, Gained, Lost int
}

// Total is the number of addresses the draft changes.
func (c ChangeCounts) Total() int { return c.Changed + c.Gained + c.Lost }

// Of is the count of one kind.
func (c ChangeCounts) Of(k ChangeKind) int {
	switch k {
	case SchoolChanged:
		return c.Changed
	case SchoolGained:
		return c.Gained
	default:
		return c.Lost
	}
}

// CatchmentChange is an address whose catchment schools a draft changes.
type CatchmentChange struct {
	Address Address
	Kind    ChangeKind
	Before  []string // the schools on the draft's date without it, by name
	After   []string // the schools the draft gives it
}

// AreaVersion is one version of a layer: its areas that hold over the same days.
type AreaVersion struct {
	Layer     Layer
	ValidFrom *time.Time // nil: since always
	ValidTo   *time.Time // exclusive; nil: until further notice
	Areas     int
	Schools   []string // the schools its areas lead to, by name
}

// CatchmentMap is a draft's areas drawn over the ones they would replace, for an SVG map. Its
// coordinates are S-JTSK metres with y negated, as AreaMap's.
type CatchmentMap struct {
	ViewBox  [4]float64
	Drafted  []MapShape // the draft's areas
	Replaced []MapShape // the areas that hold on the draft's date without it
	Changed  string     // SVG path data with a dot ("Mx yh0") at every address that changes
}

// MapShape is an area's outline as SVG path data, with a point inside it for its label.
type MapShape struct {
	Code           string
	Path           string
	LabelX, LabelY float64
}
