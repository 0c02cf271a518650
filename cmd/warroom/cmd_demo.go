package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
	"github.com/warroom/warroom/model/sample"
	"github.com/warroom/warroom/model/store"
)

// maxDemoEntries bounds --entries: a million entries is a file of about
// 200 MB, near what warroom reads at most.
const maxDemoEntries = 1_000_000

func (a *app) demoCmd() *cobra.Command {
	var entries, tasks, incidents int
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Open a realistic sample incident in a temporary file",
		Long: `Write a realistic sample incident (a SEV1 with two tech leads, split
communications, a few dozen timeline entries and tasks in every state) to a
new temporary file, and open the war-room screen on it. Every other command
works on it too (--file), so you can try warroom without touching a real
incident. You are alice, its incident manager, unless --as (or
WARROOM_USER) says otherwise.

With --entries and --tasks it makes a long incident of that size: the
sample, then hours of alerts from a monitoring bot, notes, decisions,
tasks moving on, customer counts, updates on their rhythm and shift
handoffs. With --file it writes the incident there instead (never over an
existing file) and does not open the screen: for trying warroom, or
measuring it, on a big incident.

With --incidents N it writes, instead, a team's recent history: N
incidents of the past weeks, one file each, in --dir (a new temporary
folder when not given), for trying warroom incidents, stats, search and
statuspage.`,
		Example: `  warroom demo
  warroom demo --entries 100000 --tasks 1000 --file big.toml
  warroom demo --incidents 20 --dir history/ && warroom stats --dir history/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if incidents != 0 {
				if incidents < 0 || incidents > maxDemoIncidents || entries != 0 || tasks != 0 {
					return usage("--incidents takes 1 to %d, without --entries and --tasks", maxDemoIncidents)
				}
				return a.writeHistory(incidents)
			}
			if entries < 0 || entries > maxDemoEntries || tasks < 0 || tasks > entries {
				return usage("--entries takes 0 to %d and --tasks 0 to the number of entries", maxDemoEntries)
			}
			st, err := a.demoIncident(entries, tasks)
			if err != nil {
				return err
			}
			data, err := store.Encode(st)
			if err != nil {
				return err
			}
			if a.file != "" {
				return a.writeDemo(a.file, data, st)
			}
			dir, err := os.MkdirTemp("", "warroom-demo-")
			if err != nil {
				return fmt.Errorf("demo: %w", err)
			}
			path := filepath.Join(dir, defaultFile)
			if a.as == "" && a.getenv("WARROOM_USER") == "" {
				a.as = st.Commander()
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
	cmd.Flags().IntVar(&entries, "entries", 0, "make a long incident of this many timeline entries")
	cmd.Flags().IntVar(&tasks, "tasks", 0, "with --entries: this many tasks")
	cmd.Flags().IntVar(&incidents, "incidents", 0, "write a history of this many incidents to --dir instead")
	return cmd
}

// demoIncident is the sample, or a long incident when entries is set.
func (a *app) demoIncident(entries, tasks int) (model.State, error) {
	end := time.Now().UTC().Truncate(time.Second)
	if entries == 0 && tasks == 0 {
		return sample.Incident(a.catalog, end, model.RandomIDs{})
	}
	return sample.Large(a.catalog, end, model.RandomIDs{}, entries, tasks)
}

// writeDemo writes the sample to path, which must not exist yet.
func (a *app) writeDemo(path string, data []byte, st model.State) error {
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		return &model.ConflictError{Reason: i18n.M("%s already exists; demo writes only a new file: choose another --file", path)}
	}
	if err := store.WriteAtomic(path, data, 0o644); err != nil {
		return err
	}
	a.say("wrote a sample incident of %d entries and %d tasks to %s (%d KiB); warroom --file %s opens it\n",
		len(st.Timeline), len(st.Tasks), safetext.Line(path), len(data)>>10, safetext.Line(path))
	return nil
}
