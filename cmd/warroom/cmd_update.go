package main

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/report"
	"github.com/warroom/warroom/model/safetext"
)

func (a *app) updateCmd() *cobra.Command {
	var audience string
	var approval bool
	cmd := &cobra.Command{
		Use:   "update TEXT [--audience external|internal|executive|social]",
		Short: "Record an update sent to an audience, and when the next is due",
		Long: `Record an update the communications manager sent: to the status page
(external), the company (internal), executives or social channels. Each is
a timeline entry of kind comms. Each severity has a rhythm per audience
(SEV1: external every 20 minutes, internal every 30, the first 5 minutes
after the declaration; SEV2: 30 and 60; SEV3: external every hour); the
screen's header shows when the next is due, for everyone, and is loud once
it is overdue. The rhythms and which audiences need approval are the
incident's policy (warroom policy), set at declaration from the config's
[comms] section; the drafts are the config's.

Where the incident's policy asks for it (warroom policy set
approval.external on), or with --for-approval, an update by anyone but the
incident manager is a draft: it counts as sent once the incident manager
approves it. An external update from someone who holds neither the
communications manager's role nor the incident manager's is a draft for
the communications manager, who approves it (warroom policy set
external_by anyone lets everyone send them).`,
		Example: `  warroom update --audience external "We are investigating failed card payments at checkout."
  warroom update "$(warroom update draft)"
  warroom update approve e4k2`,
		Args: updateArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			text, err := a.textArg(args)
			if err != nil {
				return err
			}
			aud, err := model.ParseAudience(audience)
			if err != nil {
				return err
			}
			// Whether the audience's updates need approval is the incident's
			// policy, which the model applies.
			op := model.CommsUpdate{Audience: aud, Text: text, NeedsApproval: approval}
			st, entries, err := a.applyReading(cmd.Context(), op, false, model.CommsKinds)
			if err != nil {
				return err
			}
			if e := entries[0]; e.Kind == model.KindCommsDraft && e.To == model.CommunicationsManager {
				cm, _ := st.Holder(e.RoleRef())
				a.say("%s update drafted as %s: you hold neither the communications manager's role nor the incident manager's; it counts as sent once %s approves it: warroom update approve %s\n",
					aud, e.ID, safetext.Line(cm), e.ID)
				return nil
			}
			if e := entries[0]; e.Kind == model.KindCommsDraft {
				im := safetext.Line(st.Commander())
				a.say("%s update drafted as %s; it counts as sent once %s, the incident manager, approves it: warroom update approve %s\n",
					aud, e.ID, im, e.ID)
				return nil
			}
			a.sayNext(st, aud)
			return nil
		},
	}
	cmd.Flags().StringVar(&audience, "audience", string(model.AudienceExternal), "external, internal, executive or social")
	cmd.Flags().BoolVar(&approval, "for-approval", false, "a draft until the incident manager approves it")
	_ = cmd.RegisterFlagCompletionFunc("audience", fixedCompletion(model.Audiences...))
	cmd.AddCommand(a.updateApproveCmd(), a.updateRejectCmd(), a.updateDraftCmd(), a.updateListCmd())
	return cmd
}

// updateArgs requires the update's text. A first word one slip from a
// subcommand ("aprove", "lsit") is refused as a mistyped subcommand,
// rather than recorded as an update; -- before it records it as text all
// the same.
func updateArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 && cmd.ArgsLenAtDash() != 0 {
		if s := mistyped(cmd, args[0]); s != "" {
			return usage("unknown command %q for %q; did you mean %s? To record it as an update's text: warroom update -- %q",
				args[0], cmd.CommandPath(), s, strings.Join(args, " "))
		}
	}
	return needText("TEXT")(cmd, args)
}

// sayNext says an update to aud was sent and when its next is due.
func (a *app) sayNext(st model.State, aud model.Audience) {
	for _, next := range st.Comms(st.Policy().Cadence()).Next {
		if next.Audience == aud {
			a.say("%s update recorded; next %s update due at %s\n", aud, next.Audience, next.Due.In(time.Local).Format("15:04"))
			return
		}
	}
	a.say("%s update recorded\n", aud)
}

func (a *app) updateApproveCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "approve ID",
		Short: "Approve a draft update: it counts as sent from now",
		Long: `Approve a draft update, as the incident manager (or, for a draft for the
communications manager, as the communications manager): it counts as sent
from now, and the next update to its audience is due one rhythm later. Any
unique start of the draft's id will do; warroom update list shows them.`,
		Args:              exactly("a draft ID"),
		ValidArgsFunction: a.completeDrafts,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, entries, err := a.applyReading(cmd.Context(), model.ApproveUpdate{Draft: args[0]}, false, model.CommsKinds)
			if err != nil {
				return err
			}
			a.sayNext(st, entries[0].Audience())
			return nil
		},
	}
}

