package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

func (a *app) declineCmd() *cobra.Command {
	var workstream, forName, reason string
	cmd := &cobra.Command{
		Use:   "decline ROLE --reason TEXT [--for NAME]",
		Short: "Decline a role handed to you, saying why: it goes back to whoever held it before",
		Long: `Decline a role handed to you and not yet accepted, saying why: it goes back
to whoever held it before (the previous holder, or the incident manager by
default), and the timeline records the decline and its reason, so that
the incident manager can hand it to someone else. ROLE is a role key or
alias, optionally with a workstream: tl/database, or --workstream database.

The incident manager, or whoever made the handoff, records a decline
given by phone with --for NAME. A role already accepted is given up by
handing it on (warroom handoff) or back (warroom release).`,
		Example: `  warroom decline tl --reason "on call for payments until 16:00"
  warroom decline ic --for dave --reason "dave is driving; back at 15:30"`,
		Args:              exactly("ROLE"),
		ValidArgsFunction: a.completeAwaiting,
		RunE: func(cmd *cobra.Command, args []string) error {
			ref, err := a.roleArg(args[0], workstream)
			if err != nil {
				return err
			}
			if strings.TrimSpace(reason) == "" {
				return usage("%s needs --reason TEXT: why, so that the incident manager can hand it to someone else", cmd.CommandPath())
			}
			st, entries, err := a.apply(cmd.Context(), model.Decline{Role: ref, For: forName, Reason: reason}, false)
			if err != nil {
				return err
			}
			e := entries[0]
			label := safetext.Line(ref.Label(a.catalog, a.lang))
			if e.To == "" {
				a.say("%s: declined by %s; back to the incident manager (%s)\n", label, safetext.Line(e.From), safetext.Line(st.Commander()))
			} else {
				a.say("%s: declined by %s; back to %s\n", label, safetext.Line(e.From), safetext.Line(e.To))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", "why you cannot take it")
	cmd.Flags().StringVar(&forName, "for", "", "the holder, when you record their decline for them (as the incident manager, or who handed it)")
	cmd.Flags().StringVar(&workstream, "workstream", "", "which instance of the role, when it is split (database, network, external…)")
	_ = cmd.RegisterFlagCompletionFunc("for", a.completeAwaitingHolders)
	return cmd
}
