package geo_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/migrations/dbtest"
)

func addressPointIndexes(t *testing.T, pool *pgxpool.Pool) int {
	t.Helper()
	var n int
	if err := pool.QueryRow(context.Background(), `SELECT count(*) FROM pg_indexes WHERE tablename IN ('address_points', 'address_units')`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestAFirstBulkLoadDefersIndexesAndRestoresThemAll(t *testing.T) {
	ctx := context.Background()
	pool, err := geo.Connect(ctx, dbtest.New(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	store := geo.NewStore(pool)
	before := addressPointIndexes(t, pool)

	deferred, err := store.DeferIndexes(ctx)
	if err != nil || !deferred {
		t.Fatalf("DeferIndexes on an empty register = %v, %v; want true", deferred, err)
	}
	if during := addressPointIndexes(t, pool); during != before-6 {
		t.Errorf("indexes during the load = %d, want %d", during, before-6)
	}
	rebuilt, err := store.RestoreIndexes(ctx)
	if err != nil || rebuilt != 6 {
		t.Fatalf("RestoreIndexes = %d, %v; want 6", rebuilt, err)
	}
	if after := addressPointIndexes(t, pool); after != before {
		t.Errorf("indexes after the load = %d, want all %d back", after, before)
	}
	if again, err := store.RestoreIndexes(ctx); err != nil || again != 0 {
		t.Errorf("a second RestoreIndexes = %d, %v; want nothing to do", again, err)
	}
}

func TestIndexesStayWhenTheRegisterHoldsAddresses(t *testing.T) {
	pool := demotest.Pool(t)
	before := addressPointIndexes(t, pool)
	deferred, err := geo.NewStore(pool).DeferIndexes(context.Background())
	if err != nil || deferred {
		t.Fatalf("DeferIndexes = %v, %v; want false", deferred, err)
	}
	if after := addressPointIndexes(t, pool); after != before {
		t.Errorf("indexes = %d, want %d", after, before)
	}
}
