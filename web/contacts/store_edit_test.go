package contacts_test

import (
	"errors"
	"slices"
	"strconv"
	"testing"

	contactfiles "github.com/radnice/radnice/datasets/contacts"
	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/contacts"
	"github.com/radnice/radnice/web/editorial"
	"github.com/radnice/radnice/web/webtest"
)

func TestTheEditorsTreeHoldsEveryDepartmentWithWhatItHolds(t *testing.T) {
	store := contacts.NewStore(demotest.Pool(t))
	tree, err := store.Tree(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	at := slices.IndexFunc(tree, func(d contacts.TreeDepartment) bool { return d.Code == "ekonomicky" })
	if at < 0 || at+2 >= len(tree) || tree[at+1].Code != "poplatky" || tree[at+1].Depth != 1 || tree[at+2].Code != "rozpocet" {
		t.Fatalf("the economic department and its sections are not in a row: %+v", tree)
	}
	if d := tree[at]; d.Sections != 2 || d.Empty() || d.State != editorial.Published {
		t.Errorf("the economic department: %+v", d)
	}
	if fees := tree[at+1]; fees.People == 0 || fees.Agendas == 0 {
		t.Errorf("the fees section holds no people or agendas: %+v", fees)
	}
}

func TestADepartmentMovesInTheTreeButNeverUnderItself(t *testing.T) {
	pool := demotest.Pool(t)
	ctx := t.Context()
	store := contacts.NewStore(pool)
	economic, err := store.EditedDepartment(ctx, "ekonomicky")
	if err != nil {
		t.Fatal(err)
	}
	for _, parent := range []string{"ekonomicky", "poplatky"} {
		d := economic.Department
		d.Parent = parent
		if err := store.UpdateDepartment(ctx, editor, "ekonomicky", d); !errors.Is(err, contacts.ErrCycle) {
			t.Errorf("moved under %s: %v, want refused", parent, err)
		}
	}
	fees, err := store.EditedDepartment(ctx, "poplatky")
	if err != nil {
		t.Fatal(err)
	}
	moved := fees.Department
	moved.Parent, moved.Name = "", "Odbor místních poplatků"
	if err := store.UpdateDepartment(ctx, editor, "poplatky", moved); err != nil {
		t.Fatal(err)
	}
	org, err := store.Organisation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d := org.Department("poplatky"); d == nil || d.Parent != nil || d.Name != "Odbor místních poplatků" {
		t.Errorf("the fees section after the move: %+v", d)
	}
	if got := codes(org.Department("ekonomicky").Children); !slices.Equal(got, []string{"rozpocet"}) {
		t.Errorf("the economic department's sections: %v", got)
	}
	want := []string{"contact_department.update by 7 Eva Editorka"}
	if got := webtest.AuditActions(t, pool, "contact_department:poplatky"); !slices.Equal(got, want) {
		t.Errorf("audit log %q", got)
	}
	if got := webtest.AuditActions(t, pool, "contact_department:ekonomicky"); len(got) != 0 {
		t.Errorf("refused moves are in the audit log: %q", got)
	}
}

func TestANewDepartmentIsADraftDeletedOnlyWhenEmpty(t *testing.T) {
	pool := demotest.Pool(t)
	ctx := t.Context()
	store := contacts.NewStore(pool)
	if err := store.DeleteDepartment(ctx, editor, "ekonomicky"); !errors.Is(err, contacts.ErrNotEmpty) {
		t.Errorf("deleting a department with sections: %v", err)
	}
	if err := store.DeleteDepartment(ctx, editor, "rozpocet"); !errors.Is(err, contacts.ErrNotEmpty) {
		t.Errorf("deleting a section with people: %v", err)
	}
	var made []string
	for range 2 {
		code, err := store.CreateDepartment(ctx, editor, contactfiles.Department{Name: "Odbor školství", Parent: "ekonomicky"})
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, code)
	}
	if !slices.Equal(made, []string{"odbor-skolstvi", "odbor-skolstvi-2"}) {
		t.Errorf("codes made from the name: %v", made)
	}
	d, err := store.EditedDepartment(ctx, "odbor-skolstvi")
	if err != nil || d.State != editorial.Draft || d.Parent != "ekonomicky" {
		t.Errorf("the new department: %+v, %v", d, err)
	}
	if _, err := store.Department(ctx, "odbor-skolstvi"); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("a draft department's public page: %v", err)
	}
	if err := store.DeleteDepartment(ctx, editor, "odbor-skolstvi"); err != nil {
		t.Fatal(err)
	}
	if _, err := store.EditedDepartment(ctx, "odbor-skolstvi"); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("after deletion: %v", err)
	}
	want := []string{"contact_department.create by 7 Eva Editorka", "contact_department.delete by 7 Eva Editorka"}
	if got := webtest.AuditActions(t, pool, "contact_department:odbor-skolstvi"); !slices.Equal(got, want) {
		t.Errorf("audit log %q", got)
	}
}

