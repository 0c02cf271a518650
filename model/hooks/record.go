package hooks

import (
	"context"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// Op is the operation that records r in the timeline.
func (r Result) Op() model.HookRan {
	op := model.HookRan{Event: r.Event.Event, Command: shorten(r.Hook.Command(), model.MaxEntry), Outcome: r.Outcome, Exit: r.Exit,
		Took: r.Took, Output: r.Output, Task: r.Event.Task}
	if r.Event.Entry != nil {
		op.Cause = r.Event.Entry.ID
	}
	if op.Outcome == model.HookFailed && op.Exit == 0 {
		op.Exit = -1
	}
	return op
}

// Record writes r into the incident file it ran for, as one change like
// any other (model.HookRan, through the store's lock), signed by whoever
// made its event happen. It writes nothing into a file that holds another
// incident by then.
func Record(ctx context.Context, r Result, replica string) error {
	file := r.Event.Incident.File
	op := r.Op()
	env := model.Env{Now: time.Now().UTC().Truncate(time.Millisecond), Actor: r.Event.Actor, Replica: replica, IDs: model.RandomIDs{}}
	_, err := store.UpdateWith(ctx, file, store.UpdateOptions{Reads: model.Needs(op)}, func(s model.State) (model.State, error) {
		if s.Incident.ID != r.Event.Incident.ID {
			return s, fmt.Errorf("%s now holds incident %s, not %s: the run of %s is not recorded", file, s.Incident.ID, r.Event.Incident.ID, op.Command)
		}
		next, _, err := s.Apply(model.DefaultCatalog(), op, env)
		return next, err
	})
	if err != nil {
		return fmt.Errorf("record the run of %s on %s: %w", op.Command, op.Event, err)
	}
	return nil
}

// shorten cuts s to at most max characters, the last an ellipsis: a
// command too long for an entry is still recorded, by its start.
func shorten(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}
