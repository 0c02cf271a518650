package report

import (
	"github.com/warroom/warroom/model"
)

// describeHook says how a hook's run ended: the event, the command, the
// result and how long it ran, then the first line of what it printed.
func describeHook(e model.Entry, o Options) string {
	ev := line(model.HookEvent(e.Event).In(o.Lang))
	cmd, took := line(e.Command), line(e.Took)
	var s string
	switch exit, ok := e.HookExit(); {
	case e.Result == string(model.HookOK):
		s = o.t("hook on %s: %s, done in %s", ev, cmd, took)
	case ok:
		s = o.t("hook on %s: %s, exit status %d after %s", ev, cmd, exit, took)
	case e.Result == "signal":
		s = o.t("hook on %s: %s, ended by a signal after %s", ev, cmd, took)
	case e.Result == string(model.HookTimeout):
		s = o.t("hook on %s: %s, killed at its timeout after %s", ev, cmd, took)
	case e.Result == string(model.HookError):
		s = o.t("hook on %s: %s could not start", ev, cmd)
	default: // a result of a newer warroom
		s = o.t("hook on %s: %s, %s after %s", ev, cmd, line(e.Result), took)
	}
	if e.Text != "" {
		s += ": " + line(e.Text)
	}
	return s
}

// describeTimeBox says whose time box ran out.
func describeTimeBox(e model.Entry, o Options) string {
	if who := owner(e.RoleRef(), e.To, o); who != "" {
		return o.t("the time box of task %s %q ran out (owner: %s)", line(e.Task), line(e.Text), who)
	}
	return o.t("the time box of task %s %q ran out", line(e.Task), line(e.Text))
}
