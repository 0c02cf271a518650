package hooks

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
)

var t0 = time.Date(2026, 11, 25, 14, 0, 0, 0, time.UTC)

// incident applies ops in order as alice, a minute apart, and returns the
// incident and the entries each op wrote.
type incident struct {
	t   *testing.T
	s   model.State
	now time.Time
	ids *model.SeqIDs
}

func newIncident(t *testing.T) *incident {
	return &incident{t: t, now: t0, ids: &model.SeqIDs{}}
}

func (in *incident) do(actor string, op model.Op) []model.Entry {
	in.t.Helper()
	next, es, err := in.s.Apply(model.DefaultCatalog(), op, model.Env{Now: in.now, Actor: actor, Replica: "r", IDs: in.ids})
	if err != nil {
		in.t.Fatalf("%T: %v", op, err)
	}
	in.s, in.now = next, in.now.Add(time.Minute)
	return es
}

// brief is an event as the table below writes it.
func brief(e Event) string {
	s := fmt.Sprintf("%s %s→%s by %s sev %d %s", e.Event, e.Old, e.New, e.Actor, e.Incident.Severity, e.Incident.Status)
	for _, f := range []struct{ k, v string }{{"role", e.Role}, {"ws", e.Workstream}, {"task", e.Task}, {"audience", e.Audience}} {
		if f.v != "" {
			s += " " + f.k + "=" + f.v
		}
	}
	return s
}

