package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
)

func (a *app) customersCmd() *cobra.Command {
	var channel, role string
	cmd := &cobra.Command{
		Use:   "customers +N --channel tickets|calls|social",
		Short: "Count customer reports by channel",
		Long: `Count customer reports as they come in: support tickets, phone calls,
social media mentions. The customer support lead's and social media lead's
panes show the totals and the trend over the last 30 minutes; the review
has the totals.`,
		Example: `  warroom customers +3 --channel tickets
  warroom customers 12 --channel social --role social`,
		Args: exactly("a count"),
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := strconv.Atoi(strings.TrimPrefix(args[0], "+"))
			if err != nil {
				return usage("%q is not a count; give a number such as +3", args[0])
			}
			ch, err := model.ParseChannel(channel)
			if err != nil {
				return err
			}
			ref, err := a.optionalRole(role)
			if err != nil {
				return err
			}
			st, _, err := a.apply(cmd.Context(), model.Customers{Role: ref, Channel: ch, Count: n}, false)
			if err != nil {
				return err
			}
			counts := st.Customers()
			var parts []string
			for _, c := range model.Channels {
				parts = append(parts, fmt.Sprintf("%s %d", c, counts[c]))
			}
			a.say("customer reports so far: %s\n", strings.Join(parts, " · "))
			return nil
		},
	}
	cmd.Flags().StringVar(&channel, "channel", "tickets", "tickets, calls or social")
	cmd.Flags().StringVar(&role, "role", "customer_support_lead", "the role counting: ROLE or ROLE/WORKSTREAM")
	_ = cmd.RegisterFlagCompletionFunc("channel", fixedCompletion(model.Channels...))
	return cmd
}
