package ruiancsv

import (
	"context"
	"errors"
	"fmt"

	"github.com/radnice/radnice/geo"
)

// Summary totals an import run.
type Summary struct {
	Files        int // files imported
	Refused      int // files refused as a whole
	Rows         int // data rows read
	Inserted     int
	Updated      int
	Unchanged    int
	Retired      int
	Rejected     int // malformed rows skipped
	WithoutPoint int // imported rows without coordinates
}

// Failed reports whether anything was rejected or refused.
func (s Summary) Failed() bool { return s.Refused > 0 || s.Rejected > 0 }

func (s Summary) String() string {
	return fmt.Sprintf("files %d (refused %d), rows read %d: inserted %d, updated %d, unchanged %d, retired %d, rejected %d; without coordinates %d",
		s.Files, s.Refused, s.Rows, s.Inserted, s.Updated, s.Unchanged, s.Retired, s.Rejected, s.WithoutPoint)
}

// Progress is told how an import advances.
type Progress interface {
	// Advance reports that the file of size bytes is done and what has been done so far.
	Advance(bytes int64, so Summary)
}

// Importer merges export files into the address register, one transaction per file.
type Importer struct {
	Store    *geo.Store
	Progress Progress    // may be nil
	Problem  func(error) // receives each rejected row (RowError) and refused file (*FileError)
}

// Import reads every input. A malformed row is reported and skipped; a file that cannot be
// trusted is reported and rolled back as a whole, and the run goes on with the next file.
// The returned error is for failures of the database or the context, which stop the run.
func (im *Importer) Import(ctx context.Context, inputs []Input) (Summary, error) {
	var sum Summary
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		if err := im.importFile(ctx, in, &sum); err != nil {
			return sum, err
		}
		if im.Progress != nil {
			im.Progress.Advance(in.Size, sum)
		}
	}
	return sum, nil
}

func (im *Importer) importFile(ctx context.Context, in Input, sum *Summary) error {
	refuse := func(err error) error {
		sum.Refused++
		im.problem(err)
		return nil
	}
	f, err := in.Open()
	if err != nil {
		return refuse(&FileError{File: in.Name, Reason: err.Error()})
	}
	defer f.Close()
	rd, err := NewReader(in.Name, f)
	if err != nil {
		return refuse(err)
	}
	res, err := im.Store.ImportAddresses(ctx, rd)
	sum.Rows += rd.Rows()
	var fe *FileError
	if errors.As(err, &fe) {
		return refuse(fe)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", in.Name, err)
	}
	for _, re := range rd.Rejects() {
		im.problem(re)
	}
	if extra := rd.Rejected() - len(rd.Rejects()); extra > 0 {
		im.problem(fmt.Errorf("%s: %d more rejected rows not listed", in.Name, extra))
	}
	sum.Files++
	sum.Rejected += rd.Rejected()
	sum.Inserted += res.Inserted
	sum.Updated += res.Updated
	sum.Unchanged += res.Unchanged
	sum.Retired += res.Retired
	sum.WithoutPoint += res.WithoutPoint
	return nil
}

func (im *Importer) problem(err error) {
	if im.Problem != nil {
		im.Problem(err)
	}
}
