package sshsync

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// These tests hold a sync to the rules a local writer keeps, on both
// copies: what no sum line closes at the end of a copy is kept in
// NAME.torn on the side it was on, and said; a commit edited by hand is
// read as an edit; a time typed far ahead is refused with its field.

// appendOp applies op to the file at path as actor, appended as a
// warroom on that machine appends it.
func appendOp(t *testing.T, path, actor string, op model.Op) {
	t.Helper()
	if _, err := store.UpdateWith(ctx, path, store.UpdateOptions{Reads: model.Needs(op)}, func(s model.State) (model.State, error) {
		next, _, err := s.Apply(model.DefaultCatalog(), op, model.Env{Now: time.Now().UTC().Truncate(time.Millisecond), Actor: actor, Replica: actor, IDs: model.RandomIDs{}})
		return next, err
	}); err != nil {
		t.Fatal(err)
	}
}

// editLast replaces, in the last commit of the file at path, what re
// matches with with, leaving its sum line as it was: an edit by hand.
func editLast(t *testing.T, path string, re, with string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	last := bytes.LastIndex(data, []byte("\n[[timeline]]\n"))
	edited := slices.Concat(data[:last], regexp.MustCompile(re).ReplaceAll(data[last:], []byte(with)))
	if bytes.Equal(edited, data) {
		t.Fatalf("%q matches nothing in the last commit", re)
	}
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
}

// cutLast appends op to the file at path and cuts that append in the
// middle, as a crash while writing leaves it; it returns the cut bytes.
func cutLast(t *testing.T, path, actor string, op model.Op) []byte {
	t.Helper()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	appendOp(t, path, actor, op)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cut := data[:len(before)+(len(data)-len(before))/2]
	if err := os.WriteFile(path, cut, 0o644); err != nil {
		t.Fatal(err)
	}
	return cut[len(before):]
}

// noTorn fails when a NAME.torn is beside any of paths.
func noTorn(t *testing.T, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if _, err := os.Stat(store.TornPath(p)); err == nil {
			t.Errorf("%s was made: a sealed change was set aside", store.TornPath(p))
		}
	}
}

// withMemo runs f once with the memo the previous sync left, once
// without it: the quick way and the whole way must keep the same rules.
func withMemo(t *testing.T, f func(t *testing.T, forget bool)) {
	t.Run("memo", func(t *testing.T) { f(t, false) })
	t.Run("no memo", func(t *testing.T) { f(t, true) })
}

// TestSyncKeepsAHandEditOfTheRemoteLastChange: an entry appended to the
// remote copy, then edited there by hand, is an edit: the sync brings it
// in, edited, and sets nothing aside.
func TestSyncKeepsAHandEditOfTheRemoteLastChange(t *testing.T) {
	withMemo(t, func(t *testing.T, forget bool) {
		srv := startSSHD(t)
		local, remote := pair(t, srv)
		appendOp(t, remote, "bob", model.Log{Text: "REMOTE-ONLY"})
		editLast(t, remote, `text = "REMOTE-ONLY"`, `text = "REMOTE-ONLY, fixed by hand"`)
		appendOp(t, local, "alice", model.Log{Text: "local-new"})
		c := srv.dial(t, remote)
		if forget {
			forgetMemo(local, c.Target)
		}
		res, err := Sync(ctx, c, local, SyncOptions{Owner: "t"})
		if err != nil {
			t.Fatal(err)
		}
		if res.In.Entries != 1 || res.Out.Entries != 1 {
			t.Errorf("result %s, want one entry each way", res)
		}
		for _, p := range []string{local, remote} {
			got := texts(load(t, p))
			if !got["REMOTE-ONLY, fixed by hand"] || !got["local-new"] {
				t.Errorf("%s holds %v, want both entries, the remote one as edited", p, got)
			}
		}
		noTorn(t, local, remote)
	})
}

// TestSyncRefusesATimeFarAheadInTheRemoteLastChange: a time typed far
// ahead in the remote copy's last change is refused with its field
// named; both copies stay as they were.
func TestSyncRefusesATimeFarAheadInTheRemoteLastChange(t *testing.T) {
	withMemo(t, func(t *testing.T, forget bool) {
		srv := startSSHD(t)
		local, remote := pair(t, srv)
		appendOp(t, remote, "bob", model.Log{Text: "REMOTE-ONLY"})
		editLast(t, remote, `(?m)^at = .*$`, "at = 2099-01-01T00:00:00Z")
		appendOp(t, local, "alice", model.Log{Text: "local-new"})
		c := srv.dial(t, remote)
		if forget {
			forgetMemo(local, c.Target)
		}
		unchanged := sides(t, local, remote)
		_, err := Sync(ctx, c, local, SyncOptions{Owner: "t"})
		if err == nil || !strings.Contains(err.Error(), "[[timeline]]") || !strings.Contains(err.Error(), "2099-01-01") ||
			!strings.Contains(err.Error(), "ahead of this machine's clock") {
			t.Fatalf("err = %v, want the time far ahead refused with its field", err)
		}
		unchanged()
		noTorn(t, local, remote)
	})
}

