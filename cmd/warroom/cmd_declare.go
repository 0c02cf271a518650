package main

import (
	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
)

func (a *app) declareCmd() *cobra.Command {
	var sev, commander, summary, service string
	var anew bool
	cmd := &cobra.Command{
		Use:   "declare TITLE",
		Short: "Declare an incident in a new file",
		Long: `Declare an incident: create the incident file (./warroom.toml, --file or
WARROOM_FILE) with its title, severity and incident manager. The incident
manager holds every role until it is handed to someone else.

Declaring over an existing incident is refused and leaves its file as it was.
So is declaring while an open incident in the folder of incidents (--dir)
has a title that shares most of this one's words: join that one with
--file, or declare anyway with --new.

The runbooks whose when holds for the new incident are applied to it (see
warroom runbook).

Severities: 1 = SEV1 critical (very high impact, e.g. a customer-facing
service down for everyone), 2 = SEV2 major, 3 = SEV3 minor; unset until
assessed.`,
		Example: `  warroom declare "Checkout API returning 500s" --sev 1 --commander alice`,
		Args:    needText("TITLE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			title, err := a.textArg(args)
			if err != nil {
				return err
			}
			severity, err := model.ParseSeverity(sev)
			if err != nil {
				return err
			}
			if !anew && a.servedAs == "" {
				if err := a.alreadyOpen(title); err != nil {
					return err
				}
			}
			st, entries, err := a.apply(cmd.Context(), a.withRunbooks(model.Declare{
				Title: title, Severity: severity, Commander: commander, Summary: summary, Service: service,
				Policy: a.comms.Policy(), // the incident keeps it: every copy agrees from now on
			}), true)
			if err != nil {
				return err
			}
			in := st.Incident
			a.say("declared %s %q (%s), incident manager %s, in %s\n",
				in.ID, safetext.Line(in.Title), i18n.Word(in.Severity.String()), safetext.Line(st.Commander()), safetext.Line(a.path()))
			a.sayRunbooks(entries)
			return nil
		},
	}
	cmd.Flags().StringVar(&sev, "sev", "unset", "severity: 1, 2, 3 or unset")
	cmd.Flags().StringVar(&commander, "commander", "", "the incident manager (default: you, see --as)")
	cmd.Flags().StringVar(&summary, "summary", "", "what is known so far")
	cmd.Flags().StringVar(&service, "service", "", "the service it is about, as the team names it (runbooks match on it)")
	cmd.Flags().BoolVar(&anew, "new", false, "declare even though an open incident of the folder has a title like this one")
	_ = cmd.RegisterFlagCompletionFunc("sev", fixedCompletion("1", "2", "3", "unset"))
	return cmd
}
