package main

import (
	"strings"
	"testing"
)

// These tests drive the real binary through what a team could not do, or
// saw wrong, during a full incident drill (issue 11).

// refused runs a command that must fail with code, leave the file as it
// was, and say want on standard error.
func (r *runner) refused(code int, want string, args ...string) {
	r.t.Helper()
	before := r.snapshot()
	res := r.run(args...)
	if res.code != code || !strings.Contains(res.stderr, want) {
		r.t.Errorf("want exit %d and %q on standard error, got:\n%s", code, want, res)
	}
	before.unchanged(r.t, res)
}

// unchanged runs a command that must change nothing, exit 0 and say so.
func (r *runner) unchanged(want string, args ...string) {
	r.t.Helper()
	before := r.snapshot()
	res := r.run(args...)
	if res.code != 0 || !strings.HasPrefix(res.stdout, "nothing changed: ") || !strings.Contains(res.stdout, want) {
		r.t.Errorf("want exit 0 and \"nothing changed: …%s\", got:\n%s", want, res)
	}
	before.unchanged(r.t, res)
}

// TestLastEntryIgnoresBackdating (item 1): after `log "-2h first alert"`
// the review's last entry is still the latest one in time, and the
// impact's start is not moved.
func TestLastEntryIgnoresBackdating(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("log", "error rate 38%")
	r.ok("log", "-2h first alert")
	out := r.ok("export")
	// The time of a row of the review's timeline: its first cell.
	when := func(text string) string {
		cells := strings.Split(lineOf(out, "| ", text), " | ")
		return strings.TrimPrefix(cells[0], "| ")
	}
	latest, backdated := when("error rate 38%"), when("first alert (backdated)")
	if latest == backdated {
		t.Fatalf("the backdated entry is not two hours earlier:\n%s", out)
	}
	if got := lineOf(out, "| Last entry |"); got != "| Last entry | "+latest+" |" {
		t.Errorf("%s, want the latest entry's time %s, not the backdated one's %s", got, latest, backdated)
	}
	// Nor is a backdated note the start of the impact (issue 20): only a
	// milestone marked is.
	wantNotContains(t, "export", out, "| Impact started | "+backdated)
	wantContains(t, "export", out, " (inferred from the declaration) |")
}

// lineOf is the line of s that starts with prefix and holds each of has.
func lineOf(s, prefix string, has ...string) string {
	for _, l := range strings.Split(s, "\n") {
		ok := strings.HasPrefix(l, prefix)
		for _, h := range has {
			ok = ok && strings.Contains(l, h)
		}
		if ok {
			return l
		}
	}
	return ""
}

// TestTitleAndSummary (item 18): title and summary change after the
// declaration, on the command line, recorded in the timeline; the review
// shows the summary with its lines.
func TestTitleAndSummary(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	wantContains(t, "export", r.ok("export"), "No summary written yet.")

	out := r.ok("title", "Card", "payments", "failing", "after", "deploy", "142")
	wantContains(t, "title", out, "title: Card payments failing after deploy 142\n")
	res := r.runStdin("Card payments fail at checkout since deploy 142.\nRolled back at 14:20.\n", "summary", "-")
	if res.code != 0 || res.stdout != "summary written\n" {
		t.Fatalf("summary -:\n%s", res)
	}
	d := r.export()
	if d.Incident.Title != "Card payments failing after deploy 142" || d.Incident.Summary != "Card payments fail at checkout since deploy 142.\nRolled back at 14:20." {
		t.Errorf("incident %+v", d.Incident)
	}
	title := d.Timeline[len(d.Timeline)-2]
	summary := d.Timeline[len(d.Timeline)-1]
	if title.Kind != "title" || title.From != "Checkout API returning 500s" || title.Text != d.Incident.Title || title.By != "alice" {
		t.Errorf("title entry %+v", title)
	}
	if summary.Kind != "summary" || summary.Text != d.Incident.Summary {
		t.Errorf("summary entry %+v", summary)
	}
	review := r.ok("export")
	wantContains(t, "export", review, "# "+d.Incident.ID+": Card payments failing after deploy 142\n",
		"## Summary\n\nCard payments fail at checkout since deploy 142.\\\nRolled back at 14:20.\n",
		"| renamed the incident: Card payments failing after deploy 142 (was Checkout API returning 500s) |")
	wantNotContains(t, "export", review, "No summary written yet.", "↵")
	wantContains(t, "show", r.ok("show"), "Card payments failing after deploy 142")

	r.unchanged(`the title is already "Card payments failing after deploy 142"`, "title", "Card payments failing after deploy 142")
	r.unchanged("the summary already says that", "summary", "Card payments fail at checkout since deploy 142.\nRolled back at 14:20.")
	r.refused(2, "title: must not be empty", "title", " ")
	r.refused(2, "needs TEXT", "title")
	r.refused(2, "title: 201 characters, at most 200 allowed", "title", strings.Repeat("x", 201))
	r.refused(2, "needs TEXT", "summary")
	r.refused(2, "give a summary or --clear, not both", "summary", "--clear", "text")
	r.refused(2, "summary: not valid UTF-8", "summary", "bad \xff")

	if out := r.ok("summary", "--clear"); out != "summary cleared\n" {
		t.Errorf("summary --clear printed %q", out)
	}
	r.unchanged("there is no summary to clear", "summary", "--clear")
	if last := r.lastEntry(); last.Kind != "summary" || last.Text != "" {
		t.Errorf("clearing: %+v", last)
	}
	if out := r.ok("title", "Pagos con tarjeta", "--lang", "es"); out != "título: Pagos con tarjeta\n" {
		t.Errorf("in Spanish: %q", out)
	}
	wantContains(t, "help", r.ok("--help"), "title ", "summary ", "Change the incident's title", "Write or rewrite the incident's summary")
}

