package hooks

import (
	"context"
	"sync"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

// Blocker is a check that refused a resolve: the hook, and why — the
// first line of its output, or how it ended when it printed nothing.
type Blocker struct {
	Hook   Hook
	Reason i18n.Message
	Result Result
}

// Checks runs the check hooks on ev (a resolve requested) whose condition
// holds, all at once, each bounded by its timeout, and waits for them. A
// check that exits non-zero, is killed at its timeout or cannot start
// blocks the resolve; its output's first line is the reason. It returns
// the blockers, in the order the hooks were read, and every run, to be
// recorded in the timeline like any hook's. The error is ctx's, when it
// ended before the checks did: then no check may be taken as passed.
func Checks(ctx context.Context, hs []Hook, ev Event) ([]Blocker, []Result, error) {
	var checks []Hook
	for _, h := range hs {
		if h.Check && h.Matches(ev) {
			checks = append(checks, h)
		}
	}
	results := make([]Result, len(checks))
	var wg sync.WaitGroup
	for i, h := range checks {
		wg.Go(func() { results[i] = Run(ctx, h, ev) })
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, results, err
	}
	var out []Blocker
	for _, r := range results {
		if r.Outcome == model.HookOK {
			continue
		}
		out = append(out, Blocker{Hook: r.Hook, Reason: reason(r), Result: r})
	}
	return out, results, nil
}

// reason is why a check refused: what it said, else how it ended.
func reason(r Result) i18n.Message {
	switch {
	case r.Outcome == model.HookError:
		return i18n.M("it could not start: %s", r.Output)
	case r.Output != "":
		return i18n.M("%s", r.Output)
	case r.Outcome == model.HookTimeout:
		return i18n.M("it did not answer within %s", r.Hook.Timeout.String())
	case r.Exit < 0:
		return i18n.M("a signal ended it")
	}
	return i18n.M("it exited with status %d", r.Exit)
}
