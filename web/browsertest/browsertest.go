// Package browsertest runs the portal's browser tests: a feature's Node script drives
// Debian's Chromium through playwright-core, using the shared harness browser.mjs beside this
// file, which also checks pages with axe-core (WCAG 2.1 A/AA) and the Nu HTML Checker.
// .ci/browser-deps installs what they need; a missing browser fails the test, never skips it.
package browsertest

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// Timeout is how long one browser test script may run.
const Timeout = 2 * time.Minute

// Run runs `node script baseURL` in the calling test's package directory (script is relative to
// it, e.g. "testdata/find-address.browser.mjs") and fails t with the script's output when the
// script exits non-zero or outlives Timeout. With -v the output is shown as the steps pass.
func Run(t *testing.T, script, baseURL string) {
	t.Helper()
	RunWithin(t, script, baseURL, Timeout)
}

// RunWithin is Run for a script that may take longer than Timeout, such as a crawl of the
// whole site.
func RunWithin(t *testing.T, script, baseURL string, limit time.Duration) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("browser test: node is not installed: run .ci/browser-deps")
	}
	abs, err := filepath.Abs(script)
	if err != nil {
		t.Fatal(err)
	}
	timeout := limit
	if deadline, ok := t.Deadline(); ok {
		if left := time.Until(deadline) - 5*time.Second; left < timeout {
			timeout = left
		}
	}
	ctx, cancel := context.WithTimeout(t.Context(), timeout)
	defer cancel()

	out := &output{w: t.Output()}
	cmd := exec.CommandContext(ctx, node, abs, baseURL)
	cmd.Stdout, cmd.Stderr = out, out
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "FORCE_COLOR=0")
	cmd.WaitDelay = 5 * time.Second
	ownProcessGroup(cmd)
	start := time.Now()
	err = cmd.Run()
	killProcessGroup(cmd)
	elapsed := time.Since(start).Round(100 * time.Millisecond)
	switch {
	case ctx.Err() == context.DeadlineExceeded:
		t.Fatalf("browser test %s: killed after %v", script, timeout)
	case err != nil:
		hint := ""
		if strings.Contains(out.String(), "Cannot find package") || strings.Contains(out.String(), "Cannot find module") {
			hint = " (npm packages missing: run .ci/browser-deps)"
		}
		t.Fatalf("browser test %s failed after %v: %v%s\n%s", script, elapsed, err, hint, lastFailure(out.String()))
	}
}

// output passes the script's output on to the test log and keeps a copy for the failure message.
type output struct {
	mu  sync.Mutex
	w   io.Writer
	buf strings.Builder
}

func (o *output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.buf.Write(p)
	return o.w.Write(p)
}

func (o *output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

// lastFailure is the harness's FAIL report from the output, or the output's tail without one.
func lastFailure(s string) string {
	if i := strings.LastIndex(s, "FAIL "); i >= 0 {
		return s[i:]
	}
	if len(s) > 4000 {
		s = "…" + s[len(s)-4000:]
	}
	return s
}
