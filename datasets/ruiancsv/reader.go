package ruiancsv

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/radnice/radnice/datasets/czcsv"
	"github.com/radnice/radnice/geo"
)

// maxStoredRejects bounds how many rejected rows a Reader keeps in detail; all are counted.
const maxStoredRejects = 1000

// RowError is a rejected row: where it is and why.
type RowError = czcsv.RowError

// FileError refuses a whole file: a wrong header, a wrong encoding, a damaged stream.
type FileError = czcsv.FileError

// Reader streams the address points of one export file. It implements geo.RecordSource:
// malformed rows are skipped and kept as RowErrors, while a problem that makes the whole file
// untrustworthy ends reading with a *FileError.
type Reader struct {
	name     string
	lines    *czcsv.Lines
	layout   layout
	fields   []string
	intern   map[string]string
	seen     map[int64]int // kód ADM → line, to reject duplicates
	rejects  []RowError
	rejected int
	read     int
}

// NewReader reads the header of an export file named name (used in messages) and returns a
// Reader positioned at the first row. The encoding is windows-1250 as ČÚZK publishes it, or
// UTF-8 when the header is valid UTF-8 (with or without a byte-order mark).
func NewReader(name string, r io.Reader) (*Reader, error) {
	rd := &Reader{
		name:   name,
		lines:  czcsv.NewLines(r, "the RÚIAN address-point export"),
		intern: map[string]string{},
		seen:   map[int64]int{},
	}
	header, err := rd.lines.Header()
	if err != nil {
		return nil, rd.refuse(err)
	}
	rd.layout, err = parseHeader(strings.Split(header, ";"))
	if err != nil {
		return nil, &FileError{File: name, Line: 1, Reason: err.Error()}
	}
	return rd, nil
}

// Next returns the next valid record, io.EOF at the end, or a *FileError.
func (r *Reader) Next() (geo.AddressRecord, error) {
	for {
		line, err := r.lines.Next()
		if errors.Is(err, io.EOF) {
			return geo.AddressRecord{}, io.EOF
		}
		if err != nil {
			return geo.AddressRecord{}, r.refuse(err)
		}
		r.read++
		rec, reason := r.parseRow(line)
		if reason != "" {
			r.reject(reason)
			continue
		}
		if first, dup := r.seen[rec.ID]; dup {
			r.reject(fmt.Sprintf("Kód ADM %d repeats the row on line %d", rec.ID, first))
			continue
		}
		r.seen[rec.ID] = r.lines.Line()
		return rec, nil
	}
}

// refuse turns a failure to read the file on into a refusal of the whole file.
func (r *Reader) refuse(err error) error { return czcsv.Refusal(r.name, err) }

// Rows is how many data rows were read, valid or not.
func (r *Reader) Rows() int { return r.read }

// Rejected is how many rows were rejected.
func (r *Reader) Rejected() int { return r.rejected }

// Rejects returns the rejected rows (the first maxStoredRejects of them).
func (r *Reader) Rejects() []RowError { return r.rejects }

func (r *Reader) reject(reason string) {
	r.rejected++
	if len(r.rejects) < maxStoredRejects {
		r.rejects = append(r.rejects, RowError{File: r.name, Line: r.lines.Line(), Reason: reason})
	}
}

