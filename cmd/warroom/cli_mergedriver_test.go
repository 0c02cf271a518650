package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// mergePath is the path git would name the file by (%P).
const mergePath = "incidents/checkout.incident.toml"

// mergeCase is one golden three-way merge: its versions are in
// testdata/merge/NAME, and its results in want.toml and want-strict.toml.
type mergeCase struct {
	name string
	// exit is the driver's exit status without and with --strict.
	exit, strictExit int
	// says is in its standard error when it fails.
	says string
	// check looks at the merged incident.
	check func(t *testing.T, s model.State, strict bool)
}

func mergeCases() []mergeCase {
	entryTexts := func(s model.State) map[string]bool {
		out := map[string]bool{}
		for _, e := range s.Timeline {
			out[e.Text] = true
		}
		return out
	}
	theirsAndOurs := func(t *testing.T, s model.State, _ bool) {
		if have := entryTexts(s); !have["ours"] && !have["theirs"] {
			t.Error("neither side's entry is in the result")
		}
	}
	return []mergeCase{
		{name: "entries-on-both", check: func(t *testing.T, s model.State, _ bool) {
			have := entryTexts(s)
			for _, want := range []string{"error rate 38%, all regions", "rollback started", "drained eu-west", "replica lag 40s", "fail over to the secondary"} {
				if !have[want] {
					t.Errorf("no entry %q", want)
				}
			}
		}},
		{name: "task-changed-and-new-task", check: func(t *testing.T, s model.State, _ bool) {
			if len(s.Tasks) != 2 || s.Tasks[0].Title != "Roll back deploy 142" || s.Tasks[0].State != model.TaskInProgress ||
				s.Tasks[1].Title != "Page the payments team" || s.Tasks[1].Owner != "carol" || s.Tasks[1].State != model.TaskOpen {
				t.Errorf("tasks: %+v", s.Tasks)
			}
		}},
		{name: "handoff-and-acceptance", check: func(t *testing.T, s model.State, _ bool) {
			var tlAccepted, commsToCarol bool
			for _, a := range s.Assignments {
				tlAccepted = tlAccepted || (a.Role == "tech_lead" && a.Holder == "bob" && a.Acceptance == model.AcceptanceAccepted)
				commsToCarol = commsToCarol || (a.Role == "communications_manager" && a.Holder == "carol" && a.Acceptance == model.AcceptanceAwaited)
			}
			if !tlAccepted || !commsToCarol {
				t.Errorf("tech lead accepted by bob: %v; communications handed to carol: %v", tlAccepted, commsToCarol)
			}
		}},
		{name: "title-on-one-side", check: func(t *testing.T, s model.State, _ bool) {
			if s.Incident.Title != "Card payments failing after deploy 142" || !entryTexts(s)["replica lag 40s"] {
				t.Errorf("title %q", s.Incident.Title)
			}
		}},
		{name: "title-on-both", strictExit: 1, says: "MERGE CONFLICT on the title", check: func(t *testing.T, s model.State, strict bool) {
			// Theirs was changed later: it wins; ours stays in the timeline.
			if s.Incident.Title != "Primary database flapping" || !entryTexts(s)["Card payments failing after deploy 142"] {
				t.Errorf("title %q", s.Incident.Title)
			}
			open := s.OpenConflicts()
			if strict != (len(open) == 1) || (strict && (open[0].Kept != "Primary database flapping" || open[0].Other != "Card payments failing after deploy 142")) {
				t.Errorf("strict %v: open conflicts %+v", strict, open)
			}
		}},
		{name: "added-on-both", check: func(t *testing.T, s model.State, _ bool) {
			if have := entryTexts(s); !have["written on ours.toml"] || !have["written on theirs.toml"] {
				t.Error("an entry of one side is missing")
			}
		}},
		{name: "ours-empty", check: func(t *testing.T, s model.State, _ bool) {
			if s.Incident.Title != "Checkout API returning 500s" {
				t.Errorf("title %q", s.Incident.Title)
			}
		}},
		{name: "corrupt-base", strictExit: exitDriverFailed, says: "the common version cannot be merged: " + mergePath + ":", check: theirsAndOurs},
		{name: "corrupt-theirs", exit: exitDriverFailed, strictExit: exitDriverFailed, says: "their version cannot be merged: " + mergePath + ":"},
		{name: "corrupt-ours", exit: exitDriverFailed, strictExit: exitDriverFailed, says: "our version cannot be merged: " + mergePath + ":"},
		{name: "newer-schema", exit: exitDriverFailed, strictExit: exitDriverFailed, says: "written with file schema 99"},
		{name: "different-incidents", exit: exitDriverFailed, strictExit: exitDriverFailed, says: "these are two different incidents"},
	}
}

