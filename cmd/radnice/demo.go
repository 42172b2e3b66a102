package main

import (
	"bufio"
	"context"
	"fmt"
	"os"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/ruiancsv"
	"github.com/radnice/radnice/geo"
)

func demo(ctx context.Context, ifEmpty bool) error {
	pool, err := migrated(ctx)
	if err != nil {
		return err
	}
	defer pool.Close()
	if ifEmpty {
		empty, err := geo.NewStore(pool).RegisterEmpty(ctx)
		if err != nil {
			return err
		}
		if !empty {
			fmt.Println("demo town not loaded: the address register already holds addresses")
			return nil
		}
	}
	if err := importInputs(ctx, pool, []ruiancsv.Input{demotown.Input()}); err != nil {
		return err
	}
	if err := demotown.LoadAreas(ctx, geo.NewStore(pool)); err != nil {
		return fmt.Errorf("demo areas: %w", err)
	}
	fmt.Println("demo areas loaded: polling districts, waste zones, school catchments, election and waste schedule")
	return nil
}

func generateNational(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	stats, err := demotown.WriteNational(w, demotown.NationalOptions{})
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	fmt.Printf("wrote %s: %d files, %d rows\n", path, stats.Files, stats.Rows)
	return nil
}
