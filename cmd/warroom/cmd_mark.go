package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
)

func (a *app) markCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "mark impact|detected|acknowledged|mitigated [WHEN]",
		Short: "Mark when the impact started, or was detected, acknowledged or mitigated",
		Long: `Mark a milestone of the incident: when its impact started, or when it
was detected, acknowledged or mitigated. The review measures its clocks
from them (time to detect, acknowledge, mitigate and resolve) and says
which were marked and which inferred (from the declaration and the
status changes).

WHEN is when it happened, as log takes it: @14:02 (today), -5m (before
now) or an RFC 3339 time; now by default. Marking a milestone again
corrects it: the latest mark holds. A mark is a timeline entry, and u on
the screen takes it back. A note backdated with log never moves one.`,
		Example: `  warroom mark impact @13:52
  warroom mark detected -5m
  warroom mark acknowledged
  warroom mark mitigated 2026-11-25T14:40:00Z`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 2 {
				return nil
			}
			return exactly("a milestone")(cmd, args)
		},
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return []string{"-5m", "@"}, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
			}
			return wordStrings(model.Milestones), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := model.ParseMilestone(args[0])
			if err != nil {
				return err
			}
			var at time.Time
			if len(args) == 2 {
				if at, err = model.ParseWhen(args[1], time.Now(), time.Local); err != nil {
					return err
				}
			}
			_, entries, err := a.apply(cmd.Context(), model.Mark{Milestone: m, At: at}, false)
			if err != nil {
				return err
			}
			e := entries[0]
			a.say("marked %s at %s (%s)\n", m, e.At.In(time.Local).Format("2006-01-02 15:04:05"), e.ID)
			return nil
		},
	}
}

// wordStrings is a list of typed words as plain strings.
func wordStrings[T ~string](ws []T) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = string(w)
	}
	return out
}
