// Package czcsv reads the line-oriented text files Czech public registers publish, such as
// ČÚZK's CSV exports: windows-1250 as published, or UTF-8 when the first line is UTF-8
// (with or without a byte-order mark). It streams: one line in memory at a time.
package czcsv

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// maxLine is the longest line accepted; register exports have lines of a few hundred bytes.
const maxLine = 1 << 16

// Error stops reading a file: the line it happened on and why. Readers turn it into their
// own refusal of the whole file.
type Error struct {
	Line   int // 0 when not on a line
	Reason string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }

// Lines reads a file line by line, decoding each into text.
type Lines struct {
	in      *bufio.Reader
	what    string // the kind of file, for messages: "the RÚIAN address-point export"
	utf8    bool
	line    int
	decoded []byte
}

// NewLines reads r; what names the kind of file expected, for messages.
func NewLines(r io.Reader, what string) *Lines {
	return &Lines{in: bufio.NewReaderSize(r, maxLine), what: what}
}

// Header reads the first line, which settles the encoding: UTF-8 when it is valid UTF-8 with
// a character outside ASCII (header names are Czech), windows-1250 otherwise.
func (l *Lines) Header() (string, error) {
	raw, err := l.readLine()
	if errors.Is(err, io.EOF) && len(raw) == 0 {
		return "", &Error{Reason: "the file is empty; expected the header of " + l.what}
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return "", l.readError(err)
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	l.utf8 = utf8.Valid(raw) && !isASCII(raw)
	return l.decode(raw)
}

// Next returns the next non-empty line as text, io.EOF after the last, or an *Error when the
// file cannot be read on: a damaged stream, a byte that is not text in the file's encoding.
func (l *Lines) Next() (string, error) {
	for {
		raw, err := l.readLine()
		if len(raw) == 0 {
			if err == nil {
				continue // an empty line carries nothing
			}
			if errors.Is(err, io.EOF) {
				return "", io.EOF
			}
			return "", l.readError(err)
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return "", l.readError(err)
		}
		return l.decode(raw)
	}
}

// Line is the number of the line read last.
func (l *Lines) Line() int { return l.line }

// readLine returns the next line without its line end.
func (l *Lines) readLine() ([]byte, error) {
	raw, err := l.in.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		return nil, &Error{Line: l.line + 1, Reason: fmt.Sprintf("a line is longer than %d KiB; this is not %s", maxLine>>10, l.what)}
	}
	l.line++
	raw = bytes.TrimSuffix(raw, []byte("\n"))
	raw = bytes.TrimSuffix(raw, []byte("\r"))
	return raw, err
}

// readError explains a failure of the underlying stream, typically a damaged ZIP member.
func (l *Lines) readError(err error) error {
	var le *Error
	if errors.As(err, &le) {
		return le
	}
	return &Error{Line: l.line, Reason: fmt.Sprintf("reading stopped: %v (truncated or damaged file?)", err)}
}

// decode turns one raw line into text, refusing bytes that are not text in the file's encoding.
func (l *Lines) decode(raw []byte) (string, error) {
	if isASCII(raw) {
		return string(raw), nil
	}
	if l.utf8 {
		if !utf8.Valid(raw) {
			return "", &Error{Line: l.line, Reason: "invalid UTF-8 in a file whose header is UTF-8 (mixed encodings?)"}
		}
		return string(raw), nil
	}
	l.decoded = l.decoded[:0]
	for _, b := range raw {
		if b < utf8.RuneSelf {
			l.decoded = append(l.decoded, b)
			continue
		}
		r := cp1250[b]
		if r == utf8.RuneError {
			return "", &Error{Line: l.line, Reason: fmt.Sprintf("byte 0x%02X is not a windows-1250 character (wrong encoding?)", b)}
		}
		l.decoded = utf8.AppendRune(l.decoded, r)
	}
	return string(l.decoded), nil
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
