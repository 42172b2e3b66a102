package outbox

import (
	"bytes"
	"context"
	"crypto/tls"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"strings"
	"text/template"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/radnice/radnice/datasets/textdoc"
	"github.com/radnice/radnice/geo"
)

// The e-mails, one file each: a textdoc whose Subject header and body are text/templates of
// mailData, and the signature every body ends with.
//
//go:embed mail
var mailFiles embed.FS

// mailTemplates holds "NAME" (the body) and "NAME.subject" of every e-mail, and "signature".
var mailTemplates = mustParseMail()

func mustParseMail() *template.Template {
	set := template.New("mail").Option("missingkey=error")
	sig, err := fs.ReadFile(mailFiles, "mail/signature.txt")
	if err != nil {
		panic(err)
	}
	template.Must(set.New("signature").Parse(string(sig)))
	for _, t := range []Template{Received, Confirm, Status, Message} {
		data, err := fs.ReadFile(mailFiles, "mail/"+string(t)+".txt")
		if err != nil {
			panic(err)
		}
		doc, err := textdoc.Parse(string(t)+".txt", data)
		if err != nil {
			panic(err)
		}
		subject, err := doc.Required("Subject")
		if err != nil {
			panic(err)
		}
		template.Must(set.New(string(t) + ".subject").Parse(subject.Value))
		template.Must(set.New(string(t)).Parse(doc.Body))
	}
	return set
}

// mailData is what the e-mails are made of. Nothing that names the person goes into a subject.
type mailData struct {
	Receipt, Form, SubmittedAt, ReferenceNumber string
	Status                                      string // the new status, as a Czech adjective: "přijato"
	Event                                       string // the office's message or reason
	Link                                        string // to the citizen's page of the submission, or the confirmation
	Portal                                      string // where people reach the portal
	Office, Address, Phone, OfficeEmail, Web    string // of the office, for the signature
}

// statusWords are the statuses as the e-mails say them: "podání je nyní přijato".
var statusWords = map[string]string{
	"submitted":   "podáno",
	"accepted":    "přijato",
	"in_progress": "v řešení",
	"resolved":    "vyřízeno",
	"rejected":    "zamítnuto",
}

// sendMail renders mail job j from the database as it is now and sends it by SMTP.
func (w *Worker) sendMail(ctx context.Context, tx pgx.Tx, j job) error {
	var p mailPayload
	if err := json.Unmarshal(j.Payload, &p); err != nil {
		return fmt.Errorf("mail payload: %w", err)
	}
	if mailTemplates.Lookup(string(p.Template)) == nil {
		return fmt.Errorf("no e-mail template %q", p.Template)
	}
	to, d, err := w.mailData(ctx, tx, p)
	if err != nil {
		return err
	}
	var subject, body bytes.Buffer
	if err := mailTemplates.ExecuteTemplate(&subject, string(p.Template)+".subject", d); err != nil {
		return fmt.Errorf("e-mail %s: %w", p.Template, err)
	}
	if err := mailTemplates.ExecuteTemplate(&body, string(p.Template), d); err != nil {
		return fmt.Errorf("e-mail %s: %w", p.Template, err)
	}
	body.WriteString("\n\n-- \n")
	if err := mailTemplates.ExecuteTemplate(&body, "signature", d); err != nil {
		return fmt.Errorf("e-mail signature: %w", err)
	}
	msg, err := compose(w.cfg.SMTP.From, to, subject.String(), body.String(), j.Key, time.Now())
	if err != nil {
		return err
	}
	return w.cfg.SMTP.send(ctx, to, msg)
}

// mailData reads what e-mail p says, and its recipient, through tx.
func (w *Worker) mailData(ctx context.Context, tx pgx.Tx, p mailPayload) (*mail.Address, mailData, error) {
	var (
		d             mailData
		email, status string
		reference     *string
		submitted     time.Time
		fromAccount   bool
		confirm       = p.Template == Confirm
		aboutEvent    = p.Template == Status || p.Template == Message
		eventStatus   *string
		eventPublic   bool
	)
	err := tx.QueryRow(ctx, `
		SELECT s.receipt, f.title, s.status, s.reference_number, s.submitted_at, s.contact_email, s.account_id IS NOT NULL
		FROM submissions s JOIN form_versions f ON f.id = s.form_version_id WHERE s.id = $1`, p.SubmissionID).
		Scan(&d.Receipt, &d.Form, &status, &reference, &submitted, &email, &fromAccount)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return nil, d, fmt.Errorf("%w: no submission %d", errNothingToSend, p.SubmissionID)
	case err != nil:
		return nil, d, fmt.Errorf("submission %d: %w", p.SubmissionID, err)
	case confirm != (status == "unconfirmed"): // a confirmation only while one is awaited
		return nil, d, fmt.Errorf("%w: submission %d is %s", errNothingToSend, p.SubmissionID, status)
	case email == "":
		return nil, d, fmt.Errorf("%w: submission %d has no e-mail address", errNothingToSend, p.SubmissionID)
	}
	to, err := mail.ParseAddress(email)
	if err != nil {
		return nil, d, fmt.Errorf("%w: the e-mail address of submission %d is not valid", errNothingToSend, p.SubmissionID)
	}
	if aboutEvent {
		err := tx.QueryRow(ctx, `SELECT status, body, public FROM submission_events WHERE id = $1 AND submission_id = $2`,
			p.EventID, p.SubmissionID).Scan(&eventStatus, &d.Event, &eventPublic)
		if errors.Is(err, pgx.ErrNoRows) || err == nil && !eventPublic { // an internal note never leaves the office
			return nil, d, fmt.Errorf("%w: submission %d has no public event %d", errNothingToSend, p.SubmissionID, p.EventID)
		}
		if err != nil {
			return nil, d, fmt.Errorf("event %d: %w", p.EventID, err)
		}
	}
	d.Status = statusWords[status]
	if eventStatus != nil {
		d.Status = statusWords[*eventStatus] // as it was then: the submission may have moved on
	}
	if reference != nil {
		d.ReferenceNumber = *reference
	}
	d.SubmittedAt = submitted.In(geo.Prague).Format("2. 1. 2006 v 15:04")
	d.Portal = w.cfg.PublicURL
	switch {
	case confirm:
		if p.Path == "" {
			return nil, d, fmt.Errorf("%w: the confirmation of submission %d has no link", errNothingToSend, p.SubmissionID)
		}
		d.Link = w.cfg.PublicURL + p.Path
	case fromAccount && w.cfg.MinePath != nil:
		d.Link = w.cfg.PublicURL + w.cfg.MinePath(d.Receipt)
	}
	if t := w.cfg.Town; t != nil {
		d.Office, d.Address, d.Phone, d.OfficeEmail, d.Web = t.Office, t.Address, t.Phone, t.Email, t.Web
	}
	return to, d, nil
}

