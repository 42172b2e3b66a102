package contacts

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	contactfiles "github.com/radnice/radnice/datasets/contacts"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/audit"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/editorial"
)

// DepartmentRecord is a department as its editors see it, in any state; it is also what the
// audit log records of it.
type DepartmentRecord struct {
	contactfiles.Department
	State editorial.State
}

// TreeDepartment is a department in the editors' tree: at its depth (0 at the top), with how
// many sections, people (in any state) and agendas it holds.
type TreeDepartment struct {
	DepartmentRecord
	Depth                     int
	Sections, People, Agendas int
}

// Empty reports whether the department holds nothing, so that it may be deleted.
func (d TreeDepartment) Empty() bool { return d.Sections+d.People+d.Agendas == 0 }

// PersonRecord is a person as editors see them, in any state; it is also what the audit log
// records of them.
type PersonRecord struct {
	ID                      int
	TitleBefore, TitleAfter string
	Given, Family           string
	Function                string
	Department              string // its code
	Order                   int
	Phone, Mobile, Email    string
	Room                    string
	Agendas                 []string // the codes of the agendas the person handles
	State                   editorial.State
}

// Name is the person's name with academic titles.
func (p PersonRecord) Name() string {
	return Person{TitleBefore: p.TitleBefore, Given: p.Given, Family: p.Family, TitleAfter: p.TitleAfter}.Name()
}

// ListedPerson is a person as the editors' list shows them.
type ListedPerson struct {
	PersonRecord
	DepartmentName string
	UpdatedAt      time.Time
}

// PeopleFilter narrows the editors' list of people; the zero value lists everyone.
type PeopleFilter struct {
	Department string          // "": every department
	State      editorial.State // "": every state
}

// AgendaName names an agenda for an editor to choose.
type AgendaName struct {
	Code, Name string
}

// The edits the store refuses.
var (
	errCycle    = errors.New("a department cannot be moved under itself or its own section")
	errNotEmpty = errors.New("a department that holds sections, people or agendas cannot be deleted")
)

// Tree is every department in any state, depth first in the order of the public tree, with
// what each holds.
func (s *Store) Tree(ctx context.Context) ([]TreeDepartment, error) {
	rows, err := s.pool.Query(ctx, departmentSelect+` ORDER BY d.position, d.name COLLATE "cs-x-icu"`)
	if err != nil {
		return nil, fmt.Errorf("read the departments' tree: %w", err)
	}
	all, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (TreeDepartment, error) {
		var d TreeDepartment
		err := r.Scan(departmentFields(&d)...)
		return d, err
	})
	if err != nil {
		return nil, fmt.Errorf("read the departments' tree: %w", err)
	}
	out := make([]TreeDepartment, 0, len(all))
	var walk func(parent string, depth int)
	walk = func(parent string, depth int) {
		for _, d := range all {
			if d.Parent == parent {
				d.Depth = depth
				out = append(out, d)
				walk(d.Code, depth+1)
			}
		}
	}
	walk("", 0)
	return out, nil
}

