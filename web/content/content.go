// Package content loads a town's portal content (life situations, contacts, the notice board,
// video guides...) from its content folder into the features' stores, in dependency order.
// `radnice demo` loads the demo town's folder, `radnice import content DIR` a town's own.
package content

import (
	"context"
	"fmt"
	"io/fs"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/web/contacts"
	"github.com/radnice/radnice/web/forms"
	"github.com/radnice/radnice/web/notices"
	"github.com/radnice/radnice/web/situations"
	"github.com/radnice/radnice/web/videos"
)

// Loader loads one kind of content from its subfolder of a content folder, replacing what the
// store held of it, all or nothing; it returns how many items it loaded.
type Loader struct {
	Dir  string // the subfolder, e.g. "uredni-deska"
	Name string // what it holds, for people: "notices"
	Load func(ctx context.Context, pool *pgxpool.Pool, fsys fs.FS, dir string) (int, error)
}

// loaders are the kinds of content, in the order they load: later kinds refer to earlier ones.
var loaders = []Loader{
	{Dir: "kontakty", Name: "contacts", Load: contacts.Load},
	{Dir: "videonavody", Name: "video guides", Load: videos.Load},
	{Dir: "zivotni-situace", Name: "life situations", Load: situations.Load},
	{Dir: "formulare", Name: "forms", Load: forms.Load},
	{Dir: "uredni-deska", Name: "notices", Load: notices.Load},
}

// Kinds are the content folder's subfolders the portal loads, in loading order.
func Kinds() []string {
	kinds := make([]string, len(loaders))
	for i, l := range loaders {
		kinds[i] = l.Dir
	}
	return kinds
}

// Load loads every kind of content found in fsys (a content folder); a kind whose subfolder
// is missing is left as it is. report is told what each kind loaded.
func Load(ctx context.Context, pool *pgxpool.Pool, fsys fs.FS, report func(kind string, n int)) error {
	return load(ctx, pool, fsys, report, func(Loader) (bool, error) { return true, nil })
}

// LoadMissing is Load for the kinds the database has never loaded: a database made before a
// kind of content existed gets it, and content loaded before is left as it is.
func LoadMissing(ctx context.Context, pool *pgxpool.Pool, fsys fs.FS, report func(kind string, n int)) error {
	return load(ctx, pool, fsys, report, func(l Loader) (bool, error) {
		var loaded bool
		err := pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM content_loads WHERE kind = $1)`, l.Dir).Scan(&loaded)
		if err != nil {
			return false, fmt.Errorf("was %s loaded: %w", l.Name, err)
		}
		return !loaded, nil
	})
}

func load(ctx context.Context, pool *pgxpool.Pool, fsys fs.FS, report func(kind string, n int), wanted func(Loader) (bool, error)) error {
	for _, l := range loaders {
		if _, err := fs.Stat(fsys, l.Dir); err != nil {
			continue
		}
		want, err := wanted(l)
		if err != nil {
			return err
		}
		if !want {
			continue
		}
		n, err := l.Load(ctx, pool, fsys, l.Dir)
		if err != nil {
			return fmt.Errorf("load %s: %w", l.Name, err)
		}
		if _, err := pool.Exec(ctx, `INSERT INTO content_loads (kind, items) VALUES ($1, $2)
			ON CONFLICT (kind) DO UPDATE SET items = EXCLUDED.items, loaded_at = now()`, l.Dir, n); err != nil {
			return fmt.Errorf("record the load of %s: %w", l.Name, err)
		}
		report(l.Name, n)
	}
	return nil
}
