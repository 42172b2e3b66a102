package forms_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/forms"
	"github.com/radnice/radnice/web/webtest"
)

func TestAStepWithWrongAnswersComesBackWithEachProblemBesideItsFieldAndInTheSummary(t *testing.T) {
	p := newPortal(t)
	jana := p.as(t, "jana")
	jana.start(dogForm)
	jana.step(dogForm+"/krok/1", holder)

	wrong := dogs(true)
	wrong.Set("dogs.0.name", "")
	wrong.Set("dogs.1.chip", "12345")
	wrong.Set("dogs.1.born", "2027-01-01")
	res, page := jana.post(dogForm+"/krok/2", wrong)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", res.StatusCode)
	}
	want := map[string]string{
		"dogs.0.name": "Pes 1: vyplňte pole „Jméno psa“.",
		"dogs.1.born": "Pes 2: datum v poli „Datum narození psa“ musí být v minulosti.",
		"dogs.1.chip": "Pes 2: pole „Číslo čipu“ nemá správný tvar, zkontrolujte ho podle nápovědy.",
	}
	summary := webtest.ErrorSummary(page)
	for id, message := range want {
		if summary[id] != message || webtest.FieldError(page, id) != message {
			t.Errorf("%s: summary %q, beside the field %q; want %q", id, summary[id], webtest.FieldError(page, id), message)
		}
	}
	if len(summary) != len(want) {
		t.Errorf("the summary lists %v, want only %v", summary, want)
	}
	if !strings.HasPrefix(pageTitle(page), "Chyba: ") {
		t.Errorf("title %q does not say there is an error", pageTitle(page))
	}
	if chip, _ := inputValue(page, "dogs.1.chip"); chip != "12345" {
		t.Errorf("the wrong chip number comes back as %q, want it as typed", chip)
	}
	// Nothing typed is lost: the draft keeps the answers, wrong ones included.
	if name, _ := inputValue(jana.page(dogForm+"/krok/2"), "dogs.1.name"); name != "Bety" {
		t.Errorf("the step shown again holds %q for the second dog", name)
	}
}

func TestAConditionalFieldIsAskedOnceItsConditionHoldsAndOnlyThen(t *testing.T) {
	p := newPortal(t)
	jana := p.as(t, "jana")
	jana.start(dogForm)
	jana.step(dogForm+"/krok/1", holder)
	jana.step(dogForm+"/krok/2", dogs(false))

	// Without JavaScript, the fields of a condition on the same step wait hidden until the
	// update button (or going on) shows them.
	page := jana.page(dogForm + "/krok/3")
	if !strings.Contains(page, `data-if="relief" data-if-op="=" data-if-value="osvobozeni" hidden`) {
		t.Error("the reason of an exemption is not drawn hidden with its condition for the script")
	}
	res, page := jana.post(dogForm+"/krok/3", url.Values{"relief": {"osvobozeni"}, "aktualizovat": {"1"}})
	if res.StatusCode != http.StatusOK || len(webtest.ErrorSummary(page)) != 0 {
		t.Fatalf("updating the form: status %d, errors %v", res.StatusCode, webtest.ErrorSummary(page))
	}
	if strings.Contains(page, `data-if-value="osvobozeni" hidden`) {
		t.Error("after the update the reason of the exemption is still hidden")
	}
	res, page = jana.post(dogForm+"/krok/3", url.Values{"relief": {"osvobozeni"}})
	summary := webtest.ErrorSummary(page)
	if res.StatusCode != http.StatusUnprocessableEntity || summary["exemption"] == "" || summary["proof"] == "" || summary["pension"] != "" {
		t.Errorf("going on without the reason and proof: status %d, problems %v; want exemption and proof, not the pension", res.StatusCode, summary)
	}
	if to := jana.step(dogForm+"/krok/3", url.Values{"relief": {"ne"}, "exemption": {"ztpp"}}); to != dogForm+"/krok/4" {
		t.Errorf("without relief the step leads to %s", to)
	}
}

func TestStepsAreFilledInOrderAndAFormThatNeedsALoginSendsVisitorsToLogIn(t *testing.T) {
	p := newPortal(t)
	jana := p.as(t, "jana")
	jana.start(dogForm)
	res, body := jana.get(dogForm + "/krok/3")
	if to := redirected(t, "skipping ahead", res, body); to != dogForm+"/krok/1" {
		t.Errorf("skipping to step 3 leads to %s, want step 1", to)
	}
	if res, _ := jana.get(dogForm + "/krok/9"); res.StatusCode != http.StatusNotFound {
		t.Errorf("step 9 of 4: status %d", res.StatusCode)
	}

	visitor := p.anonymous(t)
	expectText(t, "the start page for a visitor", visitor.page(dogForm), "Tento formulář lze podat jen po přihlášení", "Přihlásit se a vyplnit")
	if strings.Contains(visitor.page(dogForm), "Vyplnit bez přihlášení") {
		t.Error("the dog form is offered without logging in")
	}
	for _, try := range []func() (*http.Response, string){
		func() (*http.Response, string) { return visitor.get(dogForm + "/krok/1") },
		func() (*http.Response, string) { return visitor.post(dogForm, url.Values{}) },
		func() (*http.Response, string) { return visitor.get(dogForm + "/kontrola") },
	} {
		res, body := try()
		if to := redirected(t, "a visitor", res, body); to != auth.LoginPath+"?zpet=%2Fformulare%2Fprihlaseni-psa" {
			t.Errorf("a visitor is sent to %s, want the login and back to the form", to)
		}
	}
	if res, _ := visitor.get("/formulare/neni-takovy"); res.StatusCode != http.StatusNotFound {
		t.Errorf("an unknown form: status %d", res.StatusCode)
	}
}

