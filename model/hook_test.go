package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestHookRanRecordsTheRun(t *testing.T) {
	f := newFixture(t)
	sev := f.do("alice", SetSeverity{Severity: Sev2})
	es := f.do("alice", HookRan{Event: EventSeverity, Command: "./page.sh --urgent", Outcome: HookFailed, Exit: 3,
		Took: 1204*time.Millisecond + 400*time.Microsecond, Output: "paging failed", Cause: sev[0].ID})
	if len(es) != 1 {
		t.Fatalf("%d entries", len(es))
	}
	e := es[0]
	want := Entry{ID: e.ID, At: e.At, By: "alice", Kind: KindHook, Event: "severity", Command: "./page.sh --urgent",
		Result: "exit 3", Took: "1.204s", Text: "paging failed", Entry: sev[0].ID}
	if e != want {
		t.Errorf("entry\n got %+v\nwant %+v", e, want)
	}
	if !e.HookFailed() {
		t.Error("exit 3 is not a failure")
	}
	if n, ok := e.HookExit(); !ok || n != 3 {
		t.Errorf("HookExit = %d, %v", n, ok)
	}
	for o, result := range map[HookOutcome]string{HookOK: "ok", HookTimeout: "timeout", HookError: "error"} {
		es := f.do("alice", HookRan{Event: EventDeclared, Command: "true", Outcome: o})
		if es[0].Result != result || es[0].HookFailed() != (o != HookOK) {
			t.Errorf("%s: result %q, failed %v", o, es[0].Result, es[0].HookFailed())
		}
		if _, ok := es[0].HookExit(); ok {
			t.Errorf("%s: an exit status read from %q", o, es[0].Result)
		}
	}
	if es := f.do("alice", HookRan{Event: EventDeclared, Command: "true", Outcome: HookFailed, Exit: -1}); es[0].Result != "signal" {
		t.Errorf("killed by a signal: %q", es[0].Result)
	}
}

func TestHookRanRefusesWhatIsNotARun(t *testing.T) {
	f := newFixture(t)
	for name, op := range map[string]HookRan{
		"unknown event":     {Event: "paged", Command: "x", Outcome: HookOK},
		"no command":        {Event: EventSeverity, Command: "  ", Outcome: HookOK},
		"two lines":         {Event: EventSeverity, Command: "x", Outcome: HookOK, Output: "a\nb"},
		"long output":       {Event: EventSeverity, Command: "x", Outcome: HookOK, Output: strings.Repeat("x", MaxHookOutput+1)},
		"failed, exit 0":    {Event: EventSeverity, Command: "x", Outcome: HookFailed},
		"failed, exit 256":  {Event: EventSeverity, Command: "x", Outcome: HookFailed, Exit: 256},
		"unknown outcome":   {Event: EventSeverity, Command: "x", Outcome: "maybe"},
		"negative duration": {Event: EventSeverity, Command: "x", Outcome: HookOK, Took: -time.Second},
	} {
		if _, err := f.try("alice", op); err == nil {
			t.Errorf("%s: recorded", name)
		}
	}
}

func TestTimeBoxExpiredIsClaimedOnce(t *testing.T) {
	f := newFixture(t)
	boxed := f.do("alice", TaskAdd{Title: "Roll back", Within: 3 * time.Minute, Owner: "bob"})[0].Task
	plain := f.do("alice", TaskAdd{Title: "Write it up"})[0].Task
	var ce *ConflictError
	if _, err := f.try("alice", TimeBoxExpired{Task: boxed}); !errors.As(err, &ce) {
		t.Fatalf("claimed before the box ran out: %v", err)
	}
	if _, err := f.try("alice", TimeBoxExpired{Task: plain}); !errors.As(err, &ce) {
		t.Fatalf("claimed a task without a box: %v", err)
	}
	f.now = f.now.Add(5 * time.Minute)
	es := f.do("bob", TimeBoxExpired{Task: boxed})
	if e := es[0]; e.Kind != KindTimeBoxExpired || e.Task != boxed || e.Text != "Roll back" || e.To != "bob" || e.From == "" {
		t.Errorf("claim wrote %+v", e)
	}
	var ue *UnchangedError
	if _, err := f.try("carol", TimeBoxExpired{Task: boxed}); !errors.As(err, &ue) {
		t.Errorf("a second claim: %v, want nothing changed", err)
	}
	done := f.do("alice", TaskAdd{Title: "Page the DBA", Within: time.Minute})[0].Task
	f.do("alice", TaskSet{Task: done, State: TaskDone})
	f.now = f.now.Add(5 * time.Minute)
	if _, err := f.try("alice", TimeBoxExpired{Task: done}); !errors.As(err, &ue) {
		t.Errorf("a claim on a task done in time: %v, want nothing changed", err)
	}
}
