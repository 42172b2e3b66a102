package main

import (
	"bytes"
	"crypto/md5"
	"fmt"
	"strings"
	"unicode/utf16"
)

// A minimal PDF writer: A4 pages of wrapped text in the standard fonts Helvetica and
// Helvetica-Bold, which every PDF reader has, with an encoding that reaches the Czech letters
// (their glyphs are in the standard fonts' character sets).

const (
	pageWidth, pageHeight = 595.0, 842.0 // A4 in points
	margin                = 70.0
)

// font is one of the two fonts the documents use.
type font string

const (
	regular font = "F1"
	bold    font = "F2"
)

// glyphs are the characters beyond ASCII the documents may hold, by PostScript glyph name;
// the encoding gives them the codes 128, 129, ... in this order.
var glyphs = []struct {
	r    rune
	name string
}{
	{'á', "aacute"}, {'č', "ccaron"}, {'ď', "dcaron"}, {'é', "eacute"}, {'ě', "ecaron"},
	{'í', "iacute"}, {'ň', "ncaron"}, {'ó', "oacute"}, {'ř', "rcaron"}, {'š', "scaron"},
	{'ť', "tcaron"}, {'ú', "uacute"}, {'ů', "uring"}, {'ý', "yacute"}, {'ž', "zcaron"},
	{'Á', "Aacute"}, {'Č', "Ccaron"}, {'Ď', "Dcaron"}, {'É', "Eacute"}, {'Ě', "Ecaron"},
	{'Í', "Iacute"}, {'Ň', "Ncaron"}, {'Ó', "Oacute"}, {'Ř', "Rcaron"}, {'Š', "Scaron"},
	{'Ť', "Tcaron"}, {'Ú', "Uacute"}, {'Ů', "Uring"}, {'Ý', "Yacute"}, {'Ž', "Zcaron"},
	{'„', "quotedblbase"}, {'“', "quotedblleft"}, {'”', "quotedblright"}, {'–', "endash"},
	{'—', "emdash"}, {'…', "ellipsis"}, {'§', "section"}, {'°', "degree"}, {'²', "twosuperior"},
	{'×', "multiply"}, {'ä', "adieresis"}, {'ö', "odieresis"}, {'ü', "udieresis"}, {'’', "quoteright"},
}

// pdf is a document being written, page by page.
type pdf struct {
	title string
	pages []*bytes.Buffer // content streams
	y     float64         // the baseline of the next line on the last page
	err   error
}

func newPDF(title string) *pdf {
	d := &pdf{title: title}
	d.newPage()
	return d
}

func (d *pdf) newPage() {
	d.pages = append(d.pages, &bytes.Buffer{})
	d.y = pageHeight - margin
}

// space makes room for height points on the page, starting a new page when it is full.
func (d *pdf) space(height float64) *bytes.Buffer {
	if d.y-height < margin {
		d.newPage()
	}
	d.y -= height
	return d.pages[len(d.pages)-1]
}

// line writes one line of text.
func (d *pdf) line(f font, size float64, text string) {
	encoded, err := encode(text)
	if err != nil && d.err == nil {
		d.err = err
	}
	fmt.Fprintf(d.space(size*1.4), "BT /%s %g Tf %g %.1f Td (%s) Tj ET\n", f, size, margin, d.y, encoded)
}

// paragraph writes text wrapped to the page's width. Helvetica's letters average about half
// their size in width, which is what the wrapping assumes.
func (d *pdf) paragraph(f font, size float64, text string) {
	limit := int((pageWidth - 2*margin) / (size * 0.52))
	var line []string
	width := 0
	for _, word := range strings.Fields(text) {
		n := len([]rune(word))
		if width > 0 && width+1+n > limit {
			d.line(f, size, strings.Join(line, " "))
			line, width = nil, 0
		}
		if width > 0 {
			width++
		}
		line = append(line, word)
		width += n
	}
	if len(line) > 0 {
		d.line(f, size, strings.Join(line, " "))
	}
}

