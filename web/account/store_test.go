package account_test

import (
	"strconv"
	"testing"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/account"
	"github.com/radnice/radnice/web/auth"
)

func TestUpdateContactStoresTheDetailsAndWhenTheyChanged(t *testing.T) {
	pool := demotest.Pool(t)
	u := register(t, pool, jana, "jana.novakova@posta.example", "")
	store := account.NewStore(pool)
	before, err := store.Account(t.Context(), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !before.ContactChangedAt.IsZero() {
		t.Errorf("contact details prefilled at registration count as changed: %v", before.ContactChangedAt)
	}

	if err := store.UpdateContact(t.Context(), u.ID, account.Contact{Email: "jana@example.cz", Phone: "+420 777 123 456"}); err != nil {
		t.Fatal(err)
	}
	after, err := store.Account(t.Context(), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after.Email != "jana@example.cz" || after.Phone != "+420 777 123 456" || after.ContactChangedAt.IsZero() {
		t.Errorf("after the update: e-mail %q, phone %q, changed at %v", after.Email, after.Phone, after.ContactChangedAt)
	}
	if after.GivenName != "Jana" || after.AddressCode != ceska {
		t.Errorf("the update touched what the eID gave: %+v", after)
	}

	err = store.UpdateContact(t.Context(), 999999, account.Contact{})
	if geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("updating an account that does not exist: %v, want ENOTFOUND", err)
	}
}

func TestChosenAddressReplacesTheEIDsWhichStaysToReturnTo(t *testing.T) {
	pool := demotest.Pool(t)
	u := register(t, pool, jana, "", "")
	store := account.NewStore(pool)
	ctx := t.Context()
	a, err := store.Account(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.AddressCode != ceska || !a.AddressFromEID || a.CanReturnToEIDAddress() {
		t.Fatalf("registered with the eID's address: %d from eID %v, can return %v", a.AddressCode, a.AddressFromEID, a.CanReturnToEIDAddress())
	}

	if err := store.ChooseAddress(ctx, u.ID, stefanikova); err != nil {
		t.Fatal(err)
	}
	a, _ = store.Account(ctx, u.ID)
	if a.AddressCode != stefanikova || a.AddressFromEID || a.EIDAddressCode != ceska || !a.CanReturnToEIDAddress() {
		t.Errorf("after choosing: address %d from eID %v, eID's %d, can return %v", a.AddressCode, a.AddressFromEID, a.EIDAddressCode, a.CanReturnToEIDAddress())
	}

	// The next login through eID keeps the address she chose.
	if err := auth.NewStore(pool).RecordLogin(ctx, u.ID, jana); err != nil {
		t.Fatal(err)
	}
	if a, _ = store.Account(ctx, u.ID); a.AddressCode != stefanikova {
		t.Errorf("a login replaced the chosen address with %d", a.AddressCode)
	}

	if err := store.ReturnToEIDAddress(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	a, _ = store.Account(ctx, u.ID)
	if a.AddressCode != ceska || !a.AddressFromEID || a.CanReturnToEIDAddress() {
		t.Errorf("after returning: address %d from eID %v, can return %v", a.AddressCode, a.AddressFromEID, a.CanReturnToEIDAddress())
	}
}

func TestAccountWithoutEIDAddressCannotReturnToIt(t *testing.T) {
	pool := demotest.Pool(t)
	noAddress := jana
	noAddress.AddressCode = 0
	u := register(t, pool, noAddress, "", "")
	store := account.NewStore(pool)
	if err := store.ChooseAddress(t.Context(), u.ID, ceska); err != nil {
		t.Fatal(err)
	}
	a, _ := store.Account(t.Context(), u.ID)
	if a.AddressCode != ceska || a.AddressFromEID || a.CanReturnToEIDAddress() {
		t.Errorf("chosen without an eID address: %d from eID %v, can return %v", a.AddressCode, a.AddressFromEID, a.CanReturnToEIDAddress())
	}
	if err := store.ReturnToEIDAddress(t.Context(), u.ID); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("returning to an eID address there is none of: %v, want ENOTFOUND", err)
	}
}

func TestDeleteRemovesTheAccountWithItsIdentitiesAndRoles(t *testing.T) {
	pool := demotest.Pool(t)
	ctx := t.Context()
	clerk := register(t, pool, auth.Identity{Provider: auth.ProviderStaff, Subject: "pavel.novak", GivenName: "Pavel", FamilyName: "Novák"}, "", "")
	if _, err := pool.Exec(ctx, `INSERT INTO role_grants (account_id, role, agenda) VALUES ($1, 'clerk', 'poplatky')`, clerk.ID); err != nil {
		t.Fatal(err)
	}
	citizen := register(t, pool, jana, "", "")
	clerk = loadUser(t, pool, clerk.ID)

	store := account.NewStore(pool)
	for _, u := range []*auth.User{clerk, citizen} {
		if err := store.Delete(ctx, u); err != nil {
			t.Fatal(err)
		}
		for _, table := range []string{"accounts WHERE id = $1", "identities WHERE account_id = $1", "role_grants WHERE account_id = $1"} {
			var left int
			if err := pool.QueryRow(ctx, `SELECT count(*) FROM `+table, u.ID).Scan(&left); err != nil {
				t.Fatal(err)
			}
			if left != 0 {
				t.Errorf("%s: %d rows of %s left after the deletion", u.Name(), left, table)
			}
		}
	}

	// Losing a staff role is a staff matter: the audit log keeps it, with the name. A citizen's
	// deletion leaves no trace.
	rows, err := pool.Query(ctx, `SELECT actor_name, action, object, before::text FROM audit_log WHERE action = 'account.delete'`)
	if err != nil {
		t.Fatal(err)
	}
	var entries []string
	for rows.Next() {
		var name, action, object, before string
		if err := rows.Scan(&name, &action, &object, &before); err != nil {
			t.Fatal(err)
		}
		entries = append(entries, name+" "+action+" "+object+" "+before)
	}
	want := "Pavel Novák account.delete account:" + strconv.FormatInt(clerk.ID, 10) + ` [{"role": "clerk", "agenda": "poplatky"}]`
	if len(entries) != 1 || entries[0] != want {
		t.Errorf("audit log %q, want only %q", entries, want)
	}

	if err := store.Delete(ctx, citizen); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("deleting an account twice: %v, want ENOTFOUND", err)
	}
}
