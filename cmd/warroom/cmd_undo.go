package main

import (
	"errors"
	"time"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
)

func (a *app) undoCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "undo [ENTRY]",
		Short: "Undo your latest change",
		Long: `Undo your latest change to the incident, wherever you made it (a
command, a screen, over SSH): of the entries you wrote (you are --as,
else WARROOM_USER, else the config's name, else your login name), the
newest that does not itself undo a change and was not undone already;
the hook runs and time boxes warroom recorded for you do not count. Run
again, it undoes the change before that one. ENTRY undoes an earlier
change of yours instead: the id of its entry, or any unique start of it
(export --format json lists them).

Undo makes the change that reverses yours, written in the timeline like
any other and marked as undoing it: a note or a milestone's mark is
taken back, a task goes back to its state and its credit, a role back to
whoever held it, the severity, status, title, summary or policy rule to
what it was, a pin comes off. What others changed since is never
overwritten: undo refuses and says who changed it, and when. A change
that cannot be undone (an update that went out, the declaration, an
answer to a handoff, a CAN report) is refused with what to do instead;
undo never takes back an earlier change in its place. Nothing left to
undo changes nothing, and exits 0.

On the screen, u undoes the changes made on that screen, newest first.`,
		Example: `  warroom undo
  warroom undo e8c2hv7pq3mzd
  warroom --as alice undo`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usage("%s takes at most the id of an entry, but got %d arguments", cmd.CommandPath(), len(args))
			}
			return nil
		},
		ValidArgsFunction: a.completeChanges,
		RunE: func(cmd *cobra.Command, args []string) error {
			op := model.Undo{}
			if len(args) == 1 {
				op.Entry = args[0]
			}
			st, entries, err := a.apply(cmd.Context(), op, false)
			var ue *model.UnchangedError
			var ce *model.ConflictError
			if op.Entry == "" && !errors.As(err, &ue) && errors.As(err, &ce) {
				return hintError{err: err, hint: i18n.M("to undo an earlier change of yours instead: `warroom undo ENTRY`")}
			}
			if err != nil {
				return err
			}
			undone, _ := st.Entry(entries[0].Undoes)
			// A change's name holds names from the file: sanitised.
			a.say("undone: %s (entry %s, made at %s)\n", safetext.Line(undone.ChangeName(a.catalog).In(a.lang)), safetext.Line(undone.ID),
				writtenAt(undone).In(time.Local).Format("15:04:05"))
			return nil
		},
	}
}

// writtenAt is when an entry was written: when it was recorded, for one
// backdated.
func writtenAt(e model.Entry) time.Time {
	if !e.Recorded.IsZero() {
		return e.Recorded
	}
	return e.At
}

// completeChanges offers the ids of the changes of yours that undo could
// take back, newest first, with what each was.
func (a *app) completeChanges(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	return a.completeIDs(args, func(st model.State) (out []string) {
		for _, e := range st.Changes(a.actor()) {
			if ok, _ := model.Undoable(e); ok && len(out) < 20 {
				out = append(out, safetext.Line(e.ID)+"\t"+safetext.Line(e.ChangeName(a.catalog).In(a.lang)))
			}
		}
		return out
	})
}