// compose makes the message of the e-mail with subject and body from from to to: plain UTF-8
// text, quoted-printable, its Message-ID made of the job's key so that a resend is recognised.
func compose(from mail.Address, to *mail.Address, subject, body, key string, now time.Time) ([]byte, error) {
	_, domain, ok := strings.Cut(from.Address, "@")
	if !ok {
		return nil, fmt.Errorf("the sender %q is not an e-mail address", from.Address)
	}
	var b bytes.Buffer
	for _, h := range [][2]string{
		{"From", from.String()},
		{"To", to.String()},
		{"Subject", mime.QEncoding.Encode("utf-8", subject)},
		{"Date", now.Format(time.RFC1123Z)},
		{"Message-ID", "<" + strings.ReplaceAll(key, ":", ".") + "@" + domain + ">"},
		{"Auto-Submitted", "auto-generated"},
		{"MIME-Version", "1.0"},
		{"Content-Type", "text/plain; charset=utf-8"},
		{"Content-Transfer-Encoding", "quoted-printable"},
	} {
		b.WriteString(h[0] + ": " + h[1] + "\r\n")
	}
	b.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&b)
	if _, err := qp.Write([]byte(body)); err != nil {
		return nil, fmt.Errorf("encode the e-mail: %w", err)
	}
	if err := qp.Close(); err != nil {
		return nil, fmt.Errorf("encode the e-mail: %w", err)
	}
	return b.Bytes(), nil
}

// smtpTimeout bounds one conversation with the mail server.
const smtpTimeout = time.Minute

// send delivers msg to to through the server, with STARTTLS when the server offers it.
func (s SMTP) send(ctx context.Context, to *mail.Address, msg []byte) error {
	host, _, err := net.SplitHostPort(s.Addr)
	if err != nil {
		return fmt.Errorf("SMTP server %q: %w", s.Addr, err)
	}
	ctx, cancel := context.WithTimeout(ctx, smtpTimeout)
	defer cancel()
	var dialer net.Dialer
	conn, err := dialer.DialContext(ctx, "tcp", s.Addr)
	if err != nil {
		return fmt.Errorf("SMTP: %w", err)
	}
	deadline, _ := ctx.Deadline()
	conn.SetDeadline(deadline) //nolint:errcheck // a fresh connection takes a deadline
	// Stopping the worker breaks off the conversation.
	defer context.AfterFunc(ctx, func() { conn.SetDeadline(time.Now()) })() //nolint:errcheck // the deadline is for breaking off
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("SMTP: %w", err)
	}
	defer c.Close()
	if ok, _ := c.Extension("STARTTLS"); ok {
		if err := c.StartTLS(&tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}); err != nil {
			return fmt.Errorf("SMTP STARTTLS: %w", err)
		}
	}
	if s.User != "" {
		if err := c.Auth(smtp.PlainAuth("", s.User, s.Password, host)); err != nil {
			return fmt.Errorf("SMTP AUTH: %w", err)
		}
	}
	if err := c.Mail(s.From.Address); err != nil {
		return fmt.Errorf("SMTP MAIL: %w", err)
	}
	if err := c.Rcpt(to.Address); err != nil {
		return fmt.Errorf("SMTP RCPT: %w", err)
	}
	wc, err := c.Data()
	if err != nil {
		return fmt.Errorf("SMTP DATA: %w", err)
	}
	if _, err := wc.Write(msg); err != nil {
		return fmt.Errorf("SMTP DATA: %w", err)
	}
	if err := wc.Close(); err != nil {
		return fmt.Errorf("SMTP DATA: %w", err)
	}
	c.Quit() //nolint:errcheck // the server took the message: a failed goodbye must not send it again
	return nil
}
