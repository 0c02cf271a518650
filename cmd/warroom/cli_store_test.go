package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/warroom/warroom/model/store"
)

// TestDemoWritesLargeIncident: demo --entries --tasks --file writes an
// incident of that size, refuses to write over a file, and other commands
// work on it.
func TestDemoWritesLargeIncident(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	big := filepath.Join(r.dir, "big.toml")
	out := r.ok("demo", "--entries", "3000", "--tasks", "120", "--file", big)
	wantContains(t, "demo", out, "3000 entries and 120 tasks", "big.toml")
	s, err := store.Load(big)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Timeline) < 3000 || len(s.Tasks) != 120 {
		t.Errorf("%d entries and %d tasks", len(s.Timeline), len(s.Tasks))
	}
	before := takeSnapshot(t, big)
	res := r.run("demo", "--entries", "200", "--file", big)
	if res.code != 1 || !strings.Contains(res.stderr, "already exists") {
		t.Errorf("demo over an existing file: %s", res)
	}
	before.unchanged(t, res)
	r.ok("--file", big, "log", "one more on a big incident")
	if res := r.run("demo", "--entries", "10", "--tasks", "11", "--file", filepath.Join(r.dir, "x.toml")); res.code != 2 {
		t.Errorf("more tasks than entries: %s", res)
	}
}

// TestLogAppends: a log on an incident appends to its file, leaving what
// was there byte for byte, whatever the command; a task change on a large
// incident appends too.
func TestLogAppends(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	big := filepath.Join(r.dir, "big.toml")
	r.ok("demo", "--entries", "2000", "--tasks", "50", "--file", big)
	r.env["WARROOM_FILE"] = big
	for _, args := range [][]string{
		{"log", "appended, not rewritten"},
		{"task", "add", "a task on a big incident"},
		{"status", "resolved", "--force", "--reason", "a drill"},
		{"customers", "+3"},
		{"update", "--audience", "internal", "still on it"},
		{"can", "--conditions", "c", "--actions", "a", "--needs", "n"},
	} {
		before, err := os.ReadFile(big)
		if err != nil {
			t.Fatal(err)
		}
		info, _ := os.Stat(big)
		r.ok(args...)
		after, err := os.ReadFile(big)
		if err != nil {
			t.Fatal(err)
		}
		now, _ := os.Stat(big)
		if !bytes.HasPrefix(after, before) || !os.SameFile(info, now) {
			t.Errorf("%q rewrote the file instead of appending to it", args)
		}
	}
	out := r.ok("customers", "+2", "--channel", "calls")
	wantContains(t, "customers", out, "calls")
	s, err := store.Load(big)
	if err != nil {
		t.Fatal(err)
	}
	if s.Incident.Status != "resolved" || s.Timeline[len(s.Timeline)-1].Kind != "customers" {
		t.Errorf("status %s, last entry %s", s.Incident.Status, s.Timeline[len(s.Timeline)-1].Kind)
	}
}

// TestCutShortFileRefused: a file cut short where it still parses is not
// written over; the error says how to accept a deliberate edit, and check
// --accept does.
func TestCutShortFileRefused(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("task", "add", "one")
	r.ok("log", "two")
	data, err := os.ReadFile(r.file())
	if err != nil {
		t.Fatal(err)
	}
	// Cut just before the sum line that closes the checkpoint.
	cut := data[:bytes.Index(data, []byte("\nsum = \""))+1]
	if err := os.WriteFile(r.file(), cut, 0o644); err != nil {
		t.Fatal(err)
	}
	before := r.snapshot()
	res := r.run("log", "three")
	if res.code != 1 {
		t.Fatalf("want exit 1: %s", res)
	}
	wantContains(t, "stderr", res.stderr, "cut short", "warroom check --accept")
	before.unchanged(t, res)
	res = r.run("check")
	if res.code != 1 || !strings.Contains(res.stderr, "cut short") {
		t.Errorf("check: %s", res)
	}
	res = r.run("--lang", "es", "log", "tres")
	wantContains(t, "stderr in Spanish", res.stderr, "está cortado", "warroom check --accept")
	wantContains(t, "check --accept", r.ok("check", "--accept"), "accepted")
	r.ok("log", "three")
	wantContains(t, "check", r.ok("check"), "whole")
}

