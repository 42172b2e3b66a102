package notices

import (
	"context"
	"fmt"
	"io/fs"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	noticefiles "github.com/radnice/radnice/datasets/notices"
)

// Load replaces the notice board with the notices in dir of fsys (datasets/notices), all or
// nothing, and returns how many it loaded: the content loader of web/content.
func Load(ctx context.Context, pool *pgxpool.Pool, fsys fs.FS, dir string) (int, error) {
	list, err := noticefiles.Read(fsys, dir)
	if err != nil {
		return 0, err
	}
	err = pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM notices`); err != nil {
			return err
		}
		for _, n := range list {
			var id int64
			err := tx.QueryRow(ctx, `
				INSERT INTO notices (slug, title, category, department, reference, posted_on, relevant_until, description)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
				n.Slug, n.Title, n.Category, n.Department, n.Reference, n.Posted, n.RelevantUntil, n.Description).Scan(&id)
			if err != nil {
				return fmt.Errorf("notice %s: %w", n.Slug, err)
			}
			for i, a := range n.Attachments {
				_, err := tx.Exec(ctx, `
					INSERT INTO notice_attachments (notice_id, position, file_name, title, media_type, content)
					VALUES ($1, $2, $3, $4, $5, $6)`, id, i+1, a.File, a.Title, a.MediaType, a.Content)
				if err != nil {
					return fmt.Errorf("notice %s attachment %s: %w", n.Slug, a.File, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("load the notice board: %w", err)
	}
	return len(list), nil
}
