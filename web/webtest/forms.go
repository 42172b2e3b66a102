package webtest

import (
	"bytes"
	"html"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"testing"
)

// File is a file a form uploads: its form field, its name on the sender's computer and its content.
type File struct {
	Field, Name string
	Content     []byte
}

// PostMultipart posts form with files to path on srv as a browser sends a form that uploads
// files (multipart/form-data); it never follows redirects.
func PostMultipart(t testing.TB, srv *httptest.Server, path string, form url.Values, files ...File) (*http.Response, string) {
	t.Helper()
	return Do(t, MultipartRequest(t, srv.URL+path, form, files...))
}

// MultipartRequest is the request that posts form with files to target as a browser sends a
// form that uploads files (multipart/form-data), to send with Do or As.
func MultipartRequest(t testing.TB, target string, form url.Values, files ...File) *http.Request {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for name, values := range form {
		for _, v := range values {
			if err := w.WriteField(name, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, f := range files {
		part, err := w.CreateFormFile(f.Field, f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := part.Write(f.Content); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return request(t, http.MethodPost, target, &body, []string{"Content-Type", w.FormDataContentType()})
}

var (
	errorSummary = regexp.MustCompile(`(?s)<div class="error-summary".*?</div>`)
	summaryLink  = regexp.MustCompile(`<a href="#([^"]+)">([^<]+)</a>`)
)

// ErrorSummary is what the error summary of a form page (layout.ErrorSummary) lists: the
// message for each field id it links to.
func ErrorSummary(page string) map[string]string {
	out := map[string]string{}
	for _, m := range summaryLink.FindAllStringSubmatch(errorSummary.FindString(page), -1) {
		out[m[1]] = html.UnescapeString(m[2])
	}
	return out
}

// FieldError is the error a form page shows next to the field id (layout.Field), "" when none.
func FieldError(page, id string) string {
	m := regexp.MustCompile(`<span class="error-message" id="` + regexp.QuoteMeta(id) + `-error"><span class="visually-hidden">[^<]*</span> ([^<]+)</span>`).FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}
