package account_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/account"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/webtest"
)

// expectText fails t unless the text of page holds every one of want.
func expectText(t *testing.T, what, page string, want ...string) {
	t.Helper()
	text := webtest.Text(page)
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

func TestOverviewShowsTheDetailsFromEIDAndTheAnswersForMyAddress(t *testing.T) {
	p := newPortal(t, account.Config{})
	res, page := webtest.Get(t, p.Server, "/muj-ucet")
	if res.StatusCode != 200 || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("status %d, Cache-Control %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	expectText(t, "the overview", page,
		"Jméno a příjmení Jana Nováková",
		"Datum narození 12. dubna 1985",
		"Adresa pobytu "+ceskaLabel,
		"Úroveň ověření identity značná",
		"E-mail jana.novakova@posta.example",
		"Telefon +420 601 234 567",
		// My address, from the eID, with the demo town's answers for it on 23 November 2026.
		"Moje adresa "+ceskaLabel+" (podle vaší elektronické identity)",
		"Volební místnost Základní škola Komenského – jídelna",
		"Volba prezidenta republiky 2028: pátek 14. ledna 2028 14:00–22:00, sobota 15. ledna 2028 08:00–14:00",
		"Nejbližší svoz odpadu směsný: pondělí 23. listopadu 2026 plast: středa 25. listopadu 2026",
		"Spádová základní škola Základní škola Kopřivnice, Komenského",
		"Spádová mateřská škola Mateřská škola Kopřivnice, Krátká",
		// The sections later features fill say what they will hold.
		"Moje podání Přes portál jste zatím nic nepodali.",
		"Platby a poplatky Nemáte tu žádné platby ani poplatky.",
	)
	for _, link := range []string{
		`href="/kde-volim/1009830"`, `href="/svoz-odpadu/1009830"`, `href="/spadova-skola/1009830"`, `href="/moje-adresa/1009830"`,
		`href="/muj-ucet/udaje"`, `href="/muj-ucet/adresa"`, `href="/muj-ucet/data"`, `href="/muj-ucet/zruseni"`,
	} {
		if !strings.Contains(page, link) {
			t.Errorf("the overview lacks the link %s", link)
		}
	}
}

func TestOverviewListsWhatOtherFeaturesProvide(t *testing.T) {
	filed := time.Date(2026, time.November, 20, 0, 0, 0, 0, time.UTC)
	p := newPortal(t, account.Config{
		Submissions: []account.Provider{func(_ context.Context, u *auth.User) ([]account.Item, error) {
			return []account.Item{{Title: "Přihlášení psa k poplatku", Path: "/formulare/podani/7", Date: filed, Status: "Vyřizuje se"}}, nil
		}},
	})
	_, page := webtest.Get(t, p.Server, "/muj-ucet")
	expectText(t, "the overview", page,
		"Moje podání Přihlášení psa k poplatku 20. listopadu 2026 Vyřizuje se",
		"Platby a poplatky Nemáte tu žádné platby ani poplatky.")
	if !strings.Contains(page, `<a href="/formulare/podani/7">Přihlášení psa k poplatku</a>`) {
		t.Error("a listed submission does not link to its page")
	}
}

func TestOverviewWithoutAddressAsksForOne(t *testing.T) {
	p := newPortal(t, account.Config{})
	if _, err := p.pool.Exec(t.Context(), `UPDATE accounts SET address_code = NULL, address_from_eid = false`); err != nil {
		t.Fatal(err)
	}
	_, page := webtest.Get(t, p.Server, "/muj-ucet")
	expectText(t, "the overview", page, "Vaši adresu zatím neznáme.", "Vybrat adresu")
	if strings.Contains(page, "Volební místnost") {
		t.Error("the overview answers for an address it does not know")
	}
}

func TestContactDetailsAreValidatedAndStored(t *testing.T) {
	p := newPortal(t, account.Config{})
	res, page := webtest.Get(t, p.Server, "/muj-ucet/udaje")
	if res.StatusCode != 200 || !strings.Contains(page, `value="jana.novakova@posta.example"`) {
		t.Fatalf("status %d; the form is not filled with her e-mail", res.StatusCode)
	}
	expectText(t, "the form", page, "přebíráme při každém přihlášení z vaší elektronické identity (eID) a tady je změnit nelze")

	res, page = webtest.PostForm(t, p.Server, "/muj-ucet/udaje", url.Values{"email": {"jana@posta"}, "telefon": {"12345"}})
	if res.StatusCode != 422 {
		t.Fatalf("invalid details: status %d, want 422", res.StatusCode)
	}
	for _, want := range []string{
		"<title>Chyba: E-mail a telefon",
		`<a href="#email">Zadejte e-mail ve tvaru jmeno@example.cz</a>`,
		`<a href="#telefon">Zadejte telefonní číslo`,
		`id="email-error"`, `id="telefon-error"`,
		`value="jana@posta"`, `value="12345"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the form with errors lacks %s", want)
		}
	}

	res, _ = webtest.PostForm(t, p.Server, "/muj-ucet/udaje", url.Values{"email": {"jana@example.cz"}, "telefon": {"777123456"}})
	if res.StatusCode != 303 || res.Header.Get("Location") != "/muj-ucet#moje-udaje" {
		t.Fatalf("valid details: status %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	_, page = webtest.Get(t, p.Server, "/muj-ucet")
	expectText(t, "the overview", page, "E-mail jana@example.cz", "Telefon +420 777 123 456")
	_, page = webtest.Get(t, p.Server, "/muj-ucet/udaje")
	// The database's clock dates the change.
	expectText(t, "the form", page, "Naposledy změněno "+i18n.Date(t.Context(), geo.PragueDate(time.Now()))+".")
}

func TestMyAddressIsChosenFromTheRegisterWithoutItInAnyURL(t *testing.T) {
	p := newPortal(t, account.Config{})
	_, page := webtest.Get(t, p.Server, "/muj-ucet/adresa")
	expectText(t, "the address page", page, "Nyní máte vybranou adresu "+ceskaLabel+" (podle vaší elektronické identity).")

	res, page := webtest.PostForm(t, p.Server, "/muj-ucet/adresa", url.Values{"q": {""}})
	if res.StatusCode != 422 || !strings.Contains(page, `<a href="#q">Zadejte adresu, kterou hledáte.</a>`) {
		t.Errorf("an empty search: status %d, the error is not summarised", res.StatusCode)
	}

	res, page = webtest.PostForm(t, p.Server, "/muj-ucet/adresa", url.Values{"q": {"stefanikova 12"}})
	if res.StatusCode != 200 {
		t.Fatalf("search: status %d", res.StatusCode)
	}
	for _, want := range []string{
		`<input type="hidden" name="hledano" value="stefanikova 12">`,
		`name="adresa" value="2401163"`,
		`Štefánikova 1163/12, 742 21 Kopřivnice`,
		`Štefánikova 1170/12a, 742 21 Kopřivnice`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the addresses found lack %s", want)
		}
	}
	if strings.Contains(page, "/muj-ucet/adresa/") || strings.Contains(page, "<script") {
		t.Error("the page leads to an address by URL (a link or the autocomplete)")
	}

	res, page = webtest.PostForm(t, p.Server, "/muj-ucet/adresa", url.Values{"hledano": {"stefanikova 12"}})
	if res.StatusCode != 422 || !strings.Contains(page, `<a href="#adresa">Vyberte svou adresu ze seznamu</a>`) || !strings.Contains(page, `value="2401170"`) {
		t.Errorf("no choice: status %d; want 422 with the error and the list again", res.StatusCode)
	}

	res, _ = webtest.PostForm(t, p.Server, "/muj-ucet/adresa", url.Values{"hledano": {"stefanikova 12"}, "adresa": {"2401163"}})
	if res.StatusCode != 303 || res.Header.Get("Location") != "/muj-ucet#moje-adresa" {
		t.Fatalf("choice: status %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	_, page = webtest.Get(t, p.Server, "/muj-ucet")
	expectText(t, "the overview", page, "Moje adresa Štefánikova 1163/12, 742 21 Kopřivnice (vybrali jste ji sami)",
		"Volební místnost Základní škola Lidická – učebna 12")

	// The eID's address is offered back.
	_, page = webtest.Get(t, p.Server, "/muj-ucet/adresa")
	expectText(t, "the address page", page, "Vaše elektronická identita uvádí adresu "+ceskaLabel+".", "Použít adresu z elektronické identity")
	res, _ = webtest.PostForm(t, p.Server, "/muj-ucet/adresa", url.Values{"eid": {"1"}})
	if res.StatusCode != 303 {
		t.Fatalf("return to the eID's address: status %d", res.StatusCode)
	}
	_, page = webtest.Get(t, p.Server, "/muj-ucet")
	expectText(t, "the overview", page, "Moje adresa "+ceskaLabel+" (podle vaší elektronické identity)")
}

func TestDataDownloadHoldsEverythingAboutTheAccount(t *testing.T) {
	p := newPortal(t, account.Config{Exporters: []account.Exporter{{Key: "submissions", Export: func(context.Context, int64) (any, error) {
		return []string{"podání 7"}, nil
	}}}})
	res, body := webtest.Get(t, p.Server, "/muj-ucet/data")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/json; charset=utf-8" ||
		res.Header.Get("Content-Disposition") != `attachment; filename="moje-data-2026-11-23.json"` ||
		res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("status %d, headers %v", res.StatusCode, res.Header)
	}
	var doc struct {
		ExportedAt time.Time `json:"exported_at"`
		Account    struct {
			ID               int64     `json:"id"`
			GivenName        string    `json:"given_name"`
			FamilyName       string    `json:"family_name"`
			DateOfBirth      string    `json:"date_of_birth"`
			VerifiedAddress  string    `json:"verified_address"`
			LevelOfAssurance string    `json:"level_of_assurance"`
			CreatedAt        time.Time `json:"created_at"`
		} `json:"account"`
		Contact struct {
			Email     string     `json:"email"`
			Phone     string     `json:"phone"`
			ChangedAt *time.Time `json:"changed_at"`
		} `json:"contact"`
		Address struct {
			Code    int64  `json:"code"`
			Label   string `json:"label"`
			FromEID bool   `json:"from_eid"`
		} `json:"address"`
		Identities  []map[string]string `json:"identities"`
		Roles       []any               `json:"roles"`
		Submissions []string            `json:"submissions"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	a := doc.Account
	if a.ID != p.user.ID || a.GivenName != "Jana" || a.FamilyName != "Nováková" || a.DateOfBirth != "1985-04-12" ||
		a.VerifiedAddress != ceskaLabel || a.LevelOfAssurance != "http://eidas.europa.eu/LoA/substantial" || a.CreatedAt.IsZero() {
		t.Errorf("account %+v", a)
	}
	if doc.Contact.Email != "jana.novakova@posta.example" || doc.Contact.Phone != "+420 601 234 567" || doc.Contact.ChangedAt != nil {
		t.Errorf("contact %+v", doc.Contact)
	}
	if doc.Address.Code != ceska || doc.Address.Label != ceskaLabel || !doc.Address.FromEID {
		t.Errorf("address %+v", doc.Address)
	}
	if len(doc.Identities) != 1 || doc.Identities[0]["provider"] != "nia" || doc.Identities[0]["subject"] != jana.Subject {
		t.Errorf("identities %v", doc.Identities)
	}
	if doc.Roles == nil || len(doc.Roles) != 0 {
		t.Errorf("roles %v, want []", doc.Roles)
	}
	if len(doc.Submissions) != 1 || !doc.ExportedAt.Equal(testNow) {
		t.Errorf("a feature's part %v, exported at %v", doc.Submissions, doc.ExportedAt)
	}
}

func TestExporterCannotTakeTheAccountsOwnMember(t *testing.T) {
	p := newPortal(t, account.Config{Exporters: []account.Exporter{{Key: "account", Export: func(context.Context, int64) (any, error) {
		return "not the account", nil
	}}}})
	if res, _ := webtest.Get(t, p.Server, "/muj-ucet/data"); res.StatusCode != 500 {
		t.Errorf("an exporter of the member account: status %d, want 500", res.StatusCode)
	}
}

func TestDeletionNeedsConfirmationAndLogsOut(t *testing.T) {
	p := newPortal(t, account.Config{})
	_, page := webtest.Get(t, p.Server, "/muj-ucet/zruseni")
	expectText(t, "the deletion page", page, "zákon č. 499/2004 Sb., o archivnictví a spisové službě", "auditní záznamy",
		"kontaktní e-mail a telefon")

	res, page := webtest.PostForm(t, p.Server, "/muj-ucet/zruseni", url.Values{})
	if res.StatusCode != 422 || !strings.Contains(page, `<a href="#potvrzeni">Potvrďte, že rozumíte, že zrušení účtu nelze vrátit zpět</a>`) {
		t.Errorf("unconfirmed: status %d; want 422 with the error", res.StatusCode)
	}
	if p.endedSessions.Load() != 0 {
		t.Fatal("an unconfirmed deletion logged her out")
	}

	res, _ = webtest.PostForm(t, p.Server, "/muj-ucet/zruseni", url.Values{"potvrzeni": {"1"}})
	if res.StatusCode != 303 || res.Header.Get("Location") != "/muj-ucet/zruseno" {
		t.Fatalf("confirmed: status %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	if p.endedSessions.Load() != 1 {
		t.Error("the deletion did not end her session")
	}
	res, page = webtest.Get(t, p.Server, "/muj-ucet/zruseno")
	if res.StatusCode != 200 {
		t.Errorf("the confirmation: status %d", res.StatusCode)
	}
	expectText(t, "the confirmation", page, "Účet byl zrušen", "odhlásili jsme vás")

	// She is nobody now: the account's pages send her to log in.
	res, _ = webtest.Get(t, p.Server, "/muj-ucet")
	if res.StatusCode != 303 || !strings.HasPrefix(res.Header.Get("Location"), "/prihlaseni?") {
		t.Errorf("after the deletion: status %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
}

func TestAccountPagesSpeakEnglish(t *testing.T) {
	p := newPortal(t, account.Config{})
	_, page := webtest.Get(t, p.Server, "/en/muj-ucet")
	expectText(t, "the English overview", page, "My account", "Level of assurance of your identity substantial",
		"Date of birth 12 April 1985", "Catchment primary school", "My submissions", "Payments and fees")
	if !strings.Contains(page, `href="/en/muj-ucet/udaje"`) || !strings.Contains(page, `href="/en/kde-volim/1009830"`) {
		t.Error("the English overview links to Czech pages")
	}
}
