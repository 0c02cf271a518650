package serve

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/sshsync/sshtest"
	"github.com/warroom/warroom/model/store"
)

// room is a served war room for load tests: its file, its address, and
// one key per member.
type room struct {
	file  string
	addr  string
	keys  []gossh.Signer
	privs []ed25519.PrivateKey
	stop  context.CancelFunc
	done  chan error
}

// startRoom serves a declared incident to n members on a loopback port.
func startRoom(tb testing.TB, n int) *room {
	tb.Helper()
	dir := tb.TempDir()
	r := &room{file: filepath.Join(dir, "incident.toml"), done: make(chan error, 1)}
	c := model.DefaultCatalog()
	if _, err := store.Update(context.Background(), r.file, true, func(s model.State) (model.State, error) {
		next, _, err := s.Apply(c, model.Declare{Title: "Payments down", Severity: model.Sev1}, model.Env{Now: time.Now().UTC(), Actor: "m0", IDs: model.RandomIDs{}})
		return next, err
	}); err != nil {
		tb.Fatal(err)
	}
	team := &Team{byKey: map[string]int{}}
	for i := range n {
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			tb.Fatal(err)
		}
		signer, err := gossh.NewSignerFromKey(priv)
		if err != nil {
			tb.Fatal(err)
		}
		r.keys, r.privs = append(r.keys, signer), append(r.privs, priv)
		if err := team.Add(fmt.Sprintf("m%d", i), string(gossh.MarshalAuthorizedKey(signer.PublicKey())), Edit); err != nil {
			tb.Fatal(err)
		}
	}
	data, err := team.Encode()
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "team.toml"), data, 0o600); err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r.stop = cancel
	ready := make(chan string, 1)
	go func() {
		r.done <- Serve(ctx, Options{Listen: "127.0.0.1:0", File: r.file, Team: filepath.Join(dir, "team.toml"),
			HostKey: filepath.Join(dir, "host_key"), MaxSessions: n + 8, Idle: -1,
			Log:   slog.New(slog.NewTextHandler(io.Discard, nil)),
			Ready: func(addr, _ string) { ready <- addr },
			Exec:  func(context.Context, Command) int { return 0 }})
	}()
	select {
	case r.addr = <-ready:
	case err := <-r.done:
		tb.Fatalf("serve: %v", err)
	}
	tb.Cleanup(func() {
		cancel()
		<-r.done
	})
	return r
}

// client is one person's terminal: an in-process SSH client with a PTY
// whose output is searched for what the screen shows.
type client struct {
	conn *gossh.Client
	mu   sync.Mutex
	seen strings.Builder
	wait map[string]chan time.Time
}