// TestSyncKeepsTheRemoteTornTail: what a crash while appending left at
// the end of the remote copy is kept in NAME.torn beside it, and said,
// before the sync writes the copy; what was whole is merged.
func TestSyncKeepsTheRemoteTornTail(t *testing.T) {
	withMemo(t, func(t *testing.T, forget bool) {
		srv := startSSHD(t)
		local, remote := pair(t, srv)
		appendOp(t, remote, "bob", model.Log{Text: "whole on the remote"})
		torn := cutLast(t, remote, "bob", model.Log{Text: "cut short on the remote"})
		appendOp(t, local, "alice", model.Log{Text: "local-new"})
		c := srv.dial(t, remote)
		if forget {
			forgetMemo(local, c.Target)
		}
		res, err := Sync(ctx, c, local, SyncOptions{Owner: "t"})
		if err != nil {
			t.Fatal(err)
		}
		want := c.Target
		want.Path = store.TornPath(remote)
		if res.RemoteTorn != want.String() || res.Torn != "" {
			t.Errorf("RemoteTorn %q, Torn %q: want %q and nothing here", res.RemoteTorn, res.Torn, want)
		}
		kept, err := os.ReadFile(store.TornPath(remote))
		if err != nil || !bytes.Contains(kept, torn) || !strings.HasPrefix(string(kept), "# cut from the end of incident.toml") {
			t.Errorf("the remote NAME.torn holds %q (%v), want the cut bytes %q", kept, err, torn)
		}
		for _, p := range []string{local, remote} {
			got := texts(load(t, p))
			if !got["whole on the remote"] || !got["local-new"] || got["cut short on the remote"] {
				t.Errorf("%s holds %v", p, got)
			}
		}
		noTorn(t, local)
		if res, err := Sync(ctx, c, local, SyncOptions{Owner: "t"}); err != nil || res.Moved() {
			t.Errorf("the next sync: %s, %v", res, err)
		}
	})
}

// TestSyncKeepsTheLocalTornTail: the same on this side: a local append
// cut short is kept in NAME.torn here, and said.
func TestSyncKeepsTheLocalTornTail(t *testing.T) {
	withMemo(t, func(t *testing.T, forget bool) {
		srv := startSSHD(t)
		local, remote := pair(t, srv)
		appendOp(t, remote, "bob", model.Log{Text: "remote-new"})
		torn := cutLast(t, local, "alice", model.Log{Text: "cut short here"})
		c := srv.dial(t, remote)
		if forget {
			forgetMemo(local, c.Target)
		}
		res, err := Sync(ctx, c, local, SyncOptions{Owner: "t"})
		if err != nil {
			t.Fatal(err)
		}
		if res.Torn != store.TornPath(local) || res.RemoteTorn != "" {
			t.Errorf("Torn %q, RemoteTorn %q: want %q and nothing there", res.Torn, res.RemoteTorn, store.TornPath(local))
		}
		if kept, err := os.ReadFile(store.TornPath(local)); err != nil || !bytes.Contains(kept, torn) {
			t.Errorf("NAME.torn holds %q (%v), want the cut bytes", kept, err)
		}
		for _, p := range []string{local, remote} {
			if got := texts(load(t, p)); !got["remote-new"] || got["cut short here"] {
				t.Errorf("%s holds %v", p, got)
			}
		}
		noTorn(t, remote)
	})
}

// TestSyncKeepsTheRemoteComments: comments added by hand at the end of
// the remote copy are not data, and warroom keeps none in the file: the
// sync that writes over the copy keeps them in NAME.torn beside it.
func TestSyncKeepsTheRemoteComments(t *testing.T) {
	srv := startSSHD(t)
	local, remote := pair(t, srv)
	f, err := os.OpenFile(remote, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("# ask the DB team about the pool\n"); err != nil {
		t.Fatal(err)
	}
	_ = f.Close()
	appendOp(t, local, "alice", model.Log{Text: "local-new"})
	res, err := Sync(ctx, srv.dial(t, remote), local, SyncOptions{Owner: "t"})
	if err != nil || res.RemoteTorn == "" {
		t.Fatalf("result %+v, %v: want the comments kept", res, err)
	}
	if kept, err := os.ReadFile(store.TornPath(remote)); err != nil || !strings.Contains(string(kept), "ask the DB team about the pool") {
		t.Errorf("the remote NAME.torn holds %q, %v", kept, err)
	}
	if !texts(load(t, remote))["local-new"] {
		t.Error("the remote copy lacks the local entry")
	}
}
