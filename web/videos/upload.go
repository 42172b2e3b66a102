package videos

import (
	"net/http"
	"path"
	"strings"
)

// maxVideoSize bounds an uploaded video file: 100 MiB, as the file is held in memory once
// while it is stored. A guide of a few minutes in 720p is well below.
const maxVideoSize = 100 << 20

// videoExtensions are the video formats a guide may have (those browsers play themselves),
// with the extension their files have.
var videoExtensions = map[string]string{"video/webm": ".webm", "video/mp4": ".mp4"}

// checkVideo tells an uploaded video file's type by what it holds, never by its name, and
// refuses a file of another type or whose name says otherwise: it returns the content type,
// or the key of the problem's message with its arguments.
func checkVideo(name string, content []byte) (contentType, problem string, args []any) {
	if len(content) == 0 {
		return "", "video-empty", nil
	}
	contentType = http.DetectContentType(content)
	ext, ok := videoExtensions[contentType]
	if !ok {
		return "", "video-type", nil
	}
	if strings.ToLower(path.Ext(name)) != ext {
		return "", "video-lying-name", []any{formatName(contentType), ext}
	}
	return contentType, "", nil
}
