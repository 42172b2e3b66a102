package demotown_test

import (
	"context"
	"testing"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/geo"
)

func TestLoadAreasAssignsEveryLocatedAddressAndLoadsAgainInPlace(t *testing.T) {
	ctx := context.Background()
	pool := demotest.Pool(t)
	check := func(when string) {
		t.Helper()
		rows, err := pool.Query(ctx, `SELECT layer, count(DISTINCT address_code), count(*), count(*) FILTER (WHERE source = 'rule'),
				(SELECT count(*) FROM areas ar WHERE ar.layer = aa.layer)
			FROM address_areas aa GROUP BY layer ORDER BY layer`)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string][4]int{}
		for rows.Next() {
			var layer string
			var v [4]int
			if err := rows.Scan(&layer, &v[0], &v[1], &v[2], &v[3]); err != nil {
				t.Fatal(err)
			}
			got[layer] = v
		}
		if rows.Err() != nil {
			t.Fatal(rows.Err())
		}
		// Of 3,041 address points, 3 have no coordinates; the 20 odd numbers of Štefánikova go to
		// their school by rule; the 89 addresses of Štefánikova and Zahradní have two kindergartens.
		want := map[string][4]int{"polling": {3038, 3038, 0, 8}, "waste": {3038, 3038, 0, 3}, "zs": {3038, 3038, 20, 3}, "ms": {3038, 3127, 0, 4}}
		for layer, w := range want {
			if got[layer] != w {
				t.Errorf("%s: %s has %v (addresses, assignments, by rule, areas), want %v", when, layer, got[layer], w)
			}
		}
	}
	check("seeded")
	if err := demotown.LoadAreas(ctx, geo.NewStore(pool)); err != nil {
		t.Fatal(err)
	}
	check("loaded again")
}

func TestDemoAreasKeep30MetresFromEveryAddressAfterImport(t *testing.T) {
	var nearest float64
	err := demotest.Pool(t).QueryRow(context.Background(), `SELECT min(ST_Distance(ST_Boundary(ar.boundary), a.point_sjtsk))
		FROM areas ar CROSS JOIN address_points a WHERE a.point_sjtsk IS NOT NULL`).Scan(&nearest)
	if err != nil {
		t.Fatal(err)
	}
	if nearest < 30 {
		t.Errorf("an address lies %.1f m from an area boundary, want at least 30 m", nearest)
	}
}