func (a *app) updateRejectCmd() *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:               "reject ID --reason TEXT",
		Short:             "Send a draft update back to its author, saying why",
		Args:              exactly("a draft ID"),
		ValidArgsFunction: a.completeDrafts,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, entries, err := a.apply(cmd.Context(), model.RejectUpdate{Draft: args[0], Reason: reason}, false)
			if err != nil {
				return err
			}
			a.say("draft %s sent back to %s\n", entries[0].Entry, safetext.Line(entries[0].From))
			return nil
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", "why, so the author can fix it")
	return cmd
}

func (a *app) updateDraftCmd() *cobra.Command {
	var audience, status string
	cmd := &cobra.Command{
		Use:   "draft [--status STATUS] [--audience AUDIENCE]",
		Short: "Print a draft update for the incident's status, to edit and send",
		Long: `Print a draft update for the incident's status (or --status), filled in
with the incident's fields: its title, severity, status, and when the next
update is due. Edit it and send it with warroom update. The config file's
[comms.templates] can hold the team's own drafts, one per status, with
the placeholders {title}, {severity}, {status}, {summary}, {declared},
{now} and {next}.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			aud, err := model.ParseAudience(audience)
			if err != nil {
				return err
			}
			var st model.Status
			if status != "" {
				if st, err = model.ParseStatus(status); err != nil {
					return err
				}
			}
			s, err := a.load()
			if err != nil {
				return err
			}
			a.print("%s\n", safetext.Line(model.OneLine(s.Draft(a.draftInput(st, aud)))))
			return nil
		},
	}
	cmd.Flags().StringVar(&audience, "audience", string(model.AudienceExternal), "whose rhythm {next} follows")
	cmd.Flags().StringVar(&status, "status", "", "the status to draft for (default: the incident's)")
	_ = cmd.RegisterFlagCompletionFunc("audience", fixedCompletion(model.Audiences...))
	_ = cmd.RegisterFlagCompletionFunc("status", fixedCompletion(model.Statuses...))
	return cmd
}

// draftInput is how this run drafts updates.
func (a *app) draftInput(st model.Status, aud model.Audience) model.DraftInput {
	return model.DraftInput{Status: st, Audience: aud, Now: time.Now(), Loc: time.Local, Lang: a.lang,
		Templates: a.comms.Templates}
}

func (a *app) updateListCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the updates by audience, when the next is due, and the drafts awaiting approval",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.load()
			if err != nil {
				return err
			}
			now := time.Now()
			log := st.Comms(st.Policy().Cadence())
			due := map[model.Audience]time.Time{}
			for _, n := range log.Next {
				due[n.Audience] = n.Due
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
			for _, aud := range model.Audiences {
				sent := log.Sent[aud]
				last := a.lang.T("none sent")
				if len(sent) > 0 {
					e := sent[len(sent)-1]
					last = a.lang.T("last %s (%s ago)", e.At.In(time.Local).Format("15:04"), report.Age(now.Sub(e.At)))
				}
				next := ""
				if d, ok := due[aud]; ok {
					next = a.lang.T("next due %s", d.In(time.Local).Format("15:04"))
					if d.Before(now) {
						next = a.lang.T("OVERDUE by %s", report.Age(now.Sub(d)))
					}
				}
				fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", aud.In(a.lang), len(sent), last, next)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			if len(log.Pending) == 0 {
				return nil
			}
			a.say("\nAwaiting the incident manager's approval (warroom update approve ID):\n")
			tw = tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
			for _, d := range log.Pending {
				fmt.Fprintf(tw, "  %s\t%s\t%s\t%s: %s\n", safetext.Line(d.ID), d.At.In(time.Local).Format("15:04"), safetext.Line(d.Audience().In(a.lang)),
					safetext.Line(d.By), safetext.Line(d.Text))
			}
			return tw.Flush()
		},
	}
}

// completeDrafts offers the drafts awaiting approval, with their texts.
func (a *app) completeDrafts(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	return a.completeIDs(args, func(st model.State) (out []string) {
		for _, d := range st.PendingUpdates() {
			out = append(out, safetext.Line(d.ID)+"\t"+fmt.Sprintf("%s: %s", safetext.Line(string(d.Audience())), safetext.Line(d.Text)))
		}
		return out
	})
}