// AgendaNames are every agenda in any state, by name: those a person or a life situation can
// be given.
func (s *Store) AgendaNames(ctx context.Context) ([]AgendaName, error) {
	rows, err := s.pool.Query(ctx, `SELECT code, name FROM contact_agendas ORDER BY name COLLATE "cs-x-icu"`)
	if err != nil {
		return nil, fmt.Errorf("read agendas: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowToStructByPos[AgendaName])
	if err != nil {
		return nil, fmt.Errorf("read agendas: %w", err)
	}
	return out, nil
}

// People is everyone in any state whom f lets through, by family and given name.
func (s *Store) People(ctx context.Context, f PeopleFilter) ([]ListedPerson, error) {
	rows, err := s.pool.Query(ctx, personSelect+`, d.name, p.updated_at
		FROM contact_people p
		JOIN contact_departments d ON d.code = p.department
		WHERE ($1 = '' OR p.department = $1) AND ($2 = '' OR p.state = $2)
		ORDER BY p.family_name COLLATE "cs-x-icu", p.given_name COLLATE "cs-x-icu", p.id`, f.Department, string(f.State))
	if err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (ListedPerson, error) {
		var p ListedPerson
		err := r.Scan(append(personFields(&p.PersonRecord), &p.DepartmentName, &p.UpdatedAt)...)
		return p, err
	})
	if err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	return out, nil
}

// departmentSelect reads the columns of departmentFields from contact_departments d.
const departmentSelect = `
	SELECT d.code, coalesce(d.parent, ''), d.name, d.position, d.description, d.email, d.phone, d.room, d.address, d.state,
		(SELECT count(*) FROM contact_departments c WHERE c.parent = d.code),
		(SELECT count(*) FROM contact_people p WHERE p.department = d.code),
		(SELECT count(*) FROM contact_agendas a WHERE a.department = d.code)
	FROM contact_departments d`

// departmentFields are where the columns of departmentSelect go.
func departmentFields(d *TreeDepartment) []any {
	return []any{&d.Code, &d.Parent, &d.Name, &d.Order, &d.Description, &d.Email, &d.Phone, &d.Room, &d.Address,
		&d.State, &d.Sections, &d.People, &d.Agendas}
}

// personSelect reads the columns of personFields from contact_people p.
const personSelect = `
	SELECT p.id, p.title_before, p.given_name, p.family_name, p.title_after, p.function, p.department, p.position,
		p.phone, p.mobile, p.email, p.room, p.state,
		coalesce((SELECT array_agg(agenda ORDER BY agenda) FROM contact_agenda_people WHERE person_id = p.id), '{}')`

// personFields are where the columns of personSelect go.
func personFields(p *PersonRecord) []any {
	return []any{&p.ID, &p.TitleBefore, &p.Given, &p.Family, &p.TitleAfter, &p.Function, &p.Department, &p.Order,
		&p.Phone, &p.Mobile, &p.Email, &p.Room, &p.State, &p.Agendas}
}

// EditedDepartment is the department code in any state; ENOTFOUND when there is none.
func (s *Store) EditedDepartment(ctx context.Context, code string) (TreeDepartment, error) {
	return readDepartment(ctx, s.pool, code, false)
}

// EditedPerson is the person id in any state; ENOTFOUND when there is none.
func (s *Store) EditedPerson(ctx context.Context, id int) (PersonRecord, error) {
	return readPerson(ctx, s.pool, id, false)
}

// CreateDepartment writes d as a new draft department on behalf of by, under a code made from
// its name, and returns the code.
func (s *Store) CreateDepartment(ctx context.Context, by *auth.User, d contactfiles.Department) (string, error) {
	err := s.edit(ctx, func(tx pgx.Tx) error {
		var err error
		if d.Code, err = freeCode(ctx, tx, d.Name); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `
			INSERT INTO contact_departments (code, parent, name, position, description, email, phone, room, address, search_text, state)
			VALUES ($1, nullif($2, ''), $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			d.Code, d.Parent, d.Name, d.Order, d.Description, d.Email, d.Phone, d.Room, d.Address,
			departmentSearchText(d.Name), editorial.Draft); err != nil {
			return err
		}
		after := DepartmentRecord{Department: d, State: editorial.Draft}
		return audit.Record(ctx, tx, by.Audit("contact_department.create", departmentObject(d.Code), nil, after))
	})
	return d.Code, err
}

// UpdateDepartment replaces what the department code says of itself with d, on behalf of by:
// it may be renamed and moved in the tree (errCycle when under itself), never recoded.
func (s *Store) UpdateDepartment(ctx context.Context, by *auth.User, code string, d contactfiles.Department) error {
	return s.edit(ctx, func(tx pgx.Tx) error {
		// Two moves at once could each be fine and together make a cycle: tree edits take turns.
		if _, err := tx.Exec(ctx, `LOCK TABLE contact_departments IN SHARE ROW EXCLUSIVE MODE`); err != nil {
			return err
		}
		before, err := readDepartment(ctx, tx, code, true)
		if err != nil {
			return err
		}
		var cycle bool
		if err := tx.QueryRow(ctx, `
			WITH RECURSIVE up (code, parent) AS (
				SELECT code, parent FROM contact_departments WHERE code = $1
				UNION
				SELECT d.code, d.parent FROM contact_departments d JOIN up ON d.code = up.parent
			)
			SELECT EXISTS (SELECT FROM up WHERE code = $2)`, d.Parent, code).Scan(&cycle); err != nil {
			return err
		}
		if cycle {
			return errCycle
		}
		d.Code = code
		if _, err := tx.Exec(ctx, `
			UPDATE contact_departments SET parent = nullif($2, ''), name = $3, position = $4, description = $5, email = $6,
				phone = $7, room = $8, address = $9, search_text = $10, updated_at = now()
			WHERE code = $1`,
			code, d.Parent, d.Name, d.Order, d.Description, d.Email, d.Phone, d.Room, d.Address, departmentSearchText(d.Name)); err != nil {
			return err
		}
		after := DepartmentRecord{Department: d, State: before.State}
		return audit.Record(ctx, tx, by.Audit("contact_department.update", departmentObject(code), before.DepartmentRecord, after))
	})
}

// SetDepartmentState moves the department code to the state to on behalf of by; EINVALID when
// its state does not lead there.
func (s *Store) SetDepartmentState(ctx context.Context, by *auth.User, code string, to editorial.State) error {
	return s.edit(ctx, func(tx pgx.Tx) error {
		before, err := readDepartment(ctx, tx, code, true)
		if err != nil {
			return err
		}
		if err := checkTransition(before.State, to); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE contact_departments SET state = $2, updated_at = now() WHERE code = $1`, code, to); err != nil {
			return err
		}
		after := before.DepartmentRecord
		after.State = to
		return audit.Record(ctx, tx, by.Audit("contact_department."+to.Verb(), departmentObject(code), before.DepartmentRecord, after))
	})
}

