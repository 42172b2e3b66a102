package account

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/audit"
	"github.com/radnice/radnice/web/auth"
)

// Store reads and changes the accounts' own data in PostgreSQL.
type Store struct {
	pool *pgxpool.Pool
}

// NewStore returns the store over pool.
func NewStore(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

// Account is everything the portal keeps about a person's account.
type Account struct {
	ID               int64
	GivenName        string
	FamilyName       string
	DateOfBirth      time.Time // zero when the provider did not state it
	VerifiedAddress  string    // the residence as the identity provider states it
	LevelOfAssurance string    // eIDAS LoA URI (or acr) of the last login
	Email            string
	Phone            string
	ContactChangedAt time.Time // when the person last corrected their contact details; zero: never
	AddressCode      int64     // "my address"; 0 when none is known
	AddressFromEID   bool
	EIDAddressCode   int64 // the address point the eID gave; 0 when none
	TermsAcceptedAt  time.Time
	CreatedAt        time.Time
	LastLoginAt      time.Time
}

// Name is the person's full name, "" when the provider gave none.
func (a Account) Name() string { return strings.TrimSpace(a.GivenName + " " + a.FamilyName) }

// CanReturnToEIDAddress reports whether the eID gave an address other than "my address".
func (a Account) CanReturnToEIDAddress() bool {
	return a.EIDAddressCode != 0 && (!a.AddressFromEID || a.AddressCode != a.EIDAddressCode)
}

// Account loads the account id; ENOTFOUND when there is none.
func (s *Store) Account(ctx context.Context, id int64) (Account, error) {
	a := Account{ID: id}
	var born, changed *time.Time
	var address, eidAddress *int64
	err := s.pool.QueryRow(ctx, `
		SELECT given_name, family_name, date_of_birth, verified_address, level_of_assurance,
			email, phone, contact_changed_at, address_code, address_from_eid, eid_address_code,
			terms_accepted_at, created_at, last_login_at
		FROM accounts WHERE id = $1`, id).Scan(
		&a.GivenName, &a.FamilyName, &born, &a.VerifiedAddress, &a.LevelOfAssurance,
		&a.Email, &a.Phone, &changed, &address, &a.AddressFromEID, &eidAddress,
		&a.TermsAcceptedAt, &a.CreatedAt, &a.LastLoginAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return Account{}, geo.Errorf(geo.ENOTFOUND, "account %d does not exist", id)
	}
	if err != nil {
		return Account{}, fmt.Errorf("load account %d: %w", id, err)
	}
	a.DateOfBirth = deref(born)
	a.ContactChangedAt = deref(changed)
	a.AddressCode = deref(address)
	a.EIDAddressCode = deref(eidAddress)
	return a, nil
}

// deref is *p, the zero value for nil (a NULL column).
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// Contact is how the office can reach the person; either may be empty.
type Contact struct {
	Email string
	Phone string
}

// UpdateContact stores the account's corrected contact details and when they changed.
func (s *Store) UpdateContact(ctx context.Context, id int64, c Contact) error {
	tag, err := s.pool.Exec(ctx, `
		UPDATE accounts SET email = $2, phone = $3, contact_changed_at = now() WHERE id = $1`,
		id, c.Email, c.Phone)
	if err != nil {
		return fmt.Errorf("update the contact details of account %d: %w", id, err)
	}
	return found(tag.RowsAffected(), id)
}

// ChooseAddress makes the address point code "my address" of the account. An address the eID
// gave is kept, so that the person can return to it.
func (s *Store) ChooseAddress(ctx context.Context, id, code int64) error {
	tag, err := s.pool.Exec(ctx, `
		UPDATE accounts SET address_code = $2, address_from_eid = false,
			eid_address_code = CASE WHEN address_from_eid THEN address_code ELSE eid_address_code END
		WHERE id = $1`, id, code)
	if err != nil {
		return fmt.Errorf("choose the address of account %d: %w", id, err)
	}
	return found(tag.RowsAffected(), id)
}

// ReturnToEIDAddress makes the address the eID gave "my address" again; ENOTFOUND when the
// account has none.
func (s *Store) ReturnToEIDAddress(ctx context.Context, id int64) error {
	tag, err := s.pool.Exec(ctx, `
		UPDATE accounts SET address_code = eid_address_code, address_from_eid = true
		WHERE id = $1 AND eid_address_code IS NOT NULL`, id)
	if err != nil {
		return fmt.Errorf("return account %d to its eID address: %w", id, err)
	}
	return found(tag.RowsAffected(), id)
}

// found is nil when an update changed a row, ENOTFOUND for the account id otherwise.
func found(rows, id int64) error {
	if rows == 0 {
		return geo.Errorf(geo.ENOTFOUND, "account %d does not exist", id)
	}
	return nil
}

// Identity is one way the account logs in: the provider and the person's identifier there
// (at NIA a pseudonym of the person for this portal), with the e-mail the provider vouches
// for (the town's staff directory).
type Identity struct {
	Provider     string `json:"provider"`
	Subject      string `json:"subject"`
	TrustedEmail string `json:"trusted_email,omitempty"`
}

// Grant is a staff role the account holds, since when.
type Grant struct {
	auth.Grant
	GrantedAt time.Time `json:"granted_at"`
}

// Identities lists how the account id logs in.
func (s *Store) Identities(ctx context.Context, id int64) ([]Identity, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT provider, subject, coalesce(trusted_email, '') FROM identities
		WHERE account_id = $1 ORDER BY provider, subject`, id)
	if err != nil {
		return nil, fmt.Errorf("identities of account %d: %w", id, err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowToStructByPos[Identity])
	if err != nil {
		return nil, fmt.Errorf("identities of account %d: %w", id, err)
	}
	return out, nil
}

// Grants lists the staff roles of the account id.
func (s *Store) Grants(ctx context.Context, id int64) ([]Grant, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT role, agenda, granted_at FROM role_grants WHERE account_id = $1 ORDER BY role, agenda`, id)
	if err != nil {
		return nil, fmt.Errorf("roles of account %d: %w", id, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Grant, error) {
		var g Grant
		err := r.Scan(&g.Role, &g.Agenda, &g.GrantedAt)
		return g, err
	})
	if err != nil {
		return nil, fmt.Errorf("roles of account %d: %w", id, err)
	}
	return out, nil
}

// Delete removes the account of u with its identities and roles (the database cascades).
// Taking away a staff member's roles is a staff matter: it goes to the audit log, which keeps
// it after the account is gone.
func (s *Store) Delete(ctx context.Context, u *auth.User) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `DELETE FROM role_grants WHERE account_id = $1 RETURNING role, agenda`, u.ID)
		if err != nil {
			return fmt.Errorf("remove roles: %w", err)
		}
		grants, err := pgx.CollectRows(rows, pgx.RowToStructByPos[auth.Grant])
		if err != nil {
			return fmt.Errorf("remove roles: %w", err)
		}
		tag, err := tx.Exec(ctx, `DELETE FROM accounts WHERE id = $1`, u.ID)
		if err != nil {
			return err
		}
		if err := found(tag.RowsAffected(), u.ID); err != nil {
			return err
		}
		if len(grants) == 0 {
			return nil
		}
		return audit.Record(ctx, tx, u.Audit("account.delete", "account:"+strconv.FormatInt(u.ID, 10), grants, nil))
	})
	if err != nil {
		return fmt.Errorf("delete account %d: %w", u.ID, err)
	}
	return nil
}
