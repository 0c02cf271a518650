package main

import (
	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

func (a *app) titleCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "title TEXT",
		Short: "Change the incident's title",
		Long: `Change the incident's title, as what is known changes ("Checkout API
returning 500s" becomes "Card payments failing after deploy 142"). The
timeline records the new title and the old one. TEXT may be several words;
"-" reads it from standard input.`,
		Example: `  warroom title "Card payments failing after deploy 142"`,
		Args:    needText("TEXT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			text, err := a.textArg(args)
			if err != nil {
				return err
			}
			st, _, err := a.apply(cmd.Context(), model.SetTitle{Title: text}, false)
			if err != nil {
				return err
			}
			a.say("title: %s\n", safetext.Line(st.Incident.Title))
			return nil
		},
	}
}
