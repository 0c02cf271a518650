package main

import (
	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

func (a *app) releaseCmd() *cobra.Command {
	var workstream string
	cmd := &cobra.Command{
		Use:   "release ROLE",
		Short: "Give a role back to the incident manager",
		Long: `Give a role back to the incident manager, who holds it again as if it had
never been handed to anyone (warroom show marks it with *). ROLE is a role
key or alias, optionally with a workstream: tl/database, or --workstream
database. The incident manager role itself is handed on, never given back.`,
		Example: `  warroom release scribe
  warroom release tl/database`,
		Args:              exactly("ROLE"),
		ValidArgsFunction: a.completeReleasable,
		RunE: func(cmd *cobra.Command, args []string) error {
			ref, err := a.roleArg(args[0], workstream)
			if err != nil {
				return err
			}
			st, entries, err := a.apply(cmd.Context(), model.Release{Role: ref}, false)
			if err != nil {
				return err
			}
			a.say("%s: %s → the incident manager (%s)\n", safetext.Line(ref.Label(a.catalog, a.lang)),
				safetext.Line(entries[0].From), safetext.Line(st.Commander()))
			return nil
		},
	}
	cmd.Flags().StringVar(&workstream, "workstream", "", "which instance of the role, when it is split (database, network, external…)")
	return cmd
}
