package catchments_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/catchments"
	"github.com/radnice/radnice/web/webtest"
)

// auditTrail is the audit log of catchment drafts as "action object by actor" lines, oldest first.
func auditTrail(t *testing.T, pool *pgxpool.Pool) []string {
	t.Helper()
	rows, err := pool.Query(context.Background(), `SELECT action || ' ' || object || ' by ' || actor_name || ' #' || actor_id
			|| CASE WHEN before IS NULL THEN '' ELSE ' before' END || CASE WHEN after IS NULL THEN '' ELSE ' after' END
		FROM audit_log WHERE action LIKE 'catchment_draft.%' ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		out = append(out, line)
	}
	return out
}

// draftObject is the audit object of the draft at path.
func draftObject(path string) string {
	return "catchment_draft:" + path[strings.LastIndexByte(path, '/')+1:]
}

func TestOnlyTheSchoolOfficeAndAdministratorsGetIn(t *testing.T) {
	for _, c := range []struct {
		who    string
		user   *auth.User
		status int
	}{
		{"anonymous", nil, http.StatusSeeOther},
		{"editor", editor, http.StatusForbidden},
		{"school office", schoolOffice, http.StatusOK},
		{"administrator", admin, http.StatusOK},
	} {
		t.Run(c.who, func(t *testing.T) {
			srv, _ := newServer(t, c.user)
			res, _ := webtest.Get(t, srv, catchments.OverviewPath)
			if res.StatusCode != c.status || res.Header.Get("Cache-Control") != "no-store" {
				t.Errorf("GET: status %d, Cache-Control %q; want %d, no-store", res.StatusCode, res.Header.Get("Cache-Control"), c.status)
			}
			if c.user == nil && !strings.HasPrefix(res.Header.Get("Location"), "/prihlaseni?") {
				t.Errorf("anonymous: Location %q, want the login page", res.Header.Get("Location"))
			}
			if c.status != http.StatusOK {
				if res, _ := upload(t, srv, "zs", "2027-09-01", "zs.geojson", nextYearFile(t)); res.StatusCode != c.status {
					t.Errorf("upload: status %d, want %d", res.StatusCode, c.status)
				}
			}
		})
	}
}

func TestTheOverviewShowsTheLayersInForceAndTheUploadForm(t *testing.T) {
	srv, _ := newServer(t, schoolOffice)

	res, body := webtest.Get(t, srv, catchments.OverviewPath)

	text := webtest.Text(body)
	for _, want := range []string{
		"Správa", "Spádové obvody základních škol", "Spádové obvody mateřských škol", "bez časového omezení platí 3",
		"Základní škola Kopřivnice, Lidická", "Mateřská škola Kopřivnice-Lubina", "Žádný návrh nečeká na zveřejnění.",
		"Nahrát nové obvody", "Platí od", "Soubor GeoJSON",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the overview lacks %q:\n%s", want, text)
		}
	}
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `enctype="multipart/form-data"`) {
		t.Errorf("status %d; want 200 and a multipart form", res.StatusCode)
	}
	if _, body := webtest.Get(t, srv, "/en"+catchments.OverviewPath); !strings.Contains(webtest.Text(body), "Primary school catchment areas") {
		t.Errorf("the English overview is not in English:\n%s", webtest.Text(body))
	}
}

func TestAnUploadedChangeShowsWhichAddressesChangeSchoolByStreet(t *testing.T) {
	srv, pool := newServer(t, schoolOffice)

	draft := uploadNextYear(t, srv)

	res, body := webtest.Get(t, srv, draft)
	text := webtest.Text(body)
	for _, want := range []string{
		"Návrh: Spádové obvody základních škol od 1. září 2027", "Koncept", "zs-next.geojson", "Simona Školská, 24. 11. 2026",
		"ZS-1 – Základní škola Kopřivnice, Komenského",
		"Změny proti obvodům platným 1. září 2027",
		"Adresy, které změní spádovou školu 69", "Adresy, které spádovou školu získají 0", "Adresy, které spádovou školu ztratí 0",
		"Adresy, kterých se změna týká, podle ulic: 1–50 z 69",
		"Štefánikova 1802/2 změna školy Základní škola Kopřivnice, Lidická Základní škola Kopřivnice, Komenského",
		"1163/12 změna školy Základní škola Kopřivnice, Lidická Základní škola Kopřivnice, Komenského 1170/12a",
		"Strana 1 z 2", "Zveřejnit obvody od 1. září 2027", "Zahodit návrh",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the preview lacks %q:\n%s", want, text)
		}
	}
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `<th scope="rowgroup" colspan="4">Štefánikova</th>`) ||
		!strings.Contains(body, `<svg class="area-map-svg" role="img"`) {
		t.Errorf("status %d; want 200, the changes grouped under Štefánikova and the map", res.StatusCode)
	}
	_, body = webtest.Get(t, srv, draft+"?strana=2")
	if text := webtest.Text(body); !strings.Contains(text, "51–69 z 69") || !strings.Contains(text, "Zahradní 2015/29") || strings.Contains(text, "1802/2") {
		t.Errorf("page 2 is not the last 19 changes:\n%s", text)
	}
	if got := auditTrail(t, pool); len(got) != 1 || got[0] != "catchment_draft.upload "+draftObject(draft)+" by Simona Školská #41 after" {
		t.Errorf("audit log %q, want the upload", got)
	}
	_, body = webtest.Get(t, srv, catchments.OverviewPath)
	if text := webtest.Text(body); !strings.Contains(text, "Spádové obvody základních škol od 1. září 2027 Simona Školská, 24. 11. 2026 69") {
		t.Errorf("the overview does not list the draft:\n%s", text)
	}
}

func TestTheChangesDownloadAsCSV(t *testing.T) {
	srv, _ := newServer(t, schoolOffice)
	draft := uploadNextYear(t, srv)

	res, body := webtest.Get(t, srv, draft+"/zmeny.csv")

	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "text/csv; charset=utf-8" ||
		res.Header.Get("Content-Disposition") != `attachment; filename="spadove-obvody-zs-od-2027-09-01.csv"` {
		t.Errorf("status %d, headers %v", res.StatusCode, res.Header)
	}
	lines := strings.Split(strings.TrimSuffix(body, "\n"), "\n")
	if len(lines) != 70 || lines[0] != "\ufeffkód adresního místa;adresa;ulice nebo část obce;změna;školy dosud;školy nově" {
		t.Errorf("%d lines, header %q; want a header and 69 rows", len(lines), lines[0])
	}
	want := "2401163;Štefánikova 1163/12, 742 21 Kopřivnice;Štefánikova;změna školy;Základní škola Kopřivnice, Lidická;Základní škola Kopřivnice, Komenského"
	if !strings.Contains(body, want+"\n") {
		t.Errorf("the CSV lacks the row\n%s\n%s", want, body)
	}
}

func TestABadFileComesBackWithItsProblemsByLineNextToTheField(t *testing.T) {
	srv, pool := newServer(t, schoolOffice)
	file := string(nextYearFile(t))
	badAddress := strings.Replace(file, `"school_address":`, `"school_address":"u školy","x":`, 1)
	noSchool := strings.Replace(file, `"school":"Základní škola Kopřivnice, Školní",`, "", 1)

	for _, c := range []struct {
		name, body, want string
	}{
		{"zs.geojson", "{\"type\": \"FeatureCollection\",\n \"features\": [,]}", "zs.geojson: line 2, column"},
		{"obvody.geojson", badAddress, "obvody.geojson:2: feature 1 (code ZS-1): property school_address must be a kód ADM, a whole number"},
		{"obvody.geojson", noSchool, "obvody.geojson:3: feature 2 (code ZS-2): property school (the school's name) is required"},
	} {
		res, body := upload(t, srv, "zs", "2027-09-01", c.name, []byte(c.body))
		text := webtest.Text(body)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(text, c.want) {
			t.Errorf("status %d, want 422 listing %q:\n%s", res.StatusCode, c.want, text)
		}
		if !strings.Contains(body, `<a href="#soubor">Soubor nelze nahrát.`) || !strings.Contains(body, `id="soubor-error"`) ||
			!strings.Contains(body, `<input type="date" value="2027-09-01"`) {
			t.Errorf("the form does not keep the date and point at the file's problems:\n%s", body)
		}
	}
	if got := auditTrail(t, pool); len(got) != 0 {
		t.Errorf("audit log %q after refused uploads, want nothing", got)
	}
}

func TestAnIncompleteFormSaysWhatIsMissingNextToEachField(t *testing.T) {
	srv, _ := newServer(t, schoolOffice)

	res, body := upload(t, srv, "", "", "", nil)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("status %d, want 422", res.StatusCode)
	}
	for _, want := range []string{`id="vrstva-error"`, `id="platnost-od-error"`, `id="soubor-error"`,
		"Vyberte, zda jde o obvody základních, nebo mateřských škol", "Zadejte den, od kterého nové obvody platí",
		"Vyberte soubor GeoJSON se spádovými obvody"} {
		if !strings.Contains(body, want) {
			t.Errorf("the form lacks %q", want)
		}
	}

	for date, want := range map[string]string{
		"2026-11-24":  "Nové obvody mohou začít platit nejdříve zítra, 25. listopadu 2026",
		"31. 8. 2027": "",
		"zítra":       "Zadejte datum ve tvaru 1. 9. 2027",
	} {
		res, body := upload(t, srv, "zs", date, "zs.geojson", nextYearFile(t))
		switch text := webtest.Text(body); {
		case want == "" && res.StatusCode != http.StatusSeeOther:
			t.Errorf("%q: status %d, want the upload accepted:\n%s", date, res.StatusCode, text)
		case want != "" && (res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(text, want)):
			t.Errorf("%q: status %d, want 422 saying %q:\n%s", date, res.StatusCode, want, text)
		}
	}
}

func TestPublishingMakesTheAreasTakeEffectOnTheirDate(t *testing.T) {
	srv, pool := newServer(t, schoolOffice)
	draft := uploadNextYear(t, srv)

	res, _ := webtest.PostForm(t, srv, draft+"/zverejnit", url.Values{})

	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != catchments.OverviewPath+"?hotovo=zverejneno" {
		t.Fatalf("publish: status %d, Location %q; want 303 to the overview", res.StatusCode, res.Header.Get("Location"))
	}
	_, body := webtest.Get(t, srv, res.Header.Get("Location"))
	text := webtest.Text(body)
	for _, want := range []string{"Návrh byl zveřejněn.", "do 31. srpna 2027 platí 3", "od 1. září 2027 naplánováno 3", "Žádný návrh nečeká na zveřejnění."} {
		if !strings.Contains(text, want) {
			t.Errorf("the overview lacks %q:\n%s", want, text)
		}
	}
	store := geo.NewStore(pool)
	for date, want := range map[time.Time]string{geo.Date(2027, time.August, 31): "ZS-3", geo.Date(2027, time.September, 1): "ZS-1"} {
		l, err := store.Lookup(context.Background(), 2401163, date)
		if err != nil || len(l.PrimarySchools.Schools) != 1 || l.PrimarySchools.Schools[0].Area.Code != want {
			t.Errorf("Štefánikova 1163/12 on %s: %+v (%v), want %s", date.Format(time.DateOnly), l.PrimarySchools.Schools, err, want)
		}
	}
	obj := draftObject(draft)
	want := []string{"catchment_draft.upload " + obj + " by Simona Školská #41 after", "catchment_draft.publish " + obj + " by Simona Školská #41 before after"}
	if got := auditTrail(t, pool); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("audit log %q, want %q", got, want)
	}
	if res, _ := webtest.Get(t, srv, draft); res.StatusCode != http.StatusNotFound {
		t.Errorf("the published draft: status %d, want 404", res.StatusCode)
	}
}

func TestADraftWhoseDayHasComeCanOnlyBeDiscarded(t *testing.T) {
	srv, pool := newServer(t, schoolOffice)
	draft := uploadNextYear(t, srv)
	catchments.SetClock(t, time.Date(2027, time.September, 1, 7, 0, 0, 0, geo.Prague))

	_, body := webtest.Get(t, srv, draft)
	if text := webtest.Text(body); !strings.Contains(text, "Návrh už nelze zveřejnit: den 1. září 2027") || strings.Contains(text, "Zveřejnit obvody") {
		t.Errorf("the preview still offers to publish:\n%s", text)
	}
	if res, _ := webtest.PostForm(t, srv, draft+"/zverejnit", url.Values{}); res.StatusCode != http.StatusConflict {
		t.Errorf("publish: status %d, want 409", res.StatusCode)
	}

	res, _ := webtest.PostForm(t, srv, draft+"/zahodit", url.Values{})

	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != catchments.OverviewPath+"?hotovo=zahozeno" {
		t.Errorf("discard: status %d, Location %q; want 303 to the overview", res.StatusCode, res.Header.Get("Location"))
	}
	if res, _ := webtest.Get(t, srv, draft); res.StatusCode != http.StatusNotFound {
		t.Errorf("the discarded draft: status %d, want 404", res.StatusCode)
	}
	obj := draftObject(draft)
	want := []string{"catchment_draft.upload " + obj + " by Simona Školská #41 after", "catchment_draft.discard " + obj + " by Simona Školská #41 before"}
	if got := auditTrail(t, pool); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("audit log %q, want %q", got, want)
	}
}

func TestAnUnknownDraftIsNotFound(t *testing.T) {
	srv, _ := newServer(t, admin)
	for _, path := range []string{"/navrh/999", "/navrh/x", "/navrh/999/zmeny.csv"} {
		if res, _ := webtest.Get(t, srv, catchments.OverviewPath+path); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", path, res.StatusCode)
		}
	}
	if res, _ := webtest.PostForm(t, srv, catchments.OverviewPath+"/navrh/999/zahodit", url.Values{}); res.StatusCode != http.StatusNotFound {
		t.Errorf("discard an unknown draft: status %d, want 404", res.StatusCode)
	}
}
