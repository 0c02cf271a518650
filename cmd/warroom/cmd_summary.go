package main

import (
	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
)

func (a *app) summaryCmd() *cobra.Command {
	var clear bool
	cmd := &cobra.Command{
		Use:   "summary TEXT|--clear",
		Short: "Write or rewrite the incident's summary",
		Long: `Write the incident's summary: what is known, in a few lines: what is
affected, since when, the cause once it is found. Writing it again replaces
it; --clear removes it. The timeline records every version, and the review
opens with the latest. TEXT may be several words; "-" reads it, lines and
all, from standard input.`,
		Example: `  warroom summary "Card payments fail at checkout since deploy 142."
  warroom summary - < summary.txt
  warroom summary --clear`,
		Args: func(cmd *cobra.Command, args []string) error {
			if clear {
				if len(args) > 0 {
					return usage("give a summary or --clear, not both")
				}
				return nil
			}
			return needText("TEXT")(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			text := ""
			if !clear {
				var err error
				if text, err = a.textArg(args); err != nil {
					return err
				}
			}
			st, _, err := a.apply(cmd.Context(), model.SetSummary{Summary: text}, false)
			if err != nil {
				return err
			}
			if st.Incident.Summary == "" {
				a.say("summary cleared\n")
			} else {
				a.say("summary written\n")
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&clear, "clear", false, "remove the summary")
	return cmd
}
