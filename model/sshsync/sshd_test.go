package sshsync

import (
	"context"
	"testing"

	"github.com/warroom/warroom/model/sshsync/sshtest"
)

// sshServer wraps the test server with this package's helpers.
type sshServer struct {
	*sshtest.Server
	dir        string
	knownHosts string
}

func startSSHD(t testing.TB) *sshServer {
	s := sshtest.Start(t)
	return &sshServer{Server: s, dir: s.Dir, knownHosts: s.KnownHosts}
}

func needTool(t testing.TB, path string) { sshtest.NeedTool(t, path) }
func freePort(t testing.TB) int          { return sshtest.FreePort(t) }
func (s *sshServer) sshCommand() string  { return s.SSHCommand() }

// target is a path on the server (the same machine, so a local path).
func (s *sshServer) target(path string) Target {
	return Target{Host: "127.0.0.1", Port: s.Port, Path: path}
}

func (s *sshServer) dial(t testing.TB, path string) *Conn {
	t.Helper()
	c, err := Dial(context.Background(), s.target(path), Options{SSHCommand: s.sshCommand(), Batch: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// startSSHDReadOnly starts a server whose SFTP refuses every write.
func startSSHDReadOnly(t testing.TB) *sshServer {
	s := sshtest.StartWith(t, sshtest.Config{SFTPFlags: "-R"})
	return &sshServer{Server: s, dir: s.Dir, knownHosts: s.KnownHosts}
}
