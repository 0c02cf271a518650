package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/warroom/warroom/model/store"
)

// TestTimeFarAheadIsRefused: a hand-edited time far in the future is
// refused with its field named, and the file is left as it was, instead
// of reports saying "time to acknowledge 106751d".
func TestTimeFarAheadIsRefused(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	data, err := os.ReadFile(r.file())
	if err != nil {
		t.Fatal(err)
	}
	edited := regexp.MustCompile(`(?m)^declared = .*$`).ReplaceAll(data, []byte("declared = 9999-12-31T00:00:00Z"))
	if err := os.WriteFile(r.file(), edited, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"show"}, {"log", "x"}, {"export"}} {
		before := r.snapshot()
		res := r.run(args...)
		if res.code != 1 {
			t.Errorf("%v: want exit 1:\n%s", args, res)
		}
		wantContains(t, "stderr", res.stderr, "[incident] declared", "9999-12-31", "ahead of this machine's clock")
		before.unchanged(t, res)
	}
	res := r.run("--lang", "es", "show")
	wantContains(t, "Spanish", res.stderr, "por delante del reloj")
}

// TestTimeFarAheadInLastChangeIsRefused: a time far ahead typed by hand
// in the last change appended is refused as it is anywhere else, and the
// change is not moved to NAME.torn: the status it set stays.
func TestTimeFarAheadInLastChangeIsRefused(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	// Large enough that a change of status is appended.
	r.ok("demo", "--entries", "1500", "--tasks", "10", "--file", r.file())
	r.ok("status", "identified")
	data, err := os.ReadFile(r.file())
	if err != nil {
		t.Fatal(err)
	}
	last := bytes.LastIndex(data, []byte("\n[[timeline]]\n"))
	at := regexp.MustCompile(`(?m)^at = .*$`)
	edited := append(append([]byte(nil), data[:last]...), at.ReplaceAll(data[last:], []byte("at = 2099-01-01T00:00:00Z"))...)
	if err := os.WriteFile(r.file(), edited, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"show"}, {"log", "x"}, {"check"}} {
		before := r.snapshot()
		res := r.run(args...)
		if res.code != 1 {
			t.Errorf("%v: want exit 1:\n%s", args, res)
		}
		wantContains(t, "stderr", res.stderr, "[[timeline]]", "2099-01-01", "ahead of this machine's clock")
		before.unchanged(t, res)
	}
	if _, err := os.Stat(store.TornPath(r.file())); err == nil {
		t.Error("the last change was moved to NAME.torn")
	}
	if !bytes.HasSuffix(edited, data[len(data)-len(`sum = "1a2b3c4d"`)-1:]) || !strings.Contains(string(edited[last:]), `to = "identified"`) {
		t.Fatal("the test did not edit the change of status appended last")
	}
}
