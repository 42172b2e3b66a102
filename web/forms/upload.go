package forms

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/radnice/radnice/datasets/formdefs"
	"github.com/radnice/radnice/web/editorial"
	"github.com/radnice/radnice/web/forms/engine"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// Limits of a step's request: the fields' text, and the files all together.
const (
	maxFormSize    = 1 << 20
	maxUploadTotal = 50 << 20
)

// fileInput is a file input of a step: its id ("proof", "dogs.1.photo") and its field.
type fileInput struct {
	ID    string
	Field *formdefs.Field
	Group string // "Pes 2" for a field of a group's row
}

// fileInputs are the file inputs of step i that the submitted values show, with the rows
// their groups' counts say.
func fileInputs(def *formdefs.Definition, i int, values func(string) string) []fileInput {
	var out []fileInput
	for _, f := range def.Fields(i) {
		switch f.Type {
		case formdefs.File:
			out = append(out, fileInput{ID: f.Key, Field: f})
		case formdefs.Group:
			rows, _ := strconv.Atoi(values(f.Key + ".count"))
			for n := range min(max(rows, 0), formdefs.MaxRows) {
				for _, c := range f.Children {
					if c.Type == formdefs.File {
						out = append(out, fileInput{ID: f.Key + "." + strconv.Itoa(n) + "." + c.Key, Field: c, Group: f.Label + " " + strconv.Itoa(n+1)})
					}
				}
			}
		}
	}
	return out
}

// uploadLimit is the most a request of step i may carry: its text, and each of its file
// fields' largest file (in every row a group may have), up to maxUploadTotal.
func uploadLimit(def *formdefs.Definition, i int) int64 {
	var files int64
	for _, f := range def.Fields(i) {
		switch f.Type {
		case formdefs.File:
			files += f.MaxSize
		case formdefs.Group:
			rows, _ := strconv.Atoi(f.Max)
			for _, c := range f.Children {
				if c.Type == formdefs.File {
					files += c.MaxSize * int64(rows)
				}
			}
		}
	}
	return maxFormSize + min(files, maxUploadTotal)
}

// errTooLarge is the answer of readStep to a request larger than its step allows.
var errTooLarge = errors.New("the form is larger than allowed")

// readStep reads the submitted values of step i, as a form that uploads files (multipart) when
// the browser sent one; errTooLarge when it is larger than the step allows.
func readStep(w http.ResponseWriter, r *http.Request, def *formdefs.Definition, i int) error {
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		r.Body = http.MaxBytesReader(w, r.Body, maxFormSize)
		var tooLarge *http.MaxBytesError
		if err := r.ParseForm(); errors.As(err, &tooLarge) {
			return errTooLarge
		} else if err != nil {
			return fmt.Errorf("read the form: %w", err)
		}
		return nil
	}
	err := editorial.ParseUpload(w, r, uploadLimit(def, i))
	if errors.Is(err, editorial.ErrTooLarge) {
		return errTooLarge
	}
	return err
}

// checkedUpload is a file uploaded to a file input that passed the checks.
type checkedUpload struct {
	Input     fileInput
	Name      string // as on the sender's computer, without its folders
	MediaType string
	Content   []byte
}

// uploads reads the files of the step's file inputs: those that pass the checks (a type the
// field accepts told by the content, a name that agrees with it, the field's size limit) and
// the problems of those that do not.
func uploads(r *http.Request, inputs []fileInput) ([]checkedUpload, layout.FieldErrors, error) {
	var ok []checkedUpload
	var problems layout.FieldErrors
	if r.MultipartForm == nil {
		return nil, nil, nil
	}
	for _, in := range inputs {
		name, content, found, err := editorial.UploadedFile(r, in.ID)
		if err != nil {
			return nil, nil, err
		}
		if !found {
			continue
		}
		name = name[strings.LastIndexAny(name, `/\`)+1:] // browsers of old sent the whole path
		mediaType := editorial.SniffType(content)
		if problem := checkFile(r.Context(), in, name, mediaType, content); problem != "" {
			problems.Add(in.ID, problem)
			continue
		}
		ok = append(ok, checkedUpload{Input: in, Name: name, MediaType: mediaType, Content: content})
	}
	return ok, problems, nil
}

// checkFile is what is wrong with the file name of content, sniffed as mediaType, uploaded to
// in; "" when nothing.
func checkFile(ctx context.Context, in fileInput, name, mediaType string, content []byte) string {
	f := in.Field
	if len(content) == 0 {
		return msg.T(ctx, "upload-empty", name)
	}
	if int64(len(content)) > f.MaxSize {
		return fileProblem(ctx, in, "file-size", strconv.FormatInt(f.MaxSize, 10))
	}
	i := slices.IndexFunc(formdefs.FileTypes, func(t formdefs.FileType) bool { return t.MediaType == mediaType })
	if i < 0 || !slices.Contains(f.Accept, formdefs.FileTypes[i].Name) {
		return fileProblem(ctx, in, "file-type", strings.Join(f.Accept, ","))
	}
	kind := formdefs.FileTypes[i].Name
	ext := strings.TrimPrefix(strings.ToLower(path.Ext(name)), ".")
	if ext != kind && !(kind == "jpg" && ext == "jpeg") {
		return msg.T(ctx, "upload-lying-name", name, strings.ToUpper(kind))
	}
	return ""
}

// fileProblem is the engine's message of the problem code (with its argument arg) of a file
// uploaded to in.
func fileProblem(ctx context.Context, in fileInput, code, arg string) string {
	return engine.FieldError{Field: in.ID, Code: code, Label: in.Field.Label, Group: in.Group, Arg: arg}.Message(i18n.FromContext(ctx))
}
