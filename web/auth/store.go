package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/geo"
)

// Store keeps accounts, their identities and roles in PostgreSQL.
type Store struct {
	pool *pgxpool.Pool
}

// NewStore returns a store on pool.
func NewStore(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

// AccountFor returns the account that id logs in to; found is false for someone new.
func (s *Store) AccountFor(ctx context.Context, id Identity) (account int64, found bool, err error) {
	err = s.pool.QueryRow(ctx, `SELECT account_id FROM identities WHERE provider = $1 AND subject = $2`,
		id.Provider, id.Subject).Scan(&account)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("find account of a %s identity: %w", id.Provider, err)
	}
	return account, true, nil
}

// Register makes the account of someone logging in for the first time, who accepted the terms
// and confirmed their contact details.
func (s *Store) Register(ctx context.Context, id Identity, email, phone string) (int64, error) {
	var account int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `
			INSERT INTO accounts (given_name, family_name, date_of_birth, verified_address, level_of_assurance,
				email, phone, address_code, address_from_eid, eid_address_code, terms_accepted_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8::integer, $8::integer IS NOT NULL, $8::integer, now())
			RETURNING id`,
			id.GivenName, id.FamilyName, nullDate(id.DateOfBirth), id.Address, id.LevelOfAssurance,
			email, phone, nullCode(id.AddressCode)).Scan(&account)
		if err != nil {
			return fmt.Errorf("insert account: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO identities (provider, subject, account_id) VALUES ($1, $2, $3)`,
			id.Provider, id.Subject, account); err != nil {
			return fmt.Errorf("insert identity: %w", err)
		}
		return trustEmail(ctx, tx, account, id)
	})
	if err != nil {
		return 0, fmt.Errorf("register a %s identity: %w", id.Provider, err)
	}
	return account, nil
}

// RecordLogin refreshes what the provider vouches for at each login: names, date of birth,
// residence, level of assurance, and "my address" unless the person chose another one.
func (s *Store) RecordLogin(ctx context.Context, account int64, id Identity) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `
			UPDATE accounts SET given_name = $2, family_name = $3, date_of_birth = $4, verified_address = $5,
				level_of_assurance = $6, last_login_at = now(), eid_address_code = COALESCE($7::integer, eid_address_code),
				address_code = CASE WHEN address_from_eid OR address_code IS NULL THEN COALESCE($7::integer, address_code) ELSE address_code END,
				address_from_eid = CASE WHEN address_from_eid OR address_code IS NULL THEN $7::integer IS NOT NULL ELSE false END
			WHERE id = $1`,
			account, id.GivenName, id.FamilyName, nullDate(id.DateOfBirth), id.Address, id.LevelOfAssurance, nullCode(id.AddressCode))
		if err != nil {
			return fmt.Errorf("update account: %w", err)
		}
		return trustEmail(ctx, tx, account, id)
	})
	if err != nil {
		return fmt.Errorf("record a login of account %d: %w", account, err)
	}
	return nil
}

// trustEmail records the e-mail a trusted provider vouches for, and gives the account the
// roles granted to that e-mail before it first logged in.
func trustEmail(ctx context.Context, tx pgx.Tx, account int64, id Identity) error {
	var email *string
	if id.EmailTrusted {
		email = &id.Email
	}
	if _, err := tx.Exec(ctx, `UPDATE identities SET trusted_email = $3 WHERE provider = $1 AND subject = $2`,
		id.Provider, id.Subject, email); err != nil {
		return fmt.Errorf("record trusted e-mail: %w", err)
	}
	if email == nil {
		return nil
	}
	_, err := tx.Exec(ctx, `
		WITH pending AS (DELETE FROM role_grants WHERE email = $2 RETURNING role, agenda, granted_at)
		INSERT INTO role_grants (account_id, role, agenda, granted_at)
		SELECT $1, role, agenda, granted_at FROM pending
		ON CONFLICT DO NOTHING`, account, *email)
	if err != nil {
		return fmt.Errorf("claim roles granted to the e-mail: %w", err)
	}
	return nil
}

// User loads the account as requests see it; ENOTFOUND once it has been deleted.
func (s *Store) User(ctx context.Context, account int64) (*User, error) {
	u := User{ID: account}
	var born *time.Time
	var address *int64
	err := s.pool.QueryRow(ctx, `
		SELECT given_name, family_name, date_of_birth, verified_address, level_of_assurance, email, phone,
			address_code, address_from_eid, created_at,
			COALESCE((SELECT json_agg(json_build_object('role', role, 'agenda', agenda) ORDER BY role, agenda)
				FROM role_grants g WHERE g.account_id = a.id), '[]')
		FROM accounts a WHERE id = $1`, account).Scan(
		&u.GivenName, &u.FamilyName, &born, &u.VerifiedAddress, &u.LevelOfAssurance, &u.Email, &u.Phone,
		&address, &u.AddressFromEID, &u.CreatedAt, &u.Grants)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, geo.Errorf(geo.ENOTFOUND, "account %d does not exist", account)
	}
	if err != nil {
		return nil, fmt.Errorf("load account %d: %w", account, err)
	}
	if born != nil {
		u.DateOfBirth = *born
	}
	if address != nil {
		u.AddressCode = *address
	}
	return &u, nil
}

// nullDate is t for SQL, NULL when zero.
func nullDate(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// nullCode is an address point code for SQL, NULL when 0.
func nullCode(code int64) *int64 {
	if code == 0 {
		return nil
	}
	return &code
}
