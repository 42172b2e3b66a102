package forms_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/webtest"
)

const dogForm = "/formulare/prihlaseni-psa"

// rex and bety are the two dogs Jana registers, as step 2 posts them.
func dogs(both bool) url.Values {
	v := url.Values{
		"dogs.count": {"1"}, "dogs.0.name": {"Rex"}, "dogs.0.breed": {"kříženec"}, "dogs.0.sex": {"pes"}, "dogs.0.born": {"2024-05-01"},
		"dogs.0.chip": {"203098100123456"}, "dogs.0.since": {"2024-08-01"}, "dogs.0.origin": {"utulek"},
	}
	if both {
		v.Set("dogs.count", "2")
		for k, x := range map[string]string{"name": "Bety", "breed": "bígl", "sex": "fena", "born": "20. 3. 2025", "chip": "203098100654321", "since": "2025-06-01", "origin": "chovatel"} {
			v.Set("dogs.1."+k, x)
		}
	}
	return v
}

// holder is step 1 of the dog form as Jana sends it back, prefilled.
var holder = url.Values{"holder.given": {"Jana"}, "holder.family": {"Nováková"}, "holder.birth": {"1985-04-12"},
	"residence": {"1009830"}, "email": {"jana.novakova@posta.example"}, "phone": {""}}

// start starts filling the form at path and returns where it leads.
func (v *visitor) start(path string) string {
	v.t.Helper()
	res, body := v.post(path, url.Values{})
	return redirected(v.t, "start "+path, res, body)
}

// step posts a step's form to path and returns where it leads, failing the test unless the
// step's answers passed.
func (v *visitor) step(path string, form url.Values) string {
	v.t.Helper()
	res, body := v.post(path, form)
	return redirected(v.t, "POST "+path, res, body)
}

// fillDogForm fills in the dog form as Jana with two dogs, up to the check of the answers.
func fillDogForm(t *testing.T, jana *visitor) {
	t.Helper()
	if to := jana.start(dogForm); to != dogForm+"/krok/1" {
		t.Fatalf("starting leads to %s", to)
	}
	if to := jana.step(dogForm+"/krok/1", holder); to != dogForm+"/krok/2" {
		t.Fatalf("step 1 leads to %s", to)
	}
	if to := jana.step(dogForm+"/krok/2", dogs(true)); to != dogForm+"/krok/3" {
		t.Fatalf("step 2 leads to %s", to)
	}
	if to := jana.step(dogForm+"/krok/3", url.Values{"relief": {"ne"}}); to != dogForm+"/krok/4" {
		t.Fatalf("step 3 leads to %s", to)
	}
	if to := jana.step(dogForm+"/krok/4", url.Values{"tag": {"posta"}, "truth": {"ano"}}); to != dogForm+"/kontrola" {
		t.Fatalf("step 4 leads to %s", to)
	}
}

