package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/report"
	"github.com/warroom/warroom/model/runbook"
	"github.com/warroom/warroom/model/safetext"
	"github.com/warroom/warroom/model/store"
)

func (a *app) runbookCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "runbook",
		Short: "List, show and apply runbooks",
		Long: `Runbooks are a team's plans for a kind of incident, kept as data: one TOML
file each in runbooks/ in the folder of incidents (--dir), and a person's
own in runbooks/ beside the config. Each has a name, an owner, a review
date, a when (the hooks' condition language over the incident's severity,
title, service and status) and steps: tasks for roles, time-boxed, and
notes.

When an incident is declared, and again when its severity rises, each
runbook whose when holds and that was not applied yet is applied: its
tasks and notes are added as ordinary changes, each task saying which
runbook and step it came from. A runbook is applied once; it never runs
a command (hooks do that). A runbook past its review date is out of date:
the lists and the incident manager's board say so. A runbook with a
mistake is refused, with its file and line, and applies nothing.`,
		Args: noArgs,
		RunE: showHelp,
	}
	list := &cobra.Command{
		Use:   "list",
		Short: "List the runbooks and the files refused",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s := a.runbooksQuietly()
			if len(s.Books) == 0 && len(s.Problems) == 0 {
				a.say("No runbooks. Write one in %s.\n", safetext.Line(runbook.Folders(a.dir(), "")[0]))
				return nil
			}
			today := time.Now()
			for _, b := range s.Books {
				when := b.When
				if when == "" {
					when = a.lang.T("every incident")
				}
				review := b.Review
				if b.OutOfDate(today) {
					review = a.lang.T("%s OUT OF DATE", review)
				}
				a.print("%s\n", strings.Join([]string{safetext.Line(b.Name),
					a.lang.T("owner %s", orNone(a, b.Owner)), a.lang.T("review %s", orNone(a, review)),
					a.lang.T("when %s", safetext.Line(when)), a.lang.N(len(b.Steps), "%d step|%d steps", len(b.Steps)),
					safetext.Line(b.Path)}, " · "))
			}
			for _, err := range s.Problems {
				a.say("refused: %s\n", safetext.Line(describe(err, a.lang)))
			}
			return nil
		},
	}
	show := &cobra.Command{
		Use:               "show NAME",
		Short:             "Show a runbook's steps, and whether it applies to the incident",
		Args:              needText("NAME"),
		ValidArgsFunction: a.completeRunbooks,
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := a.findRunbook(strings.Join(args, " "))
			if err != nil {
				return err
			}
			a.print("%s", a.describeRunbook(b))
			return nil
		},
	}
	apply := &cobra.Command{
		Use:   "apply NAME",
		Short: "Apply a runbook to the incident, whatever its when",
		Long: `Apply a runbook to the incident now, whether or not its when holds: its
tasks and notes are added, once. Applied already, it changes nothing.`,
		Args:              needText("NAME"),
		ValidArgsFunction: a.completeRunbooks,
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := a.findRunbook(strings.Join(args, " "))
			if err != nil {
				return err
			}
			if b.OutOfDate(time.Now()) {
				a.warn("warning: runbook %q was due for review on %s (owner %s): check its steps", safetext.Line(b.Name), b.Review, orNone(a, b.Owner))
			}
			_, entries, err := a.apply(cmd.Context(), model.ApplyRunbook{Runbook: b.Runbook}, false)
			if err != nil {
				return err
			}
			a.sayRunbooks(entries)
			return nil
		},
	}
	cmd.AddCommand(list, show, apply)
	return cmd
}

// runbooksQuietly reads the runbooks without warning of the refused
// ones: for the commands that list them.
func (a *app) runbooksQuietly() runbook.Set {
	if a.runbookSet == nil {
		s := runbook.ReadDirs(a.catalog, runbook.Folders(a.dir(), configPath(a.getenv))...)
		a.runbookSet = &s
	}
	return *a.runbookSet
}

