package ruiancsv

import (
	"context"
	"errors"
	"fmt"
	"sync"

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
	// Workers is how many files are imported at once (0: two). Files of different
	// municipalities touch different rows, so they proceed in parallel without conflict.
	Workers int

	mu sync.Mutex // serialises the summary, Progress and Problem across workers
}

// Import reads every input. A malformed row is reported and skipped; a file that cannot be
// trusted is reported and rolled back as a whole, and the run goes on with the next file.
// The returned error is for failures of the database or the context, which stop the run.
//
// A first load of at least BulkThreshold bytes into an empty register builds the search
// indexes once at the end instead of row by row.
func (im *Importer) Import(ctx context.Context, inputs []Input) (Summary, error) {
	// Indexes an interrupted bulk load left deferred are rebuilt first.
	if _, err := im.Store.RestoreIndexes(ctx); err != nil {
		return Summary{}, err
	}
	var size int64
	for _, in := range inputs {
		size += in.Size
	}
	if size >= BulkThreshold {
		if _, err := im.Store.DeferIndexes(ctx); err != nil {
			return Summary{}, err
		}
	}
	sum, err := im.importAll(ctx, inputs)
	// Rebuilt even when the run failed: the register must never stay without its indexes.
	if _, rerr := im.Store.RestoreIndexes(context.WithoutCancel(ctx)); err == nil {
		err = rerr
	}
	if err != nil {
		return sum, err
	}
	// New and moved addresses take their polling district, waste zone and schools; after the
	// indexes are back, as the spatial join needs them.
	return sum, im.Store.RefreshAssignments(ctx)
}

// BulkThreshold is the input size from which a load into an empty register defers its indexes.
const BulkThreshold = 64 << 20

func (im *Importer) importAll(ctx context.Context, inputs []Input) (Summary, error) {
	workers := im.Workers
	if workers <= 0 {
		workers = 2
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var sum Summary
	next := make(chan Input)
	var wg sync.WaitGroup
	for range min(workers, len(inputs)) {
		wg.Go(func() {
			for in := range next {
				if err := im.importFile(ctx, in, &sum); err != nil {
					cancel(err)
					return
				}
			}
		})
	}
feed:
	for _, in := range inputs {
		select {
		case next <- in:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return sum, err
	}
	return sum, nil
}

func (im *Importer) importFile(ctx context.Context, in Input, sum *Summary) error {
	res, rd, err := im.readAndMerge(ctx, in)
	im.mu.Lock()
	defer im.mu.Unlock()
	var fe *FileError
	switch {
	case errors.As(err, &fe):
		sum.Refused++
		im.problem(fe)
	case err != nil:
		return fmt.Errorf("%s: %w", in.Name, err)
	default:
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
	}
	if rd != nil {
		sum.Rows += rd.Rows()
	}
	if im.Progress != nil {
		im.Progress.Advance(in.Size, *sum)
	}
	return nil
}

// readAndMerge streams one file into the register. A *FileError means the file was refused.
func (im *Importer) readAndMerge(ctx context.Context, in Input) (geo.ImportResult, *Reader, error) {
	f, err := in.Open()
	if err != nil {
		return geo.ImportResult{}, nil, &FileError{File: in.Name, Reason: err.Error()}
	}
	defer f.Close()
	rd, err := NewReader(in.Name, f)
	if err != nil {
		return geo.ImportResult{}, nil, err
	}
	res, err := im.Store.ImportAddresses(ctx, rd)
	return res, rd, err
}

func (im *Importer) problem(err error) {
	if im.Problem != nil {
		im.Problem(err)
	}
}
