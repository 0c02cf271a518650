// Package sshtest starts a real OpenSSH server on 127.0.0.1 for tests: its
// own host key, authorized key, known_hosts and config in a temporary
// folder, never the system's. It is for tests only.
package sshtest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Server is a real OpenSSH server on 127.0.0.1, started by the test with
// its own host key, authorized key and config, never the system's.
type Server struct {
	Dir        string // the server's folder: keys, config, and room for files to sync
	Port       int
	ClientKey  string
	KnownHosts string
}

// NeedTool skips when a tool is missing on a developer's machine, and
// fails under CI, which installs it.
func NeedTool(t testing.TB, path string) {
	t.Helper()
	if _, err := exec.LookPath(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing and CI=true: .ci/run installs it", path)
		}
		t.Skipf("%s is not installed; install openssh-server and openssh-client to run the SSH tests", path)
	}
}

// FreePort is a loopback port nothing listens on.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func run(t testing.TB, name string, args ...string) {
	t.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

// Start starts sshd -D -e on a free loopback port and stops it when
// the test ends.
func Start(t testing.TB) *Server { t.Helper(); return StartWith(t, Config{}) }

// Config changes the server a test starts.
type Config struct {
	// SFTPFlags are added to the server's internal-sftp: "-R" serves
	// read-only, so every write is refused with "permission denied".
	SFTPFlags string
}

// StartWith starts a server as Start does, configured by c.
func StartWith(t testing.TB, c Config) *Server {
	t.Helper()
	NeedTool(t, "/usr/sbin/sshd")
	NeedTool(t, "ssh")
	NeedTool(t, "ssh-keygen")
	if err := os.MkdirAll("/run/sshd", 0o755); err != nil {
		t.Fatalf("mkdir /run/sshd: %v", err)
	}
	dir := t.TempDir()
	s := &Server{Dir: dir, Port: FreePort(t), ClientKey: filepath.Join(dir, "client"), KnownHosts: filepath.Join(dir, "known_hosts")}
	hostKey := filepath.Join(dir, "host")
	run(t, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey)
	run(t, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", s.ClientKey)
	pub, err := os.ReadFile(s.ClientKey + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "authorized_keys"), pub, 0o600); err != nil {
		t.Fatal(err)
	}
	hostPub, err := os.ReadFile(hostKey + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.KnownHosts, []byte(fmt.Sprintf("[127.0.0.1]:%d %s", s.Port, hostPub)), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "sshd_config")
	conf := fmt.Sprintf(`Port %d
ListenAddress 127.0.0.1
HostKey %s
AuthorizedKeysFile %s
PidFile %s
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
Subsystem sftp internal-sftp %s
SetEnv SHLVL=1
LogLevel ERROR
`, s.Port, hostKey, filepath.Join(dir, "authorized_keys"), filepath.Join(dir, "sshd.pid"), c.SFTPFlags)
	if err := os.WriteFile(cfg, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("/usr/sbin/sshd", "-f", cfg, "-D", "-e")
	var log strings.Builder
	cmd.Stderr = &log
	if err := cmd.Start(); err != nil {
		t.Fatalf("start sshd: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", s.Port), 200*time.Millisecond)
		if err == nil {
			c.Close()
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("sshd did not start listening on %d: %s", s.Port, log.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// SSHCommand is the client command line for this server: its key, its
// known_hosts, no user config.
func (s *Server) SSHCommand() string {
	return fmt.Sprintf("ssh -F /dev/null -i %s -o IdentitiesOnly=yes -o UserKnownHostsFile=%s -o StrictHostKeyChecking=yes -o LogLevel=ERROR",
		s.ClientKey, s.KnownHosts)
}
