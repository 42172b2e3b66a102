package contacts

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	contactfiles "github.com/radnice/radnice/datasets/contacts"
	"github.com/radnice/radnice/geo"
)

// Load reads the contacts content in the folder dir of fsys (see datasets/contacts) and puts
// it in place of what the store held, all or nothing (web/content.Loader). It returns how many
// departments, people and agendas it loaded.
func Load(ctx context.Context, pool *pgxpool.Pool, fsys fs.FS, dir string) (int, error) {
	d, err := contactfiles.Read(fsys, dir)
	if err != nil {
		return 0, err
	}
	if err := NewStore(pool).Replace(ctx, d); err != nil {
		return 0, err
	}
	return len(d.Departments) + len(d.People) + len(d.Agendas), nil
}

// Replace makes the store hold the directory d, in one transaction. Departments, people and
// agendas are updated in place (their updated_at moves only when they change) and those d no
// longer has are deleted, so what other features refer to keeps its identity; a deletion that
// another feature still refers to fails the whole replacement.
func (s *Store) Replace(ctx context.Context, d contactfiles.Directory) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("replace contacts: %w", err)
	}
	defer tx.Rollback(ctx) //nolint:errcheck // after Commit it does nothing

	b := &pgx.Batch{}
	// Never nil: a NULL array would delete nothing below.
	departments, agendas, people := []string{}, []string{}, []int{}
	for _, dep := range d.Departments {
		departments = append(departments, dep.Code)
		b.Queue(`
			INSERT INTO contact_departments AS t (code, parent, name, position, description, email, phone, room, address, search_text)
			VALUES ($1, nullif($2, ''), $3, $4, $5, $6, $7, $8, $9, $10)
			ON CONFLICT (code) DO UPDATE SET parent = excluded.parent, name = excluded.name, position = excluded.position,
				description = excluded.description, email = excluded.email, phone = excluded.phone, room = excluded.room,
				address = excluded.address, search_text = excluded.search_text, updated_at = now()
			WHERE (t.parent, t.name, t.position, t.description, t.email, t.phone, t.room, t.address)
				IS DISTINCT FROM (excluded.parent, excluded.name, excluded.position, excluded.description, excluded.email,
					excluded.phone, excluded.room, excluded.address)`,
			dep.Code, dep.Parent, dep.Name, dep.Order, dep.Description, dep.Email, dep.Phone, dep.Room, dep.Address,
			departmentSearchText(dep.Name))
	}
	b.Queue(`DELETE FROM contact_hours`)
	for _, p := range d.People {
		people = append(people, p.ID)
		b.Queue(`
			INSERT INTO contact_people AS t (id, title_before, given_name, family_name, title_after, function, department,
				position, phone, mobile, email, room, search_text)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
			ON CONFLICT (id) DO UPDATE SET title_before = excluded.title_before, given_name = excluded.given_name,
				family_name = excluded.family_name, title_after = excluded.title_after, function = excluded.function,
				department = excluded.department, position = excluded.position, phone = excluded.phone,
				mobile = excluded.mobile, email = excluded.email, room = excluded.room, search_text = excluded.search_text,
				updated_at = now()
			WHERE (t.title_before, t.given_name, t.family_name, t.title_after, t.function, t.department, t.position,
					t.phone, t.mobile, t.email, t.room)
				IS DISTINCT FROM (excluded.title_before, excluded.given_name, excluded.family_name, excluded.title_after,
					excluded.function, excluded.department, excluded.position, excluded.phone, excluded.mobile,
					excluded.email, excluded.room)`,
			p.ID, p.TitleBefore, p.Given, p.Family, p.TitleAfter, p.Function, p.Department, p.Order, p.Phone, p.Mobile,
			p.Email, p.Room, personSearchText(p.Given, p.Family, p.Function))
		queueHours(b, &p.ID, p.Hours)
	}
	queueHours(b, nil, d.Hours.Week)
	b.Queue(`DELETE FROM contact_agenda_people`)
	for _, a := range d.Agendas {
		agendas = append(agendas, a.Code)
		b.Queue(`
			INSERT INTO contact_agendas AS t (code, name, description, keywords, department, booking_url, search_text)
			VALUES ($1, $2, $3, coalesce($4, '{}'::text[]), $5, $6, $7)
			ON CONFLICT (code) DO UPDATE SET name = excluded.name, description = excluded.description,
				keywords = excluded.keywords, department = excluded.department, booking_url = excluded.booking_url,
				search_text = excluded.search_text, updated_at = now()
			WHERE (t.name, t.description, t.keywords, t.department, t.booking_url)
				IS DISTINCT FROM (excluded.name, excluded.description, excluded.keywords, excluded.department, excluded.booking_url)`,
			a.Code, a.Name, a.Description, a.Keywords, a.Department, a.Booking,
			geo.Fold(a.Name+" "+strings.Join(a.Keywords, " ")))
		for i, id := range a.People {
			b.Queue(`INSERT INTO contact_agenda_people (agenda, person_id, position) VALUES ($1, $2, $3)`, a.Code, id, i)
		}
	}
	b.Queue(`DELETE FROM contact_agendas WHERE code <> ALL($1)`, agendas)
	b.Queue(`DELETE FROM contact_people WHERE id <> ALL($1)`, people)
	b.Queue(`DELETE FROM contact_departments WHERE code <> ALL($1)`, departments)
	// People added later without an id of their own (the admin) get the next free one.
	b.Queue(`SELECT setval(pg_get_serial_sequence('contact_people', 'id'), greatest(max(id), 1)) FROM contact_people`)

	b.Queue(`DELETE FROM contact_office_days`)
	for _, e := range d.Hours.Exceptions {
		b.Queue(`INSERT INTO contact_office_days (day, note) VALUES ($1, $2)`, e.Day, e.Note)
		for _, in := range e.Hours {
			b.Queue(`INSERT INTO contact_office_day_hours (day, opens, closes) VALUES ($1, $2, $3)`, e.Day, in.Opens.String(), in.Closes.String())
		}
	}
	b.Queue(`
		INSERT INTO contact_office AS t (hours_note) VALUES ($1)
		ON CONFLICT (singleton) DO UPDATE SET hours_note = excluded.hours_note, updated_at = now()
		WHERE t.hours_note IS DISTINCT FROM excluded.hours_note`, d.Hours.Note)

	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("replace contacts: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("replace contacts: %w", err)
	}
	return nil
}

// queueHours queues the rows of a week's hours: a person's, or the office's when person is nil.
func queueHours(b *pgx.Batch, person *int, w contactfiles.Week) {
	for day, intervals := range w {
		for _, in := range intervals {
			b.Queue(`INSERT INTO contact_hours (person_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)`,
				person, contactfiles.ISODay(time.Weekday(day)), in.Opens.String(), in.Closes.String())
		}
	}
}

// departmentSearchText is what a search of the contacts reads of a department.
func departmentSearchText(name string) string { return geo.Fold(name) }

// personSearchText is what a search of the contacts reads of a person.
func personSearchText(given, family, function string) string {
	return geo.Fold(given + " " + family + " " + function)
}
