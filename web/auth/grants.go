package auth

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/radnice/radnice/datasets/czid"
	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/audit"
)

// agendaPattern is the form of an agenda's key: "poplatky", "zivotni-prostredi".
var agendaPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Validate checks that g is a staff role an administrator can grant.
func (g Grant) Validate() error {
	if !slices.Contains(StaffRoles, g.Role) {
		return geo.Errorf(geo.EINVALID, "unknown role %q (one of clerk, editor, school_office, admin)", g.Role)
	}
	if (g.Role == RoleClerk) != (g.Agenda != "") {
		return geo.Errorf(geo.EINVALID, "an agenda goes with the clerk role, and only with it")
	}
	if g.Agenda != "" && !agendaPattern.MatchString(g.Agenda) {
		return geo.Errorf(geo.EINVALID, "agenda %q: use lower-case letters without diacritics, digits and dashes, e.g. zivotni-prostredi", g.Agenda)
	}
	return nil
}

// StaffGrant is a role held by an account, or waiting for the e-mail's first staff login.
type StaffGrant struct {
	ID        int64
	Grant     Grant
	AccountID int64  // 0 while pending
	Name      string // the account's name; "" while pending
	Email     string
	GrantedAt time.Time
}

// Actor is who changes roles, for the audit log: an administrator, or the command line.
type Actor struct {
	ID   int64
	Name string
}

// Actor is u acting.
func (u *User) Actor() Actor { return Actor{ID: u.ID, Name: u.Name()} }

// GrantRole gives g to the accounts whose trusted e-mail is email, or keeps it for that e-mail's
// first login through a provider trusted for e-mail. Granting a role held already changes
// nothing and logs nothing.
func (s *Store) GrantRole(ctx context.Context, by Actor, email string, g Grant) error {
	checked, ok := czid.CheckEmail(email)
	if !ok || checked == "" {
		return geo.Errorf(geo.EINVALID, "%q is not an e-mail address", email)
	}
	email = checked
	if err := g.Validate(); err != nil {
		return err
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `
			INSERT INTO role_grants (account_id, role, agenda)
			SELECT DISTINCT account_id, $2, $3 FROM identities WHERE trusted_email = $1
			ON CONFLICT DO NOTHING`, email, g.Role, g.Agenda)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			var known bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT FROM identities WHERE trusted_email = $1)`, email).Scan(&known); err != nil {
				return err
			}
			if known {
				return nil // every account of the e-mail holds the role already
			}
			tag, err = tx.Exec(ctx, `INSERT INTO role_grants (email, role, agenda) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
				email, g.Role, g.Agenda)
			if err != nil || tag.RowsAffected() == 0 {
				return err // nil: granted and waiting already
			}
		}
		return audit.Record(ctx, tx, audit.Entry{ActorID: by.ID, ActorName: by.Name, Action: "role.grant",
			Object: "email:" + email, After: g})
	})
	if err != nil {
		return fmt.Errorf("grant %s: %w", g.Role, err)
	}
	return nil
}

// RevokeRole takes the grant with id away; ENOTFOUND when there is none.
func (s *Store) RevokeRole(ctx context.Context, by Actor, id int64) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var g Grant
		var object string
		err := tx.QueryRow(ctx, `
			DELETE FROM role_grants WHERE id = $1
			RETURNING role, agenda, COALESCE('account:' || account_id, 'email:' || email)`, id).Scan(&g.Role, &g.Agenda, &object)
		if errors.Is(err, pgx.ErrNoRows) {
			return geo.Errorf(geo.ENOTFOUND, "no role grant %d", id)
		}
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{ActorID: by.ID, ActorName: by.Name, Action: "role.revoke", Object: object, Before: g})
	})
	if err != nil {
		return fmt.Errorf("revoke role grant %d: %w", id, err)
	}
	return nil
}

// StaffGrants lists every role grant, by role, then name or e-mail.
func (s *Store) StaffGrants(ctx context.Context) ([]StaffGrant, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT g.id, g.role, g.agenda, COALESCE(g.account_id, 0),
			COALESCE(trim(a.given_name || ' ' || a.family_name), ''), COALESCE(g.email, a.email), g.granted_at
		FROM role_grants g LEFT JOIN accounts a ON a.id = g.account_id
		ORDER BY array_position(ARRAY['admin', 'editor', 'school_office', 'clerk'], g.role), g.agenda,
			COALESCE(a.family_name, g.email), a.given_name`)
	if err != nil {
		return nil, fmt.Errorf("list role grants: %w", err)
	}
	grants, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (StaffGrant, error) {
		var sg StaffGrant
		err := row.Scan(&sg.ID, &sg.Grant.Role, &sg.Grant.Agenda, &sg.AccountID, &sg.Name, &sg.Email, &sg.GrantedAt)
		return sg, err
	})
	if err != nil {
		return nil, fmt.Errorf("list role grants: %w", err)
	}
	return grants, nil
}

// GrantDemoRoles gives the demo town's staff people (datasets/demotown/idp) their roles.
func (s *Store) GrantDemoRoles(ctx context.Context) error {
	for _, p := range demotown.IdentityPeople() {
		if Role(p.Role) == RoleCitizen {
			continue
		}
		if err := s.GrantRole(ctx, Actor{Name: "radnice demo"}, p.Claims.EMail, Grant{Role: Role(p.Role), Agenda: p.Agenda}); err != nil {
			return fmt.Errorf("demo role of %s: %w", p.Login, err)
		}
	}
	return nil
}
