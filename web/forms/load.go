package forms

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"slices"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/formdefs"
)

// reservedSlugs are the feature's own pages under /formulare/, which no form may shadow.
var reservedSlugs = []string{"podano", "potvrzeni"}

// Load loads the forms of the folder dir of fsys (see datasets/formdefs) into the store: the
// content.Loader of forms. A form whose file changed gets a new version, older versions stay
// for the submissions made with them, and a form the folder no longer holds is withdrawn.
func Load(ctx context.Context, pool *pgxpool.Pool, fsys fs.FS, dir string) (int, error) {
	defs, err := formdefs.Read(fsys, dir)
	if err != nil {
		return 0, err
	}
	for _, d := range defs {
		if err := check(path.Join(dir, d.Slug+formdefs.Ext), d); err != nil {
			return 0, err
		}
	}
	return NewStore(pool).Publish(ctx, defs)
}

// check refuses what the portal cannot serve though the format allows it: a form at the
// address of one of the feature's own pages, and a form filed without logging in that has no
// e-mail to send its confirmation link to.
func check(file string, d *formdefs.Definition) error {
	if slices.Contains(reservedSlugs, d.Slug) {
		return fmt.Errorf("%s: the slug %q is the address of a page of the forms; name the form otherwise", file, d.Slug)
	}
	if d.Anonymous && contactEmailField(d) == nil {
		return fmt.Errorf("%s: Anonymous: ano needs a required email field outside groups and conditions: the confirmation link goes there", file)
	}
	return nil
}

// contactEmailField is the form's field whose answer is the submitter's contact e-mail: the
// first required email field that is always shown; nil when there is none.
func contactEmailField(d *formdefs.Definition) *formdefs.Field {
	for _, f := range d.Fields(-1) {
		if f.Type == formdefs.Email && f.Required && f.If == nil {
			return f
		}
	}
	return nil
}
