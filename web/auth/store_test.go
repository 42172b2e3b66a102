package auth_test

import (
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/migrations/dbtest"
	"github.com/radnice/radnice/web/auth"
)

func newStore(t *testing.T) (*auth.Store, *pgxpool.Pool) {
	t.Helper()
	pool, err := geo.Connect(t.Context(), dbtest.New(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return auth.NewStore(pool), pool
}

var jana = auth.Identity{Provider: auth.ProviderCitizens, Subject: "pi-jana", GivenName: "Jana", FamilyName: "Nováková",
	Address: "Česká 1318/30, 742 21 Kopřivnice", AddressCode: 1009830, Email: "jana@example.cz", LevelOfAssurance: "http://eidas.europa.eu/LoA/high"}

func TestRegistrationCreatesTheAccountAndLaterLoginsRefreshWhatEIDVouchesFor(t *testing.T) {
	store, _ := newStore(t)
	ctx := t.Context()
	if _, found, err := store.AccountFor(ctx, jana); err != nil || found {
		t.Fatalf("before registration: found %v, %v", found, err)
	}
	account, err := store.Register(ctx, jana, "jana.kontakt@example.cz", "+420 731 123 456")
	if err != nil {
		t.Fatal(err)
	}
	if got, found, _ := store.AccountFor(ctx, jana); !found || got != account {
		t.Fatalf("the identity logs in to %d (found %v), want %d", got, found, account)
	}
	moved := jana
	moved.FamilyName, moved.Address, moved.AddressCode = "Dvořáková", "Lubina 2508, 742 21 Kopřivnice", 1011235
	if err := store.RecordLogin(ctx, account, moved); err != nil {
		t.Fatal(err)
	}
	u, err := store.User(ctx, account)
	if err != nil {
		t.Fatal(err)
	}
	if u.Name() != "Jana Dvořáková" || u.AddressCode != 1011235 || !u.AddressFromEID || u.VerifiedAddress != moved.Address {
		t.Errorf("after the move: %+v", u)
	}
	if u.Email != "jana.kontakt@example.cz" || u.Phone != "+420 731 123 456" {
		t.Errorf("the contact details the person confirmed were replaced: %q %q", u.Email, u.Phone)
	}
	if u.IsStaff() || !u.Has(auth.RoleCitizen) || u.Has(auth.RoleEditor) {
		t.Errorf("a new account holds roles: %+v", u.Grants)
	}
}

func TestAnAddressThePersonChoseSurvivesTheirNextLogin(t *testing.T) {
	store, pool := newStore(t)
	ctx := t.Context()
	account, err := store.Register(ctx, jana, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, `UPDATE accounts SET address_code = 1011235, address_from_eid = false WHERE id = $1`, account); err != nil {
		t.Fatal(err)
	}
	if err := store.RecordLogin(ctx, account, jana); err != nil {
		t.Fatal(err)
	}
	if u, _ := store.User(ctx, account); u.AddressCode != 1011235 || u.AddressFromEID {
		t.Errorf("the chosen address was overwritten: %d (from eID %v)", u.AddressCode, u.AddressFromEID)
	}
}

func TestRolesGrantedToAnEmailFollowItsTrustedLoginOnly(t *testing.T) {
	store, pool := newStore(t)
	ctx := t.Context()
	cli := auth.Actor{Name: "radnice admin grant"}
	if err := store.GrantRole(ctx, cli, "Eva.Editorova@koprivnice.example", auth.Grant{Role: auth.RoleEditor}); err != nil {
		t.Fatal(err)
	}
	// Someone stating that e-mail at NIA gets nothing: NIA does not vouch for e-mails.
	impostor := auth.Identity{Provider: auth.ProviderCitizens, Subject: "pi-x", Email: "eva.editorova@koprivnice.example"}
	a1, err := store.Register(ctx, impostor, impostor.Email, "")
	if err != nil {
		t.Fatal(err)
	}
	if u, _ := store.User(ctx, a1); u.IsStaff() {
		t.Fatalf("an untrusted e-mail claimed the role: %+v", u.Grants)
	}
	eva := auth.Identity{Provider: auth.ProviderStaff, Subject: "eva", Email: "eva.editorova@koprivnice.example", EmailTrusted: true}
	a2, err := store.Register(ctx, eva, eva.Email, "")
	if err != nil {
		t.Fatal(err)
	}
	u, _ := store.User(ctx, a2)
	if !u.Has(auth.RoleEditor) || u.Has(auth.RoleAdmin) {
		t.Fatalf("the staff login holds %+v, want editor", u.Grants)
	}
	// Once known, a new grant applies at once.
	if err := store.GrantRole(ctx, cli, eva.Email, auth.Grant{Role: auth.RoleClerk, Agenda: "poplatky"}); err != nil {
		t.Fatal(err)
	}
	if u, _ = store.User(ctx, a2); !u.ClerkFor("poplatky") || u.ClerkFor("matrika") {
		t.Errorf("clerk grants: %+v", u.Grants)
	}
	grants, err := store.StaffGrants(ctx)
	if err != nil || len(grants) != 2 {
		t.Fatalf("staff grants: %+v, %v", grants, err)
	}
	if err := store.RevokeRole(ctx, auth.Actor{ID: a2, Name: "Eva"}, grants[0].ID); err != nil {
		t.Fatal(err)
	}
	var logged int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE action IN ('role.grant', 'role.revoke')`).Scan(&logged); err != nil || logged != 3 {
		t.Errorf("audit entries: %d, %v; want 3", logged, err)
	}
}

func TestAGrantNeedsAKnownRoleAndAnAgendaForClerksOnly(t *testing.T) {
	store, _ := newStore(t)
	for _, g := range []auth.Grant{{Role: "mayor"}, {Role: auth.RoleClerk}, {Role: auth.RoleEditor, Agenda: "poplatky"},
		{Role: auth.RoleClerk, Agenda: "životní prostředí"}, {Role: auth.RoleCitizen}} {
		if err := store.GrantRole(t.Context(), auth.Actor{}, "a@koprivnice.example", g); geo.ErrorCode(err) != geo.EINVALID {
			t.Errorf("grant %+v: %v, want invalid", g, err)
		}
	}
	if err := store.GrantRole(t.Context(), auth.Actor{}, "not an e-mail", auth.Grant{Role: auth.RoleAdmin}); geo.ErrorCode(err) != geo.EINVALID {
		t.Errorf("a grant to no e-mail: %v", err)
	}
}

func TestTheAuditLogCannotBeChanged(t *testing.T) {
	store, pool := newStore(t)
	if err := store.GrantRole(t.Context(), auth.Actor{Name: "cli"}, "a@koprivnice.example", auth.Grant{Role: auth.RoleAdmin}); err != nil {
		t.Fatal(err)
	}
	for _, sql := range []string{`UPDATE audit_log SET actor_name = 'someone else'`, `DELETE FROM audit_log`, `TRUNCATE audit_log`} {
		if _, err := pool.Exec(t.Context(), sql); err == nil {
			t.Errorf("%s succeeded", sql)
		}
	}
}
