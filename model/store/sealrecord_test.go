package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
)

// TestAppendKeepsTheSealRecord: once a checkpoint of 1 MiB or more was
// matched against its sum, the head cache says so of the file as it is,
// and every append says so again of the file it leaves: the next change
// does not read the checkpoint again. A change by anyone else, in place,
// makes the record not hold.
func TestAppendKeepsTheSealRecord(t *testing.T) {
	s, _, err := model.State{}.Apply(model.DefaultCatalog(), model.Declare{Title: "Checkout is down", Commander: "alice"},
		model.Env{Now: time.Now().UTC(), Actor: "alice", IDs: model.RandomIDs{}})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("x", 3000)
	for i := range 400 {
		s.Timeline = append(s.Timeline, model.Entry{ID: fmt.Sprintf("e%012d", i), At: s.Incident.Declared, By: "alice",
			Kind: model.KindNote, Text: text})
	}
	data, err := Encode(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) < sealedFrom {
		t.Fatalf("a checkpoint of %d bytes: the test needs one of 1 MiB or more", len(data))
	}
	path := filepath.Join(t.TempDir(), "warroom.toml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	holds := func() bool {
		t.Helper()
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		c := loadCache(path)
		return c != nil && c.Sealed.holds(info, int64(len(data)), lastSeal(data))
	}
	for i := range 3 {
		if _, err := UpdateWith(context.Background(), path, UpdateOptions{}, func(s model.State) (model.State, error) {
			next, _, err := s.Apply(model.DefaultCatalog(), model.Log{Text: "appended"}, model.Env{Now: time.Now().UTC(), Actor: "bob", IDs: model.RandomIDs{}})
			return next, err
		}); err != nil {
			t.Fatal(err)
		}
		if !holds() {
			t.Fatalf("after append %d the cache does not say the checkpoint was matched", i)
		}
	}
	at := time.Now().Add(time.Minute)
	if err := os.Chtimes(path, at, at); err != nil {
		t.Fatal(err)
	}
	if holds() {
		t.Error("the record holds of a file changed since")
	}
}
