package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// BenchmarkRealClients: `warroom serve`, the real binary, with N OpenSSH
// clients (`ssh -tt`, as a user runs it), each on a terminal of its own
// (a pty, 120×40) whose output is read straight from it; 10 and 50
// members who may edit, and an all-hands of 200 who only watch. Each
// round runs `warroom log` (the real binary) on the served file and
// waits until every client's terminal shows the entry: p50 and p99 from
// the start of that command, and from its exit (the entry on disk). Beside it, what the machine spent: the
// server's CPU (from /proc) while nothing changes (every screen open,
// its clocks ticking) and per change, its memory per session (RSS with
// the screens open, less RSS before them, over N), and the CPU of the
// ssh processes, and of this process reading their terminals, so that
// the server's share is honest. The machine's load average is reported
// too: every ratio is between figures of one run.
//
// With WARROOM_BENCH_BEFORE naming an earlier warroom binary, each case
// runs served by it too, right after this build's ("before-" cases).
//
//	go test ./cmd/warroom -run '^$' -bench RealClients -benchtime 30x
func BenchmarkRealClients(b *testing.B) {
	for _, c := range []struct {
		name        string
		n           int
		view, typed bool
	}{{"10", 10, false, false}, {"10-typed", 10, false, true}, {"50", 50, false, false}, {"200-view", 200, true, false}} {
		for _, bin := range goalBinaries() {
			b.Run(bin.name+c.name, func(b *testing.B) { realClients(b, bin.path, c.n, c.view, c.typed) })
		}
	}
}

// realClients measures n clients, viewers when view; when typed, each
// presses tab once its screen opens (the next pane, then back), so that
// every screen draws frames of its own.
func realClients(b *testing.B, bin string, n int, view, typed bool) {
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("m%03d", i)
	}
	editors, viewers := names, []string(nil)
	if view {
		editors, viewers = nil, names
	}
	s := startServeOn(b, bin, func(r *runner) { r.ok("demo", "--file", r.file()) }, editors, viewers, "--max-sessions", strconv.Itoa(n+8))
	server := s.cmd.Process.Pid
	time.Sleep(500 * time.Millisecond)
	rssBefore := rssKiB(b, server)

	clients := make([]*realClient, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8) // connections in flight
	errs := make(chan error, n)
	for i, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			c, err := s.dialReal(name)
			if err != nil {
				errs <- err
				return
			}
			clients[i] = c
			c.expect("you: " + name)
			if _, ok := c.await(60 * time.Second); !ok {
				errs <- fmt.Errorf("%s's screen never opened; it shows:\n%s", name, c.tail())
				return
			}
			if typed {
				_, _ = c.pty.Write([]byte("\t\x1b[Z")) // tab, shift+tab
			}
		}()
	}
	wg.Wait()
	b.Cleanup(func() {
		for _, c := range clients {
			if c != nil {
				c.close()
			}
		}
	})
	close(errs)
	if err := <-errs; err != nil {
		b.Fatalf("%v\nthe server's log:\n%s", err, lastLines(s.log.String(), 20))
	}
	pids := func() []int {
		out := []int{}
		for _, c := range clients {
			out = append(out, c.cmd.Process.Pid)
		}
		return out
	}()

	// Idle: every screen open, nothing changing but the clocks.
	time.Sleep(2 * time.Second)
	rssOpen := rssKiB(b, server)
	const idleFor = 10 * time.Second
	idle := measure(b, server, pids, func() { time.Sleep(idleFor) })

	// Rounds: an append by the command line, until every terminal shows it.
	rnd := rand.New(rand.NewPCG(1, uint64(n)))
	var lat, fromDisk, logTook []time.Duration
	var busy cpuUse
	for i := 0; b.Loop(); i++ {
		// Between rounds, a pause of up to a second: the appends land at
		// every phase of the screens' clocks.
		time.Sleep(time.Duration(rnd.Int64N(int64(time.Second))))
		mark := fmt.Sprintf("allhands%04dx%d", i, rnd.IntN(1000))
		for _, c := range clients {
			c.expect(mark)
		}
		var start time.Time
		u := measure(b, server, pids, func() {
			start = time.Now()
			s.r.ok("log", mark)
			exited := time.Now()
			logTook = append(logTook, exited.Sub(start))
			for _, c := range clients {
				at, ok := c.await(30 * time.Second)
				if !ok {
					b.Fatalf("a screen never showed %s; it shows:\n%s", mark, c.tail())
				}
				lat = append(lat, at.Sub(start))
				fromDisk = append(fromDisk, max(0, at.Sub(exited)))
			}
		})
		busy.add(u)
	}
	slices.Sort(lat)
	slices.Sort(fromDisk)
	slices.Sort(logTook)
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(ms(lat[len(lat)*99/100]), "p99-ms")
	b.ReportMetric(ms(lat[len(lat)-1]), "max-ms")
	b.ReportMetric(ms(logTook[len(logTook)/2]), "log-p50-ms")
	b.ReportMetric(ms(logTook[len(logTook)-1]), "log-max-ms")
	// From the command's exit, when the entry is on disk: what the server
	// and the clients add to the command's own time.
	b.ReportMetric(ms(fromDisk[len(fromDisk)/2]), "on-disk-p50-ms")
	b.ReportMetric(ms(fromDisk[len(fromDisk)*99/100]), "on-disk-p99-ms")
	b.ReportMetric(idle.pct(idle.server), "idle-server-%core")
	b.ReportMetric(idle.pct(idle.clients), "idle-ssh-%core")
	b.ReportMetric(idle.pct(idle.self), "idle-terminals-%core")
	b.ReportMetric(float64(busy.server.Milliseconds())/float64(len(logTook)), "server-cpu-ms/change")
	b.ReportMetric(float64(busy.clients.Milliseconds())/float64(len(logTook)), "ssh-cpu-ms/change")
	b.ReportMetric(float64(rssOpen)/1024, "server-RSS-MB")
	b.ReportMetric(float64(rssOpen-rssBefore)/1024/float64(n), "MB/session")
	b.ReportMetric(loadAverage(), "load1")
}

