package inbox_test

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/inbox"
	"github.com/radnice/radnice/web/webtest"
)

func TestTheWorkflowAllowsOnlyItsTransitions(t *testing.T) {
	all := []inbox.Status{inbox.Unconfirmed, inbox.Submitted, inbox.Accepted, inbox.InProgress, inbox.Resolved, inbox.Rejected}
	allowed := map[inbox.Status][]inbox.Status{
		inbox.Submitted:  {inbox.Accepted, inbox.Rejected},
		inbox.Accepted:   {inbox.InProgress, inbox.Rejected},
		inbox.InProgress: {inbox.Resolved, inbox.Rejected},
	}
	for _, from := range all {
		for _, to := range all {
			if got, want := from.Allows(to), slices.Contains(allowed[from], to); got != want {
				t.Errorf("%s → %s allowed: %v, want %v", from, to, got, want)
			}
		}
	}
}

func TestAClerkAcceptsStartsAndResolvesASubmissionEachStepAuditedAndAnnouncedOnce(t *testing.T) {
	p := newPortal(t)
	webtest.LogIn(t, p.Server, "jana")
	dog := janasDog(t, p, accountOf(t, p.pool, "jana"))
	clerk := webtest.LogIn(t, p.Server, "referent")

	// Acceptance needs the reference number the office registers the submission under.
	for _, c := range []struct{ reference, problem string }{
		{"", "Zadejte číslo jednací, pod kterým úřad podání eviduje"},
		{"12345/2026", "Zadejte číslo jednací ve tvaru MKOP/12345/2026: značka úřadu, pořadové číslo a rok oddělené lomítky"},
		{"MKOP/12345/26", "Zadejte číslo jednací ve tvaru MKOP/12345/2026: značka úřadu, pořadové číslo a rok oddělené lomítky"},
	} {
		res, body := act(t, p, clerk, dog, "stav", url.Values{"stav": {"accepted"}, "cislo-jednaci": {c.reference}})
		if res.StatusCode != http.StatusUnprocessableEntity || webtest.FieldError(body, "prijmout-cj") != c.problem ||
			webtest.ErrorSummary(body)["prijmout-cj"] != c.problem {
			t.Errorf("accept with %q: status %d, field error %q, summary %v; want 422 %q", c.reference, res.StatusCode,
				webtest.FieldError(body, "prijmout-cj"), webtest.ErrorSummary(body), c.problem)
		}
	}
	if got := state(t, p.pool, dog); got != "submitted " {
		t.Fatalf("refused acceptances changed the submission: %s", got)
	}

	res, body := act(t, p, clerk, dog, "stav", url.Values{"stav": {"accepted"}, "cislo-jednaci": {"MKOP/12345/2026"},
		"text": {"Známku vám pošleme poštou."}})
	wantRedirect(t, res, body, dog.path()+"?hotovo=prijmout")
	_, body = get(t, p, clerk, dog.path()+"?hotovo=prijmout")
	if text := webtest.Text(body); !strings.Contains(text, "Podání je přijato.") || !strings.Contains(text, "Číslo jednací MKOP/12345/2026") {
		t.Errorf("the page after acceptance:\n%s", text)
	}
	res, body = act(t, p, clerk, dog, "stav", url.Values{"stav": {"in_progress"}})
	wantRedirect(t, res, body, dog.path()+"?hotovo=resit")
	res, body = act(t, p, clerk, dog, "stav", url.Values{"stav": {"resolved"}, "text": {"Poplatek je vyměřen."}})
	wantRedirect(t, res, body, dog.path()+"?hotovo=vyridit")

	if got := state(t, p.pool, dog); got != "resolved MKOP/12345/2026" {
		t.Errorf("state %q", got)
	}
	wantLines(t, "history", history(t, p.pool, dog), []string{
		"status submitted public: ",
		"status accepted public: Známku vám pošleme poštou.",
		"status in_progress public: ",
		"status resolved public: Poplatek je vyměřen.",
	})
	wantLines(t, "audit log", auditTrail(t, p.pool, dog), []string{
		"submission.accept by Pavel Novák", "submission.start by Pavel Novák", "submission.resolve by Pavel Novák",
	})
	events := lines(t, p.pool, `SELECT id::text FROM submission_events WHERE submission_id = $1 AND kind = 'status' AND status <> 'submitted' ORDER BY id`, dog.ID)
	id := strconv.FormatInt(dog.ID, 10)
	wantLines(t, "outbox", outboxKeys(t, p.pool, dog), []string{
		"mail:submission.status:" + id + ":" + events[0],
		"webhook:submission.accepted:" + id,
		"mail:submission.status:" + id + ":" + events[1],
		"mail:submission.status:" + id + ":" + events[2],
	})
	if got := lines(t, p.pool, `SELECT payload::text FROM outbox WHERE key = $1`, "webhook:submission.accepted:"+id); got[0] != `{"event": "submission.accepted", "submission_id": `+id+`}` {
		t.Errorf("webhook payload %s", got[0])
	}
	if got := lines(t, p.pool, `SELECT payload::text FROM outbox WHERE key LIKE 'mail:%' ORDER BY id LIMIT 1`); got[0] !=
		fmt.Sprintf(`{"event_id": %s, "template": "submission.status", "submission_id": %s}`, events[0], id) {
		t.Errorf("mail payload %s", got[0])
	}
	if got := lines(t, p.pool, `SELECT after::text FROM audit_log WHERE object = $1 AND action = 'submission.accept'`, dog.object()); !strings.Contains(got[0], `"reference_number": "MKOP/12345/2026"`) ||
		strings.Contains(got[0], "Známku") {
		t.Errorf("the audit log keeps the workflow state and nothing the citizen wrote or was told: %s", got[0])
	}

	// A resolved submission moves no more, and the page says why.
	res, body = act(t, p, clerk, dog, "stav", url.Values{"stav": {"rejected"}, "text": {"Omyl."}})
	if res.StatusCode != http.StatusConflict || !strings.Contains(webtest.Text(body), "Podání ve stavu Vyřízeno nelze převést do stavu Zamítnuto.") {
		t.Errorf("reject a resolved submission: status %d\n%s", res.StatusCode, webtest.Text(body))
	}
	if len(history(t, p.pool, dog)) != 4 || len(outboxKeys(t, p.pool, dog)) != 4 {
		t.Error("a refused move changed the submission")
	}
}

