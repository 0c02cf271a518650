package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

func (a *app) handoffCmd() *cobra.Command {
	var note, workstream string
	cmd := &cobra.Command{
		Use:   "handoff ROLE NAME",
		Short: "Hand a role to someone, with a briefing note",
		Long: `Hand a role to someone. ROLE is a role key or alias (see warroom roles),
optionally with a workstream: tl/database, or --workstream database.

To split a role into workstreams, hand each workstream to someone: they
become several roles ("Tech lead · database" and "Tech lead · network"),
each with its holder, tasks and history; the same works for internal and
external comms. warroom close ROLE/WORKSTREAM ends a workstream once its
work is done; warroom release ROLE gives a role back to the incident
manager.

Handing off the incident manager role also hands over every role the
incident manager still holds because nobody else was given it.

The role is the new holder's at once, marked "not yet accepted" until
they accept it (warroom ack ROLE) or decline it with a reason (warroom
decline ROLE --reason TEXT), which gives it back to whoever held it
before. A role you hand to yourself needs no acceptance.`,
		Example: `  warroom handoff tech_lead bob --workstream database --note "primary is flapping; runbook DB-7"
  warroom handoff tl dave --workstream network
  warroom handoff comms/external carol
  warroom handoff ic dave --note "going off shift; SEV1, rollback in progress"`,
		Args:              exactly("ROLE", "NAME"),
		ValidArgsFunction: a.completeHandoff,
		RunE: func(cmd *cobra.Command, args []string) error {
			ref, err := a.roleArg(args[0], workstream)
			if err != nil {
				return err
			}
			_, entries, err := a.apply(cmd.Context(), model.Handoff{Role: ref, To: args[1], Note: note}, false)
			if err != nil {
				return err
			}
			e := entries[0]
			a.say("%s: %s → %s\n", safetext.Line(ref.Label(a.catalog, a.lang)), safetext.Line(e.From), safetext.Line(e.To))
			if !model.SameName(e.To, e.By) {
				a.say("not yet accepted: %s accepts with `warroom ack %s`, or declines with `warroom decline %s --reason TEXT`\n",
					safetext.Line(e.To), safetext.Line(ref.String()), safetext.Line(ref.String()))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&note, "note", "", "briefing for the new holder")
	cmd.Flags().StringVar(&workstream, "workstream", "", "which instance of the role, when it is split (database, network, external…)")
	return cmd
}

// roleArg reads ROLE or ROLE/WORKSTREAM, with the workstream given either
// there or as --workstream.
func (a *app) roleArg(arg, workstream string) (model.RoleRef, error) {
	if workstream != "" {
		if strings.Contains(arg, "/") {
			return model.RoleRef{}, usage("give the workstream once: either %s or --workstream", arg)
		}
		arg += "/" + workstream
	}
	return model.ParseRoleRef(a.catalog, arg)
}
