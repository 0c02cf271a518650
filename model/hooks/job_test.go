package hooks

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// declared writes a declared SEV2 incident into a new file and returns
// its path.
func declared(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "incident.toml")
	_, err := store.Update(context.Background(), path, true, func(s model.State) (model.State, error) {
		next, _, err := s.Apply(model.DefaultCatalog(), model.Declare{Title: "Checkout down", Severity: model.Sev2, Commander: "alice"},
			model.Env{Now: time.Now().UTC().Truncate(time.Millisecond), Actor: "alice", Replica: "t", IDs: model.RandomIDs{}})
		return next, err
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// change applies op to the file at path as actor and returns the events
// it made happen.
func change(t *testing.T, path, actor string, op model.Op) []Event {
	t.Helper()
	out, err := store.UpdateWith(context.Background(), path, store.UpdateOptions{Reads: model.Needs(op)}, func(s model.State) (model.State, error) {
		next, _, err := s.Apply(model.DefaultCatalog(), op, model.Env{Now: time.Now().UTC().Truncate(time.Millisecond), Actor: actor, Replica: "t", IDs: model.RandomIDs{}})
		return next, err
	})
	if err != nil {
		t.Fatal(err)
	}
	return Events(out.State, out.Added, path)
}

// hookRuns are the hook entries of the file at path.
func hookRuns(t *testing.T, path string) []model.Entry {
	t.Helper()
	st, err := store.LoadKinds(path, model.TimelineNeed{Kinds: []model.Kind{model.KindHook}})
	if err != nil {
		t.Fatal(err)
	}
	return st.Timeline
}

func mustParse(t *testing.T, dir, text string) []Hook {
	t.Helper()
	hs, err := Parse(filepath.Join(dir, "hooks.toml"), []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return hs
}

// TestPlanMatchesHooksToEvents: each event runs the hooks on it whose
// condition holds, in the order written; check hooks wait for Checks.
func TestPlanMatchesHooksToEvents(t *testing.T) {
	hs := mustParse(t, t.TempDir(), `
[[hook]]
on = ["severity"]
run = ["page"]
when = "severity == 1"

[[hook]]
on = ["severity", "status"]
run = ["log"]

[[hook]]
on = ["resolve_requested"]
run = ["check"]
check = true

[[hook]]
on = ["resolve_requested"]
run = ["announce"]
`)
	brief := func(ps []Planned) string {
		var out []string
		for _, p := range ps {
			out = append(out, string(p.Event.Event)+":"+p.Hook.Run[0])
		}
		return strings.Join(out, " ")
	}
	sev1 := Event{Event: model.EventSeverity, Incident: Incident{Severity: 1}}
	sev2 := Event{Event: model.EventSeverity, Incident: Incident{Severity: 2}}
	status := Event{Event: model.EventStatus, Incident: Incident{Severity: 1}}
	rr := Event{Event: model.EventResolveRequested}
	if got, want := brief(Plan(hs, []Event{sev1, sev2, status, rr})), "severity:page severity:log severity:log status:log resolve_requested:announce"; got != want {
		t.Errorf("plan %q, want %q", got, want)
	}
	if got := Plan(hs, nil); len(got) != 0 {
		t.Errorf("no events planned %v", got)
	}
}

// TestRunJobRecordsEveryRun: the runner of a job runs its hooks and
// records each run in the incident's timeline, as its event's actor, with
// the entry that caused it.
func TestRunJobRecordsEveryRun(t *testing.T) {
	needUnix(t)
	path := declared(t)
	dir := filepath.Dir(path)
	script(t, dir, "page.sh", "echo \"paged for $WARROOM_EVENT $WARROOM_NEW\" >> pages.txt\necho paged\n")
	script(t, dir, "fail.sh", "echo 'pager is down' >&2\nexit 4\n")
	hs := mustParse(t, dir, `
[[hook]]
on = ["severity"]
run = ["./page.sh"]
when = "severity == 1"

[[hook]]
on = ["severity"]
run = ["./fail.sh", "--now"]
`)
	evs := change(t, path, "bob", model.SetSeverity{Severity: model.Sev1})
	job := Job{Replica: "runner", Runs: Plan(hs, evs)}
	if len(job.Runs) != 2 {
		t.Fatalf("%d runs planned", len(job.Runs))
	}
	errs := RunJob(context.Background(), job, func(ctx context.Context, r Result) error { return Record(ctx, r, "runner") })
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	pages, _ := os.ReadFile(filepath.Join(dir, "pages.txt"))
	if string(pages) != "paged for severity 1\n" {
		t.Errorf("pages: %q", pages)
	}
	runs := hookRuns(t, path)
	if len(runs) != 2 {
		t.Fatalf("%d runs recorded: %+v", len(runs), runs)
	}
	byCmd := map[string]model.Entry{}
	for _, e := range runs {
		byCmd[e.Command] = e
	}
	ok, failed := byCmd["./page.sh"], byCmd["./fail.sh --now"]
	cause := evs[0].Entry.ID
	if ok.Result != "ok" || ok.Text != "paged" || ok.Event != "severity" || ok.By != "bob" || ok.Entry != cause || ok.Took == "" {
		t.Errorf("the page's run: %+v", ok)
	}
	if failed.Result != "exit 4" || failed.Text != "pager is down" || failed.By != "bob" || failed.Entry != cause {
		t.Errorf("the failed run: %+v", failed)
	}
}

// TestRecordIntoAnotherIncident: a run is never recorded into a file that
// came to hold another incident.
func TestRecordIntoAnotherIncident(t *testing.T) {
	path := declared(t)
	other := declared(t)
	evs := change(t, path, "alice", model.SetSeverity{Severity: model.Sev1})
	data, err := os.ReadFile(other)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r := Result{Hook: Hook{Run: []string{"page"}}, Event: evs[0], Outcome: model.HookOK}
	if err := Record(context.Background(), r, "t"); err == nil || !strings.Contains(err.Error(), "not recorded") {
		t.Errorf("recorded into another incident: %v", err)
	}
	if runs := hookRuns(t, path); len(runs) != 0 {
		t.Errorf("runs in the other incident: %+v", runs)
	}
}

// TestSpawnHandsTheJobOver: Spawn starts the runner with the job on its
// standard input and returns without waiting for it.
func TestSpawnHandsTheJobOver(t *testing.T) {
	needUnix(t)
	dir := t.TempDir()
	got := filepath.Join(dir, "job.json")
	stop := filepath.Join(dir, "stop")
	// The runner lives on until the test ends: Spawn must not wait for it.
	runner := script(t, dir, "runner.sh", "cat > "+got+".tmp && mv "+got+".tmp "+got+"\nuntil [ -e "+stop+" ]; do sleep 0.05; done\n")
	t.Cleanup(func() { _ = os.WriteFile(stop, nil, 0o644) })
	job := Job{Replica: "r", Runs: []Planned{{Hook: Hook{Run: []string{"page"}, Timeout: time.Second}, Event: sampleEvent(dir)}}}
	// Spawn returns while the runner still runs: were it to wait for
	// it, the test would never end.
	if err := Spawn([]string{runner}, job); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		f, err := os.Open(got)
		if err == nil {
			j, err := ReadJob(f)
			f.Close()
			if err != nil || len(j.Runs) != 1 || j.Runs[0].Hook.Run[0] != "page" || j.Runs[0].Event.Incident.ID != "INC-20261125-q9kt" {
				t.Errorf("the runner read %+v, %v", j, err)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the runner never read its job")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := Spawn([]string{runner}, Job{}); err != nil {
		t.Errorf("an empty job: %v", err)
	}
	if _, err := ReadJob(strings.NewReader("{not json")); err == nil {
		t.Error("a job that is not JSON was read")
	}
}
