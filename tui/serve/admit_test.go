package serve

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/warroom/warroom/model/sshsync/sshtest"
)

// keyFile writes member i's private key for the OpenSSH client.
func (r *room) keyFile(tb testing.TB, i int) string {
	tb.Helper()
	key := filepath.Join(tb.TempDir(), "key")
	pem, err := gossh.MarshalPrivateKey(r.privs[i], "")
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(key, pemBytes(pem), 0o600); err != nil {
		tb.Fatal(err)
	}
	return key
}

// sshWho runs who over SSH with the OpenSSH client, as the owner of key.
func (r *room) sshWho(key string) ([]byte, error) {
	host, port, _ := strings.Cut(r.addr, ":")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return exec.CommandContext(ctx, "ssh", "-F", "/dev/null", "-i", key, "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=no",
		"-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=15", "-p", port, host, "who").CombinedOutput()
}

// holdSilent opens n connections to addr that send nothing, closed when
// the test ends.
func holdSilent(tb testing.TB, addr string, n int) []net.Conn {
	tb.Helper()
	var out []net.Conn
	for range n {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, c)
	}
	tb.Cleanup(func() {
		for _, c := range out {
			_ = c.Close()
		}
	})
	return out
}

// TestAMemberGetsInPastSilentSockets: 200 connections held open from one
// address and silent do not keep a member from that address out: the
// OpenSSH client logs in and runs who while they are held.
func TestAMemberGetsInPastSilentSockets(t *testing.T) {
	sshtest.NeedTool(t, "ssh")
	r := startRoom(t, 1)
	key := r.keyFile(t, 0)
	holdSilent(t, r.addr, 200)
	if out, err := r.sshWho(key); err != nil {
		t.Fatalf("the member did not get in past 200 silent sockets: %v %s", err, out)
	}
}

// BenchmarkLoginPastSilentSockets: how long the OpenSSH client takes to
// log in and run who while 200 silent sockets from its address are held
// open, next to the same with none.
func BenchmarkLoginPastSilentSockets(b *testing.B) {
	sshtest.NeedTool(b, "ssh")
	for _, n := range []int{0, 200} {
		b.Run(fmt.Sprintf("silent=%d", n), func(b *testing.B) {
			r := startRoom(b, 1)
			key := r.keyFile(b, 0)
			for b.Loop() {
				b.StopTimer()
				held := holdSilent(b, r.addr, n) // a fresh 200 each time: none closed yet
				b.StartTimer()
				if out, err := r.sshWho(key); err != nil {
					b.Fatalf("who: %v %s", err, out)
				}
				b.StopTimer()
				for _, c := range held {
					_ = c.Close()
				}
				b.StartTimer()
			}
		})
	}
}
