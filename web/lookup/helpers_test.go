package lookup_test

import (
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// do sends req and returns the response with its whole body; it never follows redirects.
func do(t *testing.T, req *http.Request) (*http.Response, []byte) {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, body
}

// fetch GETs path with the given request headers (name, value, name, value, ...).
func fetch(t *testing.T, srv *httptest.Server, path string, headers ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return do(t, req)
}

// getJSON GETs path and decodes its JSON body into v.
func getJSON(t *testing.T, srv *httptest.Server, path string, v any) *http.Response {
	t.Helper()
	res, body := fetch(t, srv, path)
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: status %d, body is not JSON: %v\n%s", path, res.StatusCode, err, body)
	}
	return res
}

// postForm submits the address form of a page with the text q.
func postForm(t *testing.T, srv *httptest.Server, path, q string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL+path, strings.NewReader(url.Values{"q": {q}}.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return do(t, req)
}

// lookupDoc is GET /api/v1/lookup's answer, as far as the tests read it.
type lookupDoc struct {
	Address struct {
		ID    int64   `json:"id"`
		Label string  `json:"label"`
		Lat   float64 `json:"lat"`
		Lon   float64 `json:"lon"`
	} `json:"address"`
	Date    string  `json:"date"`
	Polling section `json:"polling"`
	Waste   section `json:"waste"`
	Schools struct {
		ZS section `json:"zs"`
		MS section `json:"ms"`
	} `json:"schools"`
}

// section is the coverage every answer of a lookup carries.
type section struct {
	Covered bool    `json:"covered"`
	Reason  *string `json:"reason"`
	Message *string `json:"message"`
}

// problemDoc is an RFC 9457 problem document.
type problemDoc struct {
	Type          string `json:"type"`
	Title         string `json:"title"`
	Status        int    `json:"status"`
	Detail        string `json:"detail"`
	InvalidParams []struct {
		Name   string `json:"name"`
		Reason string `json:"reason"`
	} `json:"invalid_params"`
}

// paramNames lists the names of a problem's invalid parameters.
func (p problemDoc) paramNames() []string {
	var names []string
	for _, ip := range p.InvalidParams {
		names = append(names, ip.Name)
	}
	return names
}

var (
	tags   = regexp.MustCompile(`<[^>]*>`)
	spaces = regexp.MustCompile(`\s+`)
)

// pageText is the text a reader of an HTML page gets: tags dropped, entities decoded, runs of
// white space made one space.
func pageText(body []byte) string {
	text := html.UnescapeString(tags.ReplaceAllString(string(body), " "))
	return strings.TrimSpace(spaces.ReplaceAllString(text, " "))
}

// jsonEqual reports whether a and b encode to the same JSON.
func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}
