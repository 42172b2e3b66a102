// Package vfr streams polling districts (volební okrsky) out of RÚIAN exchange-format (VFR)
// XML: the national special file ST_UVOH or a municipality's VFR file, plain, gzipped or in a
// ZIP. Documents are read token by token and never held in memory whole.
package vfr

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/twpayne/go-geom"
	"golang.org/x/text/encoding/charmap"
)

// SRID is the spatial reference of every boundary: S-JTSK / Krovak East North (EPSG:5514).
const SRID = 5514

// maxStoredRejects bounds how many rejected districts a Reader keeps in detail; all are counted.
const maxStoredRejects = 1000

// Namespaces of the elements the reader understands.
const (
	NamespaceVF  = "urn:cz:isvs:ruian:schemas:VymennyFormatTypy:v1"
	NamespaceVO  = "urn:cz:isvs:ruian:schemas:VOIntTypy:v1"
	NamespaceObi = "urn:cz:isvs:ruian:schemas:ObecIntTypy:v1"
	NamespaceMci = "urn:cz:isvs:ruian:schemas:MomcIntTypy:v1"
	NamespaceGML = "http://www.opengis.net/gml/3.2"
)

// District is one polling district (volební okrsek) as RÚIAN publishes it.
type District struct {
	Code             int                // voi:Kod, the district's RÚIAN code, unique nationwide
	Number           int                // voi:Cislo, the district's number within its municipality
	MunicipalityCode int                // voi:Obec/obi:Kod
	CityDistrictCode int                // voi:Momc/mci:Kod, 0 outside statutory cities' city districts
	Note             string             // voi:Poznamka, often where the polling station is
	ValidFrom        time.Time          // voi:PlatiOd, zero when absent
	ValidTo          time.Time          // voi:PlatiDo, zero when absent
	Boundary         *geom.MultiPolygon // voi:OriginalniHranice in EPSG:5514 (SRID set), nil when absent
}

// DistrictError is a rejected district: where its offending element starts and why.
type DistrictError struct {
	File   string
	Line   int
	Col    int // 1-based byte column
	Reason string
}

// Error formats the rejection as file:line:col: reason.
func (e DistrictError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Reason)
}

// FileError refuses a whole file: broken or truncated XML, a damaged archive, not a VFR file.
type FileError struct {
	File   string
	Line   int // 0 when the problem is not at a place in the XML
	Col    int
	Reason string
}

// Error formats the refusal with the place in the file when there is one.
func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: file refused: %s", e.File, e.Line, e.Col, e.Reason)
	}
	return fmt.Sprintf("%s: file refused: %s", e.File, e.Reason)
}

// pos is where a token starts in the XML.
type pos struct{ line, col int }

// fault is why a district is rejected, at the element that shows it.
type fault struct {
	at     pos
	reason string
}

func (f *fault) Error() string { return f.reason }

// item is a token with the position where it starts.
type item struct {
	tok xml.Token
	at  pos
}

// Reader streams the polling districts of one VFR document. Malformed districts are skipped
// and kept as DistrictErrors; a problem that makes the whole file untrustworthy ends reading
// with a *FileError.
type Reader struct {
	name       string
	dec        *xml.Decoder
	depth      int // of the last token: the root element is at depth 1
	back       []item
	started    bool   // the root element has begun
	badCharset string // an XML encoding declaration the reader cannot decode
	rootDone   bool   // the root element has ended
	buf        []byte
	coords     []float64   // scratch for one ring's coordinates
	seen       map[int]pos // voi:Kod → where, to reject duplicates
	rejects    []DistrictError
	rejected   int
	incorrect  int
	districts  int
}