func TestADraftIsResumableFromTheFormAndListedInTheAccount(t *testing.T) {
	p := newPortal(t)
	jana := p.as(t, "jana")
	jana.start(dogForm)
	jana.step(dogForm+"/krok/1", holder)
	forms.SetClock(t, testNow.Add(2*time.Hour))

	page := jana.page(dogForm)
	expectText(t, "the start page with a draft", page, "Máte rozpracovaný formulář", "Pokračovat ve vyplňování", "Začít znovu")
	if to := jana.start(dogForm); to != dogForm+"/krok/2" {
		t.Errorf("going on leads to %s, want the first step not done", to)
	}
	expectText(t, "the account", jana.page("/muj-ucet"), "Moje podání Přihlášení psa k místnímu poplatku ze psů")
	if !strings.Contains(jana.page("/muj-ucet"), `href="/formulare/prihlaseni-psa"`) {
		t.Error("the account does not lead to the draft")
	}
	if p.count(t, "submission_drafts", "true") != 1 {
		t.Error("going on made another draft")
	}

	res, body := jana.post(dogForm, url.Values{"znovu": {"1"}})
	if to := redirected(t, "start again", res, body); to != dogForm+"/krok/1" {
		t.Errorf("starting again leads to %s", to)
	}
	if got, _ := inputValue(jana.page(dogForm+"/krok/1"), "holder.given"); got != "Jana" {
		t.Errorf("the new draft is prefilled with %q", got)
	}
	if n := p.count(t, "submission_drafts", "true"); n != 1 {
		t.Errorf("%d drafts after starting again, want 1", n)
	}
	// Another person has drafts of their own.
	if to := p.as(t, "petr").start(dogForm); to != dogForm+"/krok/1" {
		t.Errorf("Petr starts at %s", to)
	}
}