func TestRejectingNeedsAReasonAndFromPodanoAlsoTheReferenceNumber(t *testing.T) {
	p := newPortal(t)
	clerk := webtest.LogIn(t, p.Server, "referent")
	dog := petrsRelief(t, p)

	res, body := act(t, p, clerk, dog, "stav", url.Values{"stav": {"rejected"}})
	summary := webtest.ErrorSummary(body)
	if res.StatusCode != http.StatusUnprocessableEntity || summary["zamitnout-cj"] == "" ||
		webtest.FieldError(body, "zamitnout-text") != "Napište důvod zamítnutí; žadatel ho uvidí" {
		t.Errorf("reject without reason: status %d, summary %v", res.StatusCode, summary)
	}
	res, body = act(t, p, clerk, dog, "stav", url.Values{"stav": {"rejected"}, "cislo-jednaci": {"MěÚK/OŽP/77/2026"},
		"text": {"Průkaz ZTP/P je neplatný."}})
	wantRedirect(t, res, body, dog.path()+"?hotovo=zamitnout")
	if got := state(t, p.pool, dog); got != "rejected MěÚK/OŽP/77/2026" {
		t.Errorf("state %q", got)
	}
	// Without a contact e-mail no mail is sent; a rejection is no acceptance: no webhook.
	if got := outboxKeys(t, p.pool, dog); len(got) != 0 {
		t.Errorf("outbox %q, want nothing", got)
	}
	wantLines(t, "audit log", auditTrail(t, p.pool, dog), []string{"submission.reject by Pavel Novák"})
}

func TestAReferenceNumberBelongsToOneSubmission(t *testing.T) {
	p := newPortal(t)
	clerk := webtest.LogIn(t, p.Server, "referent")
	first, second := petrsRelief(t, p), petrsRelief(t, p)
	accept := url.Values{"stav": {"accepted"}, "cislo-jednaci": {"MKOP/12345/2026"}}
	res, body := act(t, p, clerk, first, "stav", accept)
	wantRedirect(t, res, body, first.path()+"?hotovo=prijmout")

	res, body = act(t, p, clerk, second, "stav", accept)
	if want := "Číslo jednací MKOP/12345/2026 už má podání " + first.Receipt; res.StatusCode != http.StatusUnprocessableEntity ||
		webtest.FieldError(body, "prijmout-cj") != want {
		t.Errorf("the same reference number again: status %d, field error %q, want %q", res.StatusCode, webtest.FieldError(body, "prijmout-cj"), want)
	}
	if got := state(t, p.pool, second); got != "submitted " {
		t.Errorf("the second submission is %s", got)
	}
}

