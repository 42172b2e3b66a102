package main

import (
	"context"

	"github.com/radnice/radnice/web/auth"
)

const adminUsage = "admin takes: admin grant EMAIL ROLE [AGENDA] (ROLE: admin, editor, school_office, clerk; AGENDA for clerks)"

// adminCommand reads: admin grant EMAIL ROLE [AGENDA]. It makes the first administrator, before
// anyone can log in to grant roles on the web.
func adminCommand(ctx context.Context, args []string) error {
	if len(args) < 3 || len(args) > 4 || args[0] != "grant" {
		return usageError{adminUsage}
	}
	g := auth.Grant{Role: auth.Role(args[2])}
	if len(args) == 4 {
		g.Agenda = args[3]
	}
	pool, err := migrated(ctx)
	if err != nil {
		return err
	}
	defer pool.Close()
	return auth.NewStore(pool).GrantRole(ctx, auth.Actor{Name: "radnice admin grant"}, args[1], g)
}
