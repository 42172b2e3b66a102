package forms_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/forms"
	"github.com/radnice/radnice/web/forms/engine"
)

// demoForms is the demo town's forms folder as a folder of its own, to change.
func demoForms(t *testing.T) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(demotown.Content(), "formulare", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(demotown.Content(), name)
		out[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// retitled is the form file data with its Title changed.
func retitled(t *testing.T, data []byte, title string) []byte {
	t.Helper()
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "Title: ") {
			lines[i] = "Title: " + title
			return []byte(strings.Join(lines, "\n"))
		}
	}
	t.Fatal("no Title line")
	return nil
}

func TestTheDemoTownOffersEveryFormOfItsFolderAsVersion1(t *testing.T) {
	pool := demotest.Pool(t)
	store := forms.NewStore(pool)
	offered, err := store.Offered(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	files, err := fs.Glob(demotown.Content(), "formulare/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(offered) != len(files) || len(offered) < 20 {
		t.Fatalf("%d forms offered, %d files; want them all, at least 20", len(offered), len(files))
	}
	for _, f := range offered {
		if f.Version != 1 {
			t.Errorf("%s: version %d, want 1", f.Slug, f.Version)
		}
	}
}

func TestAChangedFileIsANewVersionAndASubmissionKeepsTheVersionItWasMadeWith(t *testing.T) {
	pool := demotest.Pool(t)
	store := forms.NewStore(pool)
	v1, err := store.Current(t.Context(), "prihlaseni-psa")
	if err != nil {
		t.Fatal(err)
	}
	d, err := store.CreateDraft(t.Context(), v1, 0, engine.Answers{"email": "jana@example.cz"})
	if err != nil {
		t.Fatal(err)
	}
	filed := store.File(t, d, "Jana Nováková")

	folder := demoForms(t)
	folder["formulare/prihlaseni-psa.txt"].Data = retitled(t, folder["formulare/prihlaseni-psa.txt"].Data, "Přihlášení psa (nové znění)")
	n, err := forms.Load(t.Context(), pool, folder, "formulare")
	if err != nil || n != len(folder) {
		t.Fatalf("load: %d forms, %v; want %d", n, err, len(folder))
	}
	v2, err := store.Current(t.Context(), "prihlaseni-psa")
	if err != nil {
		t.Fatal(err)
	}
	if v2.Version != 2 || v2.Title != "Přihlášení psa (nové znění)" {
		t.Errorf("after the change: version %d %q, want version 2 with the new title", v2.Version, v2.Title)
	}
	if other, err := store.Current(t.Context(), "odhlaseni-psa"); err != nil || other.Version != 1 {
		t.Errorf("an unchanged form: version %d, %v; want it left at 1", other.Version, err)
	}
	again, err := store.SubmissionByReceipt(t.Context(), filed.Receipt)
	if err != nil {
		t.Fatal(err)
	}
	if again.Form.ID != v1.ID || again.Form.Version != 1 || again.Form.Title != v1.Title {
		t.Errorf("the submission reads as version %d %q, want version 1 %q", again.Form.Version, again.Form.Title, v1.Title)
	}

	// The old file again is the old version again, not a third one.
	if _, err := forms.Load(t.Context(), pool, demoForms(t), "formulare"); err != nil {
		t.Fatal(err)
	}
	if back, err := store.Current(t.Context(), "prihlaseni-psa"); err != nil || back.ID != v1.ID {
		t.Errorf("back to the first file: version %d, %v; want version 1 on offer", back.Version, err)
	}
	var versions int
	if err := pool.QueryRow(t.Context(), `SELECT count(*) FROM form_versions WHERE slug = 'prihlaseni-psa'`).Scan(&versions); err != nil || versions != 2 {
		t.Errorf("%d versions kept, %v; want both", versions, err)
	}
}

func TestAFormMissingFromTheFolderIsWithdrawnAndItsVersionsKept(t *testing.T) {
	pool := demotest.Pool(t)
	store := forms.NewStore(pool)
	old, err := store.Current(t.Context(), "odhlaseni-psa")
	if err != nil {
		t.Fatal(err)
	}
	folder := demoForms(t)
	delete(folder, "formulare/odhlaseni-psa.txt")
	if _, err := forms.Load(t.Context(), pool, folder, "formulare"); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Current(t.Context(), "odhlaseni-psa"); geo.ErrorCode(err) != geo.ENOTFOUND {
		t.Errorf("the form left out: %v, want it no longer on offer", err)
	}
	if kept, err := store.Version(t.Context(), old.ID); err != nil || kept.Slug != "odhlaseni-psa" {
		t.Errorf("its version: %v, want it kept", err)
	}
}

func TestLoadingRefusesFormsThePortalCannotServe(t *testing.T) {
	pool := demotest.Pool(t)
	for name, c := range map[string]struct{ file, text, want string }{
		"a slug of the feature's own pages": {"formulare/podano.txt", strings.Replace(demoFile(t, "odhlaseni-psa"), "Slug: odhlaseni-psa", "Slug: podano", 1),
			`formulare/podano.txt: the slug "podano" is the address of a page of the forms`},
		"anonymous filing without an e-mail": {"formulare/odhlaseni-psa.txt", strings.Replace(strings.Replace(demoFile(t, "odhlaseni-psa"), "Anonymous: ne", "Anonymous: ano", 1), " email ", " text ", -1),
			"formulare/odhlaseni-psa.txt: Anonymous: ano needs a required email field"},
	} {
		t.Run(name, func(t *testing.T) {
			folder := demoForms(t)
			folder[c.file] = &fstest.MapFile{Data: []byte(c.text)}
			if _, err := forms.Load(t.Context(), pool, folder, "formulare"); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("load: %v, want %q", err, c.want)
			}
		})
	}
	if withdrawn := countWithdrawn(t, pool); withdrawn != 0 {
		t.Errorf("%d forms withdrawn by refused loads, want none", withdrawn)
	}
}

// demoFile is the demo town's form slug as written.
func demoFile(t *testing.T, slug string) string {
	t.Helper()
	data, err := fs.ReadFile(demotown.Content(), "formulare/"+slug+".txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// countWithdrawn is how many form versions are withdrawn.
func countWithdrawn(t *testing.T, pool *pgxpool.Pool) int {
	t.Helper()
	var n int
	if err := pool.QueryRow(t.Context(), `SELECT count(*) FROM form_versions WHERE state = 'withdrawn'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