// realClient is one person's terminal: an OpenSSH client on a pty of its
// own, its output read as it comes and searched for what is awaited.
type realClient struct {
	cmd *exec.Cmd
	pty *os.File

	mu   sync.Mutex
	seen []byte // the latest output: enough to find what is awaited across reads
	want string
	at   chan time.Time
}

// dialReal opens a screen as who with `ssh -tt` on a pty of 120×40.
func (s *served) dialReal(who string) (*realClient, error) {
	cmd := exec.Command("ssh", append([]string{"-F", "/dev/null"}, s.sshArgs(who, true)...)...)
	cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + s.dir, "TERM=xterm-256color", "LANG=C.UTF-8"}
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		return nil, fmt.Errorf("ssh on a pty: %w", err)
	}
	c := &realClient{cmd: cmd, pty: f}
	go c.read()
	return c, nil
}

// read takes the terminal's output and says when what is awaited shows.
func (c *realClient) read() {
	buf := make([]byte, 64<<10)
	for {
		n, err := c.pty.Read(buf)
		if n > 0 {
			now := time.Now()
			c.mu.Lock()
			c.seen = append(c.seen, buf[:n]...)
			// Only the new bytes, and what came just before them, can hold
			// what was not there yet.
			if from := max(0, len(c.seen)-n-len(c.want)); c.want != "" && bytes.Contains(c.seen[from:], []byte(c.want)) {
				c.at <- now
				c.want = ""
			}
			if len(c.seen) > 256<<10 {
				c.seen = append(c.seen[:0], c.seen[len(c.seen)-64<<10:]...)
			}
			c.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// expect starts looking for want: await then says when it first showed,
// now if it already has.
func (c *realClient) expect(want string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.want, c.at = want, make(chan time.Time, 1)
	if bytes.Contains(c.seen, []byte(want)) {
		c.at <- time.Now()
		c.want = ""
	}
}

// await waits up to d for what expect looks for: when it first showed.
func (c *realClient) await(d time.Duration) (time.Time, bool) {
	c.mu.Lock()
	at := c.at
	c.mu.Unlock()
	select {
	case t := <-at:
		return t, true
	case <-time.After(d):
		return time.Time{}, false
	}
}

// tail is the end of what the terminal showed, without escapes, for a
// failure's message.
func (c *realClient) tail() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := string(c.seen)
	return s[max(0, len(s)-2000):]
}

func (c *realClient) close() {
	_ = c.cmd.Process.Kill()
	_ = c.cmd.Wait()
	_ = c.pty.Close()
}

// cpuUse is the CPU some processes took over a stretch of time.
type cpuUse struct {
	wall, server, clients, self time.Duration
}

func (u *cpuUse) add(v cpuUse) {
	u.wall += v.wall
	u.server += v.server
	u.clients += v.clients
	u.self += v.self
}

// pct is d as a share of one core over the stretch.
func (u cpuUse) pct(d time.Duration) float64 { return 100 * float64(d) / float64(u.wall) }

// measure runs f and says what the server, the clients and this process
// took meanwhile.
func measure(b *testing.B, server int, clients []int, f func()) cpuUse {
	b.Helper()
	sum := func(pids []int) time.Duration {
		var t time.Duration
		for _, p := range pids {
			t += cpuTime(b, p)
		}
		return t
	}
	self := os.Getpid()
	s0, c0, m0, t0 := cpuTime(b, server), sum(clients), cpuTime(b, self), time.Now()
	f()
	return cpuUse{wall: time.Since(t0), server: cpuTime(b, server) - s0, clients: sum(clients) - c0, self: cpuTime(b, self) - m0}
}

// clockTick is the unit of /proc/PID/stat's times (USER_HZ).
const clockTick = 10 * time.Millisecond

// cpuTime is the user and system time process pid has taken so far.
func cpuTime(b *testing.B, pid int) time.Duration {
	b.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		b.Fatal(err)
	}
	// The fields after the command's name, in parentheses: utime and
	// stime are the 14th and 15th of the line.
	f := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+2:]))
	u, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+st) * clockTick
}

// rssKiB is process pid's resident memory.
func rssKiB(b *testing.B, pid int) int64 {
	b.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Fatal(err)
	}
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb
		}
	}
	b.Fatal("no VmRSS in /proc/PID/status")
	return 0
}

// loadAverage is the machine's load over the last minute.
func loadAverage() float64 {
	data, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return 0
	}
	v, _ := strconv.ParseFloat(f[0], 64)
	return v
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// lastLines is the last n lines of s.
func lastLines(s string, n int) string {
	l := strings.Split(s, "\n")
	return strings.Join(l[max(0, len(l)-n):], "\n")
}
