package main

import (
	"strconv"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

func (a *app) statusCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "status investigating|identified|monitoring|resolved|closed",
		Short: "Move the incident through its lifecycle",
		Long: `Move the incident through its lifecycle:
investigating → identified → monitoring → resolved → closed.
Every change is timestamped in the timeline; moving back is allowed and
recorded as such.`,
		Args:              exactly("a STATUS"),
		ValidArgsFunction: a.completeChoice(statusWords(), func(s model.State) string { return string(s.Incident.Status) }),
		RunE: func(cmd *cobra.Command, args []string) error {
			status, err := model.ParseStatus(args[0])
			if err != nil {
				return err
			}
			if status == model.Resolved {
				// The check hooks on resolve_requested may refuse it (hooks.go).
				if err := a.checkResolve(cmd.Context()); err != nil {
					return err
				}
			}
			_, entries, err := a.apply(cmd.Context(), model.SetStatus{Status: status}, false)
			if err != nil {
				return err
			}
			a.say("status %s → %s\n", i18n.Word(entries[0].From), i18n.Word(entries[0].To))
			return nil
		},
	}
}

func (a *app) sevCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "sev 1|2|3|unset",
		Short: "Set the severity",
		Long: `Set the severity:
  1  SEV1 ` + model.Sev1.Definition() + `
  2  SEV2 ` + model.Sev2.Definition() + `
  3  SEV3 ` + model.Sev3.Definition(),
		Args:              exactly("a severity (1, 2, 3 or unset)"),
		ValidArgsFunction: a.completeChoice(severityWords, severityWord),
		RunE: func(cmd *cobra.Command, args []string) error {
			sev, err := model.ParseSeverity(args[0])
			if err != nil {
				return err
			}
			_, entries, err := a.apply(cmd.Context(), model.SetSeverity{Severity: sev}, false)
			if err != nil {
				return err
			}
			a.say("severity %s → %s\n", i18n.Word(entries[0].From), i18n.Word(entries[0].To))
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
