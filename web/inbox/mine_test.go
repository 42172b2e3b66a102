package inbox_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/inbox"
	"github.com/radnice/radnice/web/webtest"
)

func TestTheCitizenSeesTheStatusHistoryAndMessagesButNeverTheNotes(t *testing.T) {
	p := newPortal(t)
	jana := webtest.LogIn(t, p.Server, "jana")
	dog := janasDog(t, p, accountOf(t, p.pool, "jana"))
	clerk := webtest.LogIn(t, p.Server, "referent")
	for _, a := range []struct {
		action string
		form   url.Values
	}{
		{"stav", url.Values{"stav": {"accepted"}, "cislo-jednaci": {"MKOP/12345/2026"}, "text": {"Známku pošleme poštou."}}},
		{"poznamka", url.Values{"text": {"Ověřit čip v registru."}}},
		{"zprava", url.Values{"text": {"Doložte prosím očkovací průkaz."}}},
		{"prideleni", url.Values{"referent": {""}}},
	} {
		if res, body := act(t, p, clerk, dog, a.action, a.form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: status %d\n%s", a.action, res.StatusCode, webtest.Text(body))
		}
	}

	// "Moje podání" in the account lists it with where it stands.
	_, body := get(t, p, jana, "/muj-ucet")
	if text := webtest.Text(body); !strings.Contains(text, "Přihlášení psa k místnímu poplatku ze psů (č. "+dog.Receipt+") 23. listopadu 2026 Přijato") ||
		!strings.Contains(body, `href="/muj-ucet/podani/`+dog.Receipt+`"`) {
		t.Errorf("the account's submissions:\n%s", text)
	}

	res, body := get(t, p, jana, inbox.MinePath(dog.Receipt))
	text := webtest.Text(body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{
		"Podání " + dog.Receipt, "Stav Přijato", "Číslo jednací MKOP/12345/2026",
		"Jana Nováková Stav: Podáno", "Pavel Novák Stav: Přijato Známku pošleme poštou.",
		"Pavel Novák Zpráva z úřadu Doložte prosím očkovací průkaz.",
		"Pes 2 Jméno psa Bára",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the citizen's page lacks %q", want)
		}
	}
	for _, hidden := range []string{"Ověřit čip", "Interní poznámka", "Přidělení", "Žadatel"} {
		if strings.Contains(text, hidden) {
			t.Errorf("the citizen's page shows %q", hidden)
		}
	}
	if t.Failed() {
		t.Log(text)
	}

	// Someone else's receipt number is no page of theirs.
	petr := webtest.LogIn(t, p.Server, "petr")
	if res, _ := get(t, p, petr, inbox.MinePath(dog.Receipt)); res.StatusCode != http.StatusNotFound {
		t.Errorf("petr: status %d, want 404", res.StatusCode)
	}
	if res, _ := post(t, p, petr, inbox.MinePath(dog.Receipt), url.Values{"verze": {"1"}, "text": {"Ahoj"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("petr replies: status %d, want 404", res.StatusCode)
	}
}

func TestTheCitizensReplyIsKeptOnceAndShowsInTheInboxAsNew(t *testing.T) {
	p := newPortal(t)
	jana := webtest.LogIn(t, p.Server, "jana")
	dog := janasDog(t, p, accountOf(t, p.pool, "jana"))
	clerk := webtest.LogIn(t, p.Server, "referent")

	res, body := post(t, p, jana, inbox.MinePath(dog.Receipt), url.Values{"verze": {version(t, p, jana, inbox.MinePath(dog.Receipt))}, "text": {" "}})
	if res.StatusCode != http.StatusUnprocessableEntity || webtest.FieldError(body, "odpoved") != "Napište zprávu pro úřad" {
		t.Errorf("empty reply: status %d, field error %q", res.StatusCode, webtest.FieldError(body, "odpoved"))
	}
	reply := url.Values{"verze": {version(t, p, jana, inbox.MinePath(dog.Receipt))}, "text": {"Očkovací průkaz přinesu v pondělí."}}
	res, body = post(t, p, jana, inbox.MinePath(dog.Receipt), reply)
	wantRedirect(t, res, body, inbox.MinePath(dog.Receipt)+"?hotovo=odpoved#prubeh")
	res, body = post(t, p, jana, inbox.MinePath(dog.Receipt), reply) // sent again
	wantRedirect(t, res, body, inbox.MinePath(dog.Receipt)+"?hotovo=odpoved#prubeh")
	wantLines(t, "history", history(t, p.pool, dog), []string{
		"status submitted public: ",
		"message public: Očkovací průkaz přinesu v pondělí.",
	})
	_, body = get(t, p, jana, inbox.MinePath(dog.Receipt)+"?hotovo=odpoved")
	if text := webtest.Text(body); !strings.Contains(text, "Zprávu jsme předali úřadu.") ||
		!strings.Contains(text, "Jana Nováková Vaše zpráva úřadu Očkovací průkaz přinesu v pondělí.") {
		t.Errorf("after the reply:\n%s", text)
	}

	_, body = get(t, p, clerk, inbox.InboxPath)
	if !strings.Contains(webtest.Text(body), dog.Receipt+" Nová zpráva od žadatele") {
		t.Errorf("the inbox does not mark the reply as new:\n%s", webtest.Text(body))
	}
	_, body = get(t, p, clerk, dog.path())
	if !strings.Contains(webtest.Text(body), "Jana Nováková Zpráva od žadatele Očkovací průkaz přinesu v pondělí.") {
		t.Errorf("the detail lacks the reply:\n%s", webtest.Text(body))
	}
	// Once a clerk acts on the submission, the reply is no longer new.
	act(t, p, clerk, dog, "poznamka", url.Values{"text": {"Přečteno."}})
	if _, body = get(t, p, clerk, inbox.InboxPath); strings.Contains(body, "Nová zpráva od žadatele") {
		t.Error("the reply is still new after the clerk acted")
	}
	// Replies are no staff actions: the audit log has only the clerk's note.
	wantLines(t, "audit log", auditTrail(t, p.pool, dog), []string{"submission.note by Pavel Novák"})
}

func TestTheDownloadOfTheCitizensDataHasTheirSubmissionsWithoutTheOfficesNotes(t *testing.T) {
	p := newPortal(t)
	jana := webtest.LogIn(t, p.Server, "jana")
	dog := janasDog(t, p, accountOf(t, p.pool, "jana"))
	petrsRelief(t, p)
	clerk := webtest.LogIn(t, p.Server, "referent")
	act(t, p, clerk, dog, "poznamka", url.Values{"text": {"Ověřit čip v registru."}})
	act(t, p, clerk, dog, "zprava", url.Values{"text": {"Doložte prosím očkovací průkaz."}})

	_, body := get(t, p, jana, "/muj-ucet/data")
	var doc struct {
		Submissions []struct {
			Receipt, Form, Status string
			Reference             *string `json:"reference_number"`
			Answers               map[string]any
			History               []struct{ Kind, By, Status, Text string }
		}
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatalf("%v\n%s", err, body)
	}
	if len(doc.Submissions) != 1 {
		t.Fatalf("%d submissions, want Jana's one:\n%s", len(doc.Submissions), body)
	}
	s := doc.Submissions[0]
	if s.Receipt != dog.Receipt || s.Form != "prihlaseni-psa" || s.Status != "submitted" || s.Reference != nil || s.Answers["relief"] != "ne" {
		t.Errorf("exported %+v", s)
	}
	if len(s.History) != 2 || s.History[0].Status != "submitted" || s.History[1].Kind != "message" || s.History[1].Text != "Doložte prosím očkovací průkaz." {
		t.Errorf("exported history %+v", s.History)
	}
	if strings.Contains(body, "Ověřit čip") {
		t.Error("the download holds the clerks' note")
	}
}