func TestAPersonWhoLeavesIsWithdrawnFromEveryPublicPlace(t *testing.T) {
	pool := demotest.Pool(t)
	ctx := t.Context()
	store := contacts.NewStore(pool)
	if err := store.SetPersonState(ctx, editor, 11, editorial.Withdrawn); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Person(ctx, 11); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("the person's page: %v", err)
	}
	if found, _ := store.Search(ctx, "Nováková"); slices.Contains(names(found.People), "Ing. Jana Nováková") {
		t.Error("the search finds her")
	}
	fees, err := store.Agenda(ctx, "poplatky")
	if err != nil {
		t.Fatal(err)
	}
	if got := names(fees.People); slices.Contains(got, "Ing. Jana Nováková") || len(got) == 0 {
		t.Errorf("the fees agenda lists %v", got)
	}
	if err := store.SetPersonState(ctx, editor, 11, editorial.Withdrawn); geo.ErrorCode(err) != geo.EINVALID {
		t.Errorf("withdrawn twice: %v", err)
	}
	if err := store.SetPersonState(ctx, editor, 11, editorial.Published); err != nil {
		t.Fatal(err)
	}
	want := []string{"contact_person.withdraw by 7 Eva Editorka", "contact_person.publish by 7 Eva Editorka"}
	if got := webtest.AuditActions(t, pool, "contact_person:11"); !slices.Equal(got, want) {
		t.Errorf("audit log %q", got)
	}
}

func TestANewPersonIsADraftUntilPublishedAndHandlesTheirAgendasLast(t *testing.T) {
	pool := demotest.Pool(t)
	ctx := t.Context()
	store := contacts.NewStore(pool)
	id, err := store.CreatePerson(ctx, editor, contacts.PersonRecord{Given: "Karel", Family: "Nový", Function: "referent",
		Department: "poplatky", Phone: "+420 556 879 499", Agendas: []string{"poplatky", "overovani"}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := store.EditedPerson(ctx, id)
	if err != nil || p.State != editorial.Draft || !slices.Equal(p.Agendas, []string{"overovani", "poplatky"}) {
		t.Fatalf("the new person: %+v, %v", p, err)
	}
	if _, err := store.Person(ctx, id); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("a draft's page: %v", err)
	}
	if err := store.SetPersonState(ctx, editor, id, editorial.Published); err != nil {
		t.Fatal(err)
	}
	fees, err := store.Agenda(ctx, "poplatky")
	if err != nil {
		t.Fatal(err)
	}
	if got := names(fees.People); len(got) != 3 || got[2] != "Karel Nový" {
		t.Errorf("the fees agenda lists %v, want the new person last", got)
	}
	p.Agendas = []string{"poplatky"}
	p.Function = "referent místních poplatků"
	if err := store.UpdatePerson(ctx, editor, id, p); err != nil {
		t.Fatal(err)
	}
	if d, err := store.Person(ctx, id); err != nil || len(d.Agendas) != 1 || d.Person.Function != "referent místních poplatků" {
		t.Errorf("after the update: %+v, %v", d, err)
	}
	if found, _ := store.Search(ctx, "referent mistnich"); !slices.Contains(names(found.People), "Karel Nový") {
		t.Errorf("the search by the new function finds %v", names(found.People))
	}
	want := []string{"contact_person.create by 7 Eva Editorka", "contact_person.publish by 7 Eva Editorka", "contact_person.update by 7 Eva Editorka"}
	if got := webtest.AuditActions(t, pool, "contact_person:"+strconv.Itoa(id)); !slices.Equal(got, want) {
		t.Errorf("audit log %q", got)
	}
}