func TestAnActionFromAnOutdatedPageIsRefusedWithTheCurrentState(t *testing.T) {
	p := newPortal(t)
	clerk := webtest.LogIn(t, p.Server, "referent")
	dog := petrsRelief(t, p)
	page := version(t, p, clerk, dog.path())
	accept := url.Values{"verze": {page}, "stav": {"accepted"}, "cislo-jednaci": {"MKOP/1/2026"}}

	res, body := post(t, p, clerk, dog.path()+"/stav", accept)
	wantRedirect(t, res, body, dog.path()+"?hotovo=prijmout")
	// The same form sent again (a double click, the back button) and a note from the old page.
	res, body = post(t, p, clerk, dog.path()+"/stav", accept)
	if res.StatusCode != http.StatusConflict || !strings.Contains(webtest.Text(body), "Podání se mezitím změnilo") {
		t.Errorf("accept twice: status %d\n%s", res.StatusCode, webtest.Text(body))
	}
	res, body = post(t, p, clerk, dog.path()+"/poznamka", url.Values{"verze": {page}, "text": {"Ověřit průkaz na ÚP."}})
	if res.StatusCode != http.StatusConflict || !strings.Contains(webtest.Text(body), "Podání se mezitím změnilo") ||
		!strings.Contains(body, "Ověřit průkaz na ÚP.</textarea>") || !strings.Contains(body, `value="`+version(t, p, clerk, dog.path())+`"`) {
		t.Errorf("a note from an outdated page: status %d, want 409 with the note kept and the current version\n%s", res.StatusCode, webtest.Text(body))
	}
	if got := history(t, p.pool, dog); len(got) != 2 {
		t.Errorf("history %q: want the submission and one acceptance", got)
	}
	if got := lines(t, p.pool, `SELECT key FROM outbox WHERE key LIKE 'webhook:%'`); len(got) != 1 {
		t.Errorf("webhooks %q, want one", got)
	}
}

func TestAClerkWritesToTheCitizenNotesForColleaguesAndAssigns(t *testing.T) {
	p := newPortal(t)
	webtest.LogIn(t, p.Server, "jana")
	dog := janasDog(t, p, accountOf(t, p.pool, "jana"))
	clerk := webtest.LogIn(t, p.Server, "referent")
	me := accountOf(t, p.pool, "referent")
	colleague := lines(t, p.pool, `
		WITH a AS (INSERT INTO accounts (given_name, family_name, terms_accepted_at) VALUES ('Lenka', 'Malá', now()) RETURNING id),
			g AS (INSERT INTO role_grants (account_id, role, agenda) SELECT id, 'clerk', 'poplatky' FROM a)
		SELECT id::text FROM a`)[0]
	citizen := strconv.FormatInt(accountOf(t, p.pool, "jana"), 10)

	for _, c := range []struct{ action, field, problem string }{
		{"zprava", "zprava-text", "Napište text zprávy"},
		{"poznamka", "poznamka-text", "Napište text poznámky"},
	} {
		res, body := act(t, p, clerk, dog, c.action, url.Values{"text": {"  "}})
		if res.StatusCode != http.StatusUnprocessableEntity || webtest.FieldError(body, c.field) != c.problem {
			t.Errorf("empty %s: status %d, field error %q", c.action, res.StatusCode, webtest.FieldError(body, c.field))
		}
	}
	res, body := act(t, p, clerk, dog, "zprava", url.Values{"text": {"Doložte prosím očkovací průkaz."}})
	wantRedirect(t, res, body, dog.path()+"?hotovo=zprava")
	res, body = act(t, p, clerk, dog, "poznamka", url.Values{"text": {"Paní volala, průkaz donese osobně."}})
	wantRedirect(t, res, body, dog.path()+"?hotovo=poznamka")
	res, body = act(t, p, clerk, dog, "prideleni", url.Values{"referent": {citizen}})
	if res.StatusCode != http.StatusUnprocessableEntity || webtest.FieldError(body, "prideleni-referent") != "Vyberte referenta agendy poplatky" {
		t.Errorf("assign to a citizen: status %d, field error %q", res.StatusCode, webtest.FieldError(body, "prideleni-referent"))
	}
	_, body = get(t, p, clerk, dog.path())
	if !strings.Contains(body, `<option value="`+colleague+`">Lenka Malá</option>`) ||
		!strings.Contains(body, `<option value="`+strconv.FormatInt(me, 10)+`">Pavel Novák (já)</option>`) {
		t.Errorf("the assignment offers the agenda's clerks:\n%s", body)
	}
	res, body = act(t, p, clerk, dog, "prideleni", url.Values{"referent": {colleague}})
	wantRedirect(t, res, body, dog.path()+"?hotovo=prideleni")
	res, body = act(t, p, clerk, dog, "prideleni", url.Values{"referent": {""}})
	wantRedirect(t, res, body, dog.path()+"?hotovo=prideleni")

	wantLines(t, "history", history(t, p.pool, dog), []string{
		"status submitted public: ",
		"message public: Doložte prosím očkovací průkaz.",
		"note internal: Paní volala, průkaz donese osobně.",
		"assignment internal: Lenka Malá",
		"assignment internal: ",
	})
	wantLines(t, "audit log", auditTrail(t, p.pool, dog), []string{
		"submission.message by Pavel Novák", "submission.note by Pavel Novák", "submission.assign by Pavel Novák", "submission.assign by Pavel Novák",
	})
	message := lines(t, p.pool, `SELECT id::text FROM submission_events WHERE submission_id = $1 AND kind = 'message'`, dog.ID)[0]
	wantLines(t, "outbox", outboxKeys(t, p.pool, dog), []string{
		"mail:submission.message:" + strconv.FormatInt(dog.ID, 10) + ":" + message,
	})
	_, body = get(t, p, clerk, dog.path())
	text := webtest.Text(body)
	for _, want := range []string{"Zpráva z úřadu Doložte prosím očkovací průkaz.",
		"Interní poznámka (žadatel ji nevidí) Paní volala, průkaz donese osobně.", "Přiděleno: Lenka Malá", "Přidělení zrušeno"} {
		if !strings.Contains(text, want) {
			t.Errorf("the history lacks %q\n%s", want, text)
		}
	}

	// Assigned to the clerk, it is in their "assigned to me".
	act(t, p, clerk, dog, "prideleni", url.Values{"referent": {strconv.FormatInt(me, 10)}})
	_, body = get(t, p, clerk, inbox.InboxPath+"?prideleni=ja")
	if !strings.Contains(body, ">"+dog.Receipt+"</a>") || !strings.Contains(webtest.Text(body), "Podáno Pavel Novák") {
		t.Errorf("assigned to me:\n%s", webtest.Text(body))
	}
}

