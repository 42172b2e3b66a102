// Package mailtest lets tests read the e-mail the portal sends: it runs mailpit, an SMTP server
// that keeps every message and serves them through its REST API, once per test process on free
// loopback ports. .ci/mailpit install builds it into .data/bin (make test does); without it a
// test fails, never skips.
package mailtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// startTimeout is how long mailpit may take to answer.
const startTimeout = 30 * time.Second

// Server is the running mailpit.
type Server struct {
	SMTPAddr string // 127.0.0.1:PORT, where the portal sends
	API      string // http://127.0.0.1:PORT, its web UI and REST API
	// stdin is the shell's standard input that keeps mailpit running: it ends when this closes,
	// that is with the test process, however that ends.
	stdin io.WriteCloser
}

var (
	once     sync.Once
	shared   *Server
	startErr error
)

// Mailpit returns the mailpit this test process shares: the first call starts it. Tests that
// run in parallel share it too, so each should send to addresses of its own and search by them.
func Mailpit(t testing.TB) *Server {
	t.Helper()
	once.Do(func() { shared, startErr = start() })
	if startErr != nil {
		t.Fatalf("mailpit: %v", startErr)
	}
	return shared
}

// start runs mailpit on free ports and waits until its API answers.
func start() (*Server, error) {
	_, self, _, _ := runtime.Caller(0) // this file, web/mailtest/mailtest.go in the source tree
	bin := filepath.Join(filepath.Dir(self), "..", "..", ".data", "bin", "mailpit")
	if _, err := os.Stat(bin); err != nil {
		return nil, errors.New(".data/bin/mailpit is missing: run .ci/mailpit install")
	}
	ports, err := freePorts(2)
	if err != nil {
		return nil, err
	}
	s := &Server{SMTPAddr: "127.0.0.1:" + ports[0], API: "http://127.0.0.1:" + ports[1]}
	// The shell ends mailpit when its standard input closes; mailpit keeps messages in memory.
	cmd := exec.Command("sh", "-c", `"$@" & pid=$!; read -r _; kill "$pid"`, "sh",
		bin, "--smtp", s.SMTPAddr, "--listen", strings.TrimPrefix(s.API, "http://"),
		"--disable-version-check", "--quiet", "--smtp-auth-accept-any", "--smtp-auth-allow-insecure")
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if s.stdin, err = cmd.StdinPipe(); err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	deadline := time.Now().Add(startTimeout)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(s.API + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		select {
		case err := <-exited:
			return nil, fmt.Errorf("exited before answering (%v):\n%s", err, out.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	s.stdin.Close()
	return nil, fmt.Errorf("not answering after %v:\n%s", startTimeout, out.String())
}

// freePorts returns n loopback ports free at the moment.
func freePorts(n int) ([]string, error) {
	var ports []string
	for range n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		defer ln.Close()
		ports = append(ports, strconv.Itoa(ln.Addr().(*net.TCPAddr).Port))
	}
	return ports, nil
}

// Address is a mailbox in a message.
type Address struct {
	Name, Address string
}

// Message is a message mailpit keeps, as its API describes it.
type Message struct {
	ID        string // mailpit's
	MessageID string // the Message-ID header, without <>
	From      Address
	To        []Address
	Subject   string // decoded
	Text      string // the decoded plain-text body, lines ending in "\n"
	Created   time.Time
}

// Search returns the messages matching query in mailpit's search syntax, e.g. "to:jana@example.cz"
// or `subject:"P-2026-000001"`, newest first, with their bodies.
func (s *Server) Search(t testing.TB, query string) []Message {
	t.Helper()
	var list struct{ Messages []Message }
	s.get(t, "/api/v1/search?limit=1000&query="+url.QueryEscape(query), &list)
	for i := range list.Messages {
		m := &list.Messages[i]
		s.get(t, "/api/v1/message/"+m.ID, m)
		m.Text = strings.ReplaceAll(m.Text, "\r\n", "\n")
	}
	return list.Messages
}

// To returns the messages sent to address, newest first.
func (s *Server) To(t testing.TB, address string) []Message {
	t.Helper()
	return s.Search(t, "to:"+address)
}

// WaitTo waits up to 10 seconds until n messages were sent to address and returns them.
func (s *Server) WaitTo(t testing.TB, address string, n int) []Message {
	t.Helper()
	var got []Message
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if got = s.To(t, address); len(got) >= n {
			return got
		}
	}
	t.Fatalf("%d messages to %s after 10 s, want %d", len(got), address, n)
	return nil
}

// Raw returns the message with mailpit's id as it was sent: headers and encoded body.
func (s *Server) Raw(t testing.TB, id string) string {
	t.Helper()
	resp, err := http.Get(s.API + "/api/v1/message/" + id + "/raw")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("raw message %s: %d %v", id, resp.StatusCode, err)
	}
	return string(b)
}

// DeleteAll deletes every message, also those of tests running in parallel.
func (s *Server) DeleteAll(t testing.TB) {
	t.Helper()
	req, err := http.NewRequest(http.MethodDelete, s.API+"/api/v1/messages", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("delete all messages: %s", resp.Status)
	}
}

// get decodes the JSON answer of GET path into v.
func (s *Server) get(t testing.TB, path string, v any) {
	t.Helper()
	resp, err := http.Get(s.API + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("mailpit GET %s: %s", path, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("mailpit GET %s: %v", path, err)
	}
}
