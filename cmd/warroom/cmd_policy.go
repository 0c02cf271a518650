package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
)

func (a *app) policyCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "policy",
		Short: "Show the incident's policy: update rhythms, approval, who sends external updates, the time a handoff may wait",
		Long: `Show the incident's policy, kept in its file so that every screen and
every command agrees on it, whoever's config they run with: how often
each audience expects an update at each severity (and when the first is
due after the declaration), which audiences' updates the incident
manager approves before they count as sent, who sends external updates
as written, and how long a handoff may wait for its holder's answer.

The declaration sets it from the declarer's config ([comms]) or the
defaults; warroom policy set changes one rule, and the timeline records
it.`,
		Example: `  warroom policy
  warroom policy set sev1.external 15m
  warroom policy set approval.external on
  warroom policy set external_by anyone
  warroom policy set accept_within 5m
  warroom policy set bots pagerbot,deploybot`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.load()
			if err != nil {
				return err
			}
			a.writePolicy(st.Policy())
			return nil
		},
	}
	cmd.AddCommand(a.policySetCmd())
	return cmd
}

func (a *app) policySetCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "set RULE VALUE",
		Short: "Change one rule of the incident's policy, as the incident manager",
		Long: `Change one rule of the incident's policy, as the incident manager; the
timeline records the old value and the new. Rules:

  sevN.first                  when the first update is due after the declaration
                              (none: one rhythm after it)
  sevN.external, .internal,   how often that audience expects an update at SEVn:
  .executive, .social         a duration from 1m to 24h, or none
  approval.AUDIENCE           on or off: the incident manager approves that
                              audience's updates before they count as sent
  external_by                 comms (the default): an external update from
                              anyone who holds neither the communications
                              manager's role nor the incident manager's is a
                              draft for the communications manager; anyone:
                              everyone sends them as written
  accept_within               how long a handoff may wait for its holder's answer
  resolve.open_tasks,         on or off: what resolving needs — no task left open,
  .roles_answered,            every role handed answered, an external update once
  .external_update,           the fix is in (status monitoring), a summary, an
  .summary, .followup_owners  owner for every follow-up
  bots                        the incident's automated actors, NAME[,NAME…] or
                              none: their entries are dimmed on screens and
                              left out of the review's timeline and clocks`,
		Args:              exactly("a RULE", "a VALUE"),
		ValidArgsFunction: completePolicy,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, entries, err := a.apply(cmd.Context(), model.SetPolicy{Rule: args[0], Value: args[1]}, false)
			if err != nil {
				return err
			}
			e := entries[0]
			a.say("policy: %s %s → %s\n", e.Text, i18n.Word(e.From), i18n.Word(e.To))
			return nil
		},
	}
}

// writePolicy prints p: a table of rhythms, then approval and handoffs.
func (a *app) writePolicy(p model.Policy) {
	t := a.lang.T
	tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
	head := []string{t("Updates"), t("first")}
	for _, aud := range model.Audiences {
		head = append(head, aud.In(a.lang))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	cadence := p.Cadence()
	for _, sev := range []model.Severity{model.Sev1, model.Sev2, model.Sev3} {
		first := t("one rhythm")
		if d := cadence.First[sev]; d > 0 {
			first = model.Span(d).String()
		}
		row := []string{sev.String(), first}
		for _, aud := range model.Audiences {
			row = append(row, spanWord(a.lang, model.Span(cadence.Every[sev][aud])))
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	_ = tw.Flush()
	var approved []string
	for _, aud := range model.Audiences {
		if p.NeedsApproval(aud) {
			approved = append(approved, aud.In(a.lang))
		}
	}
	if len(approved) == 0 {
		a.say("Approval: none; updates count as sent when written\n")
	} else {
		a.say("Approval: %s updates wait for the incident manager's approval\n", strings.Join(approved, ", "))
	}
	if p.OpenTo(model.AudienceExternal) {
		a.say("External updates: anyone sends them as written\n")
	} else {
		a.say("External updates: sent as written by the communications manager and the incident manager; anyone else's are drafts for the communications manager\n")
	}
	a.say("Handoffs: answered within %s, else the screens warn\n", p.AcceptWithin.String())
	var needs []string
	for _, rule := range model.PolicyRules() {
		if v, _ := p.Rule(rule); strings.HasPrefix(rule, "resolve.") && v == "on" {
			needs = append(needs, a.lang.T(exitCriterionText[rule]))
		}
	}
	if len(needs) == 0 {
		a.say("Resolving needs: nothing\n")
	} else {
		a.say("Resolving needs: %s\n", strings.Join(needs, ", "))
	}
	if bots := p.BotNames(); len(bots) > 0 {
		a.say("Bots: %s; their entries are dimmed, and left out of the review's timeline\n", safetext.Line(strings.Join(bots, ", ")))
	} else {
		a.say("Bots: none\n")
	}
}

// exitCriterionText says what each exit criterion asks for.
var exitCriterionText = map[string]string{
	"resolve.open_tasks":      "no task left open",
	"resolve.roles_answered":  "every role handed answered",
	"resolve.external_update": "an external update once the fix is in",
	"resolve.summary":         "a summary",
	"resolve.followup_owners": "an owner for every follow-up",
}

// spanWord is a rhythm as the policy table shows it: "20m", or "no
// rhythm" in the reader's language.
func spanWord(l i18n.Lang, s model.Span) string {
	if s <= 0 {
		return l.T("no rhythm")
	}
	return s.String()
}

// completePolicy offers the rules, then values that suit the rule.
func completePolicy(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	switch {
	case len(args) == 0:
		return model.PolicyRules(), cobra.ShellCompDirectiveNoFileComp
	case len(args) == 1 && strings.HasPrefix(strings.ToLower(args[0]), "approval."):
		return []string{"on", "off"}, cobra.ShellCompDirectiveNoFileComp
	case len(args) == 1 && strings.EqualFold(args[0], "external_by"):
		return []string{"comms", "anyone"}, cobra.ShellCompDirectiveNoFileComp
	case len(args) == 1 && strings.EqualFold(args[0], "bots"):
		return []string{"none"}, cobra.ShellCompDirectiveNoFileComp
	case len(args) == 1 && strings.EqualFold(args[0], "accept_within"):
		return []string{"2m", "5m", "10m"}, cobra.ShellCompDirectiveNoFileComp
	case len(args) == 1:
		return []string{"5m", "10m", "15m", "20m", "30m", "1h", "none"}, cobra.ShellCompDirectiveNoFileComp
	}
	return nil, cobra.ShellCompDirectiveNoFileComp
}
