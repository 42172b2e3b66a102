package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/migrations/dbtest"
)

func TestUnknownCommandsAreUsageErrors(t *testing.T) {
	for _, args := range [][]string{nil, {"frobnicate"}, {"import"}, {"import", "shapefile", "x"}, {"demo", "--now"}, {"generate"}} {
		var ue usageError
		if err := run(context.Background(), args); !errors.As(err, &ue) {
			t.Errorf("run(%q) = %v, want a usage error", args, err)
		}
	}
}

func TestCommandsNeedDATABASE_URL(t *testing.T) {
	t.Setenv("DATABASE_URL", "")
	if err := run(context.Background(), []string{"migrate"}); err == nil || err.Error() != "DATABASE_URL is not set (make run sets up a local database and sets it)" {
		t.Errorf("err = %v", err)
	}
}

func TestImportFailsWhenARowIsRejected(t *testing.T) {
	t.Setenv("DATABASE_URL", dbtest.New(t))
	path := filepath.Join(t.TempDir(), "20261031_OB_599999_ADR.csv")
	body := "Kód ADM;Kód obce;Název obce;Kód MOMC;Název MOMC;Kód obvodu Prahy;Název obvodu Prahy;Kód části obce;Název části obce;Kód ulice;Název ulice;Typ SO;Číslo domovní;Číslo orientační;Znak čísla orientačního;PSČ;Souřadnice Y;Souřadnice X;Platí Od\n" +
		"8338752;599999;Trojanovice;;;;;168491;Trojanovice;;;č.p.;2;;;74401;479862.17;1133960.17;2022-08-24T00:00:00\n" +
		"8338753;599999;Trojanovice;;;;;168491;Trojanovice;;;č.p.;x;;;74401;479862.17;1133960.17;2022-08-24T00:00:00\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}

	if err := run(context.Background(), []string{"import", "ruian-csv", path}); !errors.Is(err, errFailedRows) {
		t.Errorf("err = %v, want the failed-rows exit", err)
	}
	if err := run(context.Background(), []string{"import", "ruian-csv", filepath.Join(t.TempDir(), "missing.csv")}); err == nil {
		t.Error("a missing file was accepted")
	}
}

func TestDemoIfEmptyLoadsTheTownOnlyIntoAnEmptyRegister(t *testing.T) {
	ctx := context.Background()
	url := dbtest.New(t)
	t.Setenv("DATABASE_URL", url)
	pool, err := geo.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	count := func() (n int) {
		if err := pool.QueryRow(ctx, `SELECT count(*) FROM address_points`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	if err := run(ctx, []string{"demo", "--if-empty"}); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 3041 {
		t.Fatalf("address points = %d, want the demo town's 3041", n)
	}
	if _, err := pool.Exec(ctx, `DELETE FROM address_areas WHERE address_code = 2401163; DELETE FROM address_points WHERE code = 2401163`); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, []string{"demo", "--if-empty"}); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 3040 {
		t.Errorf("address points = %d: --if-empty loaded the town into a register that held addresses", n)
	}
	// A database made before the notice board existed gets the demo's notices, and only those.
	if _, err := pool.Exec(ctx, `DELETE FROM content_loads WHERE kind = 'uredni-deska'; DELETE FROM notices;
		UPDATE situations SET title = 'Upraveno' WHERE slug = 'prihlaseni-psa'`); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, []string{"demo", "--if-empty"}); err != nil {
		t.Fatal(err)
	}
	var notices int
	var dogTitle string
	if err := pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM notices), (SELECT title FROM situations WHERE slug = 'prihlaseni-psa')`).Scan(&notices, &dogTitle); err != nil {
		t.Fatal(err)
	}
	if notices == 0 || dogTitle != "Upraveno" {
		t.Errorf("--if-empty on a database without notices: %d notices loaded, dog situation titled %q (want the edit kept)", notices, dogTitle)
	}
	if err := run(ctx, []string{"demo"}); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 3041 {
		t.Errorf("address points = %d: demo without --if-empty should load the town again", n)
	}
}

func TestAPIKeysAreMadeListedAndRevoked(t *testing.T) {
	ctx := context.Background()
	t.Setenv("DATABASE_URL", dbtest.New(t))
	for _, args := range [][]string{{"apikey"}, {"apikey", "create"}, {"apikey", "create", "--scope", "reports"}, {"apikey", "rotate", "x"}} {
		var ue usageError
		if err := run(ctx, args); !errors.As(err, &ue) {
			t.Errorf("run(%q) = %v, want a usage error", args, err)
		}
	}
	if err := run(ctx, []string{"apikey", "create", "spisova-sluzba", "--scope", "reports"}); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, []string{"apikey", "create", "jiny", "--scope", "everything"}); geo.ErrorCode(err) != geo.EINVALID {
		t.Errorf("an unknown scope: %v, want EINVALID", err)
	}
	if err := run(ctx, []string{"apikey", "list"}); err != nil {
		t.Error(err)
	}
	if err := run(ctx, []string{"apikey", "revoke", "spisova-sluzba"}); err != nil {
		t.Error(err)
	}
	if err := run(ctx, []string{"apikey", "revoke", "spisova-sluzba"}); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("revoking twice: %v, want ENOTFOUND", err)
	}
}
