package contacts_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	contactfiles "github.com/radnice/radnice/datasets/contacts"
	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/contacts"
)

func codes(ds []*contacts.Department) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Code)
	}
	return out
}

func TestTheDepartmentsFormATreeInTheirOrder(t *testing.T) {
	store := contacts.NewStore(demotest.Pool(t))
	org, err := store.Organisation(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	top := codes(org.Top)
	if len(top) < 10 || top[0] != "vedeni-mesta" || top[1] != "kancelar-starosty" || top[2] != "ekonomicky" {
		t.Errorf("top of the tree: %v", top)
	}
	if got := codes(org.Department("ekonomicky").Children); !slices.Equal(got, []string{"poplatky", "rozpocet"}) {
		t.Errorf("sections of the economic department: %v", got)
	}
	fees := org.Department("poplatky")
	if got := codes(fees.Path()); !slices.Equal(got, []string{"ekonomicky", "poplatky"}) || fees.Parent.Name != "Odbor ekonomický" {
		t.Errorf("path of the fees section: %v", got)
	}
	if fees.Address != "" {
		t.Errorf("a department in the office's building has no address of its own: %q", fees.Address)
	}
	if got := org.Department("registr-vozidel").Address; got != "Záhumenní 1152/1, 742 21 Kopřivnice" {
		t.Errorf("a section is where its department is: %q", got)
	}
	if org.Department("neni") != nil {
		t.Error("an unknown code names a department")
	}
}

// names are people's names as they show.
func names(people []contacts.Person) []string {
	var out []string
	for _, p := range people {
		out = append(out, p.Name())
	}
	return out
}

func agendaCodes(agendas []contacts.Agenda) []string {
	var out []string
	for _, a := range agendas {
		out = append(out, a.Code)
	}
	return out
}

func TestSearchFindsWhoHandlesWhatIgnoringCaseAndDiacritics(t *testing.T) {
	store := contacts.NewStore(demotest.Pool(t))
	ctx := context.Background()
	for _, c := range []struct {
		text                         string
		agendas, departments, people []string
	}{
		{text: "psi", agendas: []string{"poplatky"}},
		{text: "poplatek za psa", agendas: []string{"poplatky"}},
		{text: "Kdo vyřizuje poplatky za psy?", agendas: []string{"poplatky"}}, // stop words and other endings
		{text: "kaceni stromu", agendas: []string{"zivotni-prostredi"}},        // without diacritics
		{text: "Novak", people: []string{"Pavel Novák", "Ing. Jana Nováková"}}, // the whole name first
		{text: "NOVÁKOVÁ", people: []string{"Ing. Jana Nováková"}},
		{text: "jana novakova", people: []string{"Ing. Jana Nováková"}},
		{text: "stavební úřad", agendas: []string{"stavebni-urad"}, departments: []string{"stavebni-urad"},
			people: []string{"Ing. Roman Beneš", "Ing. Petra Jelínková"}},
		{text: "matrika", agendas: []string{"matrika"}, departments: []string{"matrika"}, people: []string{"Věra Procházková", "Bc. Kateřina Veselá"}},
		{text: "odbor dopravy", departments: []string{"doprava"}},
		{text: "xyzzy"},
	} {
		found, err := store.Search(ctx, c.text)
		if err != nil {
			t.Errorf("%q: %v", c.text, err)
			continue
		}
		if got := agendaCodes(found.Agendas); !slices.Equal(got, c.agendas) {
			t.Errorf("%q: agendas %v, want %v", c.text, got, c.agendas)
		}
		if got := codes(found.Departments); !slices.Equal(got, c.departments) {
			t.Errorf("%q: departments %v, want %v", c.text, got, c.departments)
		}
		if got := names(found.People); !slices.Equal(got, c.people) {
			t.Errorf("%q: people %v, want %v", c.text, got, c.people)
		}
	}
	found, _ := store.Search(ctx, "psi")
	if fees := found.Agendas[0]; !slices.Equal(names(fees.People), []string{"Ing. Jana Nováková", "Pavel Novák"}) || fees.Department.Code != "poplatky" {
		t.Errorf("a found agenda says who handles it: %v in %v", names(fees.People), fees.Department)
	}
	for _, text := range []string{"", "  ", "za a kdo?"} {
		if _, err := store.Search(ctx, text); geo.ErrorCode(err) != geo.EINVALID {
			t.Errorf("%q: %v, want an EINVALID error", text, err)
		}
	}
}

func TestAnAgendaTellsItsDepartmentPeopleAndBookingLink(t *testing.T) {
	store := contacts.NewStore(demotest.Pool(t))
	ctx := context.Background()
	a, err := store.Agenda(ctx, "poplatky")
	if err != nil {
		t.Fatal(err)
	}
	if a.Name != "Místní poplatky" || a.BookingURL != "https://rezervace.koprivnice.example/poplatky" ||
		a.Department.Name != "Oddělení místních poplatků" || a.Department.Parent.Name != "Odbor ekonomický" ||
		!slices.Equal(names(a.People), []string{"Ing. Jana Nováková", "Pavel Novák"}) || a.People[0].Phone != "+420 556 879 422" {
		t.Errorf("agenda: %+v", a)
	}
	if info, err := store.Agenda(ctx, "informace"); err != nil || info.BookingURL != "" {
		t.Errorf("an agenda without bookings: %q (%v)", info.BookingURL, err)
	}
	if _, err := store.Agenda(ctx, "neni"); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("an unknown agenda: %v", err)
	}
}

