package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

func (a *app) followupCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "followup",
		Short: "Track the remediation to do after the incident",
		Long: `Follow-ups are the remediation after the incident, the problem manager's to
track: kept apart from the incident's tasks, each with an owner, a due date
and a ticket in your tracker. "todo:" at the start of a note adds one.`,
		Args: noArgs,
		RunE: showHelp,
	}
	var owner, due, ticket string
	add := &cobra.Command{
		Use:   "add TITLE [--owner NAME] [--due YYYY-MM-DD] [--ticket REF]",
		Short: "Add a follow-up",
		Args:  needText("TITLE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			title, err := a.textArg(args)
			if err != nil {
				return err
			}
			_, entries, err := a.apply(cmd.Context(), model.Log{Kind: model.KindFollowup, Text: title}, false)
			if err != nil {
				return err
			}
			id := entries[0].FollowUp
			if owner != "" || due != "" || ticket != "" {
				// Details that are all blank change nothing: the follow-up
				// was added all the same.
				_, _, err = a.apply(cmd.Context(), model.FollowUpDetails{FollowUp: id, Owner: owner, Due: due, Ticket: ticket}, false)
				if err != nil && !errors.As(err, new(*model.UnchangedError)) {
					return err
				}
			}
			a.say("follow-up %s: %s\n", id, safetext.Line(title))
			return nil
		},
	}
	add.Flags().StringVar(&owner, "owner", "", "who does it")
	add.Flags().StringVar(&due, "due", "", "when it is due: YYYY-MM-DD")
	add.Flags().StringVar(&ticket, "ticket", "", "its ticket in your tracker")
	_ = add.RegisterFlagCompletionFunc("owner", a.completePeople)

	var sOwner, sDue, sTicket string
	set := &cobra.Command{
		Use:               "set ID [--owner NAME] [--due YYYY-MM-DD] [--ticket REF]",
		Short:             "Change a follow-up's owner, due date or ticket",
		Args:              exactly("a follow-up ID"),
		ValidArgsFunction: a.completeFollowUps(true),
		RunE: func(cmd *cobra.Command, args []string) error {
			if sOwner == "" && sDue == "" && sTicket == "" {
				return usage("give --owner, --due or --ticket")
			}
			_, entries, err := a.apply(cmd.Context(), model.FollowUpDetails{FollowUp: args[0], Owner: sOwner, Due: sDue, Ticket: sTicket}, false)
			if err != nil {
				return err
			}
			a.say("follow-up %s changed\n", entries[0].FollowUp)
			return nil
		},
	}
	set.Flags().StringVar(&sOwner, "owner", "", "who does it")
	set.Flags().StringVar(&sDue, "due", "", "when it is due: YYYY-MM-DD")
	set.Flags().StringVar(&sTicket, "ticket", "", "its ticket in your tracker")

	done := func(verb, short string, isDone bool) *cobra.Command {
		return &cobra.Command{
			Use:               verb + " ID",
			Short:             short,
			Args:              exactly("a follow-up ID"),
			ValidArgsFunction: a.completeFollowUps(isDone),
			RunE: func(cmd *cobra.Command, args []string) error {
				_, entries, err := a.apply(cmd.Context(), model.FollowUpSet{FollowUp: args[0], Done: isDone}, false)
				if err != nil {
					return err
				}
				a.say("follow-up %s changed\n", entries[0].FollowUp)
				return nil
			},
		}
	}
	var across, asJSON bool
	list := &cobra.Command{
		Use:   "list",
		Short: "List the follow-ups",
		Long: `List the incident's follow-ups. With --all-incidents, every follow-up not
done of every incident in the folder of incidents (--dir): its incident,
owner, due date and ticket, the overdue ones first.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if across {
				return a.followUpsAcross(asJSON)
			}
			if asJSON {
				return usage("--json goes with --all-incidents")
			}
			st, err := a.load()
			if err != nil {
				return err
			}
			if len(st.FollowUps) == 0 {
				a.say("No follow-ups yet. Add one with `warroom followup add TITLE`, or a note starting with todo:.\n")
				return nil
			}
			l := a.lang
			for _, f := range st.FollowUps {
				state := l.T("open")
				if f.Done {
					state = l.T("done")
				}
				fmt.Fprintf(a.stdout, "%s  %-8s  %-12s  %-10s  %-12s  %s\n", safetext.Line(f.ID), state, safetext.Line(f.Owner),
					safetext.Line(f.Due), safetext.Line(f.Ticket), safetext.Line(f.Title))
			}
			return nil
		},
	}
	list.Flags().BoolVar(&across, "all-incidents", false, "every open follow-up of every incident in the folder (--dir)")
	list.Flags().BoolVar(&asJSON, "json", false, "with --all-incidents: print JSON")
	cmd.AddCommand(add, set, list,
		done("done", "Mark a follow-up done", true),
		done("reopen", "Reopen a follow-up", false))
	return cmd
}
