package report

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var t0 = time.Date(2026, 11, 25, 14, 0, 0, 0, time.UTC)

// sample builds a small incident with every kind of change, one minute
// apart, with fixed ids.
func sample(t *testing.T) model.State {
	t.Helper()
	c := model.DefaultCatalog()
	ids := &model.SeqIDs{}
	now := t0
	var s model.State
	do := func(actor string, op model.Op) {
		t.Helper()
		next, _, err := s.Apply(c, op, model.Env{Now: now, Actor: actor, Replica: "r1", IDs: ids})
		if err != nil {
			t.Fatalf("%T: %v", op, err)
		}
		s, now = next, now.Add(time.Minute)
	}
	tl := func(ws string) model.RoleRef { return model.RoleRef{Role: "tech_lead", Workstream: ws} }
	do("alice", model.Declare{Title: "Checkout API returning 500s", Severity: model.Sev1, Commander: "alice",
		Summary: "Card payments fail for all customers since the 13:52 deploy."})
	do("alice", model.Handoff{Role: tl("database"), To: "bob", Note: "primary is flapping"})
	do("alice", model.Handoff{Role: tl("network"), To: "dave"})
	do("alice", model.Handoff{Role: model.RoleRef{Role: "communications_manager"}, To: "carol"})
	do("bob", model.Log{Kind: model.KindTheory, Role: tl("database"), Text: "connection pool exhausted | after deploy"})
	do("alice", model.TaskAdd{Title: "Roll back deploy 142", Role: tl("database")})
	do("alice", model.TaskAdd{Title: "Page the payments team", Owner: "erin"})
	do("alice", model.TaskAdd{Title: "Nobody owns this yet"})
	page := s.Tasks[1].ID // "Page the payments team"
	do("bob", model.TaskSet{Task: page, State: model.TaskInProgress})
	do("bob", model.TaskSet{Task: page, State: model.TaskDone})
	do("alice", model.SetStatus{Status: model.Identified})
	do("alice", model.SetSeverity{Severity: model.Sev2})
	do("bob", model.Handoff{Role: tl("database"), To: "frank", Note: "going off shift"})
	do("alice", model.SetStatus{Status: model.Monitoring})
	do("alice", model.SetStatus{Status: model.Identified})
	do("mallory", model.Log{Text: "evil \x1b]0;pwned\x07 \x1b[2J \r \u009b31m \u202e done"})
	// frank accepts; dave accepts by phone; erin declines; carol has not
	// answered yet.
	do("frank", model.Accept{Role: tl("database")})
	do("alice", model.Accept{Role: tl("network"), For: "dave"})
	do("alice", model.Handoff{Role: model.RoleRef{Role: "scribe"}, To: "erin"})
	do("erin", model.Decline{Role: model.RoleRef{Role: "scribe"}, Reason: "on the payments bridge"})
	return s
}

func opts() Options {
	return Options{Catalog: model.DefaultCatalog(), Lang: "en", Loc: time.UTC, Now: t0.Add(30 * time.Minute)}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./model/report -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, got)
	}
}

// noControls fails if out holds anything that acts on a terminal.
func noControls(t *testing.T, what, out string) {
	t.Helper()
	for _, bad := range []string{"\x1b", "\x07", "\r", "\u009b", "\u202e"} {
		if strings.Contains(out, bad) {
			t.Errorf("%s holds %q", what, bad)
		}
	}
}

func TestShow(t *testing.T) {
	out := Show(sample(t), ShowOptions{Options: opts(), Entries: 8})
	golden(t, "show.txt", out)
	noControls(t, "show", out)
	for _, want := range []string{
		"Tech lead · database    frank", "Tech lead · network", "Customer support lead   alice *",
		"held by the incident manager", "Earlier holders", "Tech lead · database: bob 14:01–14:12",
		"Latest entries (8 of 20", "nobody",
		"Communications manager  carol !  handed 27m ago by alice, NOT YET ACCEPTED",
		"Tech lead · network     dave     since 14:02", "! not accepted within 2m", "Scribe: erin 14:18–14:19 (declined: on the payments bridge)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q", want)
		}
	}
	if strings.Contains(out, "Tech lead  ") {
		t.Error("show lists the unsplit Tech lead although the role is split into workstreams")
	}
}

func TestTaskList(t *testing.T) {
	s := sample(t)
	out := TaskList(s, false, opts())
	if !strings.Contains(out, "Roll back deploy 142") || strings.Contains(out, "Page the payments team") ||
		!strings.Contains(out, "(1 done; --all shows them)") {
		t.Errorf("task list:\n%s", out)
	}
	if !strings.Contains(out, "Tech lead · database (frank)") {
		t.Errorf("a role-owned task does not show the role's holder:\n%s", out)
	}
	all := TaskList(s, true, opts())
	if !strings.Contains(all, "Done (1)") || !strings.Contains(all, "Page the payments team") {
		t.Errorf("task list --all:\n%s", all)
	}
}

