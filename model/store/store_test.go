package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// t0 is the fixed time the tests' incidents happen at.
var t0 = time.Date(2026, 11, 25, 23, 41, 0, 0, time.UTC)

func fixedEnv(actor string) model.Env {
	return model.Env{Now: t0, Actor: actor, IDs: &model.SeqIDs{}}
}

// apply applies ops in turn, failing the test on the first error.
func apply(tb testing.TB, s model.State, env model.Env, ops ...model.Op) model.State {
	tb.Helper()
	for _, op := range ops {
		next, _, err := s.Apply(model.DefaultCatalog(), op, env)
		if err != nil {
			tb.Fatalf("apply %#v: %v", op, err)
		}
		s = next
	}
	return s
}

// smallState is a declared incident with a bit of everything: several
// people, a handoff, tasks in each state and a few timeline entries.
func smallState(tb testing.TB) model.State {
	tb.Helper()
	env := fixedEnv("alice")
	s := apply(tb, model.State{}, env,
		model.Declare{Title: "Checkout is down", Severity: model.Sev1, Commander: "alice", Summary: "502s from the edge"},
		model.Log{Text: "paged the database team"},
		model.TaskAdd{Title: "Roll back the deploy", Owner: "bob"},
		model.TaskAdd{Title: "Write the status page", Role: model.RoleRef{Role: "scribe"}},
		model.Handoff{Role: model.RoleRef{Role: "scribe"}, To: "carol", Note: "you have the notes"},
	)
	s = apply(tb, s, env, model.TaskSet{Task: s.Tasks[0].ID, State: model.TaskInProgress})
	s = apply(tb, s, env, model.Log{Kind: model.KindDecision, Text: "we roll back"})
	return s
}

// writeState encodes s into a new file NAME in a fresh directory.
func writeState(tb testing.TB, s model.State) string {
	tb.Helper()
	data, err := store.Encode(s)
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), "warroom.toml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

