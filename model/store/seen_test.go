package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSeenMemo (issue 20, item 6): a visit is remembered beside the
// incident, by name in any case, never in the incident file; a later
// visit is kept over an earlier one; a memo that does not read says
// nothing and is started again.
func TestSeenMemo(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "incident.toml")
	if err := os.WriteFile(path, []byte("schema = 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	if _, ok := LastSeen(path, "carol"); ok {
		t.Error("a visit before any was recorded")
	}
	t1 := time.Date(2026, 11, 25, 14, 5, 0, 0, time.UTC)
	ctx := context.Background()
	if err := MarkSeen(ctx, path, "Carol", t1); err != nil {
		t.Fatal(err)
	}
	if err := MarkSeen(ctx, path, "dave", t1.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := MarkSeen(ctx, path, "carol", t1.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got, ok := LastSeen(path, "CAROL"); !ok || !got.Equal(t1) {
		t.Errorf("carol last seen %v (%v), want %v", got, ok, t1)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("a visit was written into the incident file")
	}
	if SeenPath(path) != filepath.Join(dir, ".incident.toml.seen") {
		t.Errorf("memo at %s", SeenPath(path))
	}
	if err := os.WriteFile(SeenPath(path), []byte("not = [toml"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := LastSeen(path, "carol"); ok {
		t.Error("a broken memo said something")
	}
	if err := MarkSeen(ctx, path, "erin", t1); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(SeenPath(path)); !strings.Contains(string(data), "erin") {
		t.Errorf("the memo was not started again:\n%s", data)
	}
}
