package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model/report"
	"github.com/warroom/warroom/model/safetext"
	"github.com/warroom/warroom/model/store"
)

func (a *app) checkCmd() *cobra.Command {
	var accept bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check that the incident file is whole, or accept an edit by hand",
		Long: `Read the whole incident file and say how it stands: the incident it holds,
where warroom last wrote it whole (its checkpoint) and the changes appended
since, and anything wrong with it: a file cut short or with records taken
out, which warroom refuses to write over; an edit by hand since warroom
wrote it; text after the last change that was not written whole (a crash
while writing, or text added by hand), which the next change moves to
NAME.torn beside the file.

A merge conflict that a strict git merge left for people to decide (see
warroom merge-driver) is listed, with how to decide it, and the exit status
is 1 until it is decided.

After editing the file by hand, run it with --accept: everything in the
file, text after the last change included, is taken as the incident and
the file is written whole. A file with a mistake in it is refused and left
as it was.`,
		Example: `  warroom check
  warroom check --accept`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path := a.path()
			if accept {
				st, err := store.Accept(cmd.Context(), path)
				if err != nil {
					return a.explain(err)
				}
				a.say("accepted %s as it is: incident %s, %d entries, %d tasks\n",
					safetext.Line(path), safetext.Line(st.Incident.ID), len(st.Timeline), len(st.Tasks))
				return nil
			}
			h, st, err := store.Inspect(path)
			if st.Declared() {
				a.say("%s: incident %s, %d entries, %d tasks\n", safetext.Line(path), safetext.Line(st.Incident.ID), len(st.Timeline), len(st.Tasks))
			}
			if err != nil {
				return a.explain(err)
			}
			switch {
			case !h.Sealed:
				a.say("written whole by an earlier warroom, or with no entries yet; the next change writes it whole again\n")
			default:
				a.say("a checkpoint of %s, written whole, and %d changes appended since (%s)\n", size(h.Checkpoint), h.Commits, size(h.Appended))
			}
			if h.Edited {
				a.say("changed by hand since warroom wrote it; the next change writes it whole\n")
			}
			if h.Unsealed > 0 {
				a.say("%s at its end were not written whole (a crash while writing, or an edit by hand): the next change moves them to %s, or --accept takes them as they are\n",
					size(h.Unsealed), safetext.Line(store.TornPath(path)))
			}
			if h.Comment {
				a.say("it ends with comments, which warroom does not keep in the file: the next change moves them to %s\n",
					safetext.Line(store.TornPath(path)))
			}
			if h.CommentLine > 0 {
				a.say("line %d holds a comment: warroom does not keep comments in the file, and the next change that writes it whole leaves them out; keep notes in the timeline (warroom log)\n",
					h.CommentLine)
			}
			if h.Sealed && !h.Edited && h.Unsealed == 0 {
				a.say("whole: every change in it is sealed\n")
			}
			if open := st.OpenConflicts(); len(open) > 0 {
				for _, l := range report.ConflictLines(open, a.opts()) {
					a.print("%s\n", l)
				}
				return failf("%s: merge conflicts left for people to decide: %d", path, len(open))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&accept, "accept", false, "take the file as it is now, after an edit by hand, and write it whole")
	return cmd
}

// size renders a number of bytes for people.
func size(n int64) string {
	switch {
	case n < 10<<10:
		return fmt.Sprintf("%d B", n)
	case n < 10<<20:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}
