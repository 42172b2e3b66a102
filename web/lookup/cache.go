package lookup

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
)

// Cache policies of the answers: public for what an address id names, private for answers to
// a searched text or a position, which say something of the person asking and must stay out
// of shared caches.
const (
	cachePublic  = "public, max-age=300"
	cachePrivate = "private, max-age=300"
)

// encoded is a response body with its type and its ETag (a hash of the body).
type encoded struct {
	contentType string
	body        []byte
	etag        string
}

// encode makes body an encoded response of contentType.
func encode(contentType string, body []byte) encoded {
	sum := sha256.Sum256(body)
	return encoded{contentType: contentType, body: body, etag: `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`}
}

// encodeJSON makes v an encoded JSON response.
func encodeJSON(v any) encoded {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		panic(err) // the answer types always encode
	}
	return encode("application/json", buf.Bytes())
}

// writeCached sends e with its ETag and Cache-Control, or answers 304 Not Modified without a
// body when the request's If-None-Match names that ETag.
func writeCached(w http.ResponseWriter, r *http.Request, cacheControl string, e encoded) {
	h := w.Header()
	h.Set("ETag", e.etag)
	h.Set("Cache-Control", cacheControl)
	if matches(r.Header.Values("If-None-Match"), e.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", e.contentType)
	w.Write(e.body) //nolint:errcheck // the client may have gone; nothing to do
}

// matches reports whether an If-None-Match header lists etag (weak comparison, RFC 9110
// section 13.1.2) or is "*".
func matches(headers []string, etag string) bool {
	for _, h := range headers {
		for tag := range strings.SplitSeq(h, ",") {
			tag = strings.TrimSpace(tag)
			if tag == "*" || strings.TrimPrefix(tag, "W/") == etag {
				return true
			}
		}
	}
	return false
}
