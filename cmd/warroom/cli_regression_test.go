package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The tests in this file guard against bugs that were found and fixed.

// An unknown verb, or a typo in a task sub-verb, is an error: it must not
// print the help and exit 0 as if the command had worked.
func TestUnknownCommandExits2(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	for _, args := range [][]string{{"shwo"}, {"task", "strat"}} {
		before := r.snapshot()
		res := r.run(args...)
		if res.code != 2 {
			t.Errorf("want exit 2, got:\n%s", res)
		}
		wantContains(t, "stderr", res.stderr, `unknown command "`+args[len(args)-1]+`"`)
		before.unchanged(t, res)
	}
}

// Shell completion shows stored task titles and people's names as
// candidates and descriptions: their control characters must not reach
// the terminal.
func TestCompletionIsTerminalSafe(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("task", "add", "title "+hostile)
	r.ok("handoff", "tl", "bob "+hostileName)
	for _, args := range [][]string{{"__complete", "task", "start", ""}, {"__complete", "handoff", "sme", ""}} {
		res := r.run(args...)
		if res.code != 0 {
			t.Fatalf("want exit 0:\n%s", res)
		}
		wantTerminalSafe(t, "completion of "+strings.Join(args, " "), res.stdout)
	}
}

// export -o echoes the output path made safe, like declare.
func TestExportEchoesPathSafely(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	res := r.run("export", "-o", filepath.Join(r.dir, "out"+hostileName+".md"))
	if res.code != 0 {
		t.Fatalf("want exit 0:\n%s", res)
	}
	wantTerminalSafe(t, "export -o stderr", res.stderr)
}