// NewReader reads the start of a VFR document named name (used in messages) from r, plain or
// gzip-compressed XML, and returns a Reader positioned before the first district.
func NewReader(name string, r io.Reader) (*Reader, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	magic, err := br.Peek(2)
	if len(magic) == 0 && errors.Is(err, io.EOF) {
		return nil, &FileError{File: name, Reason: "the file is empty; expected RÚIAN VFR XML"}
	}
	var src io.Reader = br
	if bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, &FileError{File: name, Reason: fmt.Sprintf("damaged gzip stream: %v", err)}
		}
		src = bufio.NewReaderSize(zr, 1<<16)
	}
	dec := xml.NewDecoder(src)
	rd := &Reader{name: name, dec: dec, seen: map[int]pos{}}
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		out, err := charsetReader(label, in)
		if err != nil {
			rd.badCharset = label
		}
		return out, err
	}
	for {
		it, err := rd.token()
		if err != nil {
			return nil, err
		}
		if start, ok := it.tok.(xml.StartElement); ok {
			if !is(start.Name, NamespaceVF, "VymennyFormat") {
				return nil, &FileError{File: name, Line: it.at.line, Col: it.at.col,
					Reason: fmt.Sprintf("the root element is %s; expected vf:VymennyFormat of RÚIAN VFR", qname(start.Name))}
			}
			return rd, nil
		}
	}
}

// Next returns the next well-formed district, io.EOF at the end of the document, or a *FileError.
// Districts marked voi:Nespravny are skipped and counted by MarkedIncorrect.
func (r *Reader) Next() (District, error) {
	for {
		it, err := r.token()
		if err != nil {
			return District{}, err
		}
		start, ok := it.tok.(xml.StartElement)
		if !ok || !isDistrictElement(start.Name) {
			continue
		}
		// vf:VolebniOkrsek may wrap a vf:VO: a district is the element whose children are voi:.
		first, err := r.peekElement()
		if err != nil {
			return District{}, err
		}
		if fs, ok := first.tok.(xml.StartElement); ok && isDistrictElement(fs.Name) {
			continue
		}
		r.districts++
		d, incorrect, f, err := r.district(it.at)
		if err != nil {
			return District{}, err
		}
		switch {
		case incorrect:
			r.incorrect++
		case f != nil:
			r.reject(f)
		default:
			if prev, dup := r.seen[d.Code]; dup {
				r.reject(&fault{it.at, fmt.Sprintf("voi:Kod %d repeats the district at %d:%d", d.Code, prev.line, prev.col)})
				continue
			}
			r.seen[d.Code] = it.at
			return d, nil
		}
	}
}

// Districts is how many district elements were read: returned, rejected or marked incorrect.
func (r *Reader) Districts() int { return r.districts }

// Rejected is how many districts were rejected as malformed.
func (r *Reader) Rejected() int { return r.rejected }

// Rejects returns the rejected districts (the first 1000 of them).
func (r *Reader) Rejects() []DistrictError { return r.rejects }

// MarkedIncorrect is how many districts were skipped because RÚIAN marks them voi:Nespravny.
func (r *Reader) MarkedIncorrect() int { return r.incorrect }

// Offset is how many bytes of XML have been read, for progress reports.
func (r *Reader) Offset() int64 { return r.dec.InputOffset() }

func (r *Reader) reject(f *fault) {
	r.rejected++
	if len(r.rejects) < maxStoredRejects {
		r.rejects = append(r.rejects, DistrictError{File: r.name, Line: f.at.line, Col: f.at.col, Reason: f.reason})
	}
}

// token returns the next token with its start position, keeping track of the depth. At the
// end of a complete document it returns io.EOF; every other failure is a *FileError.
func (r *Reader) token() (item, error) {
	var it item
	if n := len(r.back); n > 0 {
		it = r.back[n-1]
		r.back = r.back[:n-1]
	} else {
		line, col := r.dec.InputPos()
		tok, err := r.dec.Token()
		if err != nil {
			return it, r.readError(err, pos{line, col})
		}
		it = item{tok, pos{line, col}}
	}
	switch t := it.tok.(type) {
	case xml.StartElement:
		if r.rootDone {
			return it, &FileError{File: r.name, Line: it.at.line, Col: it.at.col,
				Reason: fmt.Sprintf("element %s after the end of the root element", qname(t.Name))}
		}
		r.depth++
		r.started = true
	case xml.EndElement:
		r.depth--
		if r.depth == 0 {
			r.rootDone = true
		}
	}
	return it, nil
}

