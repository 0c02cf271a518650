package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/report"
	"github.com/warroom/warroom/model/safetext"
	"github.com/warroom/warroom/model/sample"
	"github.com/warroom/warroom/model/store"
)

func (a *app) demoCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "Open a realistic sample incident in a temporary file",
		Long: `Write a realistic sample incident (a SEV1 with two tech leads, split
communications, a few dozen timeline entries and tasks in every state) to a
new temporary file, and show it. Every other command works on it when
pointed at that file, so you can try warroom without touching a real one.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := os.MkdirTemp("", "warroom-demo-")
			if err != nil {
				return fmt.Errorf("demo: %w", err)
			}
			path := filepath.Join(dir, defaultFile)
			st, err := sample.Incident(a.catalog, time.Now().UTC().Truncate(time.Second), model.RandomIDs{})
			if err != nil {
				return err
			}
			data, err := store.Encode(st)
			if err != nil {
				return err
			}
			if err := store.WriteAtomic(path, data, 0o644); err != nil {
				return err
			}
			fmt.Fprint(a.stdout, report.Show(st, report.ShowOptions{Options: a.opts(), Entries: 12}))
			q := safetext.Line(path)
			a.print("\nThe sample incident is in %s. Try:\n", q)
			a.print("  export WARROOM_FILE=%s\n", q)
			a.print("  warroom handoff scribe zoe --note \"take over the timeline\"\n")
			a.print("  warroom task list --all\n")
			a.print("  warroom export | less\n")
			return nil
		},
	}
}
