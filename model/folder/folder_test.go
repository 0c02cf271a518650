package folder

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/sample"
	"github.com/warroom/warroom/model/store"
)

var end = time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)

// history writes n incidents of the sample history to dir, and returns
// their paths.
func history(t testing.TB, dir string, n int) []string {
	t.Helper()
	hs, err := sample.History(model.DefaultCatalog(), end, &model.SeqIDs{}, n)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i, s := range hs {
		out = append(out, write(t, filepath.Join(dir, fmt.Sprintf("inc-%02d.toml", i)), s))
	}
	return out
}

func write(t testing.TB, path string, s model.State) string {
	t.Helper()
	data, err := store.Encode(s)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// bad adds to dir a broken incident, one of a newer schema, a config and
// a runbooks folder, and returns the broken and the newer one.
func bad(t *testing.T, dir string, good string) (broken, newer string) {
	t.Helper()
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	broken, newer = filepath.Join(dir, "broken.toml"), filepath.Join(dir, "newer.toml")
	for path, data := range map[string][]byte{
		broken:                                []byte("schema = 3\n\n[incident\nid = \"INC-x\"\n"),
		newer:                                 []byte(strings.Replace(string(data), "schema = 3", "schema = 99", 1)),
		filepath.Join(dir, "config.toml"):     []byte("name = \"alice\"\ntheme = \"dark\"\n"),
		filepath.Join(dir, ".hidden.toml"):    []byte("not read"),
		filepath.Join(dir, "notes.md"):        []byte("not read"),
		filepath.Join(dir, "runbooks/x.toml"): []byte("[[step]]\nnote = \"x\"\n"),
	} {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return broken, newer
}

// TestReadListsEveryIncidentAndSaysWhatItCouldNotRead: a broken file and
// one of a newer schema are listed with their errors, a config is set
// aside, and none stops the listing or is written.
func TestReadListsEveryIncidentAndSaysWhatItCouldNotRead(t *testing.T) {
	dir := t.TempDir()
	paths := history(t, dir, 5)
	broken, newer := bad(t, dir, paths[0])
	before := map[string][]byte{}
	for _, p := range []string{broken, newer} {
		before[p], _ = os.ReadFile(p)
	}
	for _, need := range []model.TimelineNeed{{}, {Kinds: []model.Kind{model.KindStatus}}} {
		l, err := Read(dir, need)
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Incidents) != 5 || len(l.Problems) != 2 || len(l.Others) != 1 {
			t.Fatalf("%d incidents, problems %v, others %v", len(l.Incidents), l.Problems, l.Others)
		}
		if l.Problems[0].Path != broken || !strings.Contains(l.Problems[0].Err.Error(), "broken.toml:3") {
			t.Errorf("broken: %v", l.Problems[0])
		}
		var se *store.SchemaError
		if l.Problems[1].Path != newer || !errors.As(l.Problems[1].Err, &se) || se.File != 99 {
			t.Errorf("newer: %v", l.Problems[1])
		}
		if !errors.Is(l.Others[0].Err, ErrNotIncident) || filepath.Base(l.Others[0].Path) != "config.toml" {
			t.Errorf("others: %v", l.Others)
		}
		for _, in := range l.Incidents {
			if !in.State.Declared() || len(in.State.Assignments) == 0 {
				t.Errorf("%s: no head", in.Path)
			}
			for _, e := range in.State.Timeline {
				if !need.Has(e.Kind) {
					t.Errorf("%s: an entry of kind %s", in.Path, e.Kind)
				}
			}
			if need.Has(model.KindStatus) && len(in.State.Timeline) == 0 {
				t.Errorf("%s: no status entries", in.Path)
			}
		}
		if got := len(l.Open()); got != 2 {
			t.Errorf("%d open", got)
		}
	}
	for p, data := range before {
		if now, _ := os.ReadFile(p); string(now) != string(data) {
			t.Errorf("%s was written", p)
		}
	}
}

func TestOpenBesidesLeavesItselfOut(t *testing.T) {
	dir := t.TempDir()
	paths := history(t, dir, 3)
	link := filepath.Join(t.TempDir(), "same.toml")
	if err := os.Symlink(paths[0], link); err != nil {
		t.Fatal(err)
	}
	for _, self := range []string{paths[0], link} {
		others, err := OpenBesides(dir, self)
		if err != nil || len(others) != 1 || others[0].Path != paths[1] {
			t.Errorf("besides %s: %v %v", self, others, err)
		}
	}
	if others, _ := OpenBesides(dir, filepath.Join(dir, "new.toml")); len(others) != 2 {
		t.Errorf("besides a new file: %d", len(others))
	}
	if got := Alike(mustOpen(t, dir), "checkout api 500s"); len(got) != 1 || got[0].Path != paths[0] {
		t.Errorf("alike: %v", got)
	}
	if got := Alike(mustOpen(t, dir), "Checkout slow"); len(got) != 0 {
		t.Errorf("alike: %v", got)
	}
}

func mustOpen(t *testing.T, dir string) []Incident {
	l, err := Read(dir, model.TimelineNeed{})
	if err != nil {
		t.Fatal(err)
	}
	return l.Open()
}
