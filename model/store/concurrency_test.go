package store_test

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/warroom/warroom/model/store"
)

// TestConcurrentProcesses runs four real processes appending 50 entries
// each to one file, while this process keeps reading it. No append may be
// lost or doubled, and every read must see a whole file.
func TestConcurrentProcesses(t *testing.T) {
	const procs, each = 4, 50
	initial := smallState(t)
	path := writeState(t, initial)

	type result struct {
		actor  string
		err    error
		stderr string
	}
	results := make(chan result, procs)
	for p := range procs {
		actor := fmt.Sprintf("proc-%d", p)
		cmd := helperCommand("append", "WARROOM_STORE_FILE="+path, "WARROOM_STORE_ACTOR="+actor,
			fmt.Sprintf("WARROOM_STORE_COUNT=%d", each))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		go func(cmd *exec.Cmd) {
			err := cmd.Wait()
			results <- result{actor, err, stderr.String()}
		}(cmd)
	}

	// Read while they write: Load takes no lock and must never see a
	// partial file, and the timeline only grows.
	reads, last := 0, len(initial.Timeline)
	for finished := 0; finished < procs; {
		select {
		case r := <-results:
			finished++
			if r.err != nil {
				t.Errorf("helper %s: %v\n%s", r.actor, r.err, r.stderr)
			}
		default:
			s, err := store.Load(path)
			if err != nil {
				t.Fatalf("Load during concurrent writes (read %d): %v", reads, err)
			}
			if len(s.Timeline) < last {
				t.Fatalf("timeline shrank from %d to %d entries between reads", last, len(s.Timeline))
			}
			last = len(s.Timeline)
			reads++
		}
	}
	t.Logf("%d reads during the writes", reads)

	s, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(s.Timeline), len(initial.Timeline)+procs*each; got != want {
		t.Errorf("%d timeline entries, want %d: appends were lost or doubled", got, want)
	}
	for i, e := range initial.Timeline {
		if s.Timeline[i].ID != e.ID {
			t.Errorf("entry %d is %s, want the original %s", i, s.Timeline[i].ID, e.ID)
		}
	}
	ids := map[string]bool{}
	next := map[string]int{} // actor → next expected sequence number
	for _, e := range s.Timeline[len(initial.Timeline):] {
		if ids[e.ID] {
			t.Errorf("id %s used twice", e.ID)
		}
		ids[e.ID] = true
		if want := fmt.Sprintf("%s #%d", e.By, next[e.By]); e.Text != want {
			t.Errorf("entry %s by %s has text %q, want %q (each process's entries in order)", e.ID, e.By, e.Text, want)
		}
		next[e.By]++
	}
	for p := range procs {
		actor := fmt.Sprintf("proc-%d", p)
		if next[actor] != each {
			t.Errorf("%s has %d entries, want %d", actor, next[actor], each)
		}
		n := 0
		for _, person := range s.People {
			if person.Name == actor {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s is %d times in [[people]], want once", actor, n)
		}
	}
	if tmp := tempFiles(t, path); len(tmp) > 0 {
		t.Errorf("temp files left: %v", tmp)
	}
	if !strings.HasSuffix(s.Timeline[len(s.Timeline)-1].Text, fmt.Sprintf("#%d", each-1)) {
		t.Errorf("last entry %q is not some process's last append", s.Timeline[len(s.Timeline)-1].Text)
	}
}