// TestTornAppendMovedAside: what a crash left of an append is moved to
// NAME.torn by the next command, which says so.
func TestTornAppendMovedAside(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("log", "before the crash")
	f, err := os.OpenFile(r.file(), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("\n[[timeline]]\nid = \"e1\"\nat = 2026-11-25T14:00:00Z\nby = \"alice\"\nkind = \"note\"\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	wantContains(t, "check", r.ok("check"), "were not written whole", "incident.toml.torn")
	wantNotContains(t, "show", r.ok("show"), "e1")
	res := r.run("log", "after the crash")
	if res.code != 0 || !strings.Contains(res.stderr, "incident.toml.torn") {
		t.Fatalf("want exit 0 and a warning naming the .torn file: %s", res)
	}
	kept, err := os.ReadFile(store.TornPath(r.file()))
	if err != nil || !strings.Contains(string(kept), `id = "e1"`) {
		t.Errorf("torn file: %q, %v", kept, err)
	}
	wantContains(t, "check", r.ok("check"), "whole")
}

// TestTornTailThenChangeInPlace: after a crash cut the last append of a
// small incident in the middle, sev, status and title (changes in place,
// which write a small file whole) move the cut bytes to NAME.torn, say
// so, and write the change, as log does.
func TestTornTailThenChangeInPlace(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"sev", "2"}, {"status", "identified"}, {"title", "Checkout API down in EU"}} {
		t.Run(args[0], func(t *testing.T) {
			t.Parallel()
			r := newRunner(t)
			r.declare()
			r.ok("log", "one")
			before, err := os.ReadFile(r.file())
			if err != nil {
				t.Fatal(err)
			}
			r.ok("log", "two, cut short by a crash")
			data, err := os.ReadFile(r.file())
			if err != nil {
				t.Fatal(err)
			}
			cut := data[:len(before)+(len(data)-len(before))/2]
			if err := os.WriteFile(r.file(), cut, 0o644); err != nil {
				t.Fatal(err)
			}
			res := r.run(args...)
			if res.code != 0 || strings.Contains(res.stderr, "panic") || !strings.Contains(res.stderr, "incident.toml.torn") {
				t.Fatalf("want exit 0 and a warning naming the .torn file:\n%s", res)
			}
			kept, err := os.ReadFile(store.TornPath(r.file()))
			if err != nil || !bytes.Contains(kept, cut[len(before):]) {
				t.Errorf("torn file: %q, %v", kept, err)
			}
			wantContains(t, "check", r.ok("check"), "whole")
		})
	}
}

// TestCommentsAreNotKept: warroom keeps no comments in the file. check
// says so, of a comment at the end and of one elsewhere; the next change
// moves a comment at the end to NAME.torn, says so, and appends.
func TestCommentsAreNotKept(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("log", "one")
	data, err := os.ReadFile(r.file())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(r.file(), append(bytes.Clone(data), "# ask the DB team about the pool\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	wantContains(t, "check", r.ok("check"), "ends with comments, which warroom does not keep in the file", "incident.toml.torn")
	res := r.run("log", "after the comment")
	if res.code != 0 || !strings.Contains(res.stderr, "comments added by hand") || !strings.Contains(res.stderr, "incident.toml.torn") {
		t.Fatalf("want exit 0 and a warning naming the .torn file:\n%s", res)
	}
	if kept, err := os.ReadFile(store.TornPath(r.file())); err != nil || !strings.Contains(string(kept), "ask the DB team about the pool") {
		t.Errorf("torn file: %q, %v", kept, err)
	}
	if after, _ := os.ReadFile(r.file()); !bytes.HasPrefix(after, data) {
		t.Error("the change was not appended after the last whole change")
	}

	data, _ = os.ReadFile(r.file())
	edited := bytes.Replace(data, []byte("\n[incident]\n"), []byte("\n# the pager fired at 02:10\n[incident]\n"), 1)
	if err := os.WriteFile(r.file(), edited, 0o644); err != nil {
		t.Fatal(err)
	}
	line := bytes.Count(edited[:bytes.Index(edited, []byte("# the pager"))], []byte("\n")) + 1
	wantContains(t, "check", r.ok("check"), "changed by hand", fmt.Sprintf("line %d holds a comment: warroom does not keep comments", line))
	wantContains(t, "check in Spanish", r.ok("--lang", "es", "check"), "no guarda comentarios")
}

// TestWritersRefuseWhatCheckRefuses: a byte of the checkpoint's timeline
// damaged, or an entry copied by hand so that two share one id: check
// refuses the file, and so does every command that would write to it,
// leaving it as it was.
func TestWritersRefuseWhatCheckRefuses(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("log", "the first note")
	r.ok("log", "the second note")
	r.ok("sev", "2") // a small file: written whole, its entries in the checkpoint
	data, err := os.ReadFile(r.file())
	if err != nil {
		t.Fatal(err)
	}
	first := bytes.Index(data, []byte("\n[[timeline]]\n")) + 1
	second := first + bytes.Index(data[first:], []byte("\n[[timeline]]\n")) + 1
	bad := bytes.Clone(data)
	bad[bytes.Index(bad, []byte("the first note"))+4] = 0xff
	copied := slices.Concat(data[:second], data[first:second], data[second:])
	for name, file := range map[string][]byte{"a damaged byte": bad, "one id for two entries": copied} {
		if err := os.WriteFile(r.file(), file, 0o644); err != nil {
			t.Fatal(err)
		}
		if res := r.run("check"); res.code != 1 {
			t.Fatalf("%s: check does not refuse the file:\n%s", name, res)
		}
		for _, args := range [][]string{{"log", "x"}, {"task", "add", "x"}, {"status", "identified"}} {
			before := r.snapshot()
			res := r.run(args...)
			if res.code != 1 {
				t.Errorf("%s: %v: want exit 1:\n%s", name, args, res)
			}
			before.unchanged(t, res)
		}
	}
}