func TestTheClerkDetailShowsTheAnswersAndDownloadsTheAttachments(t *testing.T) {
	p := newPortal(t)
	clerk := webtest.LogIn(t, p.Server, "referent")
	dog := petrsRelief(t, p)

	res, body := get(t, p, clerk, dog.path())
	text := webtest.Text(body)
	for _, want := range []string{
		"Podání " + dog.Receipt, "Formulář Přihlášení psa k místnímu poplatku ze psů (verze 1)", "Podáno 20. 11. 2026 10:00",
		"Stav Podáno", "Číslo jednací zatím nepřiděleno", "Žadatel Petr Dvořák", "E-mail pro odpověď neuveden", "Agenda poplatky",
		"Držitel psa Petr Dvořák, nar. 3. 11. 1972", "Adresa trvalého pobytu Lubina 2508, 742 21 Kopřivnice",
		"Pes 1 Jméno psa Ajax", "Důvod osvobození Jsem držitelem průkazu ZTP/P",
		"Přílohy průkaz ZTP-P.pdf Doklad o nároku",
		"Stav: Podáno",
		"Přijmout podání", "Zamítnout", "Zpráva žadateli", "Žadatel nemá na portálu účet a neuvedl e-mail: zprávu neuvidí.", "Interní poznámka", "Přidělení",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the detail lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(text)
	}
	if strings.Contains(text, "Začít řešit") || strings.Contains(text, "Vyřídit") {
		t.Error("the detail offers moves the workflow does not allow from podáno")
	}

	fileID := lines(t, p.pool, `SELECT id::text FROM submission_files WHERE submission_id = $1`, dog.ID)[0]
	res, body = get(t, p, clerk, dog.path()+"/soubory/"+fileID)
	for header, want := range map[string]string{
		"Content-Type":           "application/pdf",
		"Content-Disposition":    `attachment; filename*=utf-8''pr%C5%AFkaz%20ZTP-P.pdf`,
		"X-Content-Type-Options": "nosniff",
		"Cache-Control":          "no-store",
	} {
		if got := res.Header.Get(header); got != want {
			t.Errorf("attachment %s: %q, want %q", header, got, want)
		}
	}
	if res.StatusCode != http.StatusOK || body != "%PDF-1.4\n" {
		t.Errorf("attachment: status %d, body %q", res.StatusCode, body)
	}
	if res, _ := get(t, p, clerk, dog.path()+"/soubory/00000000-0000-0000-0000-000000000000"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown attachment: status %d", res.StatusCode)
	}
}

// wantLines fails t unless got is want, naming what it compares.
func wantLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}
