package main

import "github.com/spf13/cobra"

// storyCmds are the verbs that tell the incident's story: its
// milestones, its key moments, and the catch-up for who was away.
func (a *app) storyCmds() []*cobra.Command {
	return []*cobra.Command{a.markCmd(), a.pinCmd(), a.unpinCmd(), a.catchupCmd()}
}