// parseRow checks one data line and builds its record, or returns why it is rejected.
func (r *Reader) parseRow(line string) (geo.AddressRecord, string) {
	r.fields = splitInto(r.fields[:0], line)
	if len(r.fields) != int(columnCount) {
		return geo.AddressRecord{}, fmt.Sprintf("expected %d fields separated by ';', found %d", columnCount, len(r.fields))
	}
	f := func(c column) string { return strings.TrimSpace(r.fields[r.layout[c]]) }
	var rec geo.AddressRecord
	var err error
	if rec.ID, err = code64(f(colID)); err != nil {
		return rec, fieldError(colID, f(colID), err)
	}
	ints := []struct {
		c        column
		dst      *int
		optional bool
	}{
		{colMunicipalityCode, &rec.MunicipalityCode, false},
		{colCityDistrictCode, &rec.CityDistrictCode, true},
		{colPragueDistrictCode, &rec.PragueDistrictCode, true},
		{colPartCode, &rec.PartCode, false},
		{colStreetCode, &rec.StreetCode, true},
		{colHouseNumber, &rec.HouseNumber, false},
		{colOrientationNumber, &rec.OrientationNumber, true},
	}
	for _, it := range ints {
		v := f(it.c)
		if v == "" && it.optional {
			continue
		}
		n, err := code64(v)
		if err != nil {
			return rec, fieldError(it.c, v, err)
		}
		*it.dst = int(n)
	}
	names := []struct {
		c    column
		dst  *string
		code int
	}{
		{colMunicipalityName, &rec.MunicipalityName, rec.MunicipalityCode},
		{colCityDistrictName, &rec.CityDistrictName, rec.CityDistrictCode},
		{colPragueDistrictName, &rec.PragueDistrictName, rec.PragueDistrictCode},
		{colPartName, &rec.PartName, rec.PartCode},
		{colStreetName, &rec.StreetName, rec.StreetCode},
	}
	for _, it := range names {
		v := f(it.c)
		if (v == "") != (it.code == 0) {
			return rec, fmt.Sprintf("%q and its code must both be given or both be empty", canonicalNames[it.c])
		}
		*it.dst = r.internString(v)
	}
	switch t := f(colBuildingType); t {
	case "č.p.":
		rec.BuildingType = geo.Descriptive
	case "č.ev.":
		rec.BuildingType = geo.Registry
	default:
		return rec, fmt.Sprintf("%q is %q; expected \"č.p.\" or \"č.ev.\"", canonicalNames[colBuildingType], t)
	}
	if letter := f(colOrientationLetter); letter != "" {
		if rec.OrientationNumber == 0 {
			return rec, fmt.Sprintf("%q %q without an orientation number", canonicalNames[colOrientationLetter], letter)
		}
		if len(letter) != 1 || letter[0] < 'a' || letter[0] > 'z' {
			return rec, fmt.Sprintf("%q is %q; expected one lower-case letter a-z", canonicalNames[colOrientationLetter], letter)
		}
		rec.OrientationLetter = r.internString(letter)
	}
	rec.Postcode = f(colPostcode)
	if len(rec.Postcode) != 5 || strings.Trim(rec.Postcode, "0123456789") != "" || rec.Postcode[0] == '0' {
		return rec, fmt.Sprintf("%q is %q; expected five digits", canonicalNames[colPostcode], rec.Postcode)
	}
	rec.Postcode = r.internString(rec.Postcode)
	if reason := parsePoint(&rec, f(colY), f(colX)); reason != "" {
		return rec, reason
	}
	if v := f(colValidFrom); v != "" {
		t, err := parseValidFrom(v)
		if err != nil {
			return rec, fmt.Sprintf("%q is %q; expected a date like 2021-12-13T00:00:00", canonicalNames[colValidFrom], v)
		}
		rec.ValidFrom = t
	}
	return rec, ""
}

// Bounds of S-JTSK coordinates as the export writes them (positive), with a margin around
// the Czech Republic.
const (
	minY, maxY = 400_000.0, 950_000.0
	minX, maxX = 900_000.0, 1_250_000.0
)

// parsePoint sets the record's EPSG:5514 point from the export's positive Y and X: the
// Křovák axes point west and south, so the point is (-Y, -X).
func parsePoint(rec *geo.AddressRecord, ys, xs string) string {
	if ys == "" && xs == "" {
		return ""
	}
	if ys == "" || xs == "" {
		return "only one of the coordinates \"Souřadnice Y\" and \"Souřadnice X\" is given"
	}
	y, err1 := strconv.ParseFloat(strings.Replace(ys, ",", ".", 1), 64)
	x, err2 := strconv.ParseFloat(strings.Replace(xs, ",", ".", 1), 64)
	if err1 != nil || err2 != nil {
		return fmt.Sprintf("coordinates %q, %q are not numbers", ys, xs)
	}
	if y < minY || y > maxY || x < minX || x > maxX {
		return fmt.Sprintf("coordinates Y=%s X=%s lie outside the Czech Republic (S-JTSK, positive values expected)", ys, xs)
	}
	rec.HasPoint = true
	rec.X, rec.Y = -y, -x
	return ""
}

func parseValidFrom(v string) (time.Time, error) {
	if t, err := time.Parse("2006-01-02T15:04:05", v); err == nil {
		return t, nil
	}
	return time.Parse("2006-01-02", v)
}

// code64 parses a positive RÚIAN code or number.
func code64(v string) (int64, error) {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 || n > 1<<31-1 {
		return 0, errors.New("expected a positive whole number")
	}
	return n, nil
}

func fieldError(c column, v string, err error) string {
	return fmt.Sprintf("%q is %q: %v", canonicalNames[c], v, err)
}

// internString shares one copy of each repeated name: a municipality's file repeats its
// street and part names thousands of times.
func (r *Reader) internString(s string) string {
	if v, ok := r.intern[s]; ok {
		return v
	}
	r.intern[s] = s
	return s
}

func splitInto(dst []string, s string) []string {
	for {
		i := strings.IndexByte(s, ';')
		if i < 0 {
			return append(dst, s)
		}
		dst = append(dst, s[:i])
		s = s[i+1:]
	}
}
