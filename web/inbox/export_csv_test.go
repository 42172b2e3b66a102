package inbox_test

import (
	"encoding/csv"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/webtest"
)

func TestTheCSVExportHasARowPerSubmissionOfTheFormWithItsFieldsFlattened(t *testing.T) {
	p := newPortal(t)
	webtest.LogIn(t, p.Server, "jana")
	dog := janasDog(t, p, accountOf(t, p.pool, "jana"))
	relief := petrsRelief(t, p)
	clerk := webtest.LogIn(t, p.Server, "referent")
	if res, body := act(t, p, clerk, dog, "stav", url.Values{"stav": {"accepted"}, "cislo-jednaci": {"MKOP/12345/2026"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("accept: status %d\n%s", res.StatusCode, webtest.Text(body))
	}
	file(t, p.pool, filing{Form: "odhlaseni-psa", Applicant: "Jana Nováková", Answers: `{}`}) // another form

	res, body := get(t, p, clerk, "/sprava/podani/export.csv?formular=prihlaseni-psa")
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "text/csv; charset=utf-8" ||
		!strings.HasPrefix(res.Header.Get("Content-Disposition"), `attachment; filename="podani-prihlaseni-psa-`) {
		t.Fatalf("export: status %d, %s, %s", res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Disposition"))
	}
	rest, bom := strings.CutPrefix(body, "\ufeff")
	if !bom {
		t.Error("the export has no byte order mark, so Excel would read it as windows-1250")
	}
	r := csv.NewReader(strings.NewReader(rest))
	r.Comma = ';'
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 3 {
		t.Fatalf("%d records, want the header and the two dog registrations:\n%s", len(records), rest)
	}
	header := records[0]
	wantHeader := []string{"Číslo podání", "Podáno", "Stav", "Číslo jednací", "Žadatel", "E-mail", "Přiděleno", "Verze formuláře",
		"Držitel psa", "Adresa trvalého pobytu", "Adresa pro doručování", "E-mail", "Telefon",
		"Pes – Jméno psa", "Pes – Plemeno", "Pes – Pohlaví", "Pes – Datum narození psa", "Pes – Číslo čipu", "Pes – Psa držím od",
		"Pes – Odkud pes pochází", "Uplatňuji osvobození nebo sníženou sazbu", "Důvod osvobození",
		"Prohlašuji, že jediným zdrojem mých příjmů je starobní, invalidní, vdovský, vdovecký nebo sirotčí důchod.",
		"Doklad o nároku", "Evidenční známku", "Poznámka pro úřad", "Potvrzuji, že uvedené údaje jsou pravdivé a úplné."}
	wantLines(t, "header", header, wantHeader)
	column := func(record []string, name string) string {
		for i, h := range header {
			if h == name {
				return record[i]
			}
		}
		t.Fatalf("no column %q", name)
		return ""
	}
	// Oldest first: Petr's (20 November), then Jana's (23 November).
	petr, jana := records[1], records[2]
	for _, c := range []struct {
		record       []string
		column, want string
	}{
		{petr, "Číslo podání", relief.Receipt},
		{petr, "Podáno", "2026-11-20 10:00"},
		{petr, "Stav", "Podáno"},
		{petr, "Důvod osvobození", "Jsem držitelem průkazu ZTP/P"},
		{petr, "Doklad o nároku", "průkaz ZTP-P.pdf (PDF, 9\u00a0B)"},
		{jana, "Číslo podání", dog.Receipt},
		{jana, "Stav", "Přijato"},
		{jana, "Číslo jednací", "MKOP/12345/2026"},
		{jana, "Žadatel", "Jana Nováková"},
		{jana, "Držitel psa", "Jana Nováková, nar. 12. 4. 1985"},
		{jana, "Pes – Jméno psa", "Rex | Bára"},
		{jana, "Pes – Datum narození psa", "1. 5. 2020 | 10. 3. 2022"},
		{jana, "Důvod osvobození", ""},
		{jana, "Potvrzuji, že uvedené údaje jsou pravdivé a úplné.", "Ano"},
	} {
		if got := column(c.record, c.column); got != c.want {
			t.Errorf("%s of %s: %q, want %q", c.column, c.record[0], got, c.want)
		}
	}

	for _, query := range []string{"", "?formular=hlaseni-zavady", "?formular=neni-takovy"} {
		if res, _ := get(t, p, clerk, "/sprava/podani/export.csv"+query); res.StatusCode != http.StatusNotFound {
			t.Errorf("export%s: status %d, want 404", query, res.StatusCode)
		}
	}
}