// connect opens a screen as member i; read says whether its output is
// read at all (a client that stops reading does not).
func (r *room) connect(tb testing.TB, i int, read bool) *client {
	tb.Helper()
	conn, err := gossh.Dial("tcp", r.addr, &gossh.ClientConfig{User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(r.keys[i])},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
	if err != nil {
		tb.Fatalf("ssh: %v", err)
	}
	sess, err := conn.NewSession()
	if err != nil {
		tb.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
		tb.Fatal(err)
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		tb.Fatal(err)
	}
	c := &client{conn: conn, wait: map[string]chan time.Time{}}
	if read {
		go c.read(out)
	}
	return c
}

// read takes the client's output and says when what is waited for shows.
func (c *client) read(out io.Reader) {
	buf := make([]byte, 32<<10)
	for {
		n, err := out.Read(buf)
		if n > 0 {
			now := time.Now()
			c.mu.Lock()
			c.seen.Write(buf[:n])
			s := c.seen.String()
			for want, ch := range c.wait {
				if strings.Contains(s, want) {
					ch <- now
					delete(c.wait, want)
				}
			}
			if c.seen.Len() > 1<<20 {
				tail := s[len(s)-64<<10:]
				c.seen.Reset()
				c.seen.WriteString(tail)
			}
			c.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// when returns a channel that gets the time want first shows.
func (c *client) when(want string) <-chan time.Time {
	ch := make(chan time.Time, 1)
	c.mu.Lock()
	defer c.mu.Unlock()
	if strings.Contains(c.seen.String(), want) {
		ch <- time.Now()
		return ch
	}
	c.wait[want] = ch
	return ch
}

// log writes an entry to the served file, as the command line does.
func (r *room) log(tb testing.TB, text string) time.Time {
	tb.Helper()
	c := model.DefaultCatalog()
	start := time.Now()
	op := model.Log{Text: text}
	if _, err := store.UpdateWith(context.Background(), r.file, store.UpdateOptions{Reads: model.Needs(op)}, func(s model.State) (model.State, error) {
		next, _, err := s.Apply(c, op, model.Env{Now: time.Now().UTC(), Actor: "bot", IDs: model.RandomIDs{}})
		return next, err
	}); err != nil {
		tb.Fatal(err)
	}
	return start
}

// BenchmarkServeFanOut, in process: 50 screens over SSH, with and
// without one more client that stopped reading; a change written to the
// file; how long until every screen has drawn it (p50, p99), and what a
// session costs in memory. The clients are x/crypto/ssh in this process,
// which skip what OpenSSH clients cost the machine: the real clients'
// benchmark is cmd/warroom's BenchmarkRealClients.
func BenchmarkServeFanOut(b *testing.B) {
	for _, stalled := range []int{0, 1} {
		b.Run(fmt.Sprintf("stalled=%d", stalled), func(b *testing.B) { fanOut(b, 50, stalled) })
	}
}

func fanOut(b *testing.B, n, stalled int) {
	r := startRoom(b, n+stalled)
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	clients := make([]*client, n)
	for i := range clients {
		clients[i] = r.connect(b, i, true)
	}
	for i := range stalled {
		r.connect(b, n+i, false) // stops reading at once
	}
	for _, c := range clients {
		<-c.when("you: m")
	}
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	perSession := float64(after.HeapInuse-before.HeapInuse) / float64(n+stalled) / (1 << 20)
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		mark := fmt.Sprintf("mark-%d-%d", i, time.Now().UnixNano()%1000)
		waits := make([]<-chan time.Time, n)
		for j, c := range clients {
			waits[j] = c.when(mark)
		}
		start := r.log(b, mark)
		for _, w := range waits {
			select {
			case at := <-w:
				lat = append(lat, at.Sub(start))
			case <-time.After(30 * time.Second):
				b.Fatal("a screen never drew the change")
			}
		}
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(perSession, "MB/session") // after ResetTimer, which drops metrics reported before it
}

// BenchmarkServeConnect: the OpenSSH client running a command on
// warroom serve (who: authentication by key, a session, the answer)
// next to the same client running true on OpenSSH's own sshd on this
// machine; and a screen opening (connect, PTY, first frame drawn) for
// an in-process client.
func BenchmarkServeConnect(b *testing.B) {
	sshtest.NeedTool(b, "ssh")
	b.Run("warroom serve, ssh host who", func(b *testing.B) {
		r := startRoom(b, 1)
		key := filepath.Join(b.TempDir(), "key")
		pem, err := gossh.MarshalPrivateKey(r.privs[0], "")
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(key, pemBytes(pem), 0o600); err != nil {
			b.Fatal(err)
		}
		host, port, _ := strings.Cut(r.addr, ":")
		args := []string{"-F", "/dev/null", "-i", key, "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=no",
			"-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-p", port, host, "who"}
		for b.Loop() {
			if out, err := exec.Command("ssh", args...).CombinedOutput(); err != nil {
				b.Fatalf("ssh who: %v %s", err, out)
			}
		}
	})
	b.Run("OpenSSH sshd, ssh host true", func(b *testing.B) {
		srv := sshtest.Start(b)
		args := append(strings.Fields(srv.SSHCommand()), "-p", strconv.Itoa(srv.Port), "127.0.0.1", "true")
		for b.Loop() {
			if out, err := exec.Command(args[0], args[1:]...).CombinedOutput(); err != nil {
				b.Fatalf("ssh true: %v %s", err, out)
			}
		}
	})
	b.Run("warroom serve, a screen's first frame", func(b *testing.B) {
		r := startRoom(b, 1)
		for b.Loop() {
			c := r.connect(b, 0, true)
			select {
			case <-c.when("you: m0"):
			case <-time.After(30 * time.Second):
				b.Fatal("the screen never opened")
			}
			_ = c.conn.Close()
		}
	})
}

// pemBytes encodes a PEM block.
func pemBytes(b *pem.Block) []byte { return pem.EncodeToMemory(b) }

// Sessions that disconnect abruptly leave nothing behind: the server's
// goroutines go back to what they were before they came.
func TestServeGoroutinesReturnAfterAbruptDisconnects(t *testing.T) {
	const n = 20
	r := startRoom(t, n)
	time.Sleep(100 * time.Millisecond)
	base := runtime.NumGoroutine()
	var clients []*client
	for i := range n {
		clients = append(clients, r.connect(t, i, true))
	}
	for _, c := range clients {
		select {
		case <-c.when("you: m"):
		case <-time.After(30 * time.Second):
			t.Fatal("a screen never opened")
		}
	}
	for _, c := range clients {
		_ = c.conn.Conn.Close() // the network gone: no goodbye
	}
	deadline := time.Now().Add(20 * time.Second)
	for runtime.NumGoroutine() > base+2 {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines, %d before the sessions came:\n%s", runtime.NumGoroutine(), base, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(50 * time.Millisecond)
	}
}
