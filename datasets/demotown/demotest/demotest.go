// Package demotest gives tests a database holding the demo town.
package demotest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/ruiancsv"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/migrations/dbtest"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/content"
)

// seed loads the demo town with its areas and content; its key changes with the town's files
// and with the kinds of content the portal loads, so the template follows.
var seed = &dbtest.Seed{
	Key: "demo_" + seedKey(),
	Fill: func(ctx context.Context, url string) error {
		pool, err := geo.Connect(ctx, url)
		if err != nil {
			return err
		}
		defer pool.Close()
		store := geo.NewStore(pool)
		im := ruiancsv.Importer{Store: store}
		if _, err := im.Import(ctx, []ruiancsv.Input{demotown.Input()}); err != nil {
			return err
		}
		if err := demotown.LoadAreas(ctx, store); err != nil {
			return err
		}
		if err := auth.NewStore(pool).GrantDemoRoles(ctx); err != nil {
			return err
		}
		return content.Load(ctx, pool, demotown.Content(), func(string, int) {})
	},
}

func seedKey() string {
	sum := sha256.Sum256([]byte(demotown.Fingerprint() + "\x00" + strings.Join(content.Kinds(), "\x00")))
	return hex.EncodeToString(sum[:6])
}

// Pool returns a connection pool to a fresh database of t's own holding the demo town: its
// addresses, its areas, catchment rules, election and waste schedule (demotown.LoadAreas),
// its portal content (web/content), and the staff roles of the demo identity provider's people.
func Pool(t testing.TB) *pgxpool.Pool {
	t.Helper()
	pool, err := geo.Connect(context.Background(), dbtest.NewSeeded(t, seed))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return pool
}
