package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
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
new temporary file, and open the war-room screen on it. Every other command
works on it too (--file), so you can try warroom without touching a real
incident. You are alice, its incident manager, unless --as (or
WARROOM_USER) says otherwise.`,
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
			if a.as == "" && a.getenv("WARROOM_USER") == "" {
				a.as = st.Commander()
			}
			data, err := store.Encode(st)
			if err != nil {
				return err
			}
			if err := store.WriteAtomic(path, data, 0o644); err != nil {
				return err
			}
			if err := a.screen(cmd.Context(), path); err != nil {
				return err
			}
			a.say("The sample incident is kept in %s; warroom --file %s opens it again.\n", safetext.Line(path), safetext.Line(path))
			return nil
		},
	}
}
