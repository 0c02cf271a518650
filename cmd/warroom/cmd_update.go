package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

func (a *app) updateCmd() *cobra.Command {
	var audience string
	cmd := &cobra.Command{
		Use:   "update TEXT [--audience external|internal|executive|social]",
		Short: "Record an update sent to an audience, and when the next is due",
		Long: `Record an update the communications manager sent: to the status page
(external), the company (internal), executives or social channels. Each is
a timeline entry of kind comms. Each severity has a rhythm per audience
(SEV1: external every 20 minutes, internal every 30, the first 5 minutes
after the declaration; SEV2: 30 and 60; SEV3: external every hour); the
screen's header shows when the next is due, for everyone, and is loud once
it is overdue.`,
		Example: `  warroom update --audience external "We are investigating failed card payments at checkout."`,
		Args:    needText("TEXT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			text, err := a.textArg(args)
			if err != nil {
				return err
			}
			aud, err := model.ParseAudience(audience)
			if err != nil {
				return err
			}
			st, _, err := a.apply(cmd.Context(), model.CommsUpdate{Audience: aud, Text: text}, false)
			if err != nil {
				return err
			}
			l := i18n.Lang(a.lang)
			if next, ok := st.SoonestUpdate(model.DefaultCadence()); ok {
				a.say("%s update recorded; next %s update due at %s\n", i18n.Word(aud), i18n.Word(next.Audience), next.Due.In(time.Local).Format("15:04"))
				return nil
			}
			a.say("%s update recorded\n", l.T(aud))
			return nil
		},
	}
	cmd.Flags().StringVar(&audience, "audience", "external", "external, internal, executive or social")
	_ = cmd.RegisterFlagCompletionFunc("audience", fixedCompletion(model.Audiences...))
	return cmd
}
