package videos

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/radnice/radnice/datasets/textdoc"
)

// MediaDirEnv names the environment variable that says where video files lie that a content
// folder does not hold itself.
const MediaDirEnv = "RADNICE_MEDIA_DIR"

// defaultMediaDir is where .ci/media makes the demo town's videos, in the source tree.
const defaultMediaDir = ".data/media"

// MediaDir is the folder of video files made outside the content folder: $RADNICE_MEDIA_DIR,
// else .data/media of the source tree the working directory lies in (found by its go.mod, so
// that tests of any package find the files `make` made), else .data/media of the working
// directory.
func MediaDir() string {
	if dir := os.Getenv(MediaDirEnv); dir != "" {
		return dir
	}
	wd, err := os.Getwd()
	if err != nil {
		return defaultMediaDir
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, defaultMediaDir)
		}
		if filepath.Dir(dir) == dir {
			return filepath.Join(wd, defaultMediaDir)
		}
	}
}

// Video is a guide's video file.
type Video struct {
	Data        []byte
	ContentType string // video/webm or video/mp4
}

// ReadVideo reads the video file of g: from dir of fsys (the content folder) when it is there,
// else from mediaDir. The file must be of the type its name says.
func ReadVideo(fsys fs.FS, dir string, g Guide, mediaDir string) (Video, error) {
	data, err := fs.ReadFile(fsys, path.Join(dir, g.Video))
	if errors.Is(err, fs.ErrNotExist) {
		data, err = os.ReadFile(filepath.Join(mediaDir, g.Video))
		if errors.Is(err, fs.ErrNotExist) {
			return Video{}, videoError(g, "the video file %s is neither in %s nor in the media folder %s (%s); the demo town's videos are made by .ci/media, which `make run` and `make test` call", g.Video, dir, mediaDir, MediaDirEnv)
		}
	}
	if err != nil {
		return Video{}, videoError(g, "%v", err)
	}
	ext := path.Ext(g.Video)
	if !hasSignature(ext, data) {
		return Video{}, videoError(g, "%s is not a %s video", g.Video, ext[1:])
	}
	return Video{Data: data, ContentType: videoTypes[ext]}, nil
}

// hasSignature reports whether data starts as a file of the extension does: WebM with the
// EBML header, MP4 with its "ftyp" box. It keeps placeholders and mixed-up files out.
func hasSignature(ext string, data []byte) bool {
	switch ext {
	case ".webm":
		return bytes.HasPrefix(data, []byte{0x1a, 0x45, 0xdf, 0xa3})
	case ".mp4":
		return len(data) >= 8 && string(data[4:8]) == "ftyp"
	}
	return false
}

// videoError is a problem with the video file of g, placed at the line naming it.
func videoError(g Guide, format string, args ...any) error {
	return &textdoc.Error{File: g.File, Line: g.VideoLine, Msg: fmt.Sprintf(format, args...)}
}
