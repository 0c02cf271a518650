//go:build linux

package hooks

import (
	"bytes"
	"os"
	"strconv"
	"syscall"
)

// killMarked kills every process whose environment holds mark (as
// runVar=mark), as /proc shows it: what a hook started, however it
// detached, unless it cleared its environment at exec. It looks again
// until none is left, for those forked while it killed.
func killMarked(mark string) {
	want := []byte(runVar + "=" + mark + "\x00")
	for range 10 {
		if killed := killEnv(want); killed == 0 {
			return
		}
	}
}

// killEnv kills the processes whose environment, as /proc shows it,
// holds the entry want; it returns how many it killed.
func killEnv(want []byte) int {
	dir, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	self := os.Getpid()
	killed := 0
	for _, d := range dir {
		pid, err := strconv.Atoi(d.Name())
		if err != nil || pid == self {
			continue
		}
		env, err := os.ReadFile("/proc/" + d.Name() + "/environ")
		if err != nil { // gone, or not ours to read
			continue
		}
		if bytes.HasPrefix(env, want) || bytes.Contains(env, append([]byte{0}, want...)) {
			if syscall.Kill(pid, syscall.SIGKILL) == nil {
				killed++
			}
		}
	}
	return killed
}
