package main

import (
	"slices"
	"strings"
	"testing"
)

// completions are the candidates (without descriptions) that shell
// completion offers for args.
func (r *runner) completions(args ...string) []string {
	r.t.Helper()
	res := r.run(append([]string{"__complete"}, args...)...)
	if res.code != 0 {
		r.t.Fatalf("want exit 0:\n%s", res)
	}
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(res.stdout), "\n") {
		if strings.HasPrefix(line, ":") {
			break // the directive
		}
		word, _, _ := strings.Cut(line, "\t")
		out = append(out, word)
	}
	slices.Sort(out)
	return out
}

// sorted returns the words sorted, to compare with completions.
func sorted(words ...string) []string {
	slices.Sort(words)
	return words
}

// TestCompletionOffersOnlyWhatApplies (issue 11, item 28): each verb's
// completion offers only the ids, people and values it would change.
func TestCompletionOffersOnlyWhatApplies(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("handoff", "tl", "bob")
	r.ok("task", "add", "sme task", "--owner", "dave")
	for _, title := range []string{"open", "started", "done", "cancelled"} {
		r.ok("task", "add", title)
	}
	tasks := r.export().Tasks
	open, started, done, cancelled := tasks[1].ID, tasks[2].ID, tasks[3].ID, tasks[4].ID
	r.ok("task", "start", started)
	r.ok("task", "done", done)
	r.ok("task", "cancel", cancelled)
	undecided := theoryID(t, r.ok("theory", "add", "pool exhausted"))
	confirmed := theoryID(t, r.ok("theory", "add", "bad deploy"))
	ruledOut := theoryID(t, r.ok("theory", "add", "DNS"))
	r.ok("theory", "confirm", confirmed)
	r.ok("theory", "rule-out", ruledOut)
	fuOpen := followupID(t, r.ok("followup", "add", "alert on pool"))
	fuDone := followupID(t, r.ok("followup", "add", "load test"))
	r.ok("followup", "done", fuDone)
	r.ok("sev", "2")
	r.ok("status", "identified")
	sme := tasks[0].ID

	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"task", "start", ""}, sorted(sme, open)},
		{[]string{"task", "done", ""}, sorted(sme, open, started)},
		{[]string{"task", "cancel", ""}, sorted(sme, open, started)},
		{[]string{"task", "reopen", ""}, sorted(started, done, cancelled)},
		{[]string{"task", "assign", ""}, sorted(sme, open, started)},
		{[]string{"theory", "confirm", ""}, []string{undecided}},
		{[]string{"theory", "rule-out", ""}, []string{undecided}},
		{[]string{"theory", "reopen", ""}, sorted(confirmed, ruledOut)},
		{[]string{"followup", "done", ""}, []string{fuOpen}},
		{[]string{"followup", "set", ""}, []string{fuOpen}},
		{[]string{"followup", "reopen", ""}, []string{fuDone}},
		{[]string{"sev", ""}, sorted("1", "3", "unset")},
		{[]string{"status", ""}, sorted("investigating", "monitoring", "resolved", "closed")},
		{[]string{"handoff", "tl", ""}, sorted("alice", "dave")},
		{[]string{"handoff", "ic", ""}, sorted("bob", "dave")},
		{[]string{"handoff", "scribe", ""}, sorted("alice", "bob", "dave")},
		{[]string{"task", "start", open, ""}, nil},
	} {
		if got := r.completions(c.args...); !slices.Equal(got, c.want) {
			t.Errorf("completion of %q: %q, want %q", c.args, got, c.want)
		}
	}
}
