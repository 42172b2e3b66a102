// Command radnice is the Radnice citizen portal: one binary with subcommands. It only wires
// configuration from the environment to the packages that do the work.
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/migrations"
)

const usage = `usage: radnice COMMAND [ARGS]

commands:
  serve                          migrate, then serve the portal on RADNICE_ADDR
  migrate                        apply the database migrations
  import ruian-csv PATH...       import RÚIAN address-point CSV files, ZIPs of them or folders
  import areas --layer L [--valid-from DATE] [--repair] FILE.geojson
                                 import an area layer (polling, waste, zs, ms) from GeoJSON
  import vfr-vo PATH             import polling districts from RÚIAN VFR XML (plain, .gz, .zip)
  import vo-sestava PATH         assign addresses to polling districts from ČÚZK's report
  import catchment-rules --layer zs|ms FILE
                                 import the ordinance's address rules of school catchments
  import polling-stations --election ID FILE.csv
                                 import the polling rooms of an election
  import waste-schedule FILE.csv import the waste collection schedule
  import content DIR             load a town's portal content folder (see README)
  election ID --title T [--kind K] --day 2028-10-06T14:00-22:00 [--day ...] [--round2 ...]
                                 define an election and its polling days
  report areas [--date DATE] [--json]
                                 report addresses the areas do not settle and misplaced polling rooms
  apikey create NAME --scope S    make an API key for the town's systems (scopes: reports, submissions); shown once
  apikey list | apikey revoke NAME
                                 list or revoke API keys
  admin grant EMAIL ROLE [AGENDA]
                                 grant a staff role (admin, editor, school_office, clerk AGENDA)
                                 to an e-mail; it takes effect at its staff login
  demo [--if-empty]              load the demo town (with --if-empty only into an empty register)
  generate national PATH         write the national-scale synthetic address ZIP (for benchmarks)

environment:
  DATABASE_URL   PostgreSQL URL of a PostGIS database (required by all but generate)
  RADNICE_ADDR   listen address of serve (default 127.0.0.1:8080)
  RADNICE_OIDC_ISSUER, RADNICE_STAFF_OIDC_ISSUER and friends: the identity providers (see README)
  RADNICE_SMTP_ADDR, RADNICE_SMTP_FROM (+ _USER, _PASSWORD): the mail server
  RADNICE_WEBHOOK_URL, RADNICE_WEBHOOK_SECRET: the town's information system
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:])
	stop()
	var ue usageError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(os.Stderr, "radnice: %s\n\n%s", ue.msg, usage)
		os.Exit(2)
	case errors.Is(err, errFailedRows):
		os.Exit(1)
	case err != nil:
		fmt.Fprintln(os.Stderr, "radnice:", err)
		os.Exit(1)
	}
}

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// errFailedRows ends an import that rejected rows or refused files (already reported).
var errFailedRows = errors.New("some input was rejected")

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageError{"no command given"}
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	slog.SetDefault(logger)
	switch cmd, rest := args[0], args[1:]; cmd {
	case "serve":
		return serve(ctx, logger)
	case "migrate":
		return migrate(ctx)
	case "import":
		if len(rest) < 2 {
			return usageError{"import takes a format and a path"}
		}
		imports := map[string]func(context.Context, []string) error{
			"ruian-csv":        importRUIAN,
			"areas":            importAreas,
			"vfr-vo":           importVFR,
			"vo-sestava":       importSestava,
			"catchment-rules":  importCatchmentRules,
			"polling-stations": importPollingStations,
			"waste-schedule":   importWasteSchedule,
			"content":          importContent,
		}
		imp, ok := imports[rest[0]]
		if !ok {
			return usageError{fmt.Sprintf("unknown import format %q", rest[0])}
		}
		return imp(ctx, rest[1:])
	case "election":
		return defineElection(ctx, rest)
	case "report":
		return report(ctx, rest)
	case "apikey":
		return apikey(ctx, rest)
	case "admin":
		return adminCommand(ctx, rest)
	case "demo":
		ifEmpty := len(rest) == 1 && rest[0] == "--if-empty"
		if len(rest) > 0 && !ifEmpty {
			return usageError{"demo takes only --if-empty"}
		}
		return demo(ctx, ifEmpty)
	case "generate":
		if len(rest) != 2 || rest[0] != "national" {
			return usageError{"generate takes: generate national PATH"}
		}
		return generateNational(rest[1])
	case "help", "-h", "--help":
		fmt.Print(usage)
		return nil
	default:
		return usageError{fmt.Sprintf("unknown command %q", cmd)}
	}
}

// connect opens the database named by DATABASE_URL.
func connect(ctx context.Context) (*pgxpool.Pool, error) {
	url := os.Getenv("DATABASE_URL")
	if url == "" {
		return nil, errors.New("DATABASE_URL is not set (make run sets up a local database and sets it)")
	}
	pool, err := geo.Connect(ctx, url)
	if err != nil {
		return nil, err
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("database at DATABASE_URL does not answer: %w", err)
	}
	return pool, nil
}

// migrated opens the database and brings its schema up to date.
func migrated(ctx context.Context) (*pgxpool.Pool, error) {
	pool, err := connect(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := migrations.Apply(ctx, pool); err != nil {
		pool.Close()
		return nil, err
	}
	pool.Reset() // connections made before PostGIS existed lack its types
	return pool, nil
}
