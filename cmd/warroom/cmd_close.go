package main

import (
	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
)

func (a *app) closeCmd() *cobra.Command {
	var workstream, note string
	cmd := &cobra.Command{
		Use:   "close ROLE/WORKSTREAM",
		Short: "Close a workstream of a split role",
		Long: `Close one workstream of a role split with handoff --workstream, once its
work is done: nobody holds it any more and it leaves the roles; the review
keeps who held it until when. Its open tasks go back to the role itself
(tl/database's to tl), each with the person who owns it, so that every one
still has an owner: the role's holder, else the incident manager.
Handing the workstream to someone again opens it again.

To close the incident itself: warroom status closed.`,
		Example: `  warroom close tl/database --note "primary healthy for an hour"
  warroom close comms --workstream internal`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usage("%s needs %s; to close the incident: warroom status closed", cmd.CommandPath(), i18n.Word("ROLE/WORKSTREAM"))
			}
			return exactly("ROLE/WORKSTREAM")(cmd, args)
		},
		ValidArgsFunction: a.completeWorkstreams,
		RunE: func(cmd *cobra.Command, args []string) error {
			ref, err := a.roleArg(args[0], workstream)
			if err != nil {
				return err
			}
			st, entries, err := a.apply(cmd.Context(), model.CloseWorkstream{Role: ref, Note: note}, false)
			if err != nil {
				return err
			}
			a.say("closed %s\n", safetext.Line(ref.Label(a.catalog, a.lang)))
			var moved []model.Entry
			for _, e := range entries[1:] {
				if e.Kind == model.KindTaskAssigned {
					moved = append(moved, e)
				}
			}
			if len(moved) == 0 {
				return nil
			}
			role := model.RoleRef{Role: ref.Role}
			holder, _ := st.Holder(role)
			label := safetext.Line(role.Label(a.catalog, a.lang))
			a.print("%s", a.lang.N(len(moved), "%d open task goes back to %s, held by %s:\n|%d open tasks go back to %s, held by %s:\n",
				len(moved), label, safetext.Line(holder)))
			for _, e := range moved {
				a.print("  %s  %s\n", safetext.Line(e.Task), safetext.Line(e.Text))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&workstream, "workstream", "", "the workstream to close, if not given as ROLE/WORKSTREAM")
	cmd.Flags().StringVar(&note, "note", "", "why it closes, for the timeline")
	return cmd
}
