package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

func (a *app) customersCmd() *cobra.Command {
	var channel, role string
	cmd := &cobra.Command{
		Use:   "customers +N --channel tickets|calls|social",
		Short: "Count customer reports by channel",
		Long: `Count customer reports as they come in: support tickets, phone calls,
social media mentions. The customer support lead's and social media lead's
panes show the totals and the trend over the last 30 minutes; the review
has the totals. A count is 1 or more: reports are counted up, never down.`,
		Example: `  warroom customers +3 --channel tickets
  warroom customers 12 --channel social --role social`,
		Args: countArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := strconv.Atoi(strings.TrimPrefix(args[0], "+"))
			if err != nil {
				return usage("%q is not a count; give a number such as +3", args[0])
			}
			if n < 1 {
				return usage("%s: a count of customer reports is a number of 1 or more, such as +3; reports are counted up, never down", args[0])
			}
			ch, err := model.ParseChannel(channel)
			if err != nil {
				return err
			}
			ref, err := a.optionalRole(role)
			if err != nil {
				return err
			}
			st, _, err := a.applyReading(cmd.Context(), model.Customers{Role: ref, Channel: ch, Count: n}, false, model.CustomerKinds)
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
	cmd.Flags().StringVar(&channel, "channel", string(model.ChannelTickets), "tickets, calls or social")
	cmd.Flags().StringVar(&role, "role", model.CustomerSupportLead, "the role counting: ROLE or ROLE/WORKSTREAM")
	_ = cmd.RegisterFlagCompletionFunc("channel", fixedCompletion(model.Channels...))
	cmd.AddCommand(a.customersReportCmd())
	return cmd
}

// countArgs requires the one count; a word that is not a number but
// looks like a subcommand mistyped gets the ones it may have meant.
func countArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		if _, err := strconv.Atoi(strings.TrimPrefix(args[0], "+")); err != nil {
			if err := suggest(cmd, args[0]); err != nil {
				return err
			}
		}
	}
	return exactly("a count")(cmd, args)
}

func (a *app) customersReportCmd() *cobra.Command {
	var channel, role, answers string
	cmd := &cobra.Command{
		Use:   "report TEXT [--channel tickets|calls|social] [--answers ID|none]",
		Short: "Log a notable customer report or social post, word for word",
		Long: `Log a customer report worth keeping word for word — a large customer, a
journalist, a post going viral — as its own timeline entry: a social post
on the social channel, a customer report on the others. It is linked to
the external update it answers: the latest sent, or the one --answers
names (none for no link). warroom update list shows the updates.`,
		Example: `  warroom customers report "Northwind cannot take card payments in any store" --channel calls
  warroom customers report "@shopwatch: checkout broken for 15 minutes" --channel social --role social`,
		Args: needText("TEXT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			text, err := a.textArg(args)
			if err != nil {
				return err
			}
			if _, err := strconv.Atoi(strings.TrimPrefix(strings.TrimSpace(text), "+")); err == nil {
				return usage("%q is a count, not a report; to count reports: warroom customers %s --channel %s", text, strings.TrimSpace(text), channel)
			}
			ch, err := model.ParseChannel(channel)
			if err != nil {
				return err
			}
			if role == "" {
				role = model.CustomerSupportLead
				if ch == model.ChannelSocial {
					role = model.SocialMediaLead
				}
			}
			ref, err := a.optionalRole(role)
			if err != nil {
				return err
			}
			_, entries, err := a.apply(cmd.Context(), model.Notable{Role: ref, Channel: ch, Text: text, Answers: answers}, false)
			if err != nil {
				return err
			}
			what := i18n.Word("notable customer report")
			if entries[0].Kind == model.KindSocialPost {
				what = i18n.Word("notable social post")
			}
			if e := entries[0]; e.Entry != "" {
				a.say("%s logged, linked to update %s\n", what, e.Entry)
				return nil
			}
			a.say("%s logged\n", what)
			return nil
		},
	}
	cmd.Flags().StringVar(&channel, "channel", string(model.ChannelTickets), "tickets, calls or social")
	cmd.Flags().StringVar(&role, "role", "", "the role logging it (default: the customer support lead, or the social media lead for social)")
	cmd.Flags().StringVar(&answers, "answers", "", "the external update it answers (default: the latest sent; none for no link)")
	_ = cmd.RegisterFlagCompletionFunc("channel", fixedCompletion(model.Channels...))
	_ = cmd.RegisterFlagCompletionFunc("role", a.completeRoles)
	return cmd
}
