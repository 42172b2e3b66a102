package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/radnice/radnice/web/admin"
)

const apikeyUsage = "apikey takes: apikey create NAME --scope S [--scope S]..., apikey list, apikey revoke NAME"

// apikey reads: apikey create NAME --scope S..., apikey list, apikey revoke NAME
func apikey(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageError{apikeyUsage}
	}
	pool, err := migrated(ctx)
	if err != nil {
		return err
	}
	defer pool.Close()
	keys := admin.NewKeys(pool)
	switch args[0] {
	case "create":
		if len(args) < 2 || strings.HasPrefix(args[1], "-") {
			return usageError{"apikey create takes a name first: apikey create NAME --scope S"}
		}
		var scopes []string
		fs := flag.NewFlagSet("apikey create", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		fs.Func("scope", "what the key may do: "+strings.Join(admin.Scopes, ", "), func(s string) error {
			scopes = append(scopes, s)
			return nil
		})
		if err := fs.Parse(args[2:]); err != nil || fs.NArg() > 0 {
			return usageError{apikeyUsage}
		}
		key, err := keys.Create(ctx, args[1], scopes)
		if err != nil {
			return err
		}
		fmt.Println(key)
		fmt.Fprintln(os.Stderr, "This is the only time the key is shown: store it where the receiving system keeps secrets.")
		return nil
	case "list":
		list, err := keys.List(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tSCOPES\tCREATED\tLAST USED\tREVOKED")
		for _, k := range list {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", k.Name, strings.Join(k.Scopes, ","), k.CreatedAt.Format(time.DateTime),
				optionalTime(k.LastUsedAt), optionalTime(k.RevokedAt))
		}
		return tw.Flush()
	case "revoke":
		if len(args) != 2 {
			return usageError{apikeyUsage}
		}
		return keys.Revoke(ctx, args[1])
	default:
		return usageError{apikeyUsage}
	}
}

func optionalTime(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.Format(time.DateTime)
}
