package store_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// helperEnv selects what TestHelperProcess does in a child process; unset,
// the test does nothing.
const helperEnv = "WARROOM_STORE_HELPER"

// helperCommand returns a command that re-runs this test binary as a
// helper process in the given mode.
func helperCommand(mode string, env ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1", "-test.timeout=5m")
	cmd.Env = append(append(os.Environ(), helperEnv+"="+mode), env...)
	return cmd
}

// TestHelperProcess is not a test: it is the body of the helper processes
// the concurrency and crash tests start.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		return
	}
	path := os.Getenv("WARROOM_STORE_FILE")
	var err error
	switch mode {
	case "append":
		n, _ := strconv.Atoi(os.Getenv("WARROOM_STORE_COUNT"))
		err = helperAppend(path, os.Getenv("WARROOM_STORE_ACTOR"), n)
	case "killloop":
		err = helperKillLoop(path)
	case "killappend":
		err = helperKillAppend(path)
	default:
		err = fmt.Errorf("unknown helper mode %q", mode)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(3)
	}
	os.Exit(0)
}

// logOnce is one CLI append: a transaction that logs text as actor. It
// returns the id of the entry written.
func logOnce(path, actor, text string) (string, error) {
	var id string
	_, err := store.Update(context.Background(), path, false, func(s model.State) (model.State, error) {
		next, entries, err := s.Apply(model.DefaultCatalog(), model.Log{Text: text},
			model.Env{Now: time.Now(), Actor: actor, IDs: model.RandomIDs{}})
		if err == nil {
			id = entries[0].ID
		}
		return next, err
	})
	return id, err
}

// helperAppend appends n entries "ACTOR #i", one transaction each.
func helperAppend(path, actor string, n int) error {
	for i := range n {
		if _, err := logOnce(path, actor, fmt.Sprintf("%s #%d", actor, i)); err != nil {
			return err
		}
	}
	return nil
}

// helperKillLoop appends entries until it is killed, writing the id of
// each one to stdout once Update has returned: the acknowledgement a user
// sees before the CLI exits.
func helperKillLoop(path string) error {
	actor := fmt.Sprintf("pid-%d", os.Getpid())
	for i := 0; ; i++ {
		id, err := logOnce(path, actor, fmt.Sprintf("kill loop %s #%d", actor, i))
		if err != nil {
			return err
		}
		if _, err := os.Stdout.WriteString(id + "\n"); err != nil {
			return err
		}
	}
}

// bigState is a declared incident padded with n timeline entries and
// tasks tasks of realistic size, built directly (applying ten thousand
// ops one by one copies the timeline each time) and checked by a round
// trip through the codec.
func bigState(entries, tasks int) (model.State, error) {
	env := model.Env{Now: t0, Actor: "alice", IDs: &model.SeqIDs{}}
	s, _, err := model.State{}.Apply(model.DefaultCatalog(),
		model.Declare{Title: "Checkout is down", Severity: model.Sev1, Commander: "alice"}, env)
	if err != nil {
		return s, err
	}
	for _, op := range []model.Op{
		model.Handoff{Role: model.RoleRef{Role: "scribe"}, To: "carol"},
		model.Handoff{Role: model.RoleRef{Role: "tech_lead", Workstream: "database"}, To: "bob"},
	} {
		if s, _, err = s.Apply(model.DefaultCatalog(), op, env); err != nil {
			return s, err
		}
	}
	phrases := []string{
		"checked the dashboards; error rate still at 4% on the EU edge",
		"rolled back deploy 2026-11-25.3 on the checkout service, watching p99 latency",
		"customer support reports carts emptying on refresh for some users in Germany and France; collecting examples",
		"decided to fail over the primary database to the standby in eu-west-1b",
		"paged the payments on-call",
		"status page updated: investigating elevated checkout errors",
	}
	people := []string{"alice", "bob", "carol", ""}
	s.Tasks = slices.Clip(s.Tasks)
	for i := range tasks {
		at := t0.Add(time.Duration(i) * time.Second)
		st := model.Stamp{Wall: at.UnixMilli(), Replica: "local"}
		state := []model.TaskState{model.TaskOpen, model.TaskInProgress, model.TaskDone}[i%3]
		task := model.Task{
			ID: fmt.Sprintf("t%05d", i), Title: fmt.Sprintf("task %d: %s", i, phrases[i%len(phrases)]),
			State: state, Owner: people[i%len(people)], Created: at, CreatedBy: "alice", Updated: at,
			Clock: model.TaskClock{Title: st, State: st, Owner: st},
		}
		if i%5 == 0 {
			task.Role, task.Workstream = "tech_lead", "database"
		}
		s.Tasks = append(s.Tasks, task)
	}
	s.Timeline = slices.Clip(s.Timeline)
	for i := range entries {
		e := model.Entry{
			ID: fmt.Sprintf("e%012d", 1_000_000+i), At: t0.Add(time.Duration(i) * time.Second),
			By: people[i%3], Kind: model.LogKinds[i%len(model.LogKinds)],
			Text: fmt.Sprintf("%s (%d)", phrases[i%len(phrases)], i),
		}
		if i%7 == 0 {
			e.Role = "scribe"
		}
		s.Timeline = append(s.Timeline, e)
	}
	data, err := store.Encode(s)
	if err != nil {
		return s, err
	}
	if _, err := store.Decode("big.toml", data); err != nil {
		return s, err
	}
	return s, nil
}

// helperKillAppend is helperKillLoop with the CLI's appends (UpdateWith):
// mostly entries, every fifth change a task changed in place, with a low
// bound on what follows the checkpoint so that checkpoints are written
// too.
func helperKillAppend(path string) error {
	store.SetLimits(0, 16<<10, 16<<10)
	actor := fmt.Sprintf("pid-%d", os.Getpid())
	for i := 0; ; i++ {
		var op model.Op = model.Log{Text: fmt.Sprintf("kill append %s #%d", actor, i)}
		if i%5 == 4 {
			op = model.TaskAdd{Title: fmt.Sprintf("task %s #%d", actor, i)}
		}
		out, err := store.UpdateWith(context.Background(), path, store.UpdateOptions{Reads: model.Needs(op)},
			func(s model.State) (model.State, error) {
				next, _, err := s.Apply(model.DefaultCatalog(), op, model.Env{Now: time.Now(), Actor: actor, IDs: model.RandomIDs{}})
				return next, err
			})
		if err != nil {
			return err
		}
		if _, err := os.Stdout.WriteString(out.Added[0].ID + "\n"); err != nil {
			return err
		}
	}
}
