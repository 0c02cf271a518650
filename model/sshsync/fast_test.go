package sshsync

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/sample"
	"github.com/warroom/warroom/model/store"
)

// These tests play the quick ways through a sync (fast.go): what a sync
// reads and writes is counted by its connection (Conn.Moved), and both
// copies are compared byte for byte and as incidents.

// bigPair is a local incident of about entries entries and 40 tasks,
// synced once into a remote copy on the server, which the sync created.
func bigPair(t *testing.T, srv *sshServer, entries int) (local, remote string) {
	t.Helper()
	s, err := sample.Large(model.DefaultCatalog(), time.Now().Add(-time.Minute), &model.SeqIDs{}, entries, 40)
	if err != nil {
		t.Fatal(err)
	}
	data, err := store.Encode(s)
	if err != nil {
		t.Fatal(err)
	}
	local, remote = filepath.Join(t.TempDir(), "local.toml"), filepath.Join(srv.dir, "incident.toml")
	if err := os.WriteFile(local, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if res, err := Sync(ctx, srv.dial(t, remote), local, SyncOptions{Owner: "t", Create: true}); err != nil || !res.Created {
		t.Fatalf("create: %v %v", res, err)
	}
	return local, remote
}

// appendOps applies ops to the file at path as a change of the screen or
// the command line does: appended, reading only what each op needs.
func appendOps(t testing.TB, path, actor string, ops ...model.Op) {
	t.Helper()
	for _, op := range ops {
		if _, err := store.UpdateWith(ctx, path, store.UpdateOptions{Reads: model.Needs(op)}, func(s model.State) (model.State, error) {
			next, _, err := s.Apply(model.DefaultCatalog(), op, model.Env{Now: time.Now().UTC().Truncate(time.Millisecond), Actor: actor, Replica: actor, IDs: model.RandomIDs{}})
			return next, err
		}); err != nil {
			t.Fatal(err)
		}
	}
}

// syncCounted syncs local with remote over a new connection and says
// what it moved, and how many bytes it read and wrote remotely.
func syncCounted(t *testing.T, srv *sshServer, local, remote string) (Result, int64, int64) {
	t.Helper()
	c := srv.dial(t, remote)
	res, err := Sync(ctx, c, local, SyncOptions{Owner: "t"})
	if err != nil {
		t.Fatal(err)
	}
	r, w := c.Moved()
	return res, r, w
}

// same fails unless both files hold the same bytes, and an incident.
func same(t *testing.T, a, b string) []byte {
	t.Helper()
	ab, _ := os.ReadFile(a)
	bb, _ := os.ReadFile(b)
	if !bytes.Equal(ab, bb) {
		t.Fatalf("the copies differ: %d and %d bytes", len(ab), len(bb))
	}
	if _, err := store.Load(a); err != nil {
		t.Fatal(err)
	}
	return ab
}

// markRead is what a sync with nothing new reads: the first 4 KiB and the
// sum line at the end of the remote copy.
const markRead = store.MarkHeadLen + int64(len(`sum = "1a2b3c4d"`)+1)

// TestNothingNewReadsOnlyTheEnds: a second sync with nothing new on
// either side reads the remote copy's first 4 KiB and its last line,
// writes nothing, and leaves both files as they were.
func TestNothingNewReadsOnlyTheEnds(t *testing.T) {
	srv := startSSHD(t)
	local, remote := bigPair(t, srv, 800)
	rb, _ := os.Stat(remote)
	lb, _ := os.Stat(local)
	res, read, written := syncCounted(t, srv, local, remote)
	if res.Moved() || written != 0 || read != markRead {
		t.Errorf("a sync with nothing new: %s, read %d bytes of %d (want %d), wrote %d", res, read, rb.Size(), markRead, written)
	}
	ra, _ := os.Stat(remote)
	la, _ := os.Stat(local)
	if !os.SameFile(rb, ra) || !ra.ModTime().Equal(rb.ModTime()) || !os.SameFile(lb, la) || !la.ModTime().Equal(lb.ModTime()) {
		t.Error("a sync with nothing new wrote a file")
	}
}

// TestLocalAppendsAreAppended: what the local file appended (entries, a
// task, a status) reaches the remote copy as an append of exactly those
// bytes; the remote copy is the same file, byte for byte the local one,
// and the summary counts what the whole sync would count.
func TestLocalAppendsAreAppended(t *testing.T) {
	srv := startSSHD(t)
	local, remote := bigPair(t, srv, 1500) // over 256 KiB: a change of records is appended too
	before, _ := os.Stat(remote)
	was := load(t, remote)
	appendOps(t, local, "alice", model.Log{Text: "one"}, model.TaskAdd{Title: "check the CDN"},
		model.SetStatus{Status: model.Resolved, Force: true, Reason: "the rest can wait"}, model.Log{Text: "two"})
	grown, _ := os.Stat(local)
	res, read, written := syncCounted(t, srv, local, remote)
	after, _ := os.Stat(remote)
	if !os.SameFile(before, after) {
		t.Error("the remote copy was replaced, not appended to")
	}
	if written != grown.Size()-before.Size() || read != markRead {
		t.Errorf("read %d bytes (want %d), wrote %d (want the %d appended)", read, markRead, written, grown.Size()-before.Size())
	}
	same(t, local, remote)
	now := load(t, local)
	if r := load(t, remote); !reflect.DeepEqual(r, now) {
		t.Error("the remote copy does not read as the local file")
	}
	_, want, _ := model.Merge(was, now)
	if res.Out != want || res.In != (model.MergeReport{}) {
		t.Errorf("summary %q, want out: %s", res, want)
	}
	if !strings.Contains(res.String(), "+1 task") || !strings.Contains(res.String(), "1 field updated") {
		t.Errorf("summary %q", res)
	}
	// And nothing more the next time.
	if res, read, written := syncCounted(t, srv, local, remote); res.Moved() || written != 0 || read != markRead {
		t.Errorf("the sync after: %s, read %d, wrote %d", res, read, written)
	}
}

// TestRemoteAppendsArePulled: what a warroom on the remote host appended
// to its own file reaches the local file as an append of those bytes,
// and only they are read.
func TestRemoteAppendsArePulled(t *testing.T) {
	srv := startSSHD(t)
	local, remote := bigPair(t, srv, 1500)
	before, _ := os.Stat(local)
	was := load(t, local)
	size := before.Size()
	appendOps(t, remote, "bob", model.Log{Text: "from the bastion"}, model.TaskAdd{Title: "roll back"},
		model.SetSeverity{Severity: model.Sev3})
	grown, _ := os.Stat(remote)
	res, read, written := syncCounted(t, srv, local, remote)
	after, _ := os.Stat(local)
	if !os.SameFile(before, after) {
		t.Error("the local file was written whole, not appended to")
	}
	if want := markRead + grown.Size() - size; read != want || written != 0 {
		t.Errorf("read %d bytes (want %d: the ends and what was appended), wrote %d", read, want, written)
	}
	same(t, local, remote)
	now := load(t, local)
	if !texts(now)["from the bastion"] || now.Incident.Severity != model.Sev3 {
		t.Error("the remote appends did not reach the local file")
	}
	_, want, _ := model.Merge(was, now)
	if res.In != want || res.Out != (model.MergeReport{}) {
		t.Errorf("summary %q, want in: %s", res, want)
	}
}

// TestBothGrewIsMerged: both sides appended apart: the whole sync merges
// them, and the next sync is quick again.
func TestBothGrewIsMerged(t *testing.T) {
	srv := startSSHD(t)
	local, remote := bigPair(t, srv, 300)
	appendOps(t, local, "alice", model.Log{Text: "here"})
	appendOps(t, remote, "bob", model.Log{Text: "there"})
	res, read, _ := syncCounted(t, srv, local, remote)
	fi, _ := os.Stat(remote)
	if res.In.Entries != 1 || res.Out.Entries != 1 || read < fi.Size()/2 {
		t.Errorf("both grew: %s, read %d", res, read)
	}
	same(t, local, remote)
	got := texts(load(t, local))
	if !got["here"] || !got["there"] {
		t.Error("an entry was lost")
	}
	appendOps(t, local, "alice", model.Log{Text: "later"})
	if _, read, _ := syncCounted(t, srv, local, remote); read != markRead {
		t.Errorf("the sync after the merge read %d bytes", read)
	}
}

// TestSameSizeEditIsReadWhole: a remote copy edited by hand without
// changing its size — its title, even with its time set back, or an
// entry further in — is read whole and merged, not taken as unchanged.
func TestSameSizeEditIsReadWhole(t *testing.T) {
	srv := startSSHD(t)
	local, remote := bigPair(t, srv, 800)
	for _, c := range []struct {
		name, from, to string
		keepTime       bool
	}{
		{"title, its time set back", `title = "Checkout`, `title = "Zheckout`, true},
		{"an entry further in", `p99 latency over`, `q99 latency over`, false},
	} {
		data, _ := os.ReadFile(remote)
		i := bytes.Index(data, []byte(c.from))
		if i < 0 {
			t.Fatalf("%s: %q is not in the file", c.name, c.from)
		}
		if !c.keepTime && i < store.MarkHeadLen {
			t.Fatalf("%s: the edit is in the first bytes", c.name)
		}
		fi, _ := os.Stat(remote)
		edited := append(append(bytes.Clone(data[:i]), c.to...), data[i+len(c.from):]...)
		f, err := os.OpenFile(remote, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.WriteAt(edited, 0); err != nil {
			t.Fatal(err)
		}
		_ = f.Close()
		if c.keepTime {
			_ = os.Chtimes(remote, fi.ModTime(), fi.ModTime())
		} else {
			later := fi.ModTime().Add(2 * time.Second)
			_ = os.Chtimes(remote, later, later)
		}
		_, read, _ := syncCounted(t, srv, local, remote)
		if read < int64(len(data)) {
			t.Errorf("%s: the sync read %d bytes of %d", c.name, read, len(data))
		}
		out := same(t, local, remote)
		if !bytes.Contains(out, []byte(c.to)) {
			t.Errorf("%s: the edit was not merged", c.name)
		}
	}
}

// TestMemoLostOrWrongChangesOnlySpeed: a memo deleted, cut short,
// garbled, or saying what the files are not makes the sync read the
// remote copy whole, with the same outcome; the sync after is quick.
func TestMemoLostOrWrongChangesOnlySpeed(t *testing.T) {
	srv := startSSHD(t)
	local, remote := bigPair(t, srv, 800)
	tgt := srv.target(remote)
	mp := memoPath(local, tgt)
	for i, c := range []struct {
		name string
		harm func(data []byte)
	}{
		{"deleted", func([]byte) { _ = os.Remove(mp) }},
		{"cut short", func(d []byte) { _ = os.WriteFile(mp, d[:len(d)/2], 0o644) }},
		{"garbled", func(d []byte) { _ = os.WriteFile(mp, bytes.ReplaceAll(d, []byte("mark "), []byte("mark 1")), 0o644) }},
		{"a mark that is not there", func([]byte) {
			m, ok := loadMemo(local, tgt, remote)
			if !ok {
				t.Fatal("no memo")
			}
			m.Mark.End -= 7
			saveMemo(local, tgt, m)
		}},
		{"another remote stamp", func([]byte) {
			m, _ := loadMemo(local, tgt, remote)
			m.Remote.MTime--
			saveMemo(local, tgt, m)
		}},
	} {
		data, err := os.ReadFile(mp)
		if err != nil {
			t.Fatalf("%s: no memo after a sync: %v", c.name, err)
		}
		c.harm(data)
		text := "entry " + string(rune('a'+i))
		appendOps(t, local, "alice", model.Log{Text: text})
		res, read, _ := syncCounted(t, srv, local, remote)
		fi, _ := os.Stat(remote)
		if res.Out.Entries != 1 || read < fi.Size()/2 {
			t.Errorf("%s: %s, read %d of %d bytes", c.name, res, read, fi.Size())
		}
		same(t, local, remote)
		if !texts(load(t, remote))[text] {
			t.Errorf("%s: the entry did not reach the remote copy", c.name)
		}
		if res, read, _ := syncCounted(t, srv, local, remote); res.Moved() || read != markRead {
			t.Errorf("%s: the sync after: %s, read %d", c.name, res, read)
		}
	}
}

// TestStoppedAppendLeavesAWholeCopy: an append cut off after its first
// write (the connection lost) leaves a remote copy that reads, holding
// whole commits only; so does half a commit left at its end. The next
// sync completes the copy.
func TestStoppedAppendLeavesAWholeCopy(t *testing.T) {
	srv := startSSHD(t)
	local, remote := bigPair(t, srv, 300)
	was := len(load(t, remote).Timeline)
	for i := range 30 {
		appendOps(t, local, "alice", model.Log{Text: strings.Repeat("a long note ", 200) + string(rune('A'+i))})
	}
	c := srv.dial(t, remote)
	c.afterPacket = func(n int) error {
		_ = c.cmd.Process.Kill()
		return errors.New("the connection was cut")
	}
	if _, err := Sync(ctx, c, local, SyncOptions{Owner: "t"}); err == nil {
		t.Fatal("a sync whose connection was cut did not fail")
	}
	s, err := store.Load(remote)
	if err != nil {
		t.Fatalf("the remote copy does not read after a stopped append: %v", err)
	}
	if n := len(s.Timeline) - was; n == 0 || n >= 30 {
		t.Errorf("the stopped append left %d of 30 entries", n)
	}
	syncCounted(t, srv, local, remote)
	same(t, local, remote)

	// Half a commit at the end of the remote copy: it reads, and the
	// next sync leaves both sides whole and the same.
	appendOps(t, local, "alice", model.Log{Text: "after the cut"})
	data, _ := os.ReadFile(local)
	rb, _ := os.ReadFile(remote)
	torn := data[len(rb) : len(rb)+(len(data)-len(rb))/2]
	f, _ := os.OpenFile(remote, os.O_WRONLY|os.O_APPEND, 0)
	_, _ = f.Write(torn)
	_ = f.Close()
	if _, err := store.Load(remote); err != nil {
		t.Fatalf("a remote copy with half a commit at its end: %v", err)
	}
	syncCounted(t, srv, local, remote)
	same(t, local, remote)
	if !texts(load(t, remote))["after the cut"] {
		t.Error("the entry did not reach the remote copy")
	}
}

// TestRemoteOfAnotherIncidentIsRefused: the remote copy replaced by
// another incident's file is refused, as before, memo or not.
func TestRemoteOfAnotherIncidentIsRefused(t *testing.T) {
	srv := startSSHD(t)
	local, remote := bigPair(t, srv, 300)
	other := filepath.Join(t.TempDir(), "other.toml")
	change(t, other, "zoe", true, model.Declare{Title: "Another one", Commander: "zoe"})
	data, _ := os.ReadFile(other)
	if err := os.WriteFile(remote, data, 0o644); err != nil {
		t.Fatal(err)
	}
	appendOps(t, local, "alice", model.Log{Text: "here"})
	unchanged := sides(t, local, remote)
	_, err := Sync(ctx, srv.dial(t, remote), local, SyncOptions{Owner: "t"})
	var me *model.IncidentMismatchError
	if !errors.As(err, &me) {
		t.Errorf("a remote copy of another incident: %v", err)
	}
	unchanged()
}

// TestReplicasSettleOnOneCopy: two replicas holding the same incident in
// different bytes (one appended its changes, the other wrote them whole)
// each sync once; the second takes the remote copy's bytes rather than
// replacing the remote copy with its own, and from then on both read
// only the ends.
func TestReplicasSettleOnOneCopy(t *testing.T) {
	srv := startSSHD(t)
	a, remote := bigPair(t, srv, 300)
	appendOps(t, a, "alice", model.Log{Text: "appended"})
	syncCounted(t, srv, a, remote) // the remote copy gets a's commit
	b := filepath.Join(t.TempDir(), "b.toml")
	data, err := store.Encode(load(t, a))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if ab, _ := os.ReadFile(a); bytes.Equal(ab, data) {
		t.Fatal("the replicas hold the same bytes")
	}
	before, _ := os.Stat(remote)
	if res, _, written := syncCounted(t, srv, b, remote); res.Moved() || written != 0 {
		t.Errorf("b's sync: %s, wrote %d bytes", res, written)
	}
	if after, _ := os.Stat(remote); !os.SameFile(before, after) {
		t.Error("b replaced the remote copy with the same incident in its own bytes")
	}
	same(t, a, remote)
	same(t, b, remote)
	for _, local := range []string{a, b, a, b} {
		if res, read, written := syncCounted(t, srv, local, remote); res.Moved() || read != markRead || written != 0 {
			t.Errorf("%s: %s, read %d, wrote %d", filepath.Base(local), res, read, written)
		}
	}
}

// TestAQuickSyncIsWholeEveryTenMinutes: the quick ways read only parts of
// the copies, so an edit by hand in the middle of a copy that also grew
// is not seen by them; once the last whole sync is older than wholeEvery
// (or the memo's time for it is ahead of this machine's clock), the next
// sync goes the whole way, and the copies end holding the same bytes.
func TestAQuickSyncIsWholeEveryTenMinutes(t *testing.T) {
	srv := startSSHD(t)
	local, remote := bigPair(t, srv, 800)
	tgt := srv.target(remote)
	for _, age := range []time.Duration{wholeEvery + time.Second, -2 * time.Minute} {
		// By hand, in the middle of the remote copy, and a warroom there
		// appends an entry after it.
		data, _ := os.ReadFile(remote)
		i := bytes.Index(data[store.MarkHeadLen:], []byte(" latency over"))
		if i < 0 {
			t.Fatal("no entry to edit past the first bytes")
		}
		i += int(store.MarkHeadLen)
		edited := append(append(bytes.Clone(data[:i]), " latency OVER"...), data[i+len(" latency over"):]...)
		if err := os.WriteFile(remote, edited, 0o644); err != nil {
			t.Fatal(err)
		}
		appendOps(t, remote, "bob", model.Log{Text: "appended after the edit"})
		m, ok := loadMemo(local, tgt, remote)
		if !ok || !m.fresh(time.Now()) {
			t.Fatalf("no fresh memo after a sync: %+v", m)
		}
		m.Whole = time.Now().Add(-age).Unix()
		saveMemo(local, tgt, m)
		_, read, _ := syncCounted(t, srv, local, remote)
		if read < int64(len(edited)) {
			t.Errorf("last whole sync %v ago: the sync read %d bytes of %d", age, read, len(edited))
		}
		same(t, local, remote)
	}
}
