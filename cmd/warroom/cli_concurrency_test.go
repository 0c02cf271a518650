package main

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestConcurrentLogProcesses runs 4 writers, each starting 50 `warroom log`
// processes one after another, on one file: every entry must land exactly
// once.
func TestConcurrentLogProcesses(t *testing.T) {
	t.Parallel()
	const writers, perWriter = 4, 50
	r := newRunner(t)
	r.declare()
	before := len(r.export().Timeline)

	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		failures []string
	)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			env := map[string]string{"WARROOM_FILE": r.file(), "WARROOM_USER": fmt.Sprintf("writer-%d", w)}
			for i := range perWriter {
				res, err := execWarroom(r.dir, env, "", "log", fmt.Sprintf("writer %d entry %d", w, i))
				if err == nil && res.code == 0 && strings.HasPrefix(res.stdout, "logged note e") {
					continue
				}
				mu.Lock()
				failures = append(failures, fmt.Sprintf("writer %d entry %d: %v %v", w, i, err, res))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	for _, f := range failures {
		t.Error(f)
	}

	d := r.export()
	if got := len(d.Timeline) - before; got != writers*perWriter {
		t.Errorf("%d new timeline entries, want %d", got, writers*perWriter)
	}
	seen := map[string]int{}
	ids := map[string]bool{}
	for _, e := range d.Timeline {
		seen[e.Text]++
		if ids[e.ID] {
			t.Errorf("entry id %s appears twice", e.ID)
		}
		ids[e.ID] = true
	}
	for w := range writers {
		for i := range perWriter {
			text := fmt.Sprintf("writer %d entry %d", w, i)
			if seen[text] != 1 {
				t.Errorf("entry %q appears %d times, want once", text, seen[text])
			}
		}
		// Each writer's entries are in the order it wrote them.
		last := -1
		for n, e := range d.Timeline {
			if e.By != fmt.Sprintf("writer-%d", w) {
				continue
			}
			var ew, ei int
			if _, err := fmt.Sscanf(e.Text, "writer %d entry %d", &ew, &ei); err != nil || ew != w {
				t.Errorf("entry %d by writer-%d has text %q", n, w, e.Text)
				continue
			}
			if ei <= last {
				t.Errorf("writer %d: entry %d comes after entry %d", w, ei, last)
			}
			last = ei
		}
	}
}

// TestConcurrentDeclare starts several declare processes on one new file
// at once: exactly one wins, the others are refused and the file holds the
// winner's incident.
func TestConcurrentDeclare(t *testing.T) {
	t.Parallel()
	const n = 8
	r := newRunner(t)
	results := make([]result, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = execWarroom(r.dir, r.env, "", "declare", fmt.Sprintf("incident %d", i))
		}()
	}
	wg.Wait()
	winner := -1
	for i, res := range results {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		switch res.code {
		case 0:
			if winner >= 0 {
				t.Errorf("both declare %d and %d succeeded", winner, i)
			}
			winner = i
		case 1:
			wantContains(t, "stderr", res.stderr, "already declared")
		default:
			t.Errorf("unexpected result:\n%s", res)
		}
	}
	if winner < 0 {
		t.Fatal("no declare succeeded")
	}
	d := r.export()
	if want := fmt.Sprintf("incident %d", winner); d.Incident.Title != want || len(d.Timeline) != 1 {
		t.Errorf("file holds %q with %d entries, want %q with 1", d.Incident.Title, len(d.Timeline), want)
	}
}
