package migrations_test

import (
	"context"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/migrations"
	"github.com/radnice/radnice/migrations/dbtest"
)

func TestConcurrentMigratorsApplyEachMigrationOnce(t *testing.T) {
	ctx := context.Background()
	url := dbtest.NewBlank(t)
	all, err := migrations.All()
	if err != nil {
		t.Fatal(err)
	}

	const migrators = 4
	applied := make([][]string, migrators)
	errs := make([]error, migrators)
	var wg sync.WaitGroup
	for i := range migrators {
		wg.Go(func() {
			pool, err := pgxpool.New(ctx, url)
			if err != nil {
				errs[i] = err
				return
			}
			defer pool.Close()
			applied[i], errs[i] = migrations.Apply(ctx, pool)
		})
	}
	wg.Wait()

	total := 0
	for i := range migrators {
		if errs[i] != nil {
			t.Fatalf("migrator %d: %v", i, errs[i])
		}
		total += len(applied[i])
	}
	if total != len(all) {
		t.Errorf("migrations applied %d times in all, want each of the %d once", total, len(all))
	}
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	var recorded int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&recorded); err != nil {
		t.Fatal(err)
	}
	if recorded != len(all) {
		t.Errorf("schema_migrations records %d versions, want %d", recorded, len(all))
	}
	again, err := migrations.Apply(ctx, pool)
	if err != nil || len(again) != 0 {
		t.Errorf("migrating an up-to-date database applied %v (err %v)", again, err)
	}
}

func TestMigrationsAreOrderedByVersion(t *testing.T) {
	all, err := migrations.All()
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(all); i++ {
		if all[i-1].Version >= all[i].Version {
			t.Errorf("%s comes before %s", all[i-1].Version, all[i].Version)
		}
	}
}