func TestAFaultIsReportedWithoutLoggingInAndReachesTheOfficeOnceTheEmailLinkConfirmsIt(t *testing.T) {
	const form = "/formulare/hlaseni-zavady"
	p := newPortal(t)
	visitor := p.anonymous(t)
	expectText(t, "the list", visitor.page("/formulare"), "Hlášení závady ve městě", "Lze podat i bez přihlášení")
	expectText(t, "the start page", visitor.page(form), "Přihlásit se a vyplnit", "Vyplnit bez přihlášení")
	if to := visitor.start(form); to != form+"/krok/1" {
		t.Fatalf("starting leads to %s", to)
	}

	// The address is searched in the register within the form, and picked from what it found.
	res, page := visitor.post(form+"/krok/1", url.Values{"kind": {"vozovka"}, "location.q": {"stefanikova 12"}, "hledat-adresu": {"location"}})
	if res.StatusCode != http.StatusOK || !strings.Contains(page, `value="2401163"`) {
		t.Fatalf("the address search: status %d, offers no Štefánikova 1163/12\n%s", res.StatusCode, webtest.Text(page))
	}
	if got, _ := inputValue(page, "location.q"); got != "stefanikova 12" {
		t.Errorf("the search shows %q", got)
	}
	step1 := url.Values{"kind": {"vozovka"}, "location": {"2401163"}, "description": {"Výtluk uprostřed vozovky, asi 40 cm."}}
	if to := visitor.step(form+"/krok/1", step1); to != form+"/krok/2" {
		t.Fatalf("step 1 leads to %s", to)
	}
	visitor.step(form+"/krok/2", url.Values{"email": {"hlasitel@example.cz"}})
	check := visitor.page(form + "/kontrola")
	expectText(t, "the check", check, "Nejbližší adresa Štefánikova 1163/12, 742 21 Kopřivnice",
		"Po odeslání vám na e-mail hlasitel@example.cz pošleme odkaz.")

	// Someone else's browser neither sees nor continues the draft.
	other := p.anonymous(t)
	res, body := other.get(form + "/kontrola")
	if to := redirected(t, "another visitor", res, body); to != form {
		t.Errorf("another visitor is led to %s, want the start page", to)
	}

	res, body = visitor.post(form+"/odeslat", url.Values{"klic": {hiddenValue(t, check, "klic")}})
	receipt := redirected(t, "send", res, body)
	expectText(t, "the receipt", visitor.page(receipt), "Potvrďte podání odkazem v e-mailu", "Stav Čeká na potvrzení e-mailem",
		"Na e-mail hlasitel@example.cz jsme poslali odkaz k potvrzení.")
	if res, _ := other.get(receipt); res.StatusCode != http.StatusNotFound {
		t.Errorf("another visitor opens the receipt: status %d, want 404", res.StatusCode)
	}
	var id int64
	var status, applicant string
	if err := p.pool.QueryRow(t.Context(), `SELECT id, status, applicant_name FROM submissions`).Scan(&id, &status, &applicant); err != nil {
		t.Fatal(err)
	}
	if status != "unconfirmed" || applicant != "hlasitel@example.cz" {
		t.Errorf("the submission is %s by %q, want unconfirmed by its e-mail", status, applicant)
	}
	var link string
	if err := p.pool.QueryRow(t.Context(), `SELECT payload->>'path' FROM outbox WHERE key = $1 AND payload->>'template' = 'submission.confirm'`,
		"mail:submission.confirm:"+itoa(id)).Scan(&link); err != nil {
		t.Fatalf("no confirmation mail queued: %v", err)
	}
	if p.count(t, "submissions", "confirm_token = sha256(convert_to($1, 'UTF8'))", strings.TrimPrefix(link, "/formulare/potvrzeni/")) != 1 {
		t.Error("the database does not keep the link's token hashed")
	}

	// The link, opened in another browser, asks to confirm; a mail scanner's GET changes nothing.
	expectText(t, "the link", other.page(link), "Potvrzení podání", "Potvrdit podání")
	if p.count(t, "submissions", "status = 'unconfirmed'") != 1 {
		t.Error("opening the link confirmed the submission")
	}
	res, page = other.post(link, url.Values{})
	if res.StatusCode != http.StatusOK {
		t.Fatalf("confirming: status %d", res.StatusCode)
	}
	number := strings.TrimPrefix(receipt, "/formulare/podano/")
	expectText(t, "the confirmation", page, "Podání je potvrzené", "Úřad podání přijal pod číslem "+number)
	if p.count(t, "submissions", "status = 'submitted'") != 1 || p.count(t, "submission_events", "submission_id = $1 AND public", id) != 2 ||
		p.count(t, "outbox", "key = $1", "mail:submission.received:"+itoa(id)) != 1 {
		t.Error("confirming did not make it submitted, with its history and the mail that it was received")
	}
	if _, page := other.post(link, url.Values{}); !strings.Contains(webtest.Text(page), "Podání je potvrzené") || p.count(t, "submission_events", "submission_id = $1", id) != 2 {
		t.Error("confirming twice is not harmless")
	}
	expectText(t, "the used link", other.page(link), "Podání už je potvrzené")
	if res, _ := other.get("/formulare/potvrzeni/neplatny-odkaz"); res.StatusCode != http.StatusNotFound {
		t.Errorf("a wrong link: status %d, want 404", res.StatusCode)
	}
}

func TestAnAddressIsSearchedWithinTheFormPickedAndAnOptionalOneClearedAgain(t *testing.T) {
	p := newPortal(t)
	jana := p.as(t, "jana")
	jana.start(dogForm)
	search := url.Values{"hledat-adresu": {"delivery"}, "delivery.q": {"lubina 25"}}
	for k, v := range holder {
		search[k] = v
	}
	res, page := jana.post(dogForm+"/krok/1", search)
	if res.StatusCode != http.StatusOK || len(webtest.ErrorSummary(page)) != 0 {
		t.Fatalf("searching: status %d, errors %v", res.StatusCode, webtest.ErrorSummary(page))
	}
	expectText(t, "the addresses found", page, "Vyberte adresu ze seznamu: Lubina 25, 742 21 Kopřivnice", "Adresu neuvádím")
	pick := url.Values{"delivery": {value(t, page, "Lubina 25, 742 21 Kopřivnice")}}
	for k, v := range holder {
		pick[k] = v
	}
	jana.step(dogForm+"/krok/1", pick)
	page = jana.page(dogForm + "/krok/1")
	if !checked(page, "delivery") || !strings.Contains(page, "Lubina 25, 742 21 Kopřivnice") {
		t.Fatal("the address picked is not the field's answer")
	}
	pick.Set("delivery", "")
	jana.step(dogForm+"/krok/1", pick)
	if strings.Contains(jana.page(dogForm+"/krok/1"), "Lubina 25") {
		t.Error("the optional address was not cleared")
	}
	res, page = jana.post(dogForm+"/krok/1", url.Values{"hledat-adresu": {"delivery"}, "delivery.q": {""}})
	if res.StatusCode != http.StatusOK || webtest.FieldError(page, "delivery.q") != "Zadejte adresu, kterou hledáte." {
		t.Errorf("an empty search: status %d, %q beside the search", res.StatusCode, webtest.FieldError(page, "delivery.q"))
	}
}
