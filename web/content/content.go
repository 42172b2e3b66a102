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
	{Dir: "uredni-deska", Name: "notices", Load: notices.Load},
}

// Load loads every kind of content found in fsys (a content folder); a kind whose subfolder
// is missing is left as it is. report is told what each kind loaded.
func Load(ctx context.Context, pool *pgxpool.Pool, fsys fs.FS, report func(kind string, n int)) error {
	for _, l := range loaders {
		if _, err := fs.Stat(fsys, l.Dir); err != nil {
			continue
		}
		n, err := l.Load(ctx, pool, fsys, l.Dir)
		if err != nil {
			return fmt.Errorf("load %s: %w", l.Name, err)
		}
		report(l.Name, n)
	}
	return nil
}
