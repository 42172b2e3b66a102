package situations

import (
	"context"
	"io/fs"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/situations"
)

// Load loads the life situations of the folder dir of fsys (see datasets/situations) into the
// store, replacing all it held, all or nothing: the content.Loader of life situations.
func Load(ctx context.Context, pool *pgxpool.Pool, fsys fs.FS, dir string) (int, error) {
	c, err := situations.Read(fsys, dir)
	if err != nil {
		return 0, err
	}
	return NewStore(pool).Replace(ctx, c)
}