func TestAPersonAndADepartmentComeWithWhatTheyHandle(t *testing.T) {
	store := contacts.NewStore(demotest.Pool(t))
	ctx := context.Background()
	p, err := store.Person(ctx, 31)
	if err != nil {
		t.Fatal(err)
	}
	if p.Person.Name() != "Bc. Markéta Vlčková, DiS." || p.Person.Department.Code != "socialni-veci" || !slices.Equal(agendaCodes(p.Agendas), []string{"socialni-veci"}) {
		t.Errorf("person: %+v", p)
	}
	if mon := p.Person.Hours[time.Monday]; len(mon) != 1 || mon[0].Opens.String() != "8:00" || mon[0].Closes.String() != "17:00" || p.Person.Hours[time.Tuesday] != nil {
		t.Errorf("own hours: %v", p.Person.Hours)
	}
	if _, err := store.Person(ctx, 999); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("an unknown person: %v", err)
	}
	d, err := store.Department(ctx, "evidence-obyvatel")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(names(d.People), []string{"Zdeňka Pokorná", "Martin Dvořák", "Alena Marková"}) || !slices.Equal(agendaCodes(d.Agendas), []string{"evidence-obyvatel", "osobni-doklady"}) {
		t.Errorf("department: %v, %v", names(d.People), agendaCodes(d.Agendas))
	}
	if _, err := store.Department(ctx, "neni"); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("an unknown department: %v", err)
	}
}

