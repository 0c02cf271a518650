package main

import (
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
	st, err := store.Load(a.path())
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, p := range st.People {
		out = append(out, safetext.Line(p.Name))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeTasks offers task ids with their titles.
func (a *app) completeTasks(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	return a.completeIDs(args, func(st model.State) (out []string) {
		for _, t := range st.Tasks {
			out = append(out, safetext.Line(t.ID)+"\t"+safetext.Line(t.Title))
		}
		return out
	})
}

// completeTheories offers theory ids with their texts.
func (a *app) completeTheories(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	return a.completeIDs(args, func(st model.State) (out []string) {
		for _, t := range st.Theories {
			out = append(out, safetext.Line(t.ID)+"\t"+safetext.Line(t.Text))
		}
		return out
	})
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

// completeHandoff offers roles, then people.
func (a *app) completeHandoff(cmd *cobra.Command, args []string, s string) ([]string, cobra.ShellCompDirective) {
	switch len(args) {
	case 0:
		return a.completeRoles(cmd, args, s)
	case 1:
		return a.completePeople(cmd, args, s)
	}
	return nil, cobra.ShellCompDirectiveNoFileComp
}
