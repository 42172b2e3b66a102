package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/term"

	"github.com/radnice/radnice/datasets/ruiancsv"
	"github.com/radnice/radnice/geo"
)

func importRUIAN(ctx context.Context, paths []string) error {
	if len(paths) == 0 || strings.HasPrefix(paths[0], "-") {
		return usageError{"import ruian-csv takes paths"}
	}
	inputs, closeInputs, err := ruiancsv.Inputs(paths)
	if err != nil {
		return err
	}
	defer closeInputs()
	pool, err := migrated(ctx)
	if err != nil {
		return err
	}
	defer pool.Close()
	return importInputs(ctx, pool, inputs)
}

// importInputs imports, printing problems as they come and the summary at the end.
func importInputs(ctx context.Context, pool *pgxpool.Pool, inputs []ruiancsv.Input) error {
	im := ruiancsv.Importer{
		Store:    geo.NewStore(pool),
		Progress: ruiancsv.NewProgress(os.Stderr, term.IsTerminal(int(os.Stderr.Fd())), inputs),
		Problem:  func(err error) { fmt.Fprintln(os.Stderr, err) },
	}
	sum, err := im.Import(ctx, inputs)
	fmt.Println(sum)
	if err != nil {
		return err
	}
	if sum.Failed() {
		return errFailedRows
	}
	return nil
}
