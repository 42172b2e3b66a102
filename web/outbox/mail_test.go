package outbox_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"net/mail"
	"strings"
	"testing"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/datasets/town"
	"github.com/radnice/radnice/web/integration/integrationtest"
	"github.com/radnice/radnice/web/mailtest"
	"github.com/radnice/radnice/web/outbox"
)

// mailConfig sends through the test process's mailpit as the demo town's office.
func mailConfig(t *testing.T) outbox.Config {
	t.Helper()
	demo, err := town.Read(demotown.TownConfig())
	if err != nil {
		t.Fatal(err)
	}
	return outbox.Config{
		SMTP:      outbox.SMTP{Addr: mailtest.Mailpit(t).SMTPAddr, From: mail.Address{Name: "Město Kopřivnice", Address: "podatelna@koprivnice.example"}},
		PublicURL: "https://portal.koprivnice.example",
		Town:      &demo,
		MinePath:  func(receipt string) string { return "/muj-ucet/podani/" + receipt },
	}
}

// mailbox is an address of the test's own at mailpit.
func mailbox() string { return "jana." + strings.ToLower(rand.Text()[:10]) + "@example.cz" }

func TestTheReceiptGoesOutByMailInCzechWithoutTheNameInTheSubject(t *testing.T) {
	pool := demotest.Pool(t)
	startWorker(t, pool, mailConfig(t))
	waitListening(t, pool)
	to := mailbox()
	account := integrationtest.Account(t, pool)
	id, receipt := integrationtest.Insert(t, pool, integrationtest.Submission{Name: "Jana Nováková", Email: to, Account: &account})

	job := outbox.SubmissionMail(outbox.Received, id, 0)
	enqueue(t, pool, job) // noticed at once: with nothing due, the worker sleeps for a minute
	msgs := mailtest.Mailpit(t).WaitTo(t, to, 1)

	m := msgs[0]
	if want := "Potvrzení o doručení podání " + receipt; m.Subject != want {
		t.Errorf("subject %q, want %q", m.Subject, want)
	}
	for _, want := range []string{"Městský úřad Kopřivnice obdržel Vaše podání.", "Formulář: Zkušební formulář",
		"Číslo podání: " + receipt, "https://portal.koprivnice.example/muj-ucet/podani/" + receipt, "\n-- \n"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("the body lacks %q:\n%s", want, m.Text)
		}
	}
	if strings.Contains(m.Text, "Nováková") {
		t.Errorf("the body names the person; it needs not:\n%s", m.Text)
	}
	if m.From.Address != "podatelna@koprivnice.example" || m.From.Name != "Město Kopřivnice" {
		t.Errorf("from %+v", m.From)
	}
	if want := fmt.Sprintf("mail.submission.received.%d@koprivnice.example", id); m.MessageID != want {
		t.Errorf("Message-ID %q, want %q, made of the job's key", m.MessageID, want)
	}
	raw := mailtest.Mailpit(t).Raw(t, m.ID)
	for _, want := range []string{"Subject: =?utf-8?q?Potvrzen=C3=AD_o_doru=C4=8Den=C3=AD_pod=C3=A1n=C3=AD_",
		"Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "Auto-Submitted: auto-generated"} {
		if !strings.Contains(raw, want) {
			t.Errorf("the message lacks %q:\n%s", want, raw)
		}
	}
	if r := waitDone(t, pool, job.Key); r.Attempts != 1 || r.LastError != nil {
		t.Errorf("done after %d attempts with error %v, want 1 and none", r.Attempts, r.LastError)
	}
}