// unread puts the token back so that the next call of token returns it again.
func (r *Reader) unread(it item) {
	switch it.tok.(type) {
	case xml.StartElement:
		r.depth--
	case xml.EndElement:
		r.depth++
		if r.depth == 1 {
			r.rootDone = false
		}
	}
	r.back = append(r.back, it)
}

// peekElement returns the next start or end element without consuming it; text, comments and
// processing instructions before it are dropped.
func (r *Reader) peekElement() (item, error) {
	for {
		it, err := r.token()
		if err != nil {
			return it, err
		}
		switch it.tok.(type) {
		case xml.StartElement, xml.EndElement:
			r.unread(it)
			return it, nil
		}
	}
}

// readError explains why the decoder stopped in the token that starts at tokenAt.
func (r *Reader) readError(err error, tokenAt pos) error {
	line, col := r.dec.InputPos()
	if r.badCharset != "" {
		return &FileError{File: r.name, Line: line, Col: col,
			Reason: fmt.Sprintf("the XML declares the encoding %q; expected UTF-8 (windows-1250 and ISO-8859-2 are also read)", r.badCharset)}
	}
	var se *xml.SyntaxError
	switch {
	case errors.Is(err, io.EOF):
		if r.rootDone {
			return io.EOF
		}
		if !r.started {
			return &FileError{File: r.name, Reason: "the file holds no XML element; expected RÚIAN VFR XML"}
		}
		return &FileError{File: r.name, Line: line, Col: col, Reason: "the document ends before its root element is closed (truncated file?)"}
	case errors.As(err, &se):
		if se.Msg == "unexpected EOF" {
			return &FileError{File: r.name, Line: line, Col: col, Reason: "the document ends inside an element (truncated file?)"}
		}
		return &FileError{File: r.name, Line: tokenAt.line, Col: tokenAt.col, Reason: "malformed XML: " + se.Msg}
	}
	return &FileError{File: r.name, Line: line, Col: col, Reason: fmt.Sprintf("reading stopped: %v (truncated or damaged file?)", err)}
}

// district reads the children of a district element whose start was just read at at, up to
// and including its end. A malformed district comes back as a fault; err is a *FileError.
func (r *Reader) district(at pos) (d District, incorrect bool, f *fault, err error) {
	depth := r.depth
	var seen [elemCount]bool
	for {
		it, err := r.token()
		if err != nil {
			return d, false, nil, err
		}
		if r.depth < depth {
			break // the district's end element
		}
		start, ok := it.tok.(xml.StartElement)
		if !ok {
			continue
		}
		e := voElement(start.Name)
		if e == elemOther {
			if err := r.skip(); err != nil {
				return d, false, nil, err
			}
			continue
		}
		if seen[e] {
			f = &fault{it.at, fmt.Sprintf("voi:%s appears twice", start.Name.Local)}
		} else {
			seen[e] = true
			f, err = r.field(e, start, it.at, &d, &incorrect)
			if err != nil {
				return d, false, nil, err
			}
		}
		if f != nil {
			// Read to the district's end, still noticing a voi:Nespravny flag.
			flagged, err := r.skipDistrict(depth)
			if err != nil {
				return d, false, nil, err
			}
			return d, incorrect || flagged, f, nil
		}
	}
	if incorrect {
		return d, true, nil, nil
	}
	var missing []string
	for _, e := range []voElem{elemKod, elemCislo, elemObec} {
		if !seen[e] {
			missing = append(missing, "voi:"+voNames[e])
		}
	}
	if len(missing) > 0 {
		return d, false, &fault{at, "the district lacks " + strings.Join(missing, ", ")}, nil
	}
	return d, false, nil, nil
}

