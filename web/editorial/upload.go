package editorial

import (
	"errors"
	"fmt"
	"io"
	"net/http"
)

// ErrTooLarge is the answer of ParseUpload to a form larger than its limit.
var ErrTooLarge = errors.New("the form is larger than allowed")

// ParseUpload reads a multipart form (one that uploads files) of at most limit bytes in all;
// a larger one is ErrTooLarge, without the rest of the form being read.
func ParseUpload(w http.ResponseWriter, r *http.Request, limit int64) error {
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	err := r.ParseMultipartForm(1 << 20) // bigger files wait in temporary files, removed after the request
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return ErrTooLarge
	}
	if err != nil {
		return fmt.Errorf("read the uploaded form: %w", err)
	}
	return nil
}

// UploadedFile is the file of the form field name after ParseUpload: the name it had on the
// sender's computer and its content; ok is false when none was chosen (a browser then sends a
// part without a file name, which the form holds as a value).
func UploadedFile(r *http.Request, name string) (fileName string, content []byte, ok bool, err error) {
	f, h, err := r.FormFile(name)
	if errors.Is(err, http.ErrMissingFile) {
		return "", nil, false, nil
	}
	if err != nil {
		return "", nil, false, fmt.Errorf("read the uploaded file %s: %w", name, err)
	}
	defer f.Close()
	content, err = io.ReadAll(f)
	if err != nil {
		return "", nil, false, fmt.Errorf("read the uploaded file %s: %w", name, err)
	}
	return h.Filename, content, true, nil
}
