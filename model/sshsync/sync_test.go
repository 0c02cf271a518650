package sshsync

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

var ctx = context.Background()

// change applies ops to the incident file at path, as actor.
func change(t *testing.T, path, actor string, create bool, ops ...model.Op) {
	t.Helper()
	for _, op := range ops {
		if _, err := store.Update(ctx, path, create, func(s model.State) (model.State, error) {
			next, _, err := s.Apply(model.DefaultCatalog(), op, model.Env{Now: time.Now().UTC().Truncate(time.Millisecond), Actor: actor, Replica: actor, IDs: model.RandomIDs{}})
			return next, err
		}); err != nil {
			t.Fatal(err)
		}
	}
}

func load(t *testing.T, path string) model.State {
	t.Helper()
	s, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func texts(s model.State) map[string]bool {
	out := map[string]bool{}
	for _, e := range s.Timeline {
		out[e.Text] = true
	}
	return out
}

// TestTwoReplicasSyncBothWays: the office and a responder at home change
// the incident apart, then sync through a third machine; both end with
// the same incident and nothing is lost, and syncing again moves nothing.
func TestTwoReplicasSyncBothWays(t *testing.T) {
	srv := startSSHD(t)
	dir := t.TempDir()
	office, home := filepath.Join(dir, "office.toml"), filepath.Join(dir, "home.toml")
	remote := filepath.Join(srv.dir, "shared", "incident.toml")
	if err := os.MkdirAll(filepath.Dir(remote), 0o755); err != nil {
		t.Fatal(err)
	}
	change(t, office, "alice", true, model.Declare{Title: "Checkout down", Severity: model.Sev1, Commander: "alice"})
	c := srv.dial(t, remote)

	if _, err := Sync(ctx, c, office, SyncOptions{Owner: "office"}); !errors.Is(err, ErrRemoteMissing) {
		t.Fatalf("sync to a missing remote without --create: %v", err)
	}
	res, err := Sync(ctx, c, office, SyncOptions{Owner: "office", Create: true})
	if err != nil || !res.Created {
		t.Fatalf("create: %+v %v", res, err)
	}
	if res, err := Sync(ctx, c, home, SyncOptions{Owner: "home"}); err != nil || res.In.Entries != 1 {
		t.Fatalf("home's first sync: %+v %v", res, err)
	}

	// Apart: both change the same field and add their own entries.
	change(t, office, "alice", false, model.Log{Text: "from the office"}, model.SetStatus{Status: model.Identified},
		model.Handoff{Role: model.RoleRef{Role: "tech_lead"}, To: "bob"})
	change(t, home, "carol", false, model.Log{Text: "from home"}, model.SetStatus{Status: model.Monitoring},
		model.TaskAdd{Title: "check the CDN"})

	if _, err := Sync(ctx, c, office, SyncOptions{Owner: "office"}); err != nil {
		t.Fatal(err)
	}
	res, err = Sync(ctx, c, home, SyncOptions{Owner: "home"})
	if err != nil {
		t.Fatal(err)
	}
	if res.In.Entries != 3 || res.Out.Entries != 3 {
		t.Errorf("home's sync: %s", res)
	}
	if _, err := Sync(ctx, c, office, SyncOptions{Owner: "office"}); err != nil {
		t.Fatal(err)
	}
	a, b, r := load(t, office), load(t, home), load(t, remote)
	ab, _ := os.ReadFile(office)
	bb, _ := os.ReadFile(home)
	rb, _ := os.ReadFile(remote)
	if !bytes.Equal(ab, bb) || !bytes.Equal(bb, rb) {
		t.Fatal("the three copies differ after syncing both ways")
	}
	for _, want := range []string{"from the office", "from home", "check the CDN", "Checkout down"} {
		if !texts(a)[want] {
			t.Errorf("%q was lost", want)
		}
	}
	if a.Incident.Status != model.Monitoring || len(a.Tasks) != 1 {
		t.Errorf("merged: status %s, %d tasks", a.Incident.Status, len(a.Tasks))
	}
	_ = b
	_ = r

	// A second sync right after moves nothing and writes nothing.
	before, _ := os.Stat(remote)
	localBefore, _ := os.Stat(office)
	res, err = Sync(ctx, c, office, SyncOptions{Owner: "office"})
	if err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(remote)
	localAfter, _ := os.Stat(office)
	if res.String() != "in: nothing new; out: nothing new" || !after.ModTime().Equal(before.ModTime()) || !os.SameFile(before, after) ||
		!os.SameFile(localBefore, localAfter) {
		t.Errorf("a second sync was not a no-op: %s", res)
	}
}

func TestUnknownHostKeyIsRefused(t *testing.T) {
	srv := startSSHD(t)
	if err := os.WriteFile(srv.knownHosts, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Dial(ctx, srv.target("/tmp/x.toml"), Options{SSHCommand: srv.sshCommand(), Batch: true})
	var ce *ConnectError
	if !errors.As(err, &ce) || ce.Kind != "host key" {
		t.Fatalf("dial with an unknown host key: %v", err)
	}
}

func TestAuthenticationRefused(t *testing.T) {
	srv := startSSHD(t)
	if err := os.WriteFile(filepath.Join(srv.dir, "authorized_keys"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Dial(ctx, srv.target("/tmp/x.toml"), Options{SSHCommand: srv.sshCommand(), Batch: true})
	var ce *ConnectError
	if !errors.As(err, &ce) || ce.Kind != "authentication" {
		t.Fatalf("dial with a key the server refuses: %v", err)
	}
}

func TestUnreachable(t *testing.T) {
	needTool(t, "ssh")
	tgt := Target{Host: "127.0.0.1", Port: freePort(t), Path: "/x"}
	_, err := Dial(ctx, tgt, Options{SSHCommand: "ssh -F /dev/null", Batch: true, ConnectTimeout: 2 * time.Second})
	var ce *ConnectError
	if !errors.As(err, &ce) || ce.Kind != "unreachable" {
		t.Fatalf("dial a closed port: %v", err)
	}
}

// A remote copy that does not read is refused and neither side changes.
func TestCorruptRemoteIsRefused(t *testing.T) {
	srv := startSSHD(t)
	dir := t.TempDir()
	local, remote := filepath.Join(dir, "local.toml"), filepath.Join(srv.dir, "incident.toml")
	change(t, local, "alice", true, model.Declare{Title: "x", Commander: "alice"})
	for _, bad := range []string{"schema = 1\n[incident\n", "schema = 99\n"} {
		if err := os.WriteFile(remote, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		lb, _ := os.ReadFile(local)
		_, err := Sync(ctx, srv.dial(t, remote), local, SyncOptions{Owner: "t"})
		if err == nil {
			t.Fatalf("a remote copy %q was accepted", bad)
		}
		rb, _ := os.ReadFile(remote)
		la, _ := os.ReadFile(local)
		if string(rb) != bad || !bytes.Equal(la, lb) {
			t.Errorf("a refused sync changed a side (%q)", bad)
		}
	}
}

func TestLockHeldPastTheBudget(t *testing.T) {
	srv := startSSHD(t)
	remote := filepath.Join(srv.dir, "incident.toml")
	if err := os.WriteFile(filepath.Join(srv.dir, ".incident.toml.sync-lock"), []byte("otherhost now\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	local := filepath.Join(t.TempDir(), "l.toml")
	change(t, local, "alice", true, model.Declare{Title: "x", Commander: "alice"})
	_, err := Sync(ctx, srv.dial(t, remote), local, SyncOptions{Owner: "me", Create: true, LockBudget: 300 * time.Millisecond})
	var le *LockHeldError
	if !errors.As(err, &le) || le.Owner != "otherhost now" {
		t.Fatalf("sync with the lock held: %v", err)
	}
}

// storeUpdate applies one op to the file at path.
func storeUpdate(path string, op model.Op) (model.State, error) {
	return store.Update(ctx, path, true, func(s model.State) (model.State, error) {
		next, _, err := s.Apply(model.DefaultCatalog(), op, model.Env{Now: time.Now().UTC().Truncate(time.Millisecond), Actor: "bench", Replica: "b", IDs: model.RandomIDs{}})
		return next, err
	})
}
