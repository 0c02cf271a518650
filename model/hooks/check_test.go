package hooks

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
)

// TestChecksBlockAResolve: check hooks run before a resolve, at once; any
// that exits non-zero, hangs past its timeout or cannot start blocks it,
// with its output's first line (or how it ended) as the reason. Hooks
// that are not checks, and checks whose condition does not hold, do not
// run.
func TestChecksBlockAResolve(t *testing.T) {
	needUnix(t)
	dir := t.TempDir()
	script(t, dir, "open-tasks.sh", "echo '3 tasks still open'\necho 'k4m9, t7hq, p2zx'\nexit 1\n")
	script(t, dir, "fine.sh", "echo all good\n")
	script(t, dir, "hang.sh", "sleep 30\n")
	script(t, dir, "quiet.sh", "exit 2\n")
	script(t, dir, "marker.sh", "touch ran-"+"$1\n")
	hs := mustParse(t, dir, `
[[hook]]
on = ["resolve_requested"]
run = ["./open-tasks.sh"]
check = true

[[hook]]
on = ["resolve_requested"]
run = ["./fine.sh"]
check = true

[[hook]]
on = ["resolve_requested"]
run = ["./hang.sh"]
check = true
timeout = "200ms"

[[hook]]
on = ["resolve_requested"]
run = ["./quiet.sh"]
check = true

[[hook]]
on = ["resolve_requested"]
run = ["./missing.sh"]
check = true

[[hook]]
on = ["resolve_requested"]
run = ["./marker.sh", "sev3"]
check = true
when = "severity == 3"

[[hook]]
on = ["resolve_requested"]
run = ["./marker.sh", "announce"]
`)
	ev := ResolveRequested(model.State{Incident: model.Incident{ID: "INC-1", Severity: model.Sev1, Status: model.Monitoring}},
		"alice", filepath.Join(dir, "incident.toml"), time.Now())
	blockers, runs, err := Checks(context.Background(), hs, ev)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range blockers {
		got = append(got, b.Hook.Command()+": "+b.Reason.In("en"))
	}
	want := []string{
		"./open-tasks.sh: 3 tasks still open",
		"./hang.sh: it did not answer within 200ms",
		"./quiet.sh: it exited with status 2",
		"./missing.sh: it could not start: ",
	}
	if len(got) != len(want) {
		t.Fatalf("blockers %q, want %q", got, want)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("blocker %d: %q, want %q…", i, got[i], want[i])
		}
	}
	if len(runs) != 5 {
		t.Errorf("%d checks ran, want the 5 whose condition holds", len(runs))
	}
	if blockers[0].Reason.In("es") != "3 tasks still open" || blockers[2].Reason.In("es") != "terminó con el código de salida 2" {
		t.Errorf("reasons in Spanish: %q, %q", blockers[0].Reason.In("es"), blockers[2].Reason.In("es"))
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "ran-*")); len(m) != 0 {
		t.Errorf("ran what is not a check that holds: %v", m)
	}

	passing := mustParse(t, dir, "[[hook]]\non = [\"resolve_requested\"]\nrun = [\"./fine.sh\"]\ncheck = true\n")
	if blockers, runs, err := Checks(context.Background(), passing, ev); err != nil || len(blockers) != 0 || len(runs) != 1 {
		t.Errorf("a check that passes: %v, %d runs, %v", blockers, len(runs), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Checks(ctx, hs, ev); err == nil {
		t.Error("checks stopped before they ended are taken as passed")
	}
}
