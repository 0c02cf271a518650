package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/report"
	"github.com/warroom/warroom/model/store"
)

func (a *app) catchupCmd() *cobra.Command {
	var since, forName string
	cmd := &cobra.Command{
		Use:   "catchup [--since WHEN] [--for NAME]",
		Short: "What changed since you (or NAME) last took part",
		Long: `Print what changed in the incident since you last took part — your last
entry, or the last time you had a screen on it on this machine, whichever
is later — or since WHEN: the status and severity now and their changes;
role changes, first those that concern you; tasks added, given to you,
done; updates sent and when the next is due; theories decided; decisions
and key moments; then how many other entries, by kind and by person, and
one line per bot. Someone who has not taken part yet gets the whole
incident so far.

WHEN is as log takes it: @14:02 (today), -30m (before now) or an RFC 3339
time. --for NAME catches someone else up: the incident manager briefing a
new responder. It reads the incident and writes nothing, not even that
you read it.`,
		Example: `  warroom catchup
  warroom catchup --since -30m
  warroom catchup --for dave`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var from time.Time
			if since != "" {
				var err error
				if from, err = model.ParseWhen(since, time.Now(), time.Local); err != nil {
					return err
				}
			}
			who := forName
			if who == "" {
				who = a.actor()
			}
			if err := model.CheckName(who); err != nil {
				return err
			}
			st, err := a.load()
			if err != nil {
				return err
			}
			screen, _ := store.LastSeen(a.path(), who)
			o := a.opts()
			a.print("%s", report.CatchUp(st, report.CatchUpFor(st, who, from, screen, o), o))
			return nil
		},
	}
	cmd.Flags().StringVar(&since, "since", "", "from this time instead: @14:02, -30m or an RFC 3339 time")
	cmd.Flags().StringVar(&forName, "for", "", "whom it is for (default: you, see --as)")
	_ = cmd.RegisterFlagCompletionFunc("for", a.completePeople)
	return cmd
}