// DeleteDepartment deletes the department code on behalf of by; errNotEmpty unless it holds
// nothing.
func (s *Store) DeleteDepartment(ctx context.Context, by *auth.User, code string) error {
	return s.edit(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `LOCK TABLE contact_departments IN SHARE ROW EXCLUSIVE MODE`); err != nil {
			return err
		}
		before, err := readDepartment(ctx, tx, code, true)
		if err != nil {
			return err
		}
		if !before.Empty() {
			return errNotEmpty
		}
		if _, err := tx.Exec(ctx, `DELETE FROM contact_departments WHERE code = $1`, code); err != nil {
			return err
		}
		return audit.Record(ctx, tx, by.Audit("contact_department.delete", departmentObject(code), before.DepartmentRecord, nil))
	})
}

// CreatePerson writes p as a new draft person on behalf of by and returns their id.
func (s *Store) CreatePerson(ctx context.Context, by *auth.User, p PersonRecord) (int, error) {
	p.State = editorial.Draft
	slices.Sort(p.Agendas) // as they are read back
	err := s.edit(ctx, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `
			INSERT INTO contact_people (title_before, given_name, family_name, title_after, function, department, position,
				phone, mobile, email, room, search_text, state)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
			RETURNING id`,
			p.TitleBefore, p.Given, p.Family, p.TitleAfter, p.Function, p.Department, p.Order, p.Phone, p.Mobile, p.Email,
			p.Room, personSearchText(p.Given, p.Family, p.Function), p.State).Scan(&p.ID); err != nil {
			return err
		}
		if err := setAgendas(ctx, tx, p.ID, p.Agendas); err != nil {
			return err
		}
		return audit.Record(ctx, tx, by.Audit("contact_person.create", personObject(p.ID), nil, p))
	})
	return p.ID, err
}

// UpdatePerson replaces what is known of the person id with p, keeping their state, on behalf of by.
func (s *Store) UpdatePerson(ctx context.Context, by *auth.User, id int, p PersonRecord) error {
	return s.edit(ctx, func(tx pgx.Tx) error {
		before, err := readPerson(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `
			UPDATE contact_people SET title_before = $2, given_name = $3, family_name = $4, title_after = $5, function = $6,
				department = $7, position = $8, phone = $9, mobile = $10, email = $11, room = $12, search_text = $13,
				updated_at = now()
			WHERE id = $1`,
			id, p.TitleBefore, p.Given, p.Family, p.TitleAfter, p.Function, p.Department, p.Order, p.Phone, p.Mobile,
			p.Email, p.Room, personSearchText(p.Given, p.Family, p.Function)); err != nil {
			return err
		}
		if err := setAgendas(ctx, tx, id, p.Agendas); err != nil {
			return err
		}
		p.ID, p.State = id, before.State
		slices.Sort(p.Agendas)
		return audit.Record(ctx, tx, by.Audit("contact_person.update", personObject(id), before, p))
	})
}

