// Package vosestava reads ČÚZK's report "Seznam adresních míst s volebními okrsky" (address
// points with their polling districts): a ';'-separated CSV in windows-1250 or UTF-8 whose
// header ends with "Jednořádková adresa;Číslo volebního okrsku". It streams one row at a time.
package vosestava

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/radnice/radnice/datasets/czcsv"
)

// maxStoredRejects bounds how many rejected rows a Reader keeps in detail; all are counted.
const maxStoredRejects = 1000

// Column names of the report that the reader uses.
const (
	ColumnAddressCode      = "Kód ADM"
	ColumnMunicipalityCode = "Kód obce"
	ColumnAddress          = "Jednořádková adresa"
	ColumnDistrictNumber   = "Číslo volebního okrsku"
)

// Row is one address point and the number of its polling district.
type Row struct {
	AddressCode      int64  // Kód ADM, the address point's RÚIAN code
	MunicipalityCode int    // Kód obce, 0 when the report has no such column
	DistrictNumber   int    // Číslo volebního okrsku, the district's number within the municipality
	Address          string // Jednořádková adresa, verbatim
}

// RowError is a rejected row: where it is and why.
type RowError = czcsv.RowError

// FileError refuses a whole file: a wrong header, a wrong encoding, a damaged stream.
type FileError = czcsv.FileError

// Reader streams the rows of one report. Malformed rows are skipped and kept as RowErrors,
// while a problem that makes the whole file untrustworthy ends reading with a *FileError.
type Reader struct {
	name            string
	lines           *czcsv.Lines
	columns         int // fields of a row, without a trailing empty one
	addressCode     int
	municipality    int // -1 when absent
	address         int
	district        int
	fields          []string
	seen            map[int64]int // Kód ADM → line, to reject duplicates
	rejects         []RowError
	rejected        int
	read            int
	withoutDistrict int
}

// NewReader reads the header of a report named name (used in messages) and returns a Reader
// positioned at the first row. The encoding is windows-1250 as ČÚZK publishes it, or UTF-8
// when the header is valid UTF-8 (with or without a byte-order mark).
func NewReader(name string, r io.Reader) (*Reader, error) {
	rd := &Reader{name: name, lines: czcsv.NewLines(r, `the polling-district report "Seznam adresních míst s volebními okrsky"`), municipality: -1, seen: map[int64]int{}}
	header, err := rd.lines.Header()
	if err != nil {
		return nil, rd.refuse(err)
	}
	if err := rd.parseHeader(header); err != nil {
		return nil, &FileError{File: name, Line: 1, Reason: err.Error()}
	}
	return rd, nil
}

// parseHeader finds the columns by name; the header must end with the address and the
// district number, and name the address point's code.
func (r *Reader) parseHeader(line string) error {
	names, ok := split(nil, line)
	if !ok {
		return errors.New("the header has an unterminated quoted field")
	}
	for i := range names {
		names[i] = strings.TrimSpace(names[i])
	}
	if len(names) > 1 && names[len(names)-1] == "" {
		names = names[:len(names)-1] // every line ends with ';'
	}
	n := len(names)
	if n < 3 || names[n-2] != ColumnAddress || names[n-1] != ColumnDistrictNumber {
		last := names
		if n > 2 {
			last = names[n-2:]
		}
		return fmt.Errorf("the header ends with %q; expected it to end with %q as the report \"Seznam adresních míst s volebními okrsky\" does",
			strings.Join(last, ";"), ColumnAddress+";"+ColumnDistrictNumber)
	}
	r.columns = n
	r.address, r.district = n-2, n-1
	r.addressCode = -1
	for i, name := range names[:n-2] {
		var dst *int
		switch name {
		case ColumnAddressCode:
			dst = &r.addressCode
		case ColumnMunicipalityCode:
			dst = &r.municipality
		case ColumnAddress:
			return fmt.Errorf("column %q appears twice in the header (fields %d and %d)", name, i+1, n-1)
		case ColumnDistrictNumber:
			return fmt.Errorf("column %q appears twice in the header (fields %d and %d)", name, i+1, n)
		default:
			continue
		}
		if *dst >= 0 {
			return fmt.Errorf("column %q appears twice in the header (fields %d and %d)", name, *dst+1, i+1)
		}
		*dst = i
	}
	if r.addressCode < 0 {
		return fmt.Errorf("the header lacks the column %q", ColumnAddressCode)
	}
	return nil
}