// field reads one child element of a district into d; the child's start was just read.
func (r *Reader) field(e voElem, start xml.StartElement, at pos, d *District, incorrect *bool) (*fault, error) {
	name := "voi:" + start.Name.Local
	switch e {
	case elemKod, elemCislo:
		s, f, err := r.text(name)
		if f != nil || err != nil {
			return f, err
		}
		n, ok := positive(s)
		if !ok {
			return &fault{at, fmt.Sprintf("%s is %q; expected a positive whole number", name, s)}, nil
		}
		if e == elemKod {
			d.Code = n
		} else {
			d.Number = n
		}
	case elemNespravny:
		s, f, err := r.text(name)
		if f != nil || err != nil {
			return f, err
		}
		b, ok := xsdBool(s)
		if !ok {
			return &fault{at, fmt.Sprintf("%s is %q; expected true or false", name, s)}, nil
		}
		*incorrect = b
	case elemObec, elemMomc:
		ns, prefix := NamespaceObi, "obi"
		if e == elemMomc {
			ns, prefix = NamespaceMci, "mci"
		}
		code, f, err := r.childCode(name, ns, prefix, at)
		if f != nil || err != nil {
			return f, err
		}
		if e == elemObec {
			d.MunicipalityCode = code
		} else {
			d.CityDistrictCode = code
		}
	case elemPoznamka:
		s, f, err := r.text(name)
		if f != nil || err != nil {
			return f, err
		}
		d.Note = strings.TrimSpace(s)
	case elemPlatiOd, elemPlatiDo:
		s, f, err := r.text(name)
		if f != nil || err != nil {
			return f, err
		}
		t, ok := parseTime(s)
		if !ok {
			return &fault{at, fmt.Sprintf("%s is %q; expected a date like 2026-02-05T00:00:00", name, s)}, nil
		}
		if e == elemPlatiOd {
			d.ValidFrom = t
		} else {
			d.ValidTo = t
		}
	case elemGeometrie:
		return r.geometry(d)
	}
	return nil, nil
}

// geometry reads voi:Geometrie: the boundary from voi:OriginalniHranice; the definition
// point and any generalised boundary are skipped.
func (r *Reader) geometry(d *District) (*fault, error) {
	depth := r.depth
	for {
		it, err := r.token()
		if err != nil {
			return nil, err
		}
		if r.depth < depth {
			return nil, nil
		}
		start, ok := it.tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !is(start.Name, NamespaceVO, "OriginalniHranice") {
			if err := r.skip(); err != nil {
				return nil, err
			}
			continue
		}
		if d.Boundary != nil {
			return &fault{it.at, "voi:OriginalniHranice appears twice"}, nil
		}
		mp, f, err := r.boundary(it.at)
		if f != nil || err != nil {
			return f, err
		}
		d.Boundary = mp
	}
}

// childCode reads an element such as voi:Obec holding one code element prefix:Kod.
func (r *Reader) childCode(name, ns, prefix string, at pos) (int, *fault, error) {
	depth := r.depth
	code := 0
	for {
		it, err := r.token()
		if err != nil {
			return 0, nil, err
		}
		if r.depth < depth {
			break
		}
		start, ok := it.tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !is(start.Name, ns, "Kod") {
			if err := r.skip(); err != nil {
				return 0, nil, err
			}
			continue
		}
		if code != 0 {
			return 0, &fault{it.at, fmt.Sprintf("%s holds %s:Kod twice", name, prefix)}, nil
		}
		s, f, err := r.text(prefix + ":Kod")
		if f != nil || err != nil {
			return 0, f, err
		}
		n, ok := positive(s)
		if !ok {
			return 0, &fault{it.at, fmt.Sprintf("%s/%s:Kod is %q; expected a positive whole number", name, prefix, s)}, nil
		}
		code = n
	}
	if code == 0 {
		return 0, &fault{at, fmt.Sprintf("%s lacks %s:Kod", name, prefix)}, nil
	}
	return code, nil, nil
}

// text reads the character data of the element whose start was just read, up to its end.
func (r *Reader) text(name string) (string, *fault, error) {
	depth := r.depth
	r.buf = r.buf[:0]
	for {
		it, err := r.token()
		if err != nil {
			return "", nil, err
		}
		switch t := it.tok.(type) {
		case xml.CharData:
			r.buf = append(r.buf, t...)
		case xml.StartElement:
			return "", &fault{it.at, fmt.Sprintf("unexpected element %s inside %s", qname(t.Name), name)}, nil
		case xml.EndElement:
			if r.depth < depth {
				return strings.TrimSpace(string(r.buf)), nil, nil
			}
		}
	}
}