func TestJanaFilesTheDogFormPrefilledFromHerEIDWithTwoDogs(t *testing.T) {
	p := newPortal(t)
	jana := p.as(t, "jana")
	expectText(t, "the start page", jana.page(dogForm),
		"Přihlášení psa k místnímu poplatku ze psů", "Co budete potřebovat", "Formulář má 4 kroky: Držitel psa, Psi, Osvobození a snížená sazba, Evidenční známka.",
		"Doklad o nároku (PDF, JPG, PNG, 5\u00a0MB)", "Právní předpis zákon č. 565/1990 Sb.",
		"Údaje z vaší elektronické identity a z vašeho účtu do formuláře předvyplníme.")

	jana.start(dogForm)
	step1 := jana.page(dogForm + "/krok/1")
	for id, want := range map[string]string{"holder.given": "Jana", "holder.family": "Nováková", "holder.birth": "1985-04-12", "email": "jana.novakova@posta.example", "residence": "1009830"} {
		if got, _ := inputValue(step1, id); got != want {
			t.Errorf("step 1: %s is %q, want it prefilled with %q", id, got, want)
		}
	}
	if !checked(step1, "residence") || !strings.Contains(step1, ceskaLabel) {
		t.Error("step 1: her address from the eID is not the one chosen")
	}
	expectText(t, "step 1", step1, "Krok 1 ze 4", "Držitel psa")
	jana.step(dogForm+"/krok/1", holder)

	// The second dog's row is added by a button, without JavaScript, keeping the first.
	add := dogs(false)
	add.Set("dogs.add", "1")
	res, step2 := jana.post(dogForm+"/krok/2", add)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("adding a dog: status %d", res.StatusCode)
	}
	if name, _ := inputValue(step2, "dogs.0.name"); name != "Rex" {
		t.Errorf("after adding a row the first dog's name is %q", name)
	}
	if _, ok := inputValue(step2, "dogs.1.name"); !ok || webtest.FieldError(step2, "dogs.1.name") != "" {
		t.Error("adding a row shows no empty second dog, or shows it with errors")
	}
	if to := jana.step(dogForm+"/krok/2", dogs(true)); to != dogForm+"/krok/3" {
		t.Fatalf("two dogs lead to %s", to)
	}
	jana.step(dogForm+"/krok/3", url.Values{"relief": {"ne"}})
	jana.step(dogForm+"/krok/4", url.Values{"tag": {"posta"}, "truth": {"ano"}})

	check := jana.page(dogForm + "/kontrola")
	expectText(t, "the check of the answers", check,
		"Zkontrolujte své odpovědi",
		"Držitel psa Jana Nováková, nar. 12. 4. 1985",
		"Adresa trvalého pobytu "+ceskaLabel,
		"Pes 1: Jméno psa Rex", "Pes 1: Číslo čipu 203098100123456",
		"Pes 2: Jméno psa Bety", "Pes 2: Datum narození psa 20. 3. 2025",
		"Uplatňuji osvobození nebo sníženou sazbu Ne",
		"Evidenční známku Pošlete mi ji poštou")
	for _, link := range []string{`href="/formulare/prihlaseni-psa/krok/2#dogs.1.name"`, `href="/formulare/prihlaseni-psa/krok/1#holder"`} {
		if !strings.Contains(check, link) {
			t.Errorf("the check lacks the change link %s", link)
		}
	}
	if strings.Contains(check, "Doklad o nároku") || strings.Contains(check, "Důvod osvobození") {
		t.Error("the check lists fields whose condition does not hold")
	}
	key := hiddenValue(t, check, "klic")

	// Sending twice (a double click, the back button, a retry) makes one submission.
	res, body := jana.post(dogForm+"/odeslat", url.Values{"klic": {key}})
	receipt := redirected(t, "send", res, body)
	res, body = jana.post(dogForm+"/odeslat", url.Values{"klic": {key}})
	if again := redirected(t, "send again", res, body); again != receipt || !strings.HasPrefix(receipt, "/formulare/podano/P-2026-") {
		t.Errorf("sending leads to %s, sending again to %s; want one receipt P-2026-…", receipt, again)
	}
	if n := p.count(t, "submissions", "true"); n != 1 {
		t.Fatalf("%d submissions, want 1", n)
	}
	var id int64
	var status, applicant, email string
	var answers []byte
	if err := p.pool.QueryRow(t.Context(), `SELECT id, status, applicant_name, contact_email, answers FROM submissions`).Scan(&id, &status, &applicant, &email, &answers); err != nil {
		t.Fatal(err)
	}
	if status != "submitted" || applicant != "Jana Nováková" || email != "jana.novakova@posta.example" {
		t.Errorf("submission: %s by %q to %q", status, applicant, email)
	}
	var a map[string]any
	if err := json.Unmarshal(answers, &a); err != nil || len(a["dogs"].([]any)) != 2 || a["exemption"] != nil {
		t.Errorf("answers kept: %s", answers)
	}
	if n := p.count(t, "submission_events", "submission_id = $1 AND kind = 'status' AND status = 'submitted' AND public", id); n != 1 {
		t.Errorf("%d public 'submitted' events, want 1", n)
	}
	if n := p.count(t, "outbox", "key = $1 AND payload->>'template' = 'submission.received' AND (payload->>'submission_id')::bigint = $2", "mail:submission.received:"+itoa(id), id); n != 1 {
		t.Errorf("%d mails 'received' queued, want 1", n)
	}
	if n := p.count(t, "submission_drafts", "true"); n != 0 {
		t.Errorf("%d drafts left, want none", n)
	}

	page := jana.page(receipt)
	number := strings.TrimPrefix(receipt, "/formulare/podano/")
	expectText(t, "the receipt", page, "Podání bylo odesláno", "Číslo podání "+number,
		"Formulář Přihlášení psa k místnímu poplatku ze psů", "Odesláno 23. listopadu 2026, 9:00", "Stav Podáno",
		"Co bude dál", "Moje podání")
	res, doc := jana.get(receipt + "/potvrzeni?stahnout=1")
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Disposition") != `attachment; filename="potvrzeni-`+number+`.html"` {
		t.Errorf("the confirmation to download: status %d, Content-Disposition %q", res.StatusCode, res.Header.Get("Content-Disposition"))
	}
	expectText(t, "the confirmation", doc, "Potvrzení o podání", "Městský úřad Kopřivnice", number, "Pes 2: Jméno psa Bety")

	// Nobody else sees it: another citizen is told there is no such page, and an anonymous
	// visitor is asked to log in.
	if res, _ := p.as(t, "petr").get(receipt); res.StatusCode != http.StatusNotFound {
		t.Errorf("Petr opens Jana's receipt: status %d, want 404", res.StatusCode)
	}
	res, body = p.anonymous(t).get(receipt)
	if to := redirected(t, "an anonymous visitor opens the receipt", res, body); !strings.HasPrefix(to, "/prihlaseni?") {
		t.Errorf("an anonymous visitor is sent to %s, want the login", to)
	}
}
