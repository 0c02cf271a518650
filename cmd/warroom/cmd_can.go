package main

import (
	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
)

func (a *app) canCmd() *cobra.Command {
	var conditions, actions, needs, role string
	cmd := &cobra.Command{
		Use:   "can --conditions TEXT --actions TEXT --needs TEXT",
		Short: "Record a CAN report: conditions, actions, needs",
		Long: `Record a CAN report, as one timeline entry: the Conditions as they are now,
the Actions under way, and what is Needed. The incident manager's pane
shows the latest ones, newest first.`,
		Example: `  warroom can --role tl/database --conditions "error rate 4% and falling" \
    --actions "watching pool saturation" --needs "someone from payments"`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ref, err := a.optionalRole(role)
			if err != nil {
				return err
			}
			_, entries, err := a.apply(cmd.Context(), model.CAN{Role: ref, Conditions: conditions, Actions: actions, Needs: needs}, false)
			if err != nil {
				return err
			}
			a.say("CAN report %s recorded\n", entries[0].ID)
			return nil
		},
	}
	cmd.Flags().StringVar(&conditions, "conditions", "", "the conditions, as they are now")
	cmd.Flags().StringVar(&actions, "actions", "", "the actions under way")
	cmd.Flags().StringVar(&needs, "needs", "", "what is needed")
	cmd.Flags().StringVar(&role, "role", "", "the role reporting: ROLE or ROLE/WORKSTREAM")
	_ = cmd.RegisterFlagCompletionFunc("role", a.completeRoles)
	return cmd
}