func (d *pdf) gap() { d.space(8) }

// plan draws a schematic situation: a street, plots along it, the plot concerned hatched
// and a north arrow.
func (d *pdf) plan() {
	const height = 220.0
	w := d.space(height + 10)
	top := d.y + height
	fmt.Fprintf(w, "0.6 w 0.85 g %g %.1f %g 26 re f 0 g\n", margin, top-155, pageWidth-2*margin) // the street
	for i := range 5 {
		x := margin + float64(i)*91
		fmt.Fprintf(w, "%g %.1f 85 95 re S\n", x, top-125)
		if i == 2 {
			for k := 8.0; k < 95; k += 8 {
				fmt.Fprintf(w, "%g %.1f m %g %.1f l S\n", x, top-125+k, x+85, top-125+k)
			}
			fmt.Fprintf(w, "2 w %g %.1f 85 95 re S 0.6 w\n", x, top-125)
		}
	}
	fmt.Fprintf(w, "%g %.1f m %g %.1f l %g %.1f l f\n", pageWidth-margin-10, top+5, pageWidth-margin-16, top-12, pageWidth-margin-4, top-12)
	fmt.Fprintf(w, "BT /%s 9 Tf %g %.1f Td (S) Tj ET\n", bold, pageWidth-margin-13, top-24)
	fmt.Fprintf(w, "BT /%s 9 Tf %g %.1f Td (%s) Tj ET\n", regular, margin, top-175, mustEncode("Schéma, bez měřítka. Šrafovaně: dotčená část pozemku."))
}

func mustEncode(s string) string {
	e, err := encode(s)
	if err != nil {
		panic(err) // a constant of this file
	}
	return e
}

// encode writes text as the inside of a PDF literal string in the documents' encoding.
func encode(text string) (string, error) {
	var b strings.Builder
	for _, r := range text {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\u00a0':
			b.WriteByte(' ')
		case r >= ' ' && r < 0x7f:
			b.WriteRune(r)
		default:
			code := -1
			for i, g := range glyphs {
				if g.r == r {
					code = 128 + i
				}
			}
			if code < 0 {
				return "", fmt.Errorf("the PDF fonts have no %q: add its glyph to glyphs", r)
			}
			fmt.Fprintf(&b, "\\%03o", code)
		}
	}
	return b.String(), nil
}

// bytes writes the whole document: catalog, pages, fonts, information, cross-reference table.
func (d *pdf) bytes() ([]byte, error) {
	if d.err != nil {
		return nil, d.err
	}
	var objects []string
	add := func(s string) int { objects = append(objects, s); return len(objects) }
	catalog := add("") // filled in when the pages are known
	pagesObj := add("")
	var differences strings.Builder
	for _, g := range glyphs {
		differences.WriteString(" /" + g.name)
	}
	encoding := add("<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128" + differences.String() + "] >>")
	fonts := fmt.Sprintf("/Font << /F1 %d 0 R /F2 %d 0 R >>",
		add(fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding %d 0 R >>", encoding)),
		add(fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding %d 0 R >>", encoding)))
	info := add(fmt.Sprintf("<< /Title %s /Author %s /Producer (Radnice) >>", utf16String(d.title), utf16String(office)))
	var kids []string
	for _, content := range d.pages {
		stream := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()))
		page := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] /Resources << %s >> /Contents %d 0 R >>", pagesObj, pageWidth, pageHeight, fonts, stream))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	objects[catalog-1] = fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R /Lang (cs-CZ) >>", pagesObj)
	objects[pagesObj-1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))

	var out bytes.Buffer
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	id := fmt.Sprintf("%x", md5.Sum(out.Bytes()))
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, catalog, info, id, id, xref)
	return out.Bytes(), nil
}

// utf16String is a PDF text string in UTF-16BE with its byte order mark, as hex.
func utf16String(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}
