package catchments_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/catchments"
	"github.com/radnice/radnice/web/webtest"
)

// The tests' "today": Tuesday 24 November 2026, morning in Prague. The school office plans the
// catchments of the school year that starts on 1 September 2027.
var testNow = time.Date(2026, time.November, 24, 9, 0, 0, 0, time.FixedZone("CET", 60*60))

// The people the tests act as.
var (
	schoolOffice = &auth.User{ID: 41, GivenName: "Simona", FamilyName: "Školská", Grants: []auth.Grant{{Role: auth.RoleSchoolOffice}}}
	admin        = &auth.User{ID: 42, GivenName: "Adam", FamilyName: "Správce", Grants: []auth.Grant{{Role: auth.RoleAdmin}}}
	editor       = &auth.User{ID: 43, GivenName: "Eva", FamilyName: "Editorka", Grants: []auth.Grant{{Role: auth.RoleEditor}}}
)

// newServer serves the catchments screens on a fresh demo town, to u (nil: anonymous), with
// the page frame's assets, its clock at testNow.
func newServer(t *testing.T, u *auth.User) (*httptest.Server, *pgxpool.Pool) {
	t.Helper()
	pool := demotest.Pool(t)
	catchments.SetClock(t, testNow)
	srv := webtest.ServeAs(t, pool, u, func(r chi.Router) { catchments.Routes(r, pool) })
	return srv, pool
}

// upload posts the upload form: the layer, the valid-from date and a file (none when name is "").
func upload(t *testing.T, srv *httptest.Server, layer, validFrom, name string, body []byte) (*http.Response, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("vrstva", layer)          //nolint:errcheck // a bytes.Buffer
	mw.WriteField("platnost-od", validFrom) //nolint:errcheck // a bytes.Buffer
	if name != "" {
		fw, err := mw.CreateFormFile("soubor", name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(body) //nolint:errcheck // a bytes.Buffer
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, srv.URL+catchments.OverviewPath, &b)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return webtest.Do(t, req)
}

// nextYearFile is the demo town's planned change of the primary school catchments.
func nextYearFile(t *testing.T) []byte {
	t.Helper()
	body, err := demotown.AreaFile(demotown.NextPrimarySchoolsFile)
	if err != nil {
		t.Fatal(err)
	}
	return body
}

var draftLocation = regexp.MustCompile(`^/sprava/spadove-obvody/navrh/([0-9]+)$`)

// uploadNextYear uploads the planned change from 1 September 2027 and returns its preview's path.
func uploadNextYear(t *testing.T, srv *httptest.Server) string {
	t.Helper()
	res, body := upload(t, srv, "zs", "2027-09-01", demotown.NextPrimarySchoolsFile, nextYearFile(t))
	if res.StatusCode != http.StatusSeeOther || !draftLocation.MatchString(res.Header.Get("Location")) {
		t.Fatalf("upload: status %d, Location %q, want 303 to the draft\n%s", res.StatusCode, res.Header.Get("Location"), webtest.Text(body))
	}
	return res.Header.Get("Location")
}
