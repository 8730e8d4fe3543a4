package miniotest

import (
	"os/exec"
	"syscall"
)

// dieWithParent kills MinIO when the test binary dies (a timeout, a
// panic), so that no server outlives its test.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
