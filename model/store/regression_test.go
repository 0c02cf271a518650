package store_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// TestRegressions guards against store bugs that were found and fixed.
func TestRegressions(t *testing.T) {
	t.Run("unterminated table header reported on its own line", func(t *testing.T) {
		runLineCases(t, []lineCase{
			{name: "array table", old: "[[timeline]]", new: "[[timeline]", nth: 2},
			{name: "table", old: "[incident]", new: "[incident", nth: 1},
		})
	})

	t.Run("string ending in a backslash at EOF reported on the last line", func(t *testing.T) {
		data, err := store.Encode(smallState(t))
		if err != nil {
			t.Fatal(err)
		}
		n := cutAt(t, data, `text = "we roll`)
		cut := append(append([]byte(nil), data[:n]...), '\\')
		path := filepath.Join(t.TempDir(), "warroom.toml")
		if err := os.WriteFile(path, cut, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err = store.Load(path)
		checkFileError(t, err, path, bytes.Count(cut, []byte("\n"))+1, true)
	})

	t.Run("unknown key with a quoted name has its line", func(t *testing.T) {
		data, err := store.Encode(smallState(t))
		if err != nil {
			t.Fatal(err)
		}
		bad, line := replaceLine(t, data, `declared_by = "alice"`, `"declared by" = "alice"`, 1)
		path := filepath.Join(t.TempDir(), "warroom.toml")
		if err := os.WriteFile(path, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err = store.Load(path)
		checkFileError(t, err, path, line, true, "declared by")
	})

	t.Run("unknown table with spaces in its header has its line", func(t *testing.T) {
		data, err := store.Encode(smallState(t))
		if err != nil {
			t.Fatal(err)
		}
		bad, line := replaceLine(t, data, "[incident.clock]", "[ incident . clock2 ]", 1)
		path := filepath.Join(t.TempDir(), "warroom.toml")
		if err := os.WriteFile(path, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err = store.Load(path)
		checkFileError(t, err, path, line, true, "clock2")
	})

	t.Run("type error in an earlier array element points at that element", func(t *testing.T) {
		runLineCases(t, []lineCase{
			{name: "timeline by", old: `by = "alice"`, new: `by = 5`, nth: 3, mention: []string{"by"}, noCol: true},
		})
	})

	t.Run("Update through a symlink keeps the link and updates its target", func(t *testing.T) {
		dir := t.TempDir()
		target := writeState(t, smallState(t))
		link := filepath.Join(dir, "warroom.toml")
		if err := os.Symlink(target, link); err != nil {
			t.Skip(err)
		}
		if _, err := store.Update(context.Background(), link, false, appendLog("bob", "via the link")); err != nil {
			t.Fatal(err)
		}
		if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symlink (mode %v): the shared file it pointed to no longer gets updates", link, info.Mode())
		}
		s, err := store.Load(target)
		if err != nil {
			t.Fatal(err)
		}
		if last := s.Timeline[len(s.Timeline)-1]; last.Text != "via the link" {
			t.Errorf("the link's target did not get the entry; its last entry is %q", last.Text)
		}
	})

	t.Run("Update never saves a state that Load would refuse", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "warroom.toml")
		// A change that returns the empty state it was handed (a no-op
		// on create): Update writes it without checking it.
		_, err := store.Update(context.Background(), path, true, func(s model.State) (model.State, error) { return s, nil })
		if err == nil {
			if _, lerr := store.Load(path); lerr != nil {
				t.Errorf("Update saved a file that does not load: %v", lerr)
			}
		}
		if _, serr := os.Stat(path); err != nil && !errors.Is(serr, os.ErrNotExist) {
			t.Errorf("Update failed (%v) but left a file", err)
		}
	})

	t.Run("lock file can be opened by other users", func(t *testing.T) {
		path := writeState(t, smallState(t))
		if _, err := store.Update(context.Background(), path, false, appendLog("bob", "x")); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(store.LockPath(path))
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm()&0o044 != 0o044 {
			t.Errorf("lock file mode %v: others sharing the directory could not open it to lock", info.Mode().Perm())
		}
	})

	t.Run("temp files of another incident are left alone", func(t *testing.T) {
		path := writeState(t, smallState(t))
		other := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-x.toml.tmp-123")
		if err := os.WriteFile(other, []byte("in progress"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := store.Update(context.Background(), path, false, appendLog("bob", "x")); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(other); err != nil {
			t.Errorf("the temp file of incident %q was removed: %v", filepath.Base(path)+".tmp-x.toml", err)
		}
	})
}