// skip reads to the end of the element whose start was just read.
func (r *Reader) skip() error {
	depth := r.depth
	for r.depth >= depth {
		if _, err := r.token(); err != nil {
			return err
		}
	}
	return nil
}

// skipDistrict reads to the end of a rejected district at depth, reporting whether a direct
// child voi:Nespravny marks it incorrect on the way.
func (r *Reader) skipDistrict(depth int) (bool, error) {
	flagged := false
	for r.depth >= depth {
		it, err := r.token()
		if err != nil {
			return false, err
		}
		if start, ok := it.tok.(xml.StartElement); ok && r.depth == depth+1 && is(start.Name, NamespaceVO, "Nespravny") {
			if s, f, err := r.text("voi:Nespravny"); err != nil {
				return false, err
			} else if f == nil {
				b, _ := xsdBool(s)
				flagged = flagged || b
			}
		}
	}
	return flagged, nil
}

// voElem identifies a district child element the reader uses.
type voElem int

const (
	elemOther voElem = iota
	elemKod
	elemCislo
	elemNespravny
	elemObec
	elemMomc
	elemPoznamka
	elemPlatiOd
	elemPlatiDo
	elemGeometrie
	elemCount
)

var voNames = [elemCount]string{"", "Kod", "Cislo", "Nespravny", "Obec", "Momc", "Poznamka", "PlatiOd", "PlatiDo", "Geometrie"}

func voElement(n xml.Name) voElem {
	if !inSpace(n.Space, NamespaceVO) {
		return elemOther
	}
	for e, local := range voNames {
		if e != int(elemOther) && local == n.Local {
			return voElem(e)
		}
	}
	return elemOther
}

// isDistrictElement tells vf:VO and vf:VolebniOkrsek, the elements that hold a district.
func isDistrictElement(n xml.Name) bool {
	return is(n, NamespaceVF, "VO") || is(n, NamespaceVF, "VolebniOkrsek")
}

// prefixes are the conventional prefixes of the namespaces, accepted when a fragment uses a
// prefix without declaring it.
var prefixes = map[string]string{
	NamespaceVF: "vf", NamespaceVO: "voi", NamespaceObi: "obi", NamespaceMci: "mci", NamespaceGML: "gml",
}

func inSpace(space, ns string) bool { return space == ns || space == prefixes[ns] }

func is(n xml.Name, ns, local string) bool { return n.Local == local && inSpace(n.Space, ns) }

// qname writes a name with its conventional prefix, for messages.
func qname(n xml.Name) string {
	if p, ok := prefixes[n.Space]; ok {
		return p + ":" + n.Local
	}
	if n.Space == "" {
		return n.Local
	}
	if strings.Contains(n.Space, ":") {
		return "{" + n.Space + "}" + n.Local
	}
	return n.Space + ":" + n.Local
}

// positive parses a positive RÚIAN code or number.
func positive(s string) (int, bool) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > 1<<31-1 {
		return 0, false
	}
	return int(n), true
}

func xsdBool(s string) (bool, bool) {
	switch s {
	case "true", "1":
		return true, true
	case "false", "0":
		return false, true
	}
	return false, false
}

// parseTime reads an xs:dateTime or xs:date; without a zone the time is taken as UTC.
func parseTime(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02T15:04:05", time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02", "2006-01-02Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// charsetReader decodes the single-byte encodings a Czech XML file may declare; RÚIAN itself
// writes UTF-8.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "windows-1250", "cp1250":
		return charmap.Windows1250.NewDecoder().Reader(in), nil
	case "iso-8859-2", "latin2":
		return charmap.ISO8859_2.NewDecoder().Reader(in), nil
	}
	return nil, fmt.Errorf("unsupported XML encoding %q; expected UTF-8", label)
}
