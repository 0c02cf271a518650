package sshsync

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/sample"
	"github.com/warroom/warroom/model/store"
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

// BenchmarkSFTPSession is the floor of every sync: ssh connects, the SFTP
// session opens, and both close, moving nothing.
func BenchmarkSFTPSession(b *testing.B) {
	srv := startSSHD(b)
	tgt := srv.target(filepath.Join(srv.dir, "x.toml"))
	for b.Loop() {
		c, err := Dial(context.Background(), tgt, Options{SSHCommand: srv.sshCommand(), Batch: true})
		if err != nil {
			b.Fatal(err)
		}
		_ = c.Close()
	}
}

// largeFile is an incident of 100,000 entries and 1,000 tasks as `warroom
// demo --entries 100000 --tasks 1000` makes it (18 MiB), encoded once.
var largeFile = sync.OnceValues(func() ([]byte, error) {
	s, err := sample.Large(model.DefaultCatalog(), time.Now().Add(-time.Hour), &model.SeqIDs{}, 100_000, 1_000)
	if err != nil {
		return nil, err
	}
	return store.Encode(s)
})

// largePair writes the large incident to a local file and creates its
// remote copy with a sync.
func largePair(b *testing.B, srv *sshServer) (local, remote string) {
	b.Helper()
	data, err := largeFile()
	if err != nil {
		b.Fatal(err)
	}
	local, remote = filepath.Join(b.TempDir(), "local.toml"), filepath.Join(srv.dir, "large.toml")
	if err := os.WriteFile(local, data, 0o644); err != nil {
		b.Fatal(err)
	}
	if _, err := Sync(context.Background(), srv.dial(b, remote), local, SyncOptions{Owner: "b", Create: true}); err != nil {
		b.Fatal(err)
	}
	return local, remote
}

// syncCase is one way a sync is measured: prep runs untimed before it,
// check after it; floor is the bare SFTP session, with no sync.
type syncCase struct {
	name  string
	prep  func()
	check func(Result) bool
	floor bool
}

// BenchmarkSync100k measures, on the large incident, a sync with nothing
// new (and the same taking the whole way, as before the memo), after one
// local append and after one remote append (a warroom on
// the remote host), each as a whole `warroom sync` does it (ssh, the SFTP
// session, the sync, close), next to the floor: a bare SFTP session to
// the same server, connected and closed. Each iteration measures the five
// in turn, in an order that rotates, so that the ratios come from one run
// under the same load; then the four syncs again over a connection kept
// open (--watch, --sync). The figures are reported as metrics (ms, and
// ratios to the floor); the ns/op of the whole iteration means nothing.
//
//	go test ./model/sshsync -run '^$' -bench Sync100k -benchtime 10x -count 3
func BenchmarkSync100k(b *testing.B) {
	srv := startSSHD(b)
	local, remote := largePair(b, srv)
	opts := Options{SSHCommand: srv.sshCommand(), Batch: true}
	tgt := srv.target(remote)
	cases := []syncCase{
		{name: "floor", floor: true},
		{name: "nothing", check: func(r Result) bool { return !r.Moved() }},
		// The way every sync went before the memo: the remote copy read
		// whole, both copies decoded and merged.
		{name: "whole", prep: func() { forgetMemo(local, tgt) }, check: func(r Result) bool { return !r.Moved() }},
		{name: "local", prep: func() { appendOps(b, local, "alice", model.Log{Text: "bench here"}) },
			check: func(r Result) bool { return r.Out.Entries == 1 && r.In.Entries == 0 }},
		{name: "remote", prep: func() { appendOps(b, remote, "bob", model.Log{Text: "bench there"}) },
			check: func(r Result) bool { return r.In.Entries == 1 && r.Out.Entries == 0 }},
	}
	kept := srv.dial(b, remote)
	total := map[string]time.Duration{}
	run := func(name string, sc syncCase, c *Conn) {
		b.StopTimer()
		if sc.prep != nil {
			sc.prep()
		}
		start := time.Now()
		b.StartTimer()
		if c == nil {
			var err error
			if c, err = Dial(context.Background(), tgt, opts); err != nil {
				b.Fatal(err)
			}
			defer func() { _ = c.Close(); total[name] += time.Since(start) }()
		} else {
			defer func() { total[name] += time.Since(start) }()
		}
		if sc.floor {
			return
		}
		res, err := Sync(context.Background(), c, local, SyncOptions{Owner: "b"})
		if err != nil || !sc.check(res) {
			b.Fatalf("%s: %s %v", name, res, err)
		}
	}
	i := 0
	for b.Loop() {
		for j := range cases {
			sc := cases[(i+j)%len(cases)]
			run(sc.name, sc, nil)
		}
		for _, sc := range cases[1:] {
			run("open-"+sc.name, sc, kept)
		}
		i++
	}
	n := float64(b.N)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / n }
	b.ReportMetric(ms(total["floor"]), "floor-ms")
	for _, sc := range cases[1:] {
		b.ReportMetric(ms(total[sc.name]), sc.name+"-ms")
		b.ReportMetric(float64(total[sc.name])/float64(total["floor"]), sc.name+"/floor")
		b.ReportMetric(ms(total["open-"+sc.name]), "open-"+sc.name+"-ms")
	}
}

// BenchmarkSyncWhole100k is a sync with nothing new on the large incident
// that takes the whole way (its memo removed first): the remote copy read
// whole, both copies decoded and merged. Every sync cost at least this
// before the memo.
func BenchmarkSyncWhole100k(b *testing.B) {
	srv := startSSHD(b)
	local, remote := largePair(b, srv)
	tgt := srv.target(remote)
	for b.Loop() {
		b.StopTimer()
		forgetMemo(local, tgt)
		b.StartTimer()
		c, err := Dial(context.Background(), tgt, Options{SSHCommand: srv.sshCommand(), Batch: true})
		if err != nil {
			b.Fatal(err)
		}
		if res, err := Sync(context.Background(), c, local, SyncOptions{Owner: "b"}); err != nil || res.Moved() {
			b.Fatalf("%s %v", res, err)
		}
		_ = c.Close()
	}
}
