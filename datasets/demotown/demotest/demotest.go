// Package demotest gives tests a database holding the demo town.
package demotest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/ruiancsv"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/migrations/dbtest"
)

// seed loads the demo town; its key changes with the town's file, so the template follows.
var seed = &dbtest.Seed{
	Key: "demo_" + func() string { h := sha256.Sum256(demotown.TownCSV); return hex.EncodeToString(h[:6]) }(),
	Fill: func(ctx context.Context, url string) error {
		pool, err := geo.Connect(ctx, url)
		if err != nil {
			return err
		}
		defer pool.Close()
		im := ruiancsv.Importer{Store: geo.NewStore(pool)}
		_, err = im.Import(ctx, []ruiancsv.Input{demotown.Input()})
		return err
	},
}

// Pool returns a connection pool to a fresh database of t's own holding the demo town.
func Pool(t testing.TB) *pgxpool.Pool {
	t.Helper()
	pool, err := geo.Connect(context.Background(), dbtest.NewSeeded(t, seed))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return pool
}
