//go:build unix

package hooks

import (
	"os/exec"
	"syscall"
)

// ownGroup starts cmd in a process group of its own, so that a hook that
// runs too long is stopped with everything it started: the group, and
// what carries mark in its environment though it left the group (setsid,
// a daemon's double fork), where the system lets it be found (killMarked).
func ownGroup(cmd *exec.Cmd, mark string) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		// The group's id is the hook's pid; kill every process in it.
		err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		killMarked(mark)
		return err
	}
}

// endGroup kills what a hook that has ended left running, in its process
// group or carrying its mark: nothing it started outlives it.
func endGroup(cmd *exec.Cmd, mark string) {
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // ESRCH: nothing was left
	}
	killMarked(mark)
}

// ownSession starts cmd in a session of its own: a signal to the
// terminal or the process group of whoever started it (ctrl+c, a closed
// SSH session) does not reach it.
func ownSession(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
}
