package main

import (
	"strconv"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

func (a *app) statusCmd() *cobra.Command {
	var force bool
	var reason string
	cmd := &cobra.Command{
		Use:   "status investigating|identified|monitoring|resolved|closed",
		Short: "Move the incident through its lifecycle",
		Long: `Move the incident through its lifecycle:
investigating → identified → monitoring → resolved → closed.
Every change is timestamped in the timeline; moving back is allowed and
recorded as such.

Resolving (or closing what was never resolved) must meet the exit
criteria of the incident's policy (warroom policy): no task left open,
every role handed answered, an external update once the fix is in, a
summary, an owner for every follow-up — and the check hooks on
resolve_requested, if any (warroom hooks list). Until then it is refused
with what is missing; --force --reason TEXT resolves anyway, and the timeline
records why and what was missing.`,
		Example: `  warroom status identified
  warroom status resolved
  warroom status resolved --force --reason "customers are fine; the cleanup tasks can wait"`,
		Args:              exactly("a STATUS"),
		ValidArgsFunction: a.completeChoice(statusWords(), func(s model.State) string { return string(s.Incident.Status) }),
		RunE: func(cmd *cobra.Command, args []string) error {
			status, err := model.ParseStatus(args[0])
			if err != nil {
				return err
			}
			if reason != "" && !force {
				return usage("--reason goes with --force: it says why the incident is resolved though criteria are not met")
			}
			if force && status != model.Resolved && status != model.Closed {
				return usage("--force goes with resolved or closed: no other status has criteria to override")
			}
			checks, err := a.resolveChecks(cmd.Context(), status)
			if err != nil {
				return err
			}
			_, entries, err := a.apply(cmd.Context(), model.SetStatus{Status: status, Force: force, Reason: reason, Checks: checks}, false)
			if err != nil {
				return err
			}
			a.say("status %s → %s\n", i18n.Word(entries[0].From), i18n.Word(entries[0].To))
			if force && entries[0].Needs == "" {
				a.warn("nothing was missing, so --force overrode nothing and the reason is not recorded")
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "resolve though exit criteria are not met (needs --reason)")
	cmd.Flags().StringVar(&reason, "reason", "", "why the incident is resolved anyway, recorded in the timeline")
	return cmd
}

func (a *app) sevCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "sev 1|2|3|unset",
		Short: "Set the severity",
		Long: `Set the severity:
  1  SEV1 ` + model.Sev1.Definition() + `
  2  SEV2 ` + model.Sev2.Definition() + `
  3  SEV3 ` + model.Sev3.Definition() + `

When the severity rises, the runbooks whose when holds and that were not
applied yet are applied (see warroom runbook).`,
		Args:              exactly("a severity (1, 2, 3 or unset)"),
		ValidArgsFunction: a.completeChoice(severityWords, severityWord),
		RunE: func(cmd *cobra.Command, args []string) error {
			sev, err := model.ParseSeverity(args[0])
			if err != nil {
				return err
			}
			_, entries, err := a.apply(cmd.Context(), a.withRunbooks(model.SetSeverity{Severity: sev}), false)
			if err != nil {
				return err
			}
			a.say("severity %s → %s\n", i18n.Word(entries[0].From), i18n.Word(entries[0].To))
			a.sayRunbooks(entries)
			return nil
		},
	}
}

// statusWords are the statuses as typed on the command line.
func statusWords() []string {
	out := make([]string, len(model.Statuses))
	for i, s := range model.Statuses {
		out[i] = string(s)
	}
	return out
}

// severityWords are the severities as typed on the command line.
var severityWords = []string{"1", "2", "3", "unset"}

// severityWord is the incident's severity as typed on the command line.
func severityWord(s model.State) string {
	if s.Incident.Severity == model.SevUnset {
		return "unset"
	}
	return strconv.Itoa(int(s.Incident.Severity))
}
