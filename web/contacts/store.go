package contacts

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	contactfiles "github.com/radnice/radnice/datasets/contacts"
	"github.com/radnice/radnice/geo"
)

// Store keeps the organisation and contacts in PostgreSQL.
type Store struct {
	pool   *pgxpool.Pool
	drafts bool // read departments, people and agendas in every state: an editor's preview
}

// NewStore returns the store over pool.
func NewStore(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

// withDrafts is the store that reads contacts in every state, for previews.
func (s *Store) withDrafts() *Store { return &Store{pool: s.pool, drafts: true} }

// shown is the SQL condition on the rows of alias that the store reads: the published ones,
// or all of them for a preview.
func (s *Store) shown(alias string) string {
	if s.drafts {
		return "true"
	}
	return alias + ".state = 'published'"
}

// Department is a part of the office (odbor, oddělení) in its place in the tree.
type Department struct {
	Code, Name  string
	Description string
	Email       string
	Phone       string
	Room        string
	Address     string // its own or its nearest ancestor's; "" when it is the office's
	Parent      *Department
	Children    []*Department
}

// Path is the department's line in the tree, from the top down to itself.
func (d *Department) Path() []*Department {
	var path []*Department
	for at := d; at != nil; at = at.Parent {
		path = append(path, at)
	}
	slices.Reverse(path)
	return path
}

// PagePath is the department's page, in Czech.
func (d *Department) PagePath() string { return "/kontakty/odbor/" + d.Code }

// Organisation is the tree of the published departments.
type Organisation struct {
	Top    []*Department
	byCode map[string]*Department
}

// Department is the department with code, nil when there is none.
func (o *Organisation) Department(code string) *Department { return o.byCode[code] }

// Person is someone the public can contact.
type Person struct {
	ID                      int
	TitleBefore, TitleAfter string
	Given, Family           string
	Function                string
	Department              *Department
	Phone, Mobile, Email    string
	Room                    string
	Hours                   contactfiles.Week // own hours; empty when they are the office's
}

// Name is the person's name with academic titles: "Ing. Jana Nováková, Ph.D.".
func (p Person) Name() string {
	name := strings.TrimSpace(p.TitleBefore + " " + p.Given + " " + p.Family)
	if p.TitleAfter != "" {
		name += ", " + p.TitleAfter
	}
	return name
}

// PagePath is the person's page, in Czech.
func (p Person) PagePath() string { return "/kontakty/osoba/" + strconv.Itoa(p.ID) }

// Agenda is a matter the office handles, who handles it and where to book a visit.
type Agenda struct {
	Code, Name  string
	Description string
	Keywords    []string
	BookingURL  string // "" when the agenda takes no bookings
	Department  *Department
	People      []Person
}

// PagePath is the agenda's page, in Czech.
func (a Agenda) PagePath() string { return "/kontakty/agenda/" + a.Code }

// Organisation reads the tree of the published departments, siblings in their order.
func (s *Store) Organisation(ctx context.Context) (*Organisation, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT code, coalesce(parent, ''), name, description, email, phone, room, address
		FROM contact_departments d WHERE `+s.shown("d")+`
		ORDER BY position, name COLLATE "cs-x-icu"`)
	if err != nil {
		return nil, fmt.Errorf("read departments: %w", err)
	}
	type row struct {
		d      *Department
		parent string
	}
	all, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (row, error) {
		d := &Department{}
		var parent string
		err := r.Scan(&d.Code, &parent, &d.Name, &d.Description, &d.Email, &d.Phone, &d.Room, &d.Address)
		return row{d, parent}, err
	})
	if err != nil {
		return nil, fmt.Errorf("read departments: %w", err)
	}
	byCode := map[string]*Department{}
	for _, r := range all {
		byCode[r.d.Code] = r.d
	}
	o := &Organisation{byCode: map[string]*Department{}}
	for _, r := range all {
		if r.parent == "" {
			o.Top = append(o.Top, r.d)
		} else if parent := byCode[r.parent]; parent != nil {
			r.d.Parent = parent
			parent.Children = append(parent.Children, r.d)
		}
	}
	// The organisation is what hangs from the top: below an unpublished department, nothing
	// shows. A department without an address of its own is where its parent is.
	var walk func(ds []*Department, address string)
	walk = func(ds []*Department, address string) {
		for _, d := range ds {
			o.byCode[d.Code] = d
			if d.Address == "" {
				d.Address = address
			}
			walk(d.Children, d.Address)
		}
	}
	walk(o.Top, "")
	return o, nil
}

// people reads the published people of published departments that match where (a condition
// on p, with args), in the order departments list them.
func (s *Store) people(ctx context.Context, org *Organisation, where string, args ...any) ([]Person, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT p.id, p.title_before, p.given_name, p.family_name, p.title_after, p.function, p.department,
			p.phone, p.mobile, p.email, p.room,
			coalesce(h.days, '{}'), coalesce(h.opens, '{}'), coalesce(h.closes, '{}')
		FROM contact_people p
		LEFT JOIN LATERAL (
			SELECT array_agg(weekday ORDER BY weekday, opens) AS days,
				array_agg(extract(epoch FROM opens)::int / 60 ORDER BY weekday, opens) AS opens,
				array_agg(extract(epoch FROM closes)::int / 60 ORDER BY weekday, opens) AS closes
			FROM contact_hours WHERE person_id = p.id
		) h ON true
		WHERE `+s.shown("p")+` AND `+where+`
		ORDER BY p.position, p.family_name COLLATE "cs-x-icu", p.given_name COLLATE "cs-x-icu"`, args...)
	if err != nil {
		return nil, fmt.Errorf("read people: %w", err)
	}
	people, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Person, error) {
		var p Person
		var department string
		var days, opens, closes []int
		err := r.Scan(&p.ID, &p.TitleBefore, &p.Given, &p.Family, &p.TitleAfter, &p.Function, &department,
			&p.Phone, &p.Mobile, &p.Email, &p.Room, &days, &opens, &closes)
		p.Department = org.Department(department)
		p.Hours = week(days, opens, closes)
		return p, err
	})
	if err != nil {
		return nil, fmt.Errorf("read people: %w", err)
	}
	return slices.DeleteFunc(people, func(p Person) bool { return p.Department == nil }), nil
}