func TestTheOfficeHoursComeBackAsLoaded(t *testing.T) {
	store := contacts.NewStore(demotest.Pool(t))
	h, err := store.OfficeHours(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want, err := contactfiles.Read(demotown.Content(), "kontakty")
	if err != nil {
		t.Fatal(err)
	}
	for day := range h.Week {
		if !slices.Equal(h.Week[day], want.Hours.Week[day]) {
			t.Errorf("%s: %v, want %v", time.Weekday(day), h.Week[day], want.Hours.Week[day])
		}
	}
	if len(h.Exceptions) != len(want.Hours.Exceptions) || h.Note != want.Hours.Note {
		t.Errorf("exceptions %+v, note %q", h.Exceptions, h.Note)
	}
	for i, e := range want.Hours.Exceptions {
		if got := h.Exceptions[i]; !got.Day.Equal(e.Day) || !slices.Equal(got.Hours, e.Hours) || got.Note != e.Note {
			t.Errorf("exception %d: %+v, want %+v", i, got, e)
		}
	}
	s, err := store.OfficeStatus(context.Background(), inPrague(2026, 11, 23, 9, 0))
	if err != nil || contacts.StatusText(context.Background(), s) != "Nyní otevřeno, zavírá v 11:30" {
		t.Errorf("status: %+v (%v)", s, err)
	}
}

func TestReloadingKeepsIdentitiesAndReplacesWhatChanged(t *testing.T) {
	pool := demotest.Pool(t)
	ctx := context.Background()
	store := contacts.NewStore(pool)
	d, err := contactfiles.Read(demotown.Content(), "kontakty")
	if err != nil {
		t.Fatal(err)
	}
	stamp := func(code string) (stamp time.Time) {
		if err := pool.QueryRow(ctx, `SELECT updated_at FROM contact_agendas WHERE code = $1`, code).Scan(&stamp); err != nil {
			t.Fatal(err)
		}
		return stamp
	}
	before := stamp("matrika")

	// The town renames an agenda, retires a person and a department, and closes on Saturdays no more.
	at := slices.IndexFunc(d.Agendas, func(a contactfiles.Agenda) bool { return a.Code == "poplatky" })
	d.Agendas[at].Name = "Poplatky"
	d.Agendas[at].People = []int{11}
	d.People = slices.DeleteFunc(d.People, func(p contactfiles.Person) bool { return p.ID == 12 })
	d.Departments = slices.DeleteFunc(d.Departments, func(dep contactfiles.Department) bool { return dep.Code == "rozpocet" })
	d.People = slices.DeleteFunc(d.People, func(p contactfiles.Person) bool { return p.Department == "rozpocet" })
	d.Hours.Week[time.Saturday] = []contactfiles.Interval{{Opens: 9 * 60, Closes: 11 * 60}}
	if err := store.Replace(ctx, d); err != nil {
		t.Fatal(err)
	}
	fees, err := store.Agenda(ctx, "poplatky")
	if err != nil || fees.Name != "Poplatky" || !slices.Equal(names(fees.People), []string{"Ing. Jana Nováková"}) {
		t.Errorf("the changed agenda: %+v (%v)", fees, err)
	}
	if !stamp("matrika").Equal(before) {
		t.Error("an unchanged agenda's updated_at moved")
	}
	if _, err := store.Person(ctx, 12); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("the retired person: %v", err)
	}
	if _, err := store.Department(ctx, "rozpocet"); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("the retired department: %v", err)
	}
	h, _ := store.OfficeHours(ctx)
	if len(h.Week[time.Saturday]) != 1 {
		t.Errorf("Saturday: %v", h.Week[time.Saturday])
	}

	// A person added later (by the admin) gets an id of their own.
	var id int
	if err := pool.QueryRow(ctx, `INSERT INTO contact_people (given_name, family_name, function, department, search_text)
		VALUES ('Nová', 'Kolegyně', 'referentka', 'poplatky', 'nova kolegyne') RETURNING id`).Scan(&id); err != nil || id <= 38 {
		t.Errorf("a new person's id %d (%v) must follow the content's", id, err)
	}
}

func TestAFailedReplacementChangesNothing(t *testing.T) {
	pool := demotest.Pool(t)
	ctx := context.Background()
	store := contacts.NewStore(pool)
	d, err := contactfiles.Read(demotown.Content(), "kontakty")
	if err != nil {
		t.Fatal(err)
	}
	d.Agendas[0].Name = "Změněno"
	d.Agendas[0].People = append(d.Agendas[0].People, 999) // past the reader: nobody has this id
	if err := store.Replace(ctx, d); err == nil || !strings.Contains(err.Error(), "replace contacts") {
		t.Fatalf("a replacement that breaks a reference: %v", err)
	}
	a, err := store.Agenda(ctx, d.Agendas[0].Code)
	if err != nil || a.Name == "Změněno" {
		t.Errorf("the failed replacement left %q (%v)", a.Name, err)
	}
}

func TestUnpublishedDepartmentsHideWhatIsInThem(t *testing.T) {
	pool := demotest.Pool(t)
	ctx := context.Background()
	if _, err := pool.Exec(ctx, `UPDATE contact_departments SET state = 'withdrawn' WHERE code = 'ekonomicky'`); err != nil {
		t.Fatal(err)
	}
	store := contacts.NewStore(pool)
	org, err := store.Organisation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if org.Department("ekonomicky") != nil || org.Department("poplatky") != nil {
		t.Error("an unpublished department or its sections show")
	}
	if _, err := store.Agenda(ctx, "poplatky"); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("the agenda of a hidden section: %v", err)
	}
	if found, _ := store.Search(ctx, "Novak"); len(found.People) != 0 {
		t.Errorf("people of a hidden section are found: %v", names(found.People))
	}
}
