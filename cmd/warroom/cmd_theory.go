package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

func (a *app) theoryCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "theory",
		Short: "State, confirm and rule out theories of what failed and why",
		Long: `The tech lead's theories of what failed and why: state one, then confirm it
or rule it out as evidence comes in (with a note of the evidence), or
reopen it. Every change is in the timeline. Theory ids are short
("q7xp"); any unique start of one will do. "th:" at the start of a note
states a theory too.`,
		Args: noArgs,
		RunE: showHelp,
	}
	var role string
	add := &cobra.Command{
		Use:   "add TEXT",
		Short: "State a theory",
		Args:  needText("TEXT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			text, err := a.textArg(args)
			if err != nil {
				return err
			}
			if role == "" {
				role = model.TechLead
			}
			ref, err := a.optionalRole(role)
			if err != nil {
				return err
			}
			_, entries, err := a.apply(cmd.Context(), model.Log{Kind: model.KindTheory, Role: ref, Text: text}, false)
			if err != nil {
				return err
			}
			a.say("theory %s: %s\n", entries[0].Theory, safetext.Line(text))
			return nil
		},
	}
	add.Flags().StringVar(&role, "role", "", "whose theory: ROLE or ROLE/WORKSTREAM (default: tech_lead)")
	_ = add.RegisterFlagCompletionFunc("role", a.completeRoles)

	set := func(verb, short string, state model.TheoryState) *cobra.Command {
		var note string
		c := &cobra.Command{
			Use:               verb + " ID",
			Short:             short,
			Args:              exactly("a theory ID"),
			ValidArgsFunction: a.completeTheories(state),
			RunE: func(cmd *cobra.Command, args []string) error {
				_, entries, err := a.apply(cmd.Context(), model.TheorySet{Theory: args[0], State: state, Note: note}, false)
				if err != nil {
					return err
				}
				a.say("theory %s is now %s\n", entries[0].Theory, state)
				return nil
			},
		}
		c.Flags().StringVar(&note, "note", "", "the evidence")
		return c
	}
	list := &cobra.Command{
		Use:   "list",
		Short: "List the theories",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.load()
			if err != nil {
				return err
			}
			l := a.lang
			if len(st.Theories) == 0 {
				a.say("No theories yet. State one with `warroom theory add TEXT`.\n")
				return nil
			}
			for _, t := range st.Theories {
				fmt.Fprintf(a.stdout, "%s  %-10s  %s\n", safetext.Line(t.ID), t.State.In(l), safetext.Line(t.Text))
			}
			return nil
		},
	}
	cmd.AddCommand(add, list,
		set("confirm", "Confirm a theory", model.TheoryConfirmed),
		set("rule-out", "Rule a theory out", model.TheoryRuledOut),
		set("reopen", "Reopen a confirmed or ruled-out theory", model.TheoryOpen),
	)
	return cmd
}
