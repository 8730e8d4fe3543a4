//go:build !linux

package miniotest

import "os/exec"

// dieWithParent has no portable equivalent outside Linux; Cleanup still
// stops the server when the test ends normally.
func dieWithParent(*exec.Cmd) {}
