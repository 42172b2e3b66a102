package czcsv

import (
	"errors"
	"fmt"
)

// RowError is a rejected row: where it is and why.
type RowError struct {
	File   string
	Line   int
	Reason string
}

// Error formats the rejection as file:line: reason.
func (e RowError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason) }

// FileError refuses a whole file: a wrong header, a wrong encoding, a damaged stream.
type FileError struct {
	File   string
	Line   int // 0 when the problem is not on a line
	Reason string
}

// Error formats the refusal with the line when there is one.
func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: file refused: %s", e.File, e.Line, e.Reason)
	}
	return fmt.Sprintf("%s: file refused: %s", e.File, e.Reason)
}

// Refusal refuses the file named file for err, a failure to read it on.
func Refusal(file string, err error) *FileError {
	var le *Error
	if errors.As(err, &le) {
		return &FileError{File: file, Line: le.Line, Reason: le.Reason}
	}
	return &FileError{File: file, Reason: err.Error()}
}
