package hooks

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
)

// Who runs a hook: the process whose change made the event happen — the
// one whose store transaction wrote the event's entry — and no other. A
// change is written by exactly one process, under the file's lock, so a
// screen, a served war room and the command line on one file each run the
// hooks of their own changes and never those of the others, which they
// only read. Time boxes, which run out with no change, are claimed
// (ClaimTimeBoxes): the claim is a change too, and only one process's
// claim is ever written.
//
// That process does not wait for its hooks: it hands them, as a Job, to a
// process of their own (Spawn), which runs them, records each run in the
// timeline and ends. So a command returns at once, a screen quits at
// once, and a hook's run is recorded however soon its maker exits.

// Planned is one hook to run on one event.
type Planned struct {
	Hook  Hook  `json:"hook"`
	Event Event `json:"event"`
}

// Job is the hooks a change set off, for the process that runs them.
type Job struct {
	// Replica names the process that records the runs, in the file's
	// clocks.
	Replica string    `json:"replica"`
	Runs    []Planned `json:"runs"`
}

// Plan matches hooks to events: for each event in order, every hook on it
// whose condition holds, in the order the hooks were read. Check hooks
// are not planned: they run before the resolve they decide (Checks).
func Plan(hs []Hook, evs []Event) []Planned {
	var out []Planned
	for _, ev := range evs {
		for _, h := range hs {
			if !h.Check && h.Matches(ev) {
				out = append(out, Planned{Hook: h, Event: ev})
			}
		}
	}
	return out
}

// RunJob runs every hook of j at once, each bounded by its timeout, and
// hands each result to record as it ends. It returns when every run has
// ended and been recorded, with the errors of the records that failed.
func RunJob(ctx context.Context, j Job, record func(context.Context, Result) error) []error {
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	for _, p := range j.Runs {
		wg.Go(func() {
			res := Run(ctx, p.Hook, p.Event)
			if err := record(ctx, res); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return errs
}

// maxJob bounds the job a runner reads.
const maxJob = 16 << 20

// ReadJob reads a job as Spawn writes it.
func ReadJob(r io.Reader) (Job, error) {
	var j Job
	data, err := io.ReadAll(io.LimitReader(r, maxJob+1))
	if err != nil {
		return j, fmt.Errorf("read the hooks to run: %w", err)
	}
	if len(data) > maxJob {
		return j, errors.New("read the hooks to run: more than 16 MiB")
	}
	if err := json.Unmarshal(data, &j); err != nil {
		return j, fmt.Errorf("read the hooks to run: %w", err)
	}
	return j, nil
}

// Spawn hands j to a new process, argv (the runner: `warroom hooks
// run-job`), in a session of its own, and returns once the job is
// written to the runner's input: the runner outlives whoever spawned it.
// Its output goes nowhere; what it did is in the timeline.
func Spawn(argv []string, j Job) error {
	if len(j.Runs) == 0 {
		return nil
	}
	if len(argv) == 0 {
		return errors.New("run hooks: no runner")
	}
	data, err := json.Marshal(j)
	if err != nil {
		return fmt.Errorf("run hooks: %w", err)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	ownSession(cmd)
	// The runner is warroom's own, not what a hook started (a hook that
	// runs warroom spawns one): it carries no run's mark, and outlives it.
	cmd.Env = without(os.Environ(), runVar)
	in, err := cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("run hooks: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("run hooks: %w", err)
	}
	_, werr := in.Write(data)
	cerr := in.Close()
	// Reap it when it ends, in a process that lives on (a screen, a
	// served war room); a command that ends first leaves it to the
	// system.
	go func() { _ = cmd.Wait() }()
	if err := errors.Join(werr, cerr); err != nil {
		return fmt.Errorf("run hooks: hand them to the runner: %w", err)
	}
	return nil
}
