package ruiancsv

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/radnice/radnice/geo"
)

// maxStoredRejects bounds how many rejected rows a Reader keeps in detail; all are counted.
const maxStoredRejects = 1000

// RowError is a rejected row: where it is and why.
type RowError struct {
	File   string
	Line   int
	Reason string
}

func (e RowError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason) }

// FileError refuses a whole file: a wrong header, a wrong encoding, a damaged archive.
type FileError struct {
	File   string
	Line   int // 0 when the problem is not on a line
	Reason string
}

func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: file refused: %s", e.File, e.Line, e.Reason)
	}
	return fmt.Sprintf("%s: file refused: %s", e.File, e.Reason)
}

// Reader streams the address points of one export file. It implements geo.RecordSource:
// malformed rows are skipped and kept as RowErrors, while a problem that makes the whole file
// untrustworthy ends reading with a *FileError.
type Reader struct {
	name     string
	in       *bufio.Reader
	utf8     bool
	layout   layout
	line     int
	fields   []string
	decoded  []byte
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
		in:     bufio.NewReaderSize(r, 1<<16),
		intern: map[string]string{},
		seen:   map[int64]int{},
	}
	raw, err := rd.readLine()
	if errors.Is(err, io.EOF) && len(raw) == 0 {
		return nil, &FileError{File: name, Reason: "the file is empty; expected the RÚIAN address-point header"}
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, rd.readError(err)
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	rd.utf8 = utf8.Valid(raw) && !isASCII(raw)
	header, err := rd.decode(raw)
	if err != nil {
		return nil, err
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
		raw, err := r.readLine()
		if len(raw) == 0 {
			if err == nil {
				continue // an empty line carries nothing
			}
			if errors.Is(err, io.EOF) {
				return geo.AddressRecord{}, io.EOF
			}
			return geo.AddressRecord{}, r.readError(err)
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return geo.AddressRecord{}, r.readError(err)
		}
		r.read++
		line, derr := r.decode(raw)
		if derr != nil {
			return geo.AddressRecord{}, derr
		}
		rec, reason := r.parseRow(line)
		if reason != "" {
			r.reject(reason)
			continue
		}
		if first, dup := r.seen[rec.ID]; dup {
			r.reject(fmt.Sprintf("Kód ADM %d repeats the row on line %d", rec.ID, first))
			continue
		}
		r.seen[rec.ID] = r.line
		return rec, nil
	}
}

// Rows is how many data rows were read, valid or not.
func (r *Reader) Rows() int { return r.read }

// Rejected is how many rows were rejected.
func (r *Reader) Rejected() int { return r.rejected }

// Rejects returns the rejected rows (the first maxStoredRejects of them).
func (r *Reader) Rejects() []RowError { return r.rejects }

func (r *Reader) reject(reason string) {
	r.rejected++
	if len(r.rejects) < maxStoredRejects {
		r.rejects = append(r.rejects, RowError{File: r.name, Line: r.line, Reason: reason})
	}
}

// readLine returns the next line without its line end.
func (r *Reader) readLine() ([]byte, error) {
	raw, err := r.in.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		return nil, &FileError{File: r.name, Line: r.line + 1, Reason: "a line is longer than 64 KiB; this is not an address-point export"}
	}
	r.line++
	raw = bytes.TrimSuffix(raw, []byte("\n"))
	raw = bytes.TrimSuffix(raw, []byte("\r"))
	return raw, err
}

// readError explains a failure of the underlying stream, typically a damaged ZIP member.
func (r *Reader) readError(err error) error {
	var fe *FileError
	if errors.As(err, &fe) {
		return fe
	}
	return &FileError{File: r.name, Line: r.line, Reason: fmt.Sprintf("reading stopped: %v (truncated or damaged file?)", err)}
}

// decode turns one raw line into text, refusing bytes that are not text in the file's encoding.
func (r *Reader) decode(raw []byte) (string, error) {
	if isASCII(raw) {
		return string(raw), nil
	}
	if r.utf8 {
		if !utf8.Valid(raw) {
			return "", &FileError{File: r.name, Line: r.line, Reason: "invalid UTF-8 in a file whose header is UTF-8 (mixed encodings?)"}
		}
		return string(raw), nil
	}
	r.decoded = r.decoded[:0]
	for _, b := range raw {
		if b < utf8.RuneSelf {
			r.decoded = append(r.decoded, b)
			continue
		}
		ru := cp1250[b]
		if ru == utf8.RuneError {
			return "", &FileError{File: r.name, Line: r.line, Reason: fmt.Sprintf("byte 0x%02X is not a windows-1250 character (wrong encoding?)", b)}
		}
		r.decoded = utf8.AppendRune(r.decoded, ru)
	}
	return string(r.decoded), nil
}

// cp1250 maps every windows-1250 byte to its character; bytes the code page leaves undefined
// map to utf8.RuneError.
var cp1250 = func() (t [256]rune) {
	for i := range t {
		t[i] = charmap.Windows1250.DecodeByte(byte(i))
	}
	return t
}()

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
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