// findRunbook finds a runbook by name, in any case, naming those there
// are when it is not found.
func (a *app) findRunbook(name string) (runbook.Book, error) {
	s := a.runbooksQuietly()
	if b, ok := s.Find(name); ok {
		return b, nil
	}
	for _, err := range s.Problems {
		a.warn("warning: %s; this runbook is not applied until it is fixed", describe(err, a.errorLang()))
	}
	var names []string
	for _, b := range s.Books {
		names = append(names, b.Name)
	}
	return runbook.Book{}, &model.InvalidError{What: "runbook", Value: name, Valid: names}
}

// completeRunbooks offers the runbooks' names.
func (a *app) completeRunbooks(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, b := range a.runbooksQuietly().Books {
		out = append(out, b.Name)
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// describeRunbook is `warroom runbook show`: the runbook, its steps, and
// where it stands with the incident, when there is one.
func (a *app) describeRunbook(b runbook.Book) string {
	l := a.lang
	var s strings.Builder
	fmt.Fprintf(&s, "%s\n", safetext.Line(b.Name))
	fmt.Fprintf(&s, "  %s\n", l.T("file: %s", safetext.Line(b.Path)))
	fmt.Fprintf(&s, "  %s\n", l.T("owner: %s", orNone(a, b.Owner)))
	review := orNone(a, b.Review)
	if b.OutOfDate(time.Now()) {
		review = l.T("%s OUT OF DATE", review)
	}
	fmt.Fprintf(&s, "  %s\n", l.T("review: %s", review))
	when := b.When
	if when == "" {
		when = l.T("every incident")
	}
	fmt.Fprintf(&s, "  %s\n", l.T("when: %s", safetext.Line(when)))
	for i, st := range b.Steps {
		role := ""
		if !st.Role.IsZero() {
			role = " [" + safetext.Line(st.Role.Label(a.catalog, l)) + "]"
		}
		switch {
		case st.Note != "":
			fmt.Fprintf(&s, "  %d. %s%s\n", i+1, l.T("note: %s", safetext.Line(st.Note)), role)
		case st.Within > 0:
			fmt.Fprintf(&s, "  %d. %s%s\n", i+1, l.T("task: %s (within %s)", safetext.Line(st.Task), report.Age(st.Within)), role)
		default:
			fmt.Fprintf(&s, "  %d. %s%s\n", i+1, l.T("task: %s", safetext.Line(st.Task)), role)
		}
	}
	if st, err := a.loadQuietly(); err == nil && st.Declared() {
		in := st.Incident
		switch applied := appliedEntry(st, b.Name); {
		case applied != nil:
			fmt.Fprintf(&s, "%s\n", l.T("Applied to %s at %s by %s.", in.ID, applied.At.Local().Format("2006-01-02 15:04"), safetext.Line(applied.By)))
		case b.Matches(in):
			fmt.Fprintf(&s, "%s\n", l.T("Its when holds for %s: it applies at the next rise of the severity, or now with `warroom runbook apply`.", in.ID))
		default:
			fmt.Fprintf(&s, "%s\n", l.T("Its when does not hold for %s.", in.ID))
		}
	}
	return s.String()
}

// appliedEntry is the entry of st that applied the runbook named name.
func appliedEntry(st model.State, name string) *model.Entry {
	for _, e := range st.RunbooksApplied() {
		if model.SameName(e.Text, name) {
			return &e
		}
	}
	return nil
}

// loadQuietly reads the incident with the runbook entries, saying nothing.
func (a *app) loadQuietly() (model.State, error) {
	return store.LoadKinds(a.path(), model.RunbookKinds)
}

// orNone is s, or "none" in the chosen language when it is empty.
func orNone(a *app, s string) string {
	if strings.TrimSpace(s) == "" {
		return a.lang.T("none")
	}
	return safetext.Line(s)
}
