package geo

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	pgxgeom "github.com/twpayne/pgx-geom"
)

// Connect opens a connection pool to the PostGIS database at url, configured by PoolConfig.
func Connect(ctx context.Context, url string) (*pgxpool.Pool, error) {
	cfg, err := PoolConfig(url)
	if err != nil {
		return nil, err
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open database pool: %w", err)
	}
	return pool, nil
}

// PoolConfig is the pool configuration the stores need: geometry types registered so that
// go-geom values scan and encode directly, and JIT off.
func PoolConfig(url string) (*pgxpool.Config, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("parse database URL: %w", err)
	}
	// Search plans are cheap and short: JIT compiling them costs more than it saves.
	cfg.ConnConfig.RuntimeParams["jit"] = "off"
	cfg.AfterConnect = func(ctx context.Context, conn *pgx.Conn) error {
		// A database not yet migrated has no PostGIS types to register; the migrator resets
		// the pool once it has created them.
		var postgis bool
		if err := conn.QueryRow(ctx, `SELECT to_regtype('geometry') IS NOT NULL AND to_regtype('geography') IS NOT NULL`).Scan(&postgis); err != nil || !postgis {
			return err
		}
		return pgxgeom.Register(ctx, conn)
	}
	return cfg, nil
}

// Store is the PostGIS store of the address register.
type Store struct {
	db *pgxpool.Pool
}

// NewStore returns a Store over pool.
func NewStore(pool *pgxpool.Pool) *Store {
	return &Store{db: pool}
}

// querier is what both a pool and a transaction offer for reading.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}