// TestReleaseSplitAndClose (item 19): a role goes back to the incident
// manager; a role splits into workstreams; a workstream closes, its open
// tasks back to the role, on the command line.
func TestReleaseSplitAndClose(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	help := r.ok("handoff", "--help")
	wantContains(t, "handoff --help", help, "To split a role into workstreams", "--workstream", "warroom close ROLE/WORKSTREAM", "warroom release ROLE")
	wantContains(t, "--help", r.ok("--help"), "release ", "close ", "Give a role back to the incident manager", "Close a workstream of a split role")

	r.ok("handoff", "scribe", "frank")
	if out := r.ok("release", "scribe"); out != "Scribe: frank → the incident manager (alice)\n" {
		t.Errorf("release printed %q", out)
	}
	if holder, def := r.export().role(t, "scribe", ""); holder != "alice" || !def {
		t.Errorf("scribe after release: %q default %v", holder, def)
	}
	if last := r.lastEntry(); last.Kind != "handoff" || last.From != "frank" || last.To != "" {
		t.Errorf("release entry %+v", last)
	}
	r.unchanged("Scribe is already with the incident manager", "release", "scribe")
	r.refused(1, "the incident manager role cannot go back to itself", "release", "ic")
	r.refused(2, "needs ROLE", "release")
	r.refused(2, `unknown role "nope"`, "release", "nope")

	r.ok("handoff", "tl", "bob", "--workstream", "database")
	r.ok("handoff", "tl/network", "dave")
	r.ok("task", "add", "Roll back deploy 142", "--role", "tl/database")
	r.ok("task", "add", "Check replicas", "--role", "tl/database", "--owner", "bob")
	r.ok("task", "add", "Trace the load balancer", "--role", "tl/network")
	tasks := r.export().Tasks
	r.ok("task", "done", tasks[1].ID)
	r.ok("handoff", "tl/database", "bob", "--note", "again") // already held: nothing changed
	if got := r.completions("close", ""); strings.Join(got, " ") != "tech_lead/database tech_lead/network" {
		t.Errorf("close completes %v", got)
	}
	if got := r.completions("release", ""); strings.Join(got, " ") != "tech_lead/database tech_lead/network" {
		t.Errorf("release completes %v", got)
	}

	out := r.ok("close", "tl/database", "--note", "primary healthy for an hour")
	if want := "closed Tech lead · database\n1 open task goes back to Tech lead, held by alice:\n  " + tasks[0].ID + "  Roll back deploy 142\n"; out != want {
		t.Errorf("close printed:\n%s\nwant:\n%s", out, want)
	}
	d := r.export()
	if tk := d.Tasks[0]; tk.Role != "tech_lead" || tk.Workstream != "" || tk.State != "open" {
		t.Errorf("open task after the close: %+v", tk)
	}
	if tk := d.Tasks[1]; tk.Workstream != "database" || tk.State != "done" {
		t.Errorf("done task after the close: %+v", tk)
	}
	var closed entry
	for _, e := range d.Timeline {
		if e.Kind == "workstream_closed" {
			closed = e
		}
	}
	if closed.Role != "tech_lead" || closed.Workstream != "database" || closed.From != "bob" || closed.Text != "primary healthy for an hour" {
		t.Errorf("close entry %+v", closed)
	}
	for _, ro := range d.Roles {
		if ro.Workstream == "database" {
			t.Errorf("the closed workstream is still a role: %+v", ro)
		}
	}
	if holder, def := d.role(t, "tech_lead", ""); holder != "alice" || !def {
		t.Errorf("the role itself: %q default %v", holder, def)
	}
	wantContains(t, "export", r.ok("export"), "| Tech lead · database | bob |", "(workstream closed) |",
		"| closed the workstream Tech lead · database (held by bob): primary healthy for an hour |")
	if got := r.completions("close", ""); strings.Join(got, " ") != "tech_lead/network" {
		t.Errorf("close completes %v after the close", got)
	}

	r.unchanged("Tech lead · database is already closed", "close", "tl/database")
	r.refused(1, "Tech lead · database was closed; give the task to Tech lead", "task", "add", "x", "--role", "tl/database")
	r.refused(1, "Tech lead · database was closed; hand it to someone to open it again", "release", "tl/database")
	r.refused(2, "no workstream given; valid: tech_lead/network; only a workstream closes, not a whole role; the incident closes with `warroom status closed`", "close", "tl")
	r.refused(2, "needs ROLE/WORKSTREAM; to close the incident: warroom status closed", "close")
	r.refused(2, `unknown workstream "tech_lead/nope"; valid: tech_lead/network`, "close", "tl/nope")
	r.refused(2, "there is one incident manager", "close", "ic/x")
	r.refused(2, "give the workstream once", "close", "tl/network", "--workstream", "network")
	r.refused(2, "takes ROLE/WORKSTREAM, but got 2 arguments", "close", "tl/network", "extra")

	// Handing it to someone opens it again.
	r.ok("handoff", "tl/database", "carol")
	if holder, def := r.export().role(t, "tech_lead", "database"); holder != "carol" || def {
		t.Errorf("reopened: %q default %v", holder, def)
	}
	if out := r.ok("close", "tl", "--workstream", "database", "--lang", "es"); out != "cerrada: Responsable técnico · database\n" {
		t.Errorf("in Spanish: %q", out)
	}
}