func readFile(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// tempFiles lists the temp files of path's incident left in its directory.
func tempFiles(tb testing.TB, path string) []string {
	tb.Helper()
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+filepath.Base(path)+".tmp-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// appendLog is a change func that logs text as actor.
func appendLog(actor, text string) func(model.State) (model.State, error) {
	return func(s model.State) (model.State, error) {
		next, _, err := s.Apply(model.DefaultCatalog(), model.Log{Text: text},
			model.Env{Now: t0, Actor: actor, IDs: model.RandomIDs{}})
		return next, err
	}
}

// mustNotRun is a change func for updates that must refuse before change.
func mustNotRun(tb testing.TB) func(model.State) (model.State, error) {
	return func(s model.State) (model.State, error) {
		tb.Errorf("change func called on a file Update should have refused")
		return s, nil
	}
}

// assertRefused checks that an Update refused the file at path: an error,
// the file byte-for-byte as it was, and no temp file left.
func assertRefused(tb testing.TB, path string, before []byte, err error) {
	tb.Helper()
	if err == nil {
		tb.Fatalf("Update succeeded on a file it should refuse")
	}
	if after := readFile(tb, path); !bytes.Equal(before, after) {
		tb.Errorf("Update changed the refused file\nbefore:\n%s\nafter:\n%s", before, after)
	}
	if tmp := tempFiles(tb, path); len(tmp) > 0 {
		tb.Errorf("Update left temp files: %v", tmp)
	}
}

func TestLockPath(t *testing.T) {
	for path, want := range map[string]string{
		"warroom.toml":                    ".warroom.toml.lock",
		"/srv/incidents/warroom.toml":     "/srv/incidents/.warroom.toml.lock",
		filepath.Join("a", "b", "x.toml"): filepath.Join("a", "b", ".x.toml.lock"),
	} {
		if got := store.LockPath(path); got != want {
			t.Errorf("LockPath(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestUpdateCreatesAndReadsBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "warroom.toml")
	env := fixedEnv("alice")
	got, err := store.Update(context.Background(), path, true, func(s model.State) (model.State, error) {
		if s.Declared() || len(s.Timeline) > 0 {
			t.Errorf("create on a missing file handed change a non-empty state: %+v", s)
		}
		return apply(t, s, env, model.Declare{Title: "Disk full", Severity: model.Sev2}), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !equalStates(got, loaded) {
		t.Errorf("Load after Update differs from the state Update returned\nreturned: %+v\nloaded:   %+v", got, loaded)
	}

	// A second transaction sees the first one's result.
	got, err = store.Update(context.Background(), path, false, appendLog("bob", "second"))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(got.Timeline); n != 2 || got.Timeline[1].Text != "second" || got.Timeline[0].Kind != model.KindDeclared {
		t.Errorf("after two updates the timeline is %+v", got.Timeline)
	}
	if loaded, err = store.Load(path); err != nil || !equalStates(got, loaded) {
		t.Errorf("Load after the second Update: err %v, equal %v", err, equalStates(got, loaded))
	}
	if tmp := tempFiles(t, path); len(tmp) > 0 {
		t.Errorf("temp files left after successful updates: %v", tmp)
	}
}

func TestUpdateMissingFileWithoutCreate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "warroom.toml")
	_, err := store.Update(context.Background(), path, false, mustNotRun(t))
	if !errors.Is(err, store.ErrNoIncident) {
		t.Fatalf("Update(create=false) on a missing file: err = %v, want ErrNoIncident", err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the file", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Update(create=false) created the data file (stat err %v)", err)
	}
	if tmp := tempFiles(t, path); len(tmp) > 0 {
		t.Errorf("temp files left: %v", tmp)
	}

	_, err = store.Load(path)
	if !errors.Is(err, store.ErrNoIncident) {
		t.Errorf("Load on a missing file: err = %v, want ErrNoIncident", err)
	}
}

func TestUpdateChangeErrorWritesNothing(t *testing.T) {
	boom := errors.New("boom")
	failing := func(s model.State) (model.State, error) {
		// A change that fails after building a new state must still
		// leave the file alone.
		next, _, _ := s.Apply(model.DefaultCatalog(), model.Log{Text: "never saved"}, fixedEnv("eve"))
		return next, boom
	}

	t.Run("existing file", func(t *testing.T) {
		path := writeState(t, smallState(t))
		if err := os.Chtimes(path, t0, t0); err != nil {
			t.Fatal(err)
		}
		before := readFile(t, path)
		_, err := store.Update(context.Background(), path, false, failing)
		if !errors.Is(err, boom) {
			t.Errorf("err = %v, want the change func's error", err)
		}
		assertRefused(t, path, before, err)
		if info, err := os.Stat(path); err != nil || !info.ModTime().Equal(t0) {
			t.Errorf("file was rewritten (mtime %v, err %v)", info.ModTime(), err)
		}
	})

	t.Run("create", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "warroom.toml")
		_, err := store.Update(context.Background(), path, true, failing)
		if !errors.Is(err, boom) {
			t.Errorf("err = %v, want the change func's error", err)
		}
		if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("a failed create left a data file (stat err %v)", err)
		}
		if tmp := tempFiles(t, path); len(tmp) > 0 {
			t.Errorf("temp files left: %v", tmp)
		}
	})
}

func TestUpdatePreservesMode(t *testing.T) {
	for _, mode := range []fs.FileMode{0o600, 0o640, 0o664} {
		t.Run(mode.String(), func(t *testing.T) {
			path := writeState(t, smallState(t))
			if err := os.Chmod(path, mode); err != nil {
				t.Fatal(err)
			}
			if _, err := store.Update(context.Background(), path, false, appendLog("bob", "hello")); err != nil {
				t.Fatal(err)
			}
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if got := info.Mode().Perm(); got != mode {
				t.Errorf("mode after Update = %v, want %v", got, mode)
			}
			if s, err := store.Load(path); err != nil || s.Timeline[len(s.Timeline)-1].Text != "hello" {
				t.Errorf("entry not saved (err %v)", err)
			}
		})
	}
}

func TestUpdateRemovesLeftoverTempFiles(t *testing.T) {
	path := writeState(t, smallState(t))
	dir := filepath.Dir(path)
	leftovers := []string{".warroom.toml.tmp-123", ".warroom.toml.tmp-9876543210"}
	for _, name := range leftovers {
		// A killed writer leaves a partial file behind.
		if err := os.WriteFile(filepath.Join(dir, name), []byte("schema = 1\n[incid"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// Files that belong to someone else must survive: another incident's
	// temp file in the same directory, and unrelated names.
	keep := []string{".other.toml.tmp-123", "warroom.toml.tmp-1", "warroom.toml.bak", ".warroom.toml.lock"}
	for _, name := range keep {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}

	if _, err := store.Update(context.Background(), path, false, appendLog("bob", "after the crash")); err != nil {
		t.Fatal(err)
	}
	if tmp := tempFiles(t, path); len(tmp) > 0 {
		t.Errorf("leftover temp files not removed by the next Update: %v", tmp)
	}
	for _, name := range keep {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("Update removed %s, which is not a temp file of warroom.toml: %v", name, err)
		}
	}
	s, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if last := s.Timeline[len(s.Timeline)-1]; last.Text != "after the crash" {
		t.Errorf("last entry %q, want the new one", last.Text)
	}
}

func TestUpdateRefusesFileFailingCheck(t *testing.T) {
	// Structurally broken but well-formed TOML: a duplicated entry id.
	s := smallState(t)
	data, err := store.Encode(s)
	if err != nil {
		t.Fatal(err)
	}
	dup := s.Timeline[0].ID
	broken := strings.Replace(string(data), fmt.Sprintf("id = %q", s.Timeline[1].ID), fmt.Sprintf("id = %q", dup), 1)
	path := filepath.Join(t.TempDir(), "warroom.toml")
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = store.Load(path)
	var fe *store.FileError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), dup) || !strings.HasPrefix(err.Error(), path+":") {
		t.Errorf("Load of a file with a duplicate id: err = %v, want a FileError naming %s", err, dup)
	}
	_, err = store.Update(context.Background(), path, false, mustNotRun(t))
	assertRefused(t, path, []byte(broken), err)
}

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.toml")
	if err := os.WriteFile(path, []byte("old contents, longer than the new ones\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := store.WriteAtomic(path, []byte("new\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); string(got) != "new\n" {
		t.Errorf("contents %q, want %q", got, "new\n")
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v (err %v), want 0600", info.Mode().Perm(), err)
	}
	if tmp := tempFiles(t, path); len(tmp) > 0 {
		t.Errorf("temp files left: %v", tmp)
	}

	// Into a directory that does not exist: an error, nothing created.
	missing := filepath.Join(dir, "nope", "out.toml")
	if err := store.WriteAtomic(missing, []byte("x"), 0o644); err == nil {
		t.Errorf("WriteAtomic into a missing directory succeeded")
	}
	entries, _ := os.ReadDir(dir)
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	if !slices.Equal(names, []string{"out.toml"}) {
		t.Errorf("directory holds %v, want only out.toml", names)
	}
}
