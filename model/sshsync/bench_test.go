package sshsync

import (
	"context"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/warroom/warroom/model"
)

// BenchmarkSSHTrue is the floor: a bare `ssh host true` on the same server.
func BenchmarkSSHTrue(b *testing.B) {
	srv := startSSHD(b)
	args := append(strings.Fields(srv.sshCommand()), "-p", strconv.Itoa(srv.Port), "127.0.0.1", "true")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if out, err := exec.Command(args[0], args[1:]...).CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
	}
}

// syncBench prepares a small incident synced once.
func syncBench(b *testing.B) (*sshServer, string, string) {
	srv := startSSHD(b)
	local, remote := filepath.Join(b.TempDir(), "l.toml"), filepath.Join(srv.dir, "r.toml")
	benchChange(b, local, model.Declare{Title: "x", Commander: "alice"})
	c := srv.dial(b, remote)
	if _, err := Sync(context.Background(), c, local, SyncOptions{Create: true, Owner: "b"}); err != nil {
		b.Fatal(err)
	}
	return srv, local, remote
}

func benchChange(b *testing.B, path string, op model.Op) {
	b.Helper()
	if _, err := storeUpdate(path, op); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkSyncRoundTrip is one whole sync: ssh, SFTP session, lock, read,
// merge, and the new entry written to the remote, connection included.
func BenchmarkSyncRoundTrip(b *testing.B) {
	srv, local, remote := syncBench(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		benchChange(b, local, model.Log{Text: "bench"})
		b.StartTimer()
		c, err := Dial(context.Background(), srv.target(remote), Options{SSHCommand: srv.sshCommand(), Batch: true})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Sync(context.Background(), c, local, SyncOptions{Owner: "b"}); err != nil {
			b.Fatal(err)
		}
		_ = c.Close()
	}
}

// BenchmarkSyncKeptOpen is the same sync over a connection kept open, as
// --watch and a live screen do.
func BenchmarkSyncKeptOpen(b *testing.B) {
	srv, local, remote := syncBench(b)
	c := srv.dial(b, remote)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		benchChange(b, local, model.Log{Text: "bench"})
		b.StartTimer()
		if _, err := Sync(context.Background(), c, local, SyncOptions{Owner: "b"}); err != nil {
			b.Fatal(err)
		}
	}
}
