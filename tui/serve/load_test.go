package serve

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// room is a served war room for load tests: its file, its address, and
// one key per member.
type room struct {
	file string
	addr string
	keys []gossh.Signer
	stop context.CancelFunc
	done chan error
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
		r.keys = append(r.keys, signer)
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
			HostKey: filepath.Join(dir, "host_key"), MaxSessions: n + 8, Idle: -1, Rate: 1000, Burst: 1000,
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
	if _, err := store.Update(context.Background(), r.file, false, func(s model.State) (model.State, error) {
		next, _, err := s.Apply(c, model.Log{Text: text}, model.Env{Now: time.Now().UTC(), Actor: "bot", IDs: model.RandomIDs{}})
		return next, err
	}); err != nil {
		tb.Fatal(err)
	}
	return start
}

// BenchmarkServeFanOut: 50 screens over SSH and one client that stopped
// reading; a change written to the file; how long until every screen has
// drawn it (p50, p99), and what a session costs in memory.
func BenchmarkServeFanOut(b *testing.B) {
	const n = 50
	r := startRoom(b, n+1)
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	clients := make([]*client, n)
	for i := range clients {
		clients[i] = r.connect(b, i, true)
	}
	r.connect(b, n, false) // stops reading at once
	for _, c := range clients {
		<-c.when("you: m")
	}
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapInuse-before.HeapInuse)/float64(n+1)/(1<<20), "MB/session")
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
}

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
