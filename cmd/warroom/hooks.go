package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/hooks"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/tui"
)

// The hooks of one run of warroom: the config's [[hook]] tables, then
// those of the hooks files (--hooks, else WARROOM_HOOKS), and for a
// served war room those of its team file. Never the incident file's.
//
// A change made here runs the hooks on the events it wrote, handed to a
// runner of their own (`warroom hooks run-job`, hidden) so that this
// command, screen or server never waits for them.

// hookSet is what the hooks' files held: the hooks, and each file that
// had a mistake (none of its hooks run).
type hookSet struct {
	loaded   bool
	hooks    []hooks.Hook
	problems []error
	warned   bool
}

// hookFiles are the hooks files named by --hooks, else by WARROOM_HOOKS:
// one or several paths, separated as in PATH.
func (a *app) hookFiles() []string {
	v := a.hooksFlag
	if v == "" {
		v = a.getenv("WARROOM_HOOKS")
	}
	var out []string
	for _, p := range filepath.SplitList(v) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// hookList reads the hooks once: the config's, then the hooks files'.
func (a *app) hookList() ([]hooks.Hook, []error) {
	if a.hookset.loaded {
		return a.hookset.hooks, a.hookset.problems
	}
	a.hookset.loaded = true
	add := func(hs []hooks.Hook, err error) {
		if err != nil {
			a.hookset.problems = append(a.hookset.problems, err)
			return
		}
		a.hookset.hooks = append(a.hookset.hooks, hs...)
	}
	path := configPath(a.getenv)
	data, err := os.ReadFile(path)
	switch {
	case err == nil:
		add(hooks.Parse(path, data))
	case !errors.Is(err, fs.ErrNotExist):
		add(nil, &hooks.ConfigError{Path: path, Msg: i18n.M("%s", err.Error())})
	}
	for _, f := range a.hookFiles() {
		add(hooks.ReadFile(f))
	}
	return a.hookset.hooks, a.hookset.problems
}

// addTeamHooks adds the hooks of a served war room's team file.
func (a *app) addTeamHooks(team string) {
	a.hookList()
	hs, err := hooks.ReadTeamFile(team)
	if err != nil {
		a.hookset.problems = append(a.hookset.problems, err)
		return
	}
	a.hookset.hooks = append(a.hookset.hooks, hs...)
}

// warnHooks says, once, which hooks files have a mistake: their hooks do
// not run until it is fixed.
func (a *app) warnHooks() {
	_, problems := a.hookList()
	if a.hookset.warned {
		return
	}
	a.hookset.warned = true
	for _, err := range problems {
		a.warn("warning: %s; its hooks do not run until it is fixed", describe(err, a.errorLang()))
	}
}

// hookWarning is the first mistake in the hooks, for the screen.
func (a *app) hookWarning() i18n.Message {
	_, problems := a.hookList()
	if len(problems) == 0 {
		return i18n.Message{}
	}
	return i18n.M("warning: %s; its hooks do not run until it is fixed", explained{problems[0]})
}

// explained is an error said in the reader's language.
type explained struct{ err error }

func (e explained) In(l i18n.Lang) string { return describe(e.err, l) }

// incidentFile is the incident file as hooks are given it: absolute.
func (a *app) incidentFile() string {
	if abs, err := filepath.Abs(a.path()); err == nil {
		return abs
	}
	return a.path()
}

// hookRunner is the command that runs a job of hooks: this very program.
func hookRunner() ([]string, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	return []string{exe, "hooks", "run-job"}, nil
}

// fireEvents hands the hooks on evs to a runner; report is told why they
// could not be.
func (a *app) fireEvents(evs []hooks.Event, report func(error)) {
	hs, _ := a.hookList()
	runs := hooks.Plan(hs, evs)
	if len(runs) == 0 {
		return
	}
	argv, err := hookRunner()
	if err == nil {
		err = hooks.Spawn(argv, hooks.Job{Replica: a.replica, Runs: runs})
	}
	if err != nil && report != nil {
		report(err)
	}
}

// fired runs the hooks on what a change made here wrote; st is the
// incident after it. Used by the command line, which says on standard
// error why they could not run.
func (a *app) fired(st model.State, added []model.Entry) {
	if len(added) == 0 {
		return
	}
	a.warnHooks()
	a.fireEvents(hooks.Events(st, added, a.incidentFile()), func(err error) {
		a.warn("the hooks did not run: %s", err.Error())
	})
}

// firedQuietly is fired for a screen or a server, which has no standard
// error to say anything on.
func (a *app) firedQuietly(st model.State, added []model.Entry) {
	a.fireEvents(hooks.Events(st, added, a.incidentFile()), nil)
}

// claims watches the incident file for time boxes that run out, while ctx
// lasts, when a hook runs on them: of all processes that do, only one
// claims each box and runs its hooks.
func (a *app) claims(ctx context.Context) {
	hs, _ := a.hookList()
	if !slices.ContainsFunc(hs, func(h hooks.Hook) bool { return slices.Contains(h.On, model.EventTimeBoxExpired) }) {
		return
	}
	go hooks.ClaimTimeBoxes(ctx, hooks.ClaimOptions{File: a.incidentFile(), Actor: a.actor(), Replica: a.replica},
		func(evs []hooks.Event) { a.fireEvents(evs, nil) })
}

// resolveChecks runs the check hooks of a change to status to, when it
// resolves the incident (or closes what was never resolved) and a hook
// runs on resolve_requested (checks). What the checks refused comes back
// as blockers for the change, which lists them with the exit criteria of
// the incident's policy, and which --force --reason overrides like those.
func (a *app) resolveChecks(ctx context.Context, to model.Status) ([]model.Blocker, error) {
	if to != model.Resolved && to != model.Closed || !a.hasResolveHooks() {
		return nil, nil
	}
	a.warnHooks()
	st, err := a.load()
	if err != nil || st.Incident.Status == model.Resolved || st.Incident.Status == model.Closed {
		return nil, err // nothing to resolve: the change says so itself
	}
	return a.checks(ctx, st, a.actor(), func(err error) { a.warn("%s", err.Error()) })
}

// hasResolveHooks reports whether a hook runs on resolve_requested, or a
// hooks file has a mistake (which may hide a check).
func (a *app) hasResolveHooks() bool {
	hs, problems := a.hookList()
	return len(problems) > 0 || slices.ContainsFunc(hs, func(h hooks.Hook) bool { return slices.Contains(h.On, model.EventResolveRequested) })
}

// checks asks for a resolve of st, by actor: the hooks on
// resolve_requested that are not checks are handed to a runner, the
// checks run here, all at once, and each run is recorded; report is told
// what could not be. It returns what the checks refused.
func (a *app) checks(ctx context.Context, st model.State, actor string, report func(error)) ([]model.Blocker, error) {
	hs, _ := a.hookList()
	ev := hooks.ResolveRequested(st, actor, a.incidentFile(), time.Now())
	a.fireEvents([]hooks.Event{ev}, func(err error) { report(fmt.Errorf("the hooks did not run: %w", err)) })
	blockers, runs, err := hooks.Checks(ctx, hs, ev)
	for _, r := range runs {
		if rerr := hooks.Record(ctx, r, a.replica); rerr != nil {
			report(rerr)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("the check hooks did not finish: %w", err)
	}
	out := make([]model.Blocker, 0, len(blockers))
	for _, b := range blockers {
		out = append(out, model.CheckBlocker(b.Hook.Command(), b.Reason))
	}
	// A hooks file with a mistake runs none of its hooks: a check it
	// holds cannot say no, so the resolve waits until it is fixed (or is
	// forced), rather than go through unchecked.
	_, problems := a.hookList()
	for _, err := range problems {
		out = append(out, model.Blocker{Rule: model.CheckRule,
			Reason: i18n.M("a hooks file has a mistake, so its checks could not run (%s)", explained{err})})
	}
	return out, nil
}

// screenChecks is what a screen (or a served one) runs before a resolve
// asked for on it, when a hook runs on resolve_requested; nil otherwise.
// It has no standard error to speak on: what could not be recorded is
// left unsaid, and the checks' runs are in the timeline.
func (a *app) screenChecks() tui.ResolveChecks {
	if !a.hasResolveHooks() {
		return nil
	}
	return func(ctx context.Context, st model.State, actor string) ([]model.Blocker, error) {
		return a.checks(ctx, st, actor, func(error) {})
	}
}
