package ruiancsv

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Input is one export file to import, possibly a member of a ZIP.
type Input struct {
	Name string // path, or "archive.zip:member.csv"
	Size int64  // uncompressed bytes, for progress
	open func() (io.ReadCloser, error)
}

// Open returns the file's bytes.
func (in Input) Open() (io.ReadCloser, error) { return in.open() }

// Inputs expands paths into export files: a CSV file, a ZIP of CSV files (the national
// {date}_OB_ADR_csv.zip), or a folder holding either. Files come in name order. The returned
// close function releases open archives.
func Inputs(paths []string) ([]Input, func() error, error) {
	var all []Input
	var closers []io.Closer
	closeAll := func() error {
		var first error
		for _, c := range closers {
			if err := c.Close(); err != nil && first == nil {
				first = err
			}
		}
		return first
	}
	add := func(path string) error {
		switch strings.ToLower(filepath.Ext(path)) {
		case ".csv":
			st, err := os.Stat(path)
			if err != nil {
				return err
			}
			all = append(all, Input{Name: path, Size: st.Size(), open: func() (io.ReadCloser, error) { return os.Open(path) }})
		case ".zip":
			zr, err := zip.OpenReader(path)
			if err != nil {
				return fmt.Errorf("%s: not a readable ZIP archive: %w", path, err)
			}
			closers = append(closers, zr)
			members := 0
			for _, f := range zr.File {
				if f.FileInfo().IsDir() || !strings.EqualFold(filepath.Ext(f.Name), ".csv") {
					continue
				}
				members++
				all = append(all, Input{Name: path + ":" + f.Name, Size: int64(f.UncompressedSize64), open: f.Open})
			}
			if members == 0 {
				return fmt.Errorf("%s: the archive holds no .csv file", path)
			}
		default:
			return fmt.Errorf("%s: expected a .csv file, a .zip archive or a folder", path)
		}
		return nil
	}
	err := func() error {
		for _, p := range paths {
			st, err := os.Stat(p)
			if err != nil {
				return err
			}
			if !st.IsDir() {
				if err := add(p); err != nil {
					return err
				}
				continue
			}
			entries, err := os.ReadDir(p)
			if err != nil {
				return err
			}
			var names []string
			for _, e := range entries {
				ext := strings.ToLower(filepath.Ext(e.Name()))
				if !e.IsDir() && (ext == ".csv" || ext == ".zip") {
					names = append(names, filepath.Join(p, e.Name()))
				}
			}
			if len(names) == 0 {
				return fmt.Errorf("%s: the folder holds no .csv or .zip file", p)
			}
			sort.Strings(names)
			for _, n := range names {
				if err := add(n); err != nil {
					return err
				}
			}
		}
		return nil
	}()
	if err != nil {
		closeAll()
		return nil, nil, err
	}
	return all, closeAll, nil
}

// NewInput makes an Input of any byte source, such as an embedded file.
func NewInput(name string, size int64, open func() (io.ReadCloser, error)) Input {
	return Input{Name: name, Size: size, open: open}
}