// runDriver copies a case's versions into a fresh folder and runs the
// driver on them, as git does; swap gives ours and theirs to it the
// other way round. It returns the run and the path of ours.
func runDriver(t *testing.T, src string, strict, swap bool) (result, string, snapshot) {
	t.Helper()
	dir := t.TempDir()
	names := map[string]string{"base.toml": "O", "ours.toml": "A", "theirs.toml": "B"}
	if swap {
		names["ours.toml"], names["theirs.toml"] = "B", "A"
	}
	for from, to := range names {
		copyFile(t, filepath.Join(src, from), filepath.Join(dir, to))
	}
	ours := filepath.Join(dir, "A")
	before := takeSnapshot(t, ours)
	args := []string{"merge-driver", "O", "A", "B", mergePath}
	if strict {
		args = []string{"merge-driver", "--strict", "O", "A", "B", mergePath}
	}
	res, err := execWarroom(dir, map[string]string{"WARROOM_USER": "git"}, "", args...)
	if err != nil {
		t.Fatal(err)
	}
	return res, ours, before
}

// TestMergeDriverGolden merges each golden case's versions with the
// binary, without and with --strict: the result is the golden file, is
// model.Merge's incident (with the conflicts strict mode recorded), is
// the same with ours and theirs swapped, and holds what the case needs;
// a version that cannot be merged leaves ours byte for byte as it was,
// and says why.
func TestMergeDriverGolden(t *testing.T) {
	t.Parallel()
	for _, c := range mergeCases() {
		src := filepath.Join("testdata", "merge", c.name)
		if *update {
			if err := os.MkdirAll(src, 0o755); err != nil {
				t.Fatal(err)
			}
			buildMergeCase(t, c.name, src)
			locks, _ := filepath.Glob(filepath.Join(src, ".*.lock"))
			for _, l := range locks {
				_ = os.Remove(l)
			}
		}
		for _, strict := range []bool{false, true} {
			want, wantFile := c.exit, filepath.Join(src, "want.toml")
			if strict {
				want, wantFile = c.strictExit, filepath.Join(src, "want-strict.toml")
			}
			res, ours, before := runDriver(t, src, strict, false)
			if res.code != want {
				t.Errorf("%s, strict %v: exit %d, want %d:\n%s", c.name, strict, res.code, want, res)
				continue
			}
			if want == exitDriverFailed {
				before.unchanged(t, res)
				wantContains(t, c.name+": stderr", res.stderr, c.says, "nothing was merged: "+mergePath+" is left as it was on this branch")
				continue
			}
			got, err := os.ReadFile(ours)
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				writeFile(t, wantFile, got)
			}
			golden, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/warroom -run TestMergeDriverGolden -update to create it)", err)
			}
			if !bytes.Equal(got, golden) {
				t.Errorf("%s, strict %v: the merged file differs from %s:\n%s", c.name, strict, wantFile, got)
			}
			if want == 1 {
				wantContains(t, c.name+": stderr", res.stderr, c.says, "CONFLICT in "+mergePath)
			} else if res.stderr != "" || res.stdout != "" {
				t.Errorf("%s: a clean merge says nothing (git's merge-tree reads standard output):\n%s", c.name, res)
			}
			st, err := store.Load(ours)
			if err != nil {
				t.Fatalf("%s: the merged file does not load: %v", c.name, err)
			}
			c.check(t, st, strict)
			checkIsTheSyncsMerge(t, src, st)
			swapped, oursSwapped, _ := runDriver(t, src, strict, true)
			if data, _ := os.ReadFile(oursSwapped); swapped.code != want || !bytes.Equal(data, got) {
				t.Errorf("%s, strict %v: merging ours into theirs gives another file (exit %d)", c.name, strict, swapped.code)
			}
		}
	}
}

