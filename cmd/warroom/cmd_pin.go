package main

import (
	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

func (a *app) pinCmd() *cobra.Command {
	return a.pinVerb(false, "pin ID", "Pin a timeline entry as a key moment",
		`Pin a timeline entry as a key moment of the incident: the review opens its
timeline with the key moments, and the catch-up lists them. ID is the
entry's id, or any unique start of it (export --format json lists them;
log and the screen's entry view show them). warroom unpin ID takes it
back; both are timeline entries.`,
		`  warroom pin e8c2hv7pq3mzd
  warroom pin e8c2h`)
}

func (a *app) unpinCmd() *cobra.Command {
	return a.pinVerb(true, "unpin ID", "Take a pinned entry off the key moments",
		`Take a timeline entry pinned as a key moment off the key moments. ID is
the entry's id, or any unique start of it.`,
		`  warroom unpin e8c2hv7pq3mzd`)
}

// pinVerb builds pin and unpin, which differ only in what they ask.
func (a *app) pinVerb(unpin bool, use, short, long, example string) *cobra.Command {
	return &cobra.Command{
		Use: use, Short: short, Long: long, Example: example,
		Args: exactly("ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, entries, err := a.apply(cmd.Context(), model.Pin{Entry: args[0], Unpin: unpin}, false)
			if err != nil {
				return err
			}
			e := entries[0]
			if unpin {
				a.say("unpinned %s: %s\n", e.Entry, safetext.Line(e.Text))
			} else {
				a.say("pinned %s as a key moment: %s\n", e.Entry, safetext.Line(e.Text))
			}
			return nil
		},
	}
}
