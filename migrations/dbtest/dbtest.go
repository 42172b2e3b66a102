// Package dbtest gives each test its own PostgreSQL database, cloned from a migrated template.
//
// The server comes from DATABASE_URL (make test starts a private PostGIS cluster and sets it).
// Templates are built once per schema fingerprint (and seed) and shared by all test processes;
// cloning one takes milliseconds, so tests stay isolated and can run in parallel.
package dbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/migrations"
)

// templateLockKey serialises template creation across the test binaries go test runs in parallel.
const templateLockKey = 7_246_130_418

// Seed fills a freshly migrated database, given its URL, with data that many tests share.
type Seed struct {
	Key  string // names the data and its version, e.g. "demo_1a2b3c"; letters, digits and _
	Fill func(ctx context.Context, url string) error
}

// New creates a fresh migrated database for t, drops it when t ends, and returns its URL.
func New(t testing.TB) string {
	t.Helper()
	return NewSeeded(t, nil)
}

// NewSeeded is New with the database already holding seed's data (nil: none). The seeded
// template is built once and cloned for every test.
func NewSeeded(t testing.TB, seed *Seed) string {
	t.Helper()
	return create(t, func(ctx context.Context, admin *pgx.Conn, base string) (string, error) {
		return ensureTemplate(ctx, admin, base, seed)
	})
}

// NewBlank creates an empty database, not migrated, for tests of migrating itself.
func NewBlank(t testing.TB) string {
	t.Helper()
	return create(t, func(context.Context, *pgx.Conn, string) (string, error) { return "template1", nil })
}

// create clones the template that pick names into a database dropped when t ends.
func create(t testing.TB, pick func(ctx context.Context, admin *pgx.Conn, base string) (string, error)) string {
	t.Helper()
	ctx := context.Background()
	base := os.Getenv("DATABASE_URL")
	if base == "" {
		t.Fatal("DATABASE_URL is not set: run the suite with `make test`, which starts the test database")
	}
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to DATABASE_URL: %v", err)
	}
	defer admin.Close(ctx)

	template, err := pick(ctx, admin, base)
	if err != nil {
		t.Fatalf("prepare template database: %v", err)
	}
	name := "radnice_test_" + randomSuffix()
	if err := clone(ctx, admin, template, name); err != nil {
		t.Fatalf("clone template: %v", err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Errorf("drop test database: %v", err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop test database: %v", err)
		}
	})
	return urlFor(base, name)
}

// ensureTemplate returns the name of the template database for seed, creating it (and the
// plain migrated template it starts from) when needed.
func ensureTemplate(ctx context.Context, admin *pgx.Conn, base string, seed *Seed) (string, error) {
	fp, err := migrations.Fingerprint()
	if err != nil {
		return "", err
	}
	if _, err := admin.Exec(ctx, "SELECT pg_advisory_lock($1)", templateLockKey); err != nil {
		return "", err
	}
	defer admin.Exec(ctx, "SELECT pg_advisory_unlock($1)", templateLockKey) //nolint:errcheck // released with the session anyway

	migrated := "radnice_template_" + fp
	err = build(ctx, admin, migrated, func() error {
		if err := dropStaleTemplates(ctx, admin, migrated); err != nil {
			return err
		}
		if _, err := admin.Exec(ctx, "CREATE DATABASE "+migrated); err != nil {
			return err
		}
		pool, err := pgxpool.New(ctx, urlFor(base, migrated))
		if err != nil {
			return err
		}
		defer pool.Close()
		_, err = migrations.Apply(ctx, pool)
		return err
	})
	if err != nil || seed == nil {
		return migrated, err
	}
	seeded := migrated + "_" + seed.Key
	err = build(ctx, admin, seeded, func() error {
		if err := clone(ctx, admin, migrated, seeded); err != nil {
			return err
		}
		return seed.Fill(ctx, urlFor(base, seeded))
	})
	return seeded, err
}

// build makes template name with create unless it exists. Only a finished template is
// marked as one, so a crash midway is rebuilt next time.
func build(ctx context.Context, admin *pgx.Conn, name string, create func() error) error {
	var exists bool
	if err := admin.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate)", name).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return nil
	}
	if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
		return err
	}
	if err := create(); err != nil {
		return fmt.Errorf("build template %s: %w", name, err)
	}
	_, err := admin.Exec(ctx, "ALTER DATABASE "+name+" WITH IS_TEMPLATE true")
	return err
}

// dropStaleTemplates removes the templates of earlier schemas, which no test will clone again.
func dropStaleTemplates(ctx context.Context, admin *pgx.Conn, current string) error {
	rows, err := admin.Query(ctx, `SELECT datname FROM pg_database
		WHERE datname LIKE 'radnice\_template\_%' AND datname <> $1 AND datname NOT LIKE $1 || '\_%'`, current)
	if err != nil {
		return err
	}
	stale, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	for _, name := range stale {
		if _, err := admin.Exec(ctx, "ALTER DATABASE "+name+" WITH IS_TEMPLATE false"); err != nil {
			return err
		}
		if _, err := admin.Exec(ctx, "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
			return err
		}
	}
	return nil
}

func clone(ctx context.Context, admin *pgx.Conn, template, name string) error {
	_, err := admin.Exec(ctx, fmt.Sprintf("CREATE DATABASE %s TEMPLATE %s", name, template))
	return err
}

// urlFor points the server URL base at database name, keeping credentials and parameters.
func urlFor(base, name string) string {
	u, err := url.Parse(base)
	if err != nil || u.Scheme == "" {
		panic(fmt.Sprintf("DATABASE_URL must be a postgres:// URL: %q", base))
	}
	u.Path = "/" + name
	return u.String()
}

func randomSuffix() string {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}