func TestMarkdown(t *testing.T) {
	out := Markdown(sample(t), opts())
	golden(t, "export.md", out)
	noControls(t, "markdown", out)
	var sections []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "## ") {
			sections = append(sections, l)
		}
	}
	want := "## Summary|## What went well|## What went wrong|## Where we got lucky|## Action items|## Timeline chart|## Severity and status|## Roles|## Who took part|## Theories|## Communications|## Tasks|## Timeline"
	if strings.Join(sections, "|") != want {
		t.Errorf("sections %q", sections)
	}
	if !strings.Contains(out, `exhausted \| after`) {
		t.Error("a | in text is not escaped inside a table cell")
	}
	for _, row := range []string{
		"| Tech lead · database | bob | 2026-11-25 14:01:00 UTC | 2026-11-25 14:12:00 UTC | never | primary is flapping |",
		"| Tech lead · database | frank | 2026-11-25 14:12:00 UTC | now | 2026-11-25 14:16:00 UTC (after 4m) | going off shift |",
		"| Tech lead · network | dave | 2026-11-25 14:02:00 UTC | now | 2026-11-25 14:17:00 UTC (after 15m), confirmed by alice |  |",
		"| Communications manager | carol | 2026-11-25 14:03:00 UTC | now | not yet |  |",
		"| Scribe | offered to erin | 2026-11-25 14:18:00 UTC | 2026-11-25 14:19:00 UTC | declined 2026-11-25 14:19:00 UTC (after 1m): on the payments bridge |  |",
		"| Scribe | alice (given back to the incident manager) | 2026-11-25 14:19:00 UTC | now |  |  |",
	} {
		if !strings.Contains(out, row) {
			t.Errorf("role history row missing: %s", row)
		}
	}
}

func TestJSONIsSafeAndExact(t *testing.T) {
	s := sample(t)
	out, err := JSON(s, opts())
	if err != nil {
		t.Fatal(err)
	}
	noControls(t, "json", string(out))
	var back struct {
		model.State
		Roles []struct {
			Label   string `json:"label"`
			Holder  string `json:"holder"`
			Default bool   `json:"held_by_incident_manager_by_default"`
		} `json:"roles"`
	}
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	if got, want := back.Timeline[len(back.Timeline)-1].Text, s.Timeline[len(s.Timeline)-1].Text; got != want {
		t.Errorf("JSON text %q, want the stored %q", got, want)
	}
	if len(back.Roles) != 9 || back.Roles[1].Label != "Tech lead · database" || back.Roles[1].Default || !back.Roles[8].Default {
		t.Errorf("roles %+v", back.Roles)
	}
}

func TestDescribeEveryKind(t *testing.T) {
	seen := map[model.Kind]string{}
	for _, e := range sample(t).Timeline {
		seen[e.Kind] = Describe(e, opts())
	}
	want := map[model.Kind]string{
		model.KindDeclared:        "declared the incident: Checkout API returning 500s (SEV1); incident manager alice",
		model.KindHandoff:         "handed Scribe from alice to erin",
		model.KindTheory:          "[Tech lead · database] theory 0010: connection pool exhausted | after deploy",
		model.KindTaskAdded:       `added task 0016 "Nobody owns this yet"`,
		model.KindTaskStarted:     `started task 0014 "Page the payments team"`,
		model.KindTaskDone:        `completed task 0014 "Page the payments team"`,
		model.KindStatus:          "status monitoring → identified (moved back)",
		model.KindSeverity:        "severity SEV1 → SEV2",
		model.KindNote:            "evil ␛]0;pwned␇ ␛[2J ␍ <U+009B>31m <U+202E> done",
		model.KindHandoffDeclined: "declined Scribe, back to the incident manager: on the payments bridge",
	}
	// The last acceptance was confirmed by the incident manager.
	if got, want := seen[model.KindHandoffAccepted], "Tech lead · network: accepted by dave, confirmed by alice"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	for k, w := range want {
		if seen[k] != w {
			t.Errorf("%s: %q, want %q", k, seen[k], w)
		}
	}
}

func TestAge(t *testing.T) {
	for d, want := range map[time.Duration]string{
		-time.Second: "0s", 45 * time.Second: "45s", 12 * time.Minute: "12m",
		3*time.Hour + 5*time.Minute: "3h05m", 50 * time.Hour: "2d02h",
	} {
		if got := Age(d); got != want {
			t.Errorf("Age(%v) = %q, want %q", d, got, want)
		}
	}
}
