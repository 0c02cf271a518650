//go:build unix

package sshsync

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with this id runs on this
// machine (one of another user's counts too).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
