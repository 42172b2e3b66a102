// Package authtest lets tests log in: it runs the development OpenID Connect provider shaped
// like the Czech eID (NIA), .ci/idp/provider.mjs, with the demo people of
// datasets/demotown/idp/people.json, and drives its login and logout pages without a browser.
// .ci/browser-deps installs the npm packages it needs; without them a test fails, never skips.
package authtest

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/radnice/radnice/datasets/demotown"
)

// ClientID is the provider's one client, the portal.
const ClientID = "radnice-demo"

// startTimeout is how long the provider may take to listen.
const startTimeout = 30 * time.Second

// IdP is the running provider and the portal's client at it.
type IdP struct {
	Issuer       string // http://127.0.0.1:PORT, exactly the ID tokens' iss
	ClientID     string
	ClientSecret string
	// stdin is the provider's standard input: it ends when this closes, that is with the test
	// process, however that ends.
	stdin io.WriteCloser
}

var (
	once     sync.Once
	shared   *IdP
	startErr error
)

// Provider returns the provider this test process shares: the first call starts it on a free
// loopback port with a client secret of its own; it ends with the test process.
func Provider(t testing.TB) *IdP {
	t.Helper()
	once.Do(func() { shared, startErr = start() })
	if startErr != nil {
		t.Fatalf("identity provider: %v", startErr)
	}
	return shared
}

// Person is the demo person who logs in as login, with what the provider says about them.
func Person(t testing.TB, login string) demotown.IdentityPerson {
	t.Helper()
	for _, p := range demotown.IdentityPeople() {
		if p.Login == login {
			return p
		}
	}
	t.Fatalf("no demo person logs in as %q (datasets/demotown/idp/people.json)", login)
	return demotown.IdentityPerson{}
}

// start runs the provider and waits until it says where it listens.
func start() (*IdP, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, errors.New("node is not installed: run .ci/browser-deps")
	}
	root, err := sourceRoot()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(root, "node_modules", "oidc-provider", "package.json")); err != nil {
		return nil, errors.New("npm package oidc-provider missing: run .ci/browser-deps")
	}
	idp := &IdP{ClientID: ClientID, ClientSecret: rand.Text()}
	cmd := exec.Command(node, filepath.Join(root, ".ci", "idp", "provider.mjs"),
		"--port", "0", "--client-secret", idp.ClientSecret, "--exit-with-stdin")
	cmd.Dir = root
	out := &output{listening: make(chan string, 1)}
	cmd.Stdout, cmd.Stderr = out, out
	if idp.stdin, err = cmd.StdinPipe(); err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case idp.Issuer = <-out.listening:
		return idp, nil
	case err := <-exited:
		return nil, fmt.Errorf("exited before listening (%v):\n%s", err, out)
	case <-time.After(startTimeout):
		_ = cmd.Process.Kill()
		return nil, fmt.Errorf("not listening after %v:\n%s", startTimeout, out)
	}
}

// sourceRoot is the source tree the working directory lies in, found by its go.mod.
func sourceRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// listeningLine is what the provider prints once it listens.
var listeningLine = regexp.MustCompile(`(?m)^listening (http://\S+)$`)

// output keeps the provider's last output for error messages, and sends its issuer on
// listening when it first prints it. Its log holds no personal data.
type output struct {
	mu        sync.Mutex
	buf       []byte
	listening chan string
}

func (o *output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.buf = append(o.buf, p...)
	if o.listening != nil {
		if m := listeningLine.FindSubmatch(o.buf); m != nil {
			o.listening <- string(m[1])
			o.listening = nil
		}
	}
	if over := len(o.buf) - 8<<10; over > 0 && o.listening == nil {
		o.buf = bytes.Clone(o.buf[over:])
	}
	return len(p), nil
}

func (o *output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return string(o.buf)
}