// checkIsTheSyncsMerge: the merged incident is model.Merge's of the two
// versions, but for the conflict entries strict mode adds.
func checkIsTheSyncsMerge(t *testing.T, src string, got model.State) {
	t.Helper()
	read := func(name string) model.State {
		data, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		if len(bytes.TrimSpace(data)) == 0 {
			return model.State{}
		}
		s, err := store.Decode(name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return s
	}
	want, _, err := model.Merge(read("ours.toml"), read("theirs.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var kept []model.Entry
	for _, e := range got.Timeline {
		if e.Kind != model.KindConflict {
			kept = append(kept, e)
		}
	}
	got.Timeline = kept
	if a, b := canonicalFile(t, got), canonicalFile(t, want); !bytes.Equal(a, b) {
		t.Errorf("%s: not the sync's merge of ours and theirs:\n--- driver:\n%s\n--- model.Merge:\n%s", src, a, b)
	}
}

// canonicalFile is an incident as a file holds it, read back and written
// again; an empty list and none are one.
func canonicalFile(t *testing.T, s model.State) []byte {
	t.Helper()
	nilIfEmpty(&s.People)
	nilIfEmpty(&s.Assignments)
	nilIfEmpty(&s.Tasks)
	nilIfEmpty(&s.Theories)
	nilIfEmpty(&s.FollowUps)
	nilIfEmpty(&s.Timeline)
	b, err := store.Encode(s)
	if err != nil {
		t.Fatal(err)
	}
	back, err := store.Decode("canonical", b)
	if err != nil {
		t.Fatal(err)
	}
	if b, err = store.Encode(back); err != nil {
		t.Fatal(err)
	}
	return b
}

func nilIfEmpty[T any](l *[]T) {
	if len(*l) == 0 {
		*l = nil
	}
}

// TestStrictConflictIsShownAndDecided: the file a strict merge leaves
// with a conflict is a valid incident: check fails and says how to
// decide, show says so, and keeping the title decides it.
func TestStrictConflictIsShownAndDecided(t *testing.T) {
	t.Parallel()
	src := filepath.Join("testdata", "merge", "title-on-both")
	r := newRunner(t)
	copyFile(t, filepath.Join(src, "want-strict.toml"), r.file())
	res := r.run("check")
	if res.code != 1 {
		t.Fatalf("check with a conflict: want exit 1:\n%s", res)
	}
	wantContains(t, "check", res.stdout, `MERGE CONFLICT on the title: kept "Primary database flapping", the other side wrote "Card payments failing after deploy 142"; choose with `+"`warroom title TEXT`")
	wantContains(t, "check", res.stderr, "merge conflicts left for people to decide: 1")
	wantContains(t, "show", r.ok("show"), "MERGE CONFLICT on the title")
	if es := r.run("check", "--lang", "es"); !strings.Contains(es.stdout, "CONFLICTO DE COMBINACIÓN en el título") {
		t.Errorf("check in Spanish:\n%s", es)
	}
	wantContains(t, "title", r.ok("title", "Primary database flapping"), "title: Primary database flapping")
	if res := r.run("check"); res.code != 0 || strings.Contains(res.stdout, "CONFLICT") {
		t.Errorf("after keeping the title:\n%s", res)
	}
	if out := r.ok("show"); strings.Contains(out, "MERGE CONFLICT") || !strings.Contains(out, "kept the title after a merge conflict: Primary database flapping") {
		t.Errorf("show after keeping the title:\n%s", out)
	}
	// Decided, the same title changes nothing again.
	wantContains(t, "title again", r.ok("title", "Primary database flapping"), "nothing changed")
}

// TestMergeDriverUsage: the driver takes three or four files; strict mode
// also comes from the environment. A mistake in how it is run is the
// driver failing (255), which git stops on, never 2, which git would read
// as a merge with conflicts.
func TestMergeDriverUsage(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	for _, args := range [][]string{{"merge-driver"}, {"merge-driver", "O", "A"}, {"merge-driver", "O", "A", "B", "P", "X"}, {"merge-driver", "--bogus", "O", "A", "B"}} {
		if res := r.run(args...); res.code != exitDriverFailed {
			t.Errorf("want exit 255:\n%s", res)
		}
	}
	src := filepath.Join("testdata", "merge", "title-on-both")
	dir := t.TempDir()
	for _, n := range []string{"base.toml", "ours.toml", "theirs.toml"} {
		copyFile(t, filepath.Join(src, n), filepath.Join(dir, n))
	}
	res, err := execWarroom(dir, map[string]string{strictEnv: "1"}, "", "merge-driver", "base.toml", "ours.toml", "theirs.toml")
	if err != nil {
		t.Fatal(err)
	}
	if res.code != 1 {
		t.Errorf("%s=1: want a conflict:\n%s", strictEnv, res)
	}
	if res, _ := execWarroom(dir, map[string]string{strictEnv: "maybe"}, "", "merge-driver", "base.toml", "ours.toml", "theirs.toml"); res.code != exitDriverFailed {
		t.Errorf("%s=maybe: want exit 255:\n%s", strictEnv, res)
	}
}

// TestMergeDriverReadsOnlyRegularFiles: the driver opens the versions as
// every reader of an incident does: a FIFO, a device or a file over the
// size limit is refused at once (exit 255, ours left as it was), never
// read without end or waited on.
func TestMergeDriverReadsOnlyRegularFiles(t *testing.T) {
	t.Parallel()
	src := filepath.Join("testdata", "merge", "title-on-both")
	dir := t.TempDir()
	for _, n := range []string{"base.toml", "ours.toml", "theirs.toml"} {
		copyFile(t, filepath.Join(src, n), filepath.Join(dir, n))
	}
	fifo := filepath.Join(dir, "fifo.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, 270<<20); err != nil { // sparse: no room on the disk
		t.Fatal(err)
	}
	ours := filepath.Join(dir, "ours.toml")
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"base.toml", "ours.toml", "/dev/zero"}, "/dev/zero is a device"},
		{[]string{"base.toml", "ours.toml", fifo}, "fifo.toml is a FIFO"},
		{[]string{"--strict", fifo, "ours.toml", "theirs.toml"}, "fifo.toml is a FIFO"},
		{[]string{"base.toml", "ours.toml", big}, "270.0 MiB, more than the 256.0 MiB warroom reads"},
		{[]string{"base.toml", fifo, "theirs.toml"}, "fifo.toml is a FIFO"},
	} {
		before := takeSnapshot(t, ours)
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		cmd := exec.CommandContext(ctx, binPath, append([]string{"merge-driver"}, c.args...)...)
		cmd.Dir = dir
		cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + dir, "WARROOM_USER=alice"}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		hung := ctx.Err() != nil
		cancel()
		if hung {
			t.Fatalf("%v: the driver hangs", c.args)
		}
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitDriverFailed || !strings.Contains(stderr.String(), c.says) {
			t.Errorf("%v: %v, want exit 255 saying %q:\n%s", c.args, err, c.says, stderr.String())
		}
		before.unchanged(t, result{args: c.args, stderr: stderr.String()})
	}
}