func TestMailAboutTheHistorySaysWhatTheOfficeWrote(t *testing.T) {
	pool := demotest.Pool(t)
	startWorker(t, pool, mailConfig(t))
	to := mailbox()
	id, receipt := integrationtest.Insert(t, pool, integrationtest.Submission{Email: to, Reference: "MUKO 1234/2026"})
	accepted := integrationtest.Event(t, pool, id, "status", "accepted", "")
	message := integrationtest.Event(t, pool, id, "message", "", "Doložte prosím očkovací průkaz psa.")
	rejected := integrationtest.Event(t, pool, id, "status", "rejected", "Pes není přihlášen k trvalému pobytu v Kopřivnici.")
	enqueue(t, pool, outbox.SubmissionMail(outbox.Status, id, accepted), outbox.SubmissionMail(outbox.Message, id, message),
		outbox.SubmissionMail(outbox.Status, id, rejected))

	bySubject := map[string][]string{}
	for _, m := range mailtest.Mailpit(t).WaitTo(t, to, 3) {
		bySubject[m.Subject] = append(bySubject[m.Subject], m.Text)
	}
	status := bySubject["Změna stavu podání "+receipt]
	if len(status) != 2 {
		t.Fatalf("subjects %v, want two changes of status", bySubject)
	}
	body := strings.Join(status, "\n=====\n")
	for _, want := range []string{"podání je nyní přijato.", "podání je nyní zamítnuto.", "Číslo jednací: MUKO 1234/2026",
		"Sdělení úřadu:\nPes není přihlášen k trvalému pobytu v Kopřivnici."} {
		if !strings.Contains(body, want) {
			t.Errorf("the changes of status lack %q:\n%s", want, body)
		}
	}
	msg := bySubject["Nová zpráva k podání "+receipt]
	if len(msg) != 1 || !strings.Contains(msg[0], "Doložte prosím očkovací průkaz psa.") ||
		!strings.Contains(msg[0], "Odpovědět můžete na adresu podatelna@koprivnice.example") {
		t.Errorf("the message to an anonymous sender: %q", msg)
	}
}

func TestAnAnonymousSubmissionIsConfirmedFromTheLinkInTheMail(t *testing.T) {
	pool := demotest.Pool(t)
	startWorker(t, pool, mailConfig(t))
	to := mailbox()
	id, receipt := integrationtest.Insert(t, pool, integrationtest.Submission{Email: to, Status: "unconfirmed"})
	job := outbox.ConfirmationMail(id, "/formulare/potvrzeni/tajny-token")
	enqueue(t, pool, job)

	m := mailtest.Mailpit(t).WaitTo(t, to, 1)[0]
	if m.Subject != "Potvrďte prosím podání "+receipt {
		t.Errorf("subject %q", m.Subject)
	}
	if want := "https://portal.koprivnice.example/formulare/potvrzeni/tajny-token\n"; !strings.Contains(m.Text, want) {
		t.Errorf("the body lacks the link %q:\n%s", want, m.Text)
	}
	waitDone(t, pool, job.Key)
	var payload string
	if err := pool.QueryRow(context.Background(), `SELECT payload::text FROM outbox WHERE key = $1`, job.Key).Scan(&payload); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(payload, "tajny-token") {
		t.Errorf("the outbox keeps the token once the e-mail is sent: %s", payload)
	}
}

func TestMailWithNoOneToGoToIsDoneWithTheReasonNoted(t *testing.T) {
	pool := demotest.Pool(t)
	startWorker(t, pool, mailConfig(t))
	to := mailbox()
	noAddress, _ := integrationtest.Insert(t, pool, integrationtest.Submission{})
	confirmed, _ := integrationtest.Insert(t, pool, integrationtest.Submission{Email: to})
	withNote, _ := integrationtest.Insert(t, pool, integrationtest.Submission{Email: to})
	var note int64
	if err := pool.QueryRow(context.Background(), `INSERT INTO submission_events (submission_id, kind, actor_name, body, public)
		VALUES ($1, 'note', 'Pavel Novák', 'Soused tvrdí, že pes je jeho.', false) RETURNING id`, withNote).Scan(&note); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		job    outbox.Job
		reason string
	}{
		{"a submission without an e-mail address", outbox.SubmissionMail(outbox.Received, noAddress, 0), "has no e-mail address"},
		{"a confirmation of a submission confirmed already", outbox.ConfirmationMail(confirmed, "/formulare/potvrzeni/x"), "is submitted"},
		{"an internal note", outbox.SubmissionMail(outbox.Message, withNote, note), "has no public event"},
	} {
		enqueue(t, pool, c.job)
		if r := waitDone(t, pool, c.job.Key); r.LastError == nil || !strings.Contains(*r.LastError, c.reason) {
			t.Errorf("%s: done noting %v, want %q", c.name, r.LastError, c.reason)
		}
	}
	if got := mailtest.Mailpit(t).To(t, to); len(got) != 0 {
		t.Errorf("%d messages went out, want none", len(got))
	}
}
