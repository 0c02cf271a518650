package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
	"github.com/warroom/warroom/model/store"
)

// Completions are shown on the terminal like any output: stored text in
// them is sanitised.

// completeRoles offers role keys and aliases, and the role instances
// (ROLE/WORKSTREAM) the incident already has.
func (a *app) completeRoles(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	out := a.catalog.AllNames()
	if st, err := store.Load(a.path()); err == nil {
		for _, as := range st.Assignments {
			if as.Workstream != "" {
				out = append(out, safetext.Line(as.Role+"/"+as.Workstream))
			}
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completePeople offers the people of the incident.
func (a *app) completePeople(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return a.people(""), cobra.ShellCompDirectiveNoFileComp
}

// people are the names of the incident's people but one (matched without
// regard to case), sanitised; none when the file does not load.
func (a *app) people(except string) []string {
	st, err := store.Load(a.path())
	if err != nil {
		return nil
	}
	var out []string
	for _, p := range st.People {
		if except == "" || !model.SameName(p.Name, except) {
			out = append(out, safetext.Line(p.Name))
		}
	}
	return out
}

// completeTasks offers the ids, with their titles, of the tasks that
// moving to state would change: open ones to start, open and started ones
// to finish or cancel, any not open to reopen.
func (a *app) completeTasks(state model.TaskState) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		return a.completeIDs(args, func(st model.State) (out []string) {
			for _, t := range st.Tasks {
				if t.State != state && (state == model.TaskOpen || t.Open()) {
					out = append(out, safetext.Line(t.ID)+"\t"+safetext.Line(t.Title))
				}
			}
			return out
		})
	}
}

// completeOpenTasks offers the tasks still to do, to give to someone.
func (a *app) completeOpenTasks(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	return a.completeIDs(args, func(st model.State) (out []string) {
		for _, t := range st.OpenTasks() {
			out = append(out, safetext.Line(t.ID)+"\t"+safetext.Line(t.Title))
		}
		return out
	})
}

// completeTheories offers the ids, with their texts, of the theories that
// moving to state would change: undecided ones to confirm or rule out,
// decided ones to reopen.
func (a *app) completeTheories(state model.TheoryState) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		return a.completeIDs(args, func(st model.State) (out []string) {
			for _, t := range st.Theories {
				if (t.State == model.TheoryOpen) != (state == model.TheoryOpen) {
					out = append(out, safetext.Line(t.ID)+"\t"+safetext.Line(t.Text))
				}
			}
			return out
		})
	}
}

// completeFollowUps offers the ids, with their titles, of the follow-ups
// whose done is not yet done: open ones to finish or change, done ones to
// reopen.
func (a *app) completeFollowUps(done bool) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		return a.completeIDs(args, func(st model.State) (out []string) {
			for _, f := range st.FollowUps {
				if f.Done != done {
					out = append(out, safetext.Line(f.ID)+"\t"+safetext.Line(f.Title))
				}
			}
			return out
		})
	}
}

// completeIDs completes a command's one id argument from the incident.
func (a *app) completeIDs(args []string, ids func(model.State) []string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	st, err := store.Load(a.path())
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return ids(st), cobra.ShellCompDirectiveNoFileComp
}

// completeChoice completes a command's one argument from a fixed list of
// values, leaving out the one the incident has now (current): choosing it
// would change nothing.
func (a *app) completeChoice(values []string, current func(model.State) string) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		st, err := store.Load(a.path())
		if err != nil || !st.Declared() {
			return values, cobra.ShellCompDirectiveNoFileComp
		}
		var out []string
		for _, v := range values {
			if v != current(st) {
				out = append(out, v)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeHandoff offers roles, then the people who do not hold that role
// already.
func (a *app) completeHandoff(cmd *cobra.Command, args []string, s string) ([]string, cobra.ShellCompDirective) {
	switch len(args) {
	case 0:
		return a.completeRoles(cmd, args, s)
	case 1:
		holder := ""
		if ref, err := model.ParseRoleRef(a.catalog, args[0]); err == nil {
			if st, err := store.Load(a.path()); err == nil && st.Declared() {
				if h, byDefault := st.Holder(ref); !byDefault {
					holder = h
				}
			}
		}
		return a.people(holder), cobra.ShellCompDirectiveNoFileComp
	}
	return nil, cobra.ShellCompDirectiveNoFileComp
}

// completeReleasable offers the role instances someone holds that could
// go back to the incident manager: every one handed to someone but the
// incident manager's own.
func (a *app) completeReleasable(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	return a.completeIDs(args, func(st model.State) (out []string) {
		for _, h := range st.Holdings(a.catalog) {
			if !h.Default && !h.Closed && h.Ref.Role != model.IncidentManager {
				out = append(out, safetext.Line(h.Ref.String())+"\t"+safetext.Line(h.Holder))
			}
		}
		return out
	})
}

// completeWorkstreams offers the open workstreams, to close.
func (a *app) completeWorkstreams(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	return a.completeIDs(args, func(st model.State) (out []string) {
		for _, h := range st.Holdings(a.catalog) {
			if h.Ref.Workstream != "" && !h.Closed {
				out = append(out, safetext.Line(h.Ref.String())+"\t"+safetext.Line(h.Holder))
			}
		}
		return out
	})
}

// completeAwaiting offers the role instances handed to someone who has
// not answered yet, that you may answer: those handed to you, and every
// one to the incident manager or to whoever handed it.
func (a *app) completeAwaiting(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	return a.completeIDs(args, func(st model.State) (out []string) {
		me := a.actor()
		im := model.SameName(me, st.Commander())
		for _, p := range st.PendingHandoffs(time.Now()) {
			if im || model.SameName(me, p.Holder) || model.SameName(me, p.By) {
				out = append(out, safetext.Line(p.Ref.String())+"\t"+safetext.Line(p.Holder))
			}
		}
		return out
	})
}

// completeAwaitingHolders offers, for --for, the holder of the role named
// (or of every handoff waiting for an answer).
func (a *app) completeAwaitingHolders(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	st, err := store.Load(a.path())
	if err != nil || !st.Declared() {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var want *model.RoleRef
	if len(args) > 0 {
		if ref, err := model.ParseRoleRef(a.catalog, args[0]); err == nil {
			want = &ref
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, p := range st.PendingHandoffs(time.Now()) {
		if (want == nil || p.Ref == *want) && !seen[p.Holder] {
			seen[p.Holder] = true
			out = append(out, safetext.Line(p.Holder))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
