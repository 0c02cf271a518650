package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

func (a *app) logCmd() *cobra.Command {
	var kind, role string
	cmd := &cobra.Command{
		Use:   "log TEXT",
		Short: "Add an entry to the timeline",
		Long: `Add an entry to the timeline, signed with your name (--as, WARROOM_USER or
your login name) and the current time. TEXT may be several words; "-" reads
it from standard input.

Kinds: note (default), decision, action, theory, followup; or start the text
with d: (decision), a: (action), th: (theory) or todo: (follow-up).
Start it with @14:02 or -5m to record something that happened then (shown
as backdated); the future is refused, before the declaration is fine.`,
		Example: `  warroom log "error rate back under 1%"
  warroom log --kind decision "fail over to the secondary region"
  warroom log --role tl/database "replica lag 40s"
  warroom log "@13:52 d: first alert fired; declaring"
  warroom log "-5m first alert fired"`,
		Args: needText("TEXT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			text, err := a.textArg(args)
			if err != nil {
				return err
			}
			q, err := model.ParseQuick(text, time.Now(), time.Local)
			if err != nil {
				return err
			}
			if cmd.Flags().Changed("kind") {
				if q.Kind, err = model.ParseLogKind(kind); err != nil {
					return err
				}
			}
			ref, err := a.optionalRole(role)
			if err != nil {
				return err
			}
			_, entries, err := a.apply(cmd.Context(), model.Log{Kind: q.Kind, Role: ref, Text: q.Text, At: q.At}, false)
			if err != nil {
				return err
			}
			a.say("logged %s %s\n", i18n.Word(entries[0].Kind), entries[0].ID)
			return nil
		},
	}
	cmd.Flags().StringVar(&kind, "kind", "note", "entry kind: note, decision, action, theory, followup")
	cmd.Flags().StringVar(&role, "role", "", "the role the entry is about: ROLE or ROLE/WORKSTREAM")
	_ = cmd.RegisterFlagCompletionFunc("kind", fixedCompletion("note", "decision", "action", "theory", "followup"))
	_ = cmd.RegisterFlagCompletionFunc("role", a.completeRoles)
	return cmd
}

// optionalRole parses an optional ROLE or ROLE/WORKSTREAM flag.
func (a *app) optionalRole(v string) (model.RoleRef, error) {
	if v == "" {
		return model.RoleRef{}, nil
	}
	return model.ParseRoleRef(a.catalog, v)
}