// week puts together hours read as parallel arrays of ISO weekdays and minutes.
func week(days, opens, closes []int) contactfiles.Week {
	var w contactfiles.Week
	for i, day := range days {
		w[day%7] = append(w[day%7], contactfiles.Interval{Opens: contactfiles.Clock(opens[i]), Closes: contactfiles.Clock(closes[i])})
	}
	return w
}

// agendas reads the published agendas of published departments that match where (a condition
// on a, with args), by name, with the people who handle them.
func (s *Store) agendas(ctx context.Context, org *Organisation, where string, args ...any) ([]Agenda, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT a.code, a.name, a.description, a.keywords, a.booking_url, a.department,
			coalesce((SELECT array_agg(person_id ORDER BY position) FROM contact_agenda_people WHERE agenda = a.code), '{}')
		FROM contact_agendas a
		WHERE `+s.shown("a")+` AND `+where+`
		ORDER BY a.name COLLATE "cs-x-icu"`, args...)
	if err != nil {
		return nil, fmt.Errorf("read agendas: %w", err)
	}
	var ids [][]int
	agendas, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Agenda, error) {
		var a Agenda
		var department string
		var people []int
		err := r.Scan(&a.Code, &a.Name, &a.Description, &a.Keywords, &a.BookingURL, &department, &people)
		a.Department = org.Department(department)
		ids = append(ids, people)
		return a, err
	})
	if err != nil {
		return nil, fmt.Errorf("read agendas: %w", err)
	}
	people, err := s.people(ctx, org, "p.id = ANY($1)", slices.Concat(ids...))
	if err != nil {
		return nil, err
	}
	for i := range agendas {
		for _, id := range ids[i] {
			if at := slices.IndexFunc(people, func(p Person) bool { return p.ID == id }); at >= 0 {
				agendas[i].People = append(agendas[i].People, people[at])
			}
		}
	}
	return slices.DeleteFunc(agendas, func(a Agenda) bool { return a.Department == nil }), nil
}

// DepartmentDetail is a department with its people and agendas.
type DepartmentDetail struct {
	Department *Department
	People     []Person
	Agendas    []Agenda
}

// Department reads the published department with code; a geo.ENOTFOUND error when there is none.
func (s *Store) Department(ctx context.Context, code string) (DepartmentDetail, error) {
	org, err := s.Organisation(ctx)
	if err != nil {
		return DepartmentDetail{}, err
	}
	d := DepartmentDetail{Department: org.Department(code)}
	if d.Department == nil {
		return DepartmentDetail{}, geo.Errorf(geo.ENOTFOUND, "No department %q.", code)
	}
	if d.People, err = s.people(ctx, org, "p.department = $1", code); err != nil {
		return DepartmentDetail{}, err
	}
	d.Agendas, err = s.agendas(ctx, org, "a.department = $1", code)
	return d, err
}

// PersonDetail is a person with the agendas they handle.
type PersonDetail struct {
	Person  Person
	Agendas []Agenda
}

// Person reads the published person with id; a geo.ENOTFOUND error when there is none.
func (s *Store) Person(ctx context.Context, id int) (PersonDetail, error) {
	org, err := s.Organisation(ctx)
	if err != nil {
		return PersonDetail{}, err
	}
	people, err := s.people(ctx, org, "p.id = $1", id)
	if err != nil {
		return PersonDetail{}, err
	}
	if len(people) == 0 {
		return PersonDetail{}, geo.Errorf(geo.ENOTFOUND, "No person %d.", id)
	}
	agendas, err := s.agendas(ctx, org, "a.code IN (SELECT agenda FROM contact_agenda_people WHERE person_id = $1)", id)
	return PersonDetail{Person: people[0], Agendas: agendas}, err
}

// Agenda reads the published agenda with code, with its department, the people who handle it
// and its booking URL; a geo.ENOTFOUND error when there is none.
func (s *Store) Agenda(ctx context.Context, code string) (Agenda, error) {
	org, err := s.Organisation(ctx)
	if err != nil {
		return Agenda{}, err
	}
	agendas, err := s.agendas(ctx, org, "a.code = $1", code)
	if err != nil {
		return Agenda{}, err
	}
	if len(agendas) == 0 {
		return Agenda{}, geo.Errorf(geo.ENOTFOUND, "No agenda %q.", code)
	}
	return agendas[0], nil
}
