package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/radnice/radnice/datasets/town"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/migrations"
	"github.com/radnice/radnice/web"
	"github.com/radnice/radnice/web/lookup"
)

func serve(ctx context.Context, logger *slog.Logger) error {
	pool, err := migrated(ctx)
	if err != nil {
		return err
	}
	defer pool.Close()
	// An interrupted bulk load may have left search indexes to rebuild.
	if _, err := geo.NewStore(pool).RestoreIndexes(ctx); err != nil {
		return err
	}
	addr := os.Getenv("RADNICE_ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	cfg := web.Config{Pool: pool, Logger: logger, Lookup: lookup.Config{
		Basemap: lookup.Basemap{URL: os.Getenv("RADNICE_TILE_URL"), Attribution: os.Getenv("RADNICE_TILE_ATTRIBUTION")},
	}}
	if u := cfg.Lookup.Basemap.URL; u != "" && cfg.Lookup.Basemap.TileSource() == "" {
		return fmt.Errorf("RADNICE_TILE_URL=%q: want an http or https tile URL template, such as https://tile.example.org/{z}/{x}/{y}.png", u)
	}
	if mb := os.Getenv("RADNICE_LOOKUP_CACHE_MB"); mb != "" {
		n, err := strconv.Atoi(mb)
		if err != nil {
			return fmt.Errorf("RADNICE_LOOKUP_CACHE_MB=%q: want a whole number of megabytes (0 or less: no cache)", mb)
		}
		cfg.Lookup.CacheBytes = n << 20
		if n <= 0 {
			cfg.Lookup.CacheBytes = -1
		}
	}
	if cfg.Auth, err = authConfig(); err != nil {
		return err
	}
	publicURL := cfg.Auth.PublicURL
	if publicURL == "" {
		publicURL = "http://" + addr
	}
	if cfg.Outbox, err = outboxConfig(publicURL); err != nil {
		return err
	}
	if dir := os.Getenv("RADNICE_TOWN_DIR"); dir != "" {
		t, err := town.Read(os.DirFS(dir))
		if err != nil {
			return fmt.Errorf("RADNICE_TOWN_DIR=%s: %w", dir, err)
		}
		cfg.Town = &t
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           web.Handler(ctx, cfg),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	fmt.Printf("Radnice is running at http://%s/ (Ctrl+C stops it)\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func migrate(ctx context.Context) error {
	pool, err := connect(ctx)
	if err != nil {
		return err
	}
	defer pool.Close()
	applied, err := migrations.Apply(ctx, pool)
	if err != nil {
		return err
	}
	fmt.Printf("migrations applied: %d\n", len(applied))
	return nil
}