// Next returns the next valid row, io.EOF at the end, or a *FileError. Address points the
// report assigns to no district are skipped and counted by WithoutDistrict.
func (r *Reader) Next() (Row, error) {
	for {
		line, err := r.lines.Next()
		if errors.Is(err, io.EOF) {
			return Row{}, io.EOF
		}
		if err != nil {
			return Row{}, r.refuse(err)
		}
		r.read++
		row, reason := r.parseRow(line)
		if reason != "" {
			r.reject(reason)
			continue
		}
		if row.DistrictNumber == 0 {
			r.withoutDistrict++
			continue
		}
		if first, dup := r.seen[row.AddressCode]; dup {
			r.reject(fmt.Sprintf("%q %d repeats the row on line %d", ColumnAddressCode, row.AddressCode, first))
			continue
		}
		r.seen[row.AddressCode] = r.lines.Line()
		return row, nil
	}
}

// Rows is how many data rows were read, valid or not.
func (r *Reader) Rows() int { return r.read }

// Rejected is how many rows were rejected.
func (r *Reader) Rejected() int { return r.rejected }

// Rejects returns the rejected rows (the first 1000 of them).
func (r *Reader) Rejects() []RowError { return r.rejects }

// WithoutDistrict is how many address points the report leaves without a district number.
func (r *Reader) WithoutDistrict() int { return r.withoutDistrict }

func (r *Reader) reject(reason string) {
	r.rejected++
	if len(r.rejects) < maxStoredRejects {
		r.rejects = append(r.rejects, RowError{File: r.name, Line: r.lines.Line(), Reason: reason})
	}
}

// parseRow checks one data line and builds its row, or returns why it is rejected. A row
// without a district number comes back with DistrictNumber 0.
func (r *Reader) parseRow(line string) (Row, string) {
	var ok bool
	r.fields, ok = split(r.fields[:0], line)
	if !ok {
		return Row{}, "a quoted field is not terminated, or text follows its closing quote"
	}
	if len(r.fields) == r.columns+1 && r.fields[r.columns] == "" {
		r.fields = r.fields[:r.columns] // the line ends with ';'
	}
	if len(r.fields) != r.columns {
		return Row{}, fmt.Sprintf("expected %d fields separated by ';', found %d", r.columns, len(r.fields))
	}
	f := func(i int) string { return strings.TrimSpace(r.fields[i]) }
	var row Row
	v := f(r.addressCode)
	code, ok := number(v)
	if !ok {
		return row, fmt.Sprintf("%q is %q; expected a positive whole number", ColumnAddressCode, v)
	}
	row.AddressCode = code
	if r.municipality >= 0 {
		if v := f(r.municipality); v != "" {
			n, ok := number(v)
			if !ok || n > 1<<31-1 {
				return row, fmt.Sprintf("%q is %q; expected a positive whole number", ColumnMunicipalityCode, v)
			}
			row.MunicipalityCode = int(n)
		}
	}
	row.Address = f(r.address)
	if row.Address == "" {
		return row, fmt.Sprintf("%q is empty", ColumnAddress)
	}
	if v := f(r.district); v != "" {
		n, ok := number(v)
		if !ok || n > 1<<31-1 {
			return row, fmt.Sprintf("%q is %q; expected a whole number such as 7001 or 7001,0", ColumnDistrictNumber, v)
		}
		row.DistrictNumber = int(n)
	}
	return row, ""
}

// number parses a positive whole number written plainly ("7001") or with a zero decimal part
// as the report writes numbers ("7001,0", also "7001.00").
func number(s string) (int64, bool) {
	if i := strings.IndexAny(s, ",."); i >= 0 {
		frac := s[i+1:]
		if frac == "" || strings.Trim(frac, "0") != "" {
			return 0, false
		}
		s = s[:i]
	}
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, false
	}
	return n, true
}

// refuse turns a failure to read the file on into a refusal of the whole file.
func (r *Reader) refuse(err error) error { return czcsv.Refusal(r.name, err) }

// split appends the ';'-separated fields of s to dst. A field may be enclosed in double
// quotes, with "" standing for one quote; ok is false for broken quoting.
func split(dst []string, s string) ([]string, bool) {
	if strings.IndexByte(s, '"') < 0 {
		for {
			i := strings.IndexByte(s, ';')
			if i < 0 {
				return append(dst, s), true
			}
			dst = append(dst, s[:i])
			s = s[i+1:]
		}
	}
	for {
		t := strings.TrimLeft(s, " ")
		if !strings.HasPrefix(t, `"`) {
			i := strings.IndexByte(s, ';')
			if i < 0 {
				return append(dst, s), true
			}
			dst = append(dst, s[:i])
			s = s[i+1:]
			continue
		}
		var b strings.Builder
		t = t[1:]
		for {
			i := strings.IndexByte(t, '"')
			if i < 0 {
				return dst, false
			}
			b.WriteString(t[:i])
			t = t[i+1:]
			if strings.HasPrefix(t, `"`) {
				b.WriteByte('"')
				t = t[1:]
				continue
			}
			break
		}
		dst = append(dst, b.String())
		t = strings.TrimLeft(t, " ")
		if t == "" {
			return dst, true
		}
		if t[0] != ';' {
			return dst, false
		}
		s = t[1:]
	}
}
