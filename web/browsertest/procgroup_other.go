//go:build !unix

package browsertest

import "os/exec"

// ownProcessGroup leaves the script in the test's process group where there are none.
func ownProcessGroup(*exec.Cmd) {}

// killProcessGroup has nothing to do where there are no process groups.
func killProcessGroup(*exec.Cmd) {}
