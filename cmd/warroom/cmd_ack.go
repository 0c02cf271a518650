package main

import (
	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

func (a *app) ackCmd() *cobra.Command {
	var workstream, forName string
	cmd := &cobra.Command{
		Use:     "ack ROLE [--for NAME]",
		Aliases: []string{"accept"},
		Short:   "Accept a role handed to you",
		Long: `Accept a role handed to you. A role handed to someone is theirs at once,
but warroom show marks it "not yet accepted" until they accept it (or
decline it: warroom decline). ROLE is a role key or alias, optionally with
a workstream: tl/database, or --workstream database.

The incident manager, or whoever made the handoff, records an acceptance
given by phone with --for NAME: the timeline says "accepted by bob,
confirmed by alice". A role you took yourself needs no acceptance.`,
		Example: `  warroom ack tl
  warroom ack tl/database
  warroom ack comms --for carol     # carol accepted by phone`,
		Args:              exactly("ROLE"),
		ValidArgsFunction: a.completeAwaiting,
		RunE: func(cmd *cobra.Command, args []string) error {
			ref, err := a.roleArg(args[0], workstream)
			if err != nil {
				return err
			}
			_, entries, err := a.apply(cmd.Context(), model.Accept{Role: ref, For: forName}, false)
			if err != nil {
				return err
			}
			e := entries[0]
			label := safetext.Line(ref.Label(a.catalog, a.lang))
			if model.SameName(e.By, e.To) {
				a.say("%s: accepted by %s\n", label, safetext.Line(e.To))
			} else {
				a.say("%s: accepted by %s, confirmed by %s\n", label, safetext.Line(e.To), safetext.Line(e.By))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&forName, "for", "", "the holder, when you record their acceptance for them (as the incident manager, or who handed it)")
	cmd.Flags().StringVar(&workstream, "workstream", "", "which instance of the role, when it is split (database, network, external…)")
	_ = cmd.RegisterFlagCompletionFunc("for", a.completeAwaitingHolders)
	return cmd
}
