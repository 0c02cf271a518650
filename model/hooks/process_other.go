//go:build !unix

package hooks

import "os/exec"

// ownGroup: without process groups, a hook that runs too long is killed
// alone.
func ownGroup(*exec.Cmd, string) {}

// endGroup: without process groups, what a hook started is its own.
func endGroup(*exec.Cmd, string) {}

// ownSession: the runner of a detached job is an ordinary child.
func ownSession(*exec.Cmd) {}