// TestEventsOfEachChange: each change that is an event gives its event,
// with the old and new values, the actor and the incident as it stands;
// the others give none.
func TestEventsOfEachChange(t *testing.T) {
	in := newIncident(t)
	tl := model.RoleRef{Role: "tech_lead", Workstream: "database"}
	for _, tc := range []struct {
		actor string
		op    model.Op
		want  []string
	}{
		{"alice", model.Declare{Title: "Checkout down", Severity: model.Sev2}, []string{"declared →Checkout down by alice sev 2 investigating"}},
		{"alice", model.SetSeverity{Severity: model.Sev1}, []string{"severity 2→1 by alice sev 1 investigating"}},
		{"alice", model.Log{Text: "a note is no event"}, nil},
		{"alice", model.Handoff{Role: tl, To: "bob"}, []string{"handoff alice→bob by alice sev 1 investigating role=tech_lead ws=database"}},
		{"bob", model.Accept{Role: tl}, []string{"handoff_accepted alice→bob by bob sev 1 investigating role=tech_lead ws=database"}},
		{"alice", model.Handoff{Role: model.RoleRef{Role: "scribe"}, To: "carol"}, []string{"handoff alice→carol by alice sev 1 investigating role=scribe"}},
		{"carol", model.Decline{Role: model.RoleRef{Role: "scribe"}, Reason: "off shift"}, []string{"handoff_declined carol→ by carol sev 1 investigating role=scribe"}},
		{"alice", model.TaskAdd{Title: "Roll back", Within: time.Minute}, nil},
		{"alice", model.CommsUpdate{Audience: model.AudienceExternal, Text: "We are on it"}, []string{"update_sent →We are on it by alice sev 1 investigating role=communications_manager audience=external"}},
		{"alice", model.SetStatus{Status: model.Monitoring}, []string{"status investigating→monitoring by alice sev 1 monitoring"}},
		{"alice", model.SetStatus{Status: model.Resolved, Force: true, Reason: "the rest can wait"}, []string{
			"status monitoring→resolved by alice sev 1 resolved",
			"resolved monitoring→resolved by alice sev 1 resolved",
		}},
		{"alice", model.SetSeverity{Severity: model.SevUnset}, []string{"severity 1→unset by alice sev 0 resolved"}},
		{"alice", model.SetStatus{Status: model.Closed}, []string{"status resolved→closed by alice sev 0 closed"}},
		{"alice", model.SetStatus{Status: model.Identified}, []string{"status closed→identified by alice sev 0 identified"}},
		// Closed without having been resolved: over all the same.
		{"alice", model.SetStatus{Status: model.Closed, Force: true, Reason: "a duplicate"}, []string{
			"status identified→closed by alice sev 0 closed",
			"resolved identified→closed by alice sev 0 closed",
		}},
	} {
		es := in.do(tc.actor, tc.op)
		var got []string
		for _, ev := range Events(in.s, es, "/srv/incident.toml") {
			got = append(got, brief(ev))
			if ev.Entry == nil || ev.Entry.ID != es[0].ID || ev.Schema != SchemaVersion || ev.Incident.File != "/srv/incident.toml" || ev.Incident.ID != in.s.Incident.ID {
				t.Errorf("%T: event %+v does not carry its entry, schema, file and incident", tc.op, ev)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%T: events\n got %q\nwant %q", tc.op, got, tc.want)
		}
	}
	// A task done, and a time box that ran out, carry the task.
	task := in.do("alice", model.TaskAdd{Title: "Page the DBA", Within: time.Minute})[0].Task
	in.now = in.now.Add(5 * time.Minute)
	evs := Events(in.s, in.do("alice", model.TimeBoxExpired{Task: task}), "f")
	if len(evs) != 1 || evs[0].Event != model.EventTimeBoxExpired || evs[0].Task != task || evs[0].Old == "" {
		t.Errorf("time box: %+v", evs)
	}
	evs = Events(in.s, in.do("bob", model.TaskSet{Task: task, State: model.TaskDone}), "f")
	if len(evs) != 1 || brief(evs[0]) != "task_done open→done by bob sev 0 closed task="+task {
		t.Errorf("task done: %q", brief(evs[0]))
	}
}

// TestEventEnvironmentAndJSON: what a hook reads of its event.
func TestEventEnvironmentAndJSON(t *testing.T) {
	in := newIncident(t)
	in.do("alice", model.Declare{Title: "Checkout down", Severity: model.Sev2})
	ev := Events(in.s, in.do("alice", model.SetSeverity{Severity: model.Sev1}), "/srv/incident.toml")[0]
	env := ev.Environ()
	want := []string{"WARROOM_EVENT=severity", "WARROOM_FILE=/srv/incident.toml", "WARROOM_INCIDENT=" + in.s.Incident.ID,
		"WARROOM_ACTOR=alice", "WARROOM_OLD=2", "WARROOM_NEW=1"}
	if !slices.Equal(env, want) {
		t.Errorf("environment\n got %q\nwant %q", env, want)
	}
	ev.DryRun = true
	ev.New = "a\x00b"
	if env := ev.Environ(); !slices.Contains(env, "WARROOM_DRY_RUN=1") || !slices.Contains(env, "WARROOM_NEW=ab") {
		t.Errorf("dry run, NUL: %q", env)
	}

	var doc map[string]any
	if err := json.Unmarshal(ev.JSON(), &doc); err != nil {
		t.Fatal(err)
	}
	inc, _ := doc["incident"].(map[string]any)
	entry, _ := doc["entry"].(map[string]any)
	if doc["schema"] != float64(1) || doc["event"] != "severity" || doc["old"] != "2" || doc["actor"] != "alice" ||
		inc["severity"] != float64(1) || inc["status"] != "investigating" || inc["title"] != "Checkout down" ||
		inc["file"] != "/srv/incident.toml" || entry["kind"] != "severity" || entry["to"] != "SEV1" || doc["dry_run"] != true {
		t.Errorf("JSON: %s", ev.JSON())
	}
	if !strings.HasSuffix(string(ev.JSON()), "}\n") {
		t.Errorf("the JSON does not end its line: %q", ev.JSON())
	}

	rr := ResolveRequested(in.s, "bob", "/srv/incident.toml", t0)
	if rr.Event != model.EventResolveRequested || rr.Old != "investigating" || rr.New != "resolved" || rr.Entry != nil || rr.Actor != "bob" {
		t.Errorf("resolve requested: %+v", rr)
	}
	if strings.Contains(string(rr.JSON()), `"entry"`) {
		t.Errorf("a resolve requested has no entry: %s", rr.JSON())
	}
}
