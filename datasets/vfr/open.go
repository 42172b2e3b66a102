package vfr

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// OpenFile opens a VFR file, whatever its name says, by its content: plain XML (.xml),
// gzip-compressed XML (.xml.gz) or a ZIP archive (.zip, .xml.zip) holding exactly one .xml
// or .xml.gz member. The returned function closes the file.
func OpenFile(path string) (*Reader, func() error, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	magic := make([]byte, 4)
	n, err := io.ReadFull(f, magic)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		f.Close()
		return nil, nil, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, nil, err
	}
	if n == 4 && bytes.Equal(magic, []byte("PK\x03\x04")) {
		f.Close()
		return openZip(path)
	}
	rd, err := NewReader(path, f)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return rd, f.Close, nil
}

// openZip opens the single XML member of a ZIP archive.
func openZip(path string) (*Reader, func() error, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, nil, &FileError{File: path, Reason: fmt.Sprintf("not a readable ZIP archive: %v", err)}
	}
	var members []*zip.File
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		if f.FileInfo().IsDir() || !(filepath.Ext(name) == ".xml" || strings.HasSuffix(name, ".xml.gz")) {
			continue
		}
		members = append(members, f)
	}
	if len(members) != 1 {
		zr.Close()
		return nil, nil, &FileError{File: path, Reason: fmt.Sprintf("the archive holds %d .xml members; expected exactly one", len(members))}
	}
	m, err := members[0].Open()
	if err != nil {
		zr.Close()
		return nil, nil, &FileError{File: path + ":" + members[0].Name, Reason: fmt.Sprintf("cannot read the member: %v", err)}
	}
	rd, err := NewReader(path+":"+members[0].Name, m)
	if err != nil {
		m.Close()
		zr.Close()
		return nil, nil, err
	}
	closeAll := func() error {
		err := m.Close()
		if zerr := zr.Close(); err == nil {
			err = zerr
		}
		return err
	}
	return rd, closeAll, nil
}
