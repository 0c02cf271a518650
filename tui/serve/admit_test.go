package serve

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/sshsync/sshtest"
	"github.com/warroom/warroom/model/store"
	"github.com/warroom/warroom/tui"
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

// join runs who as each member at once, every one from this address;
// the first error, if any.
func (r *room) join(tb testing.TB) error {
	tb.Helper()
	errs := make(chan error, len(r.keys))
	var wg sync.WaitGroup
	for i := range r.keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			conn, err := gossh.Dial("tcp", r.addr, &gossh.ClientConfig{User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(r.keys[i])},
				HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 30 * time.Second})
			if err != nil {
				errs <- fmt.Errorf("member %d: %w", i, err)
				return
			}
			defer conn.Close()
			sess, err := conn.NewSession()
			if err != nil {
				errs <- fmt.Errorf("member %d: %w", i, err)
				return
			}
			if out, err := sess.CombinedOutput("who"); err != nil {
				errs <- fmt.Errorf("member %d: %w: %s", i, err, out)
			}
		}()
	}
	wg.Wait()
	close(errs)
	return <-errs
}

// TestATeamBehindOneAddressGetsIn: 200 members joining at once from one
// address (an office behind one NAT) all get in: connections are not
// paced; changes are.
func TestATeamBehindOneAddressGetsIn(t *testing.T) {
	r := startRoom(t, 200)
	if err := r.join(t); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkTeamJoins: 200 members from one address joining at once,
// each running who: the time until the last is in.
func BenchmarkTeamJoins(b *testing.B) {
	r := startRoom(b, 200)
	for b.Loop() {
		if err := r.join(b); err != nil {
			b.Fatal(err)
		}
	}
}

// TestASessionsChangesKeepTheirPace: a session's changes past its pace
// (its burst at once, then its rate a second) are refused with why,
// never dropped; those within it are saved.
func TestASessionsChangesKeepTheirPace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "incident.toml")
	c := model.DefaultCatalog()
	now := time.Now().UTC()
	st, err := store.Update(context.Background(), path, true, func(s model.State) (model.State, error) {
		next, _, err := s.Apply(c, model.Declare{Title: "Payments down"}, model.Env{Now: now, Actor: "alice", IDs: model.RandomIDs{}})
		return next, err
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	h, err := NewHub(ctx, path, c, nil, func() time.Time { return now }) // the clock stands still: no change comes back
	if err != nil {
		t.Fatal(err)
	}
	s := &session{member: Member{Name: "alice", Access: Edit}, box: newMailbox(), changes: rate.NewLimiter(2, 30)}
	h.join(s)
	for i := range 40 {
		h.submit(s, store.Change{Op: model.Log{Text: "entry"},
			Env: model.Env{Now: st.Incident.Declared.Add(time.Duration(i+1) * time.Second), Actor: "alice", IDs: &model.SeededIDs{Seed: uint64(i + 1)}}})
	}
	committed, refused := 0, 0
	for deadline := time.After(30 * time.Second); committed+refused < 40; {
		select {
		case <-s.box.wake:
			for _, msg := range s.box.take() {
				r, ok := tui.SavedResult(msg)
				if !ok {
					continue
				}
				committed += len(r.Committed)
				for _, rej := range r.Rejected {
					if !strings.Contains(model.Explain(rej.Err, "en"), "too many changes at once (30, then 2 a second)") {
						t.Errorf("a change past the pace was refused with %v", rej.Err)
					}
					refused++
				}
			}
		case <-deadline:
			t.Fatalf("%d committed, %d refused of 40", committed, refused)
		}
	}
	if committed != 30 || refused != 10 {
		t.Errorf("%d committed and %d refused; want the burst of 30 saved and 10 refused", committed, refused)
	}
	if err := h.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
}
