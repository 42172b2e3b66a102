package videos

import (
	"context"
	"io/fs"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/videos"
)

// Load loads the video guides of dir in fsys (a content folder, see web/content) into the
// store, replacing the guides it held, all or nothing. Each guide's video file is read from the
// content folder or, when it is not there, from the media folder (videos.MediaDir), where the
// demo town's videos are made; the file is stored in the database, which serves it.
func Load(ctx context.Context, pool *pgxpool.Pool, fsys fs.FS, dir string) (int, error) {
	guides, err := videos.Read(fsys, dir)
	if err != nil {
		return 0, err
	}
	mediaDir := videos.MediaDir()
	items := make([]Item, len(guides))
	for i, g := range guides {
		video, err := videos.ReadVideo(fsys, dir, g, mediaDir)
		if err != nil {
			return 0, err
		}
		items[i] = Item{Guide: g, Video: video}
	}
	if err := NewStore(pool).Replace(ctx, items); err != nil {
		return 0, err
	}
	return len(items), nil
}