// SetPersonState moves the person id to the state to on behalf of by (withdrawn: they have
// left); EINVALID when their state does not lead there.
func (s *Store) SetPersonState(ctx context.Context, by *auth.User, id int, to editorial.State) error {
	return s.edit(ctx, func(tx pgx.Tx) error {
		before, err := readPerson(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if err := checkTransition(before.State, to); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE contact_people SET state = $2, updated_at = now() WHERE id = $1`, id, to); err != nil {
			return err
		}
		after := before
		after.State = to
		return audit.Record(ctx, tx, by.Audit("contact_person."+to.Verb(), personObject(id), before, after))
	})
}

// setAgendas makes the person id handle exactly agendas: those they keep stay where they were
// in each agenda's list of people, new ones put them last.
func setAgendas(ctx context.Context, tx pgx.Tx, id int, agendas []string) error {
	if agendas == nil {
		agendas = []string{} // a NULL array would keep everything below
	}
	if _, err := tx.Exec(ctx, `DELETE FROM contact_agenda_people WHERE person_id = $1 AND agenda <> ALL($2)`, id, agendas); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `
		INSERT INTO contact_agenda_people (agenda, person_id, position)
		SELECT a, $1, coalesce((SELECT max(position) + 1 FROM contact_agenda_people WHERE agenda = a), 0)
		FROM unnest($2::text[]) AS a
		ON CONFLICT (agenda, person_id) DO NOTHING`, id, agendas)
	return err
}

// checkTransition is nil when content in the state from may be moved to the state to.
func checkTransition(from, to editorial.State) error {
	if !slices.Contains(from.Transitions(), to) {
		return geo.Errorf(geo.EINVALID, "Content that is %s cannot become %s.", from, to)
	}
	return nil
}

// readDepartment reads the department code in any state with what it holds, locking its row
// for the transaction q when lock is set; ENOTFOUND when there is none.
func readDepartment(ctx context.Context, q querier, code string, lock bool) (TreeDepartment, error) {
	var d TreeDepartment
	err := q.QueryRow(ctx, departmentSelect+` WHERE d.code = $1`+forUpdate(lock), code).Scan(departmentFields(&d)...)
	if errors.Is(err, pgx.ErrNoRows) {
		return d, geo.Errorf(geo.ENOTFOUND, "No department %q.", code)
	}
	if err != nil {
		return d, fmt.Errorf("read department %s: %w", code, err)
	}
	return d, nil
}

// readPerson reads the person id in any state, locking their row for the transaction q when
// lock is set; ENOTFOUND when there is none.
func readPerson(ctx context.Context, q querier, id int, lock bool) (PersonRecord, error) {
	var p PersonRecord
	err := q.QueryRow(ctx, personSelect+` FROM contact_people p WHERE p.id = $1`+forUpdate(lock), id).Scan(personFields(&p)...)
	if errors.Is(err, pgx.ErrNoRows) {
		return p, geo.Errorf(geo.ENOTFOUND, "No person %d.", id)
	}
	if err != nil {
		return p, fmt.Errorf("read person %d: %w", id, err)
	}
	return p, nil
}

// forUpdate is the locking clause of a read for an edit.
func forUpdate(lock bool) string {
	if lock {
		return " FOR UPDATE"
	}
	return ""
}

// querier runs the store's reads: the pool, or a transaction.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// freeCode is a department code made from name that no department has yet, nor the new
// department's screen: "Odbor dopravy" is "odbor-dopravy", then "odbor-dopravy-2".
func freeCode(ctx context.Context, tx pgx.Tx, name string) (string, error) {
	base := cmp.Or(editorial.Slug(name, maxCodeLength), "utvar")
	rows, err := tx.Query(ctx, `SELECT code FROM contact_departments WHERE code = $1 OR code LIKE $1 || '-%'`, base)
	if err != nil {
		return "", err
	}
	taken, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return "", err
	}
	code := base
	for n := 2; slices.Contains(taken, code) || code == newPath; n++ {
		code = base + "-" + strconv.Itoa(n)
	}
	return code, nil
}

// maxCodeLength bounds the codes made from names, which show in addresses.
const maxCodeLength = 60

// edit runs change in a transaction.
func (s *Store) edit(ctx context.Context, change func(pgx.Tx) error) error {
	if err := pgx.BeginFunc(ctx, s.pool, change); err != nil {
		return fmt.Errorf("edit contacts: %w", err)
	}
	return nil
}

// departmentObject names the department code in the audit log.
func departmentObject(code string) string { return "contact_department:" + code }

// personObject names the person id in the audit log.
func personObject(id int) string { return "contact_person:" + strconv.Itoa(id) }
