package main

import (
	"bufio"
	"context"
	"fmt"
	"io/fs"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/ruiancsv"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/content"
)

func demo(ctx context.Context, ifEmpty bool) error {
	pool, err := migrated(ctx)
	if err != nil {
		return err
	}
	defer pool.Close()
	// Staff roles of the demo people: granted again when missing, so each can log in and work.
	if err := auth.NewStore(pool).GrantDemoRoles(ctx); err != nil {
		return err
	}
	if ifEmpty {
		empty, err := geo.NewStore(pool).RegisterEmpty(ctx)
		if err != nil {
			return err
		}
		if !empty {
			fmt.Println("demo town not loaded: the address register already holds addresses")
			// A database made before a kind of content existed still gets the demo's.
			return loadContent(ctx, pool, demotown.Content(), content.LoadMissing)
		}
	}
	if err := importInputs(ctx, pool, []ruiancsv.Input{demotown.Input()}); err != nil {
		return err
	}
	if err := demotown.LoadAreas(ctx, geo.NewStore(pool)); err != nil {
		return fmt.Errorf("demo areas: %w", err)
	}
	fmt.Println("demo areas loaded: polling districts, waste zones, school catchments, election and waste schedule")
	return loadContent(ctx, pool, demotown.Content(), content.Load)
}

// loadContent loads a content folder with load (content.Load or LoadMissing) and says what it loaded.
func loadContent(ctx context.Context, pool *pgxpool.Pool, fsys fs.FS,
	load func(context.Context, *pgxpool.Pool, fs.FS, func(string, int)) error) error {
	return load(ctx, pool, fsys, func(kind string, n int) {
		fmt.Printf("content loaded: %d %s\n", n, kind)
	})
}

// importContent reads: import content DIR
func importContent(ctx context.Context, args []string) error {
	if len(args) != 1 {
		return usageError{"import content takes one folder"}
	}
	if info, err := os.Stat(args[0]); err != nil || !info.IsDir() {
		return fmt.Errorf("import content: %s is not a folder", args[0])
	}
	pool, err := migrated(ctx)
	if err != nil {
		return err
	}
	defer pool.Close()
	return loadContent(ctx, pool, os.DirFS(args[0]), content.Load)
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
