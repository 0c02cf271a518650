package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/report"
)

func (a *app) incidentsCmd() *cobra.Command {
	var open, asJSON, verbose bool
	var since string
	cmd := &cobra.Command{
		Use:   "incidents",
		Short: "List the incidents of the folder",
		Long: `List the incidents of the folder of incidents (--dir, default the incident
file's folder): one line each, with its id, severity, status, when it was
declared, how long it lasted (or has lasted, marked +), its incident
manager and title; the open ones first, then the newest first.

Every *.toml in the folder that is an incident is listed, from the head of
its file. A file that is broken or written by a newer warroom is listed
after them with its error; a TOML file that holds no incident (a config, a
hooks file) is left out, and -v names it. No file is ever written.`,
		Example: `  warroom incidents --open
  warroom incidents --dir ~/incidents --since 2026-11-01 --json | jq '.incidents[].title'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			from, err := parseSince(since)
			if err != nil {
				return err
			}
			ins, unread, others, err := a.readFolder(report.IncidentKinds)
			if err != nil {
				return err
			}
			rows := report.IncidentRows(report.Since(ins, from), time.Now())
			if open {
				kept := rows[:0]
				for _, r := range rows {
					if r.Open {
						kept = append(kept, r)
					}
				}
				rows = kept
			}
			if !verbose {
				others = nil
			}
			if asJSON {
				if rows == nil {
					rows = []report.IncidentRow{}
				}
				return a.printJSON(struct {
					Incidents []report.IncidentRow `json:"incidents"`
					Unread    []unreadJSON         `json:"unreadable"`
					Others    []unreadJSON         `json:"not_incidents,omitempty"`
				}{rows, a.unreadList(unread), a.unreadList(others)})
			}
			a.print("%s", report.IncidentList(rows, unread, others, a.opts()))
			return nil
		},
	}
	cmd.Flags().BoolVar(&open, "open", false, "only the incidents not yet resolved or closed")
	cmd.Flags().StringVar(&since, "since", "", "only those declared since this day (2026-11-01) or RFC 3339 time")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: the incidents and the files that could not be read")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "also name the TOML files that are not incidents")
	return cmd
}

func (a *app) statsCmd() *cobra.Command {
	var asJSON, drills bool
	var since string
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "The folder's numbers: times to acknowledge, mitigate, resolve",
		Long: `Count the incidents of the folder of incidents (--dir): by severity, the
median (p50) and 90th percentile (p90) of the time from the impact's start
to acknowledge, to mitigate and to resolve. The moments are the review's:
the milestones people marked (warroom mark), or, where none was marked,
inferred (from the declaration, the first move to monitoring), and each
cell says how many were inferred. Then who held the incident manager's
role, in how many incidents and for how long (bots left out), and the
follow-ups still open, overdue and without an owner.

Drills (an incident whose title has the word drill) are left out unless
--drills counts them.`,
		Example: `  warroom stats --since 2026-10-01
  warroom stats --json | jq '.by_severity[] | {severity, p50: .resolve.p50_seconds}'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			from, err := parseSince(since)
			if err != nil {
				return err
			}
			ins, unread, _, err := a.readFolder(report.StatsKinds)
			if err != nil {
				return err
			}
			st := report.ComputeStats(report.Since(ins, from), report.StatsOptions{Options: a.opts(), Drills: drills})
			if asJSON {
				return a.printJSON(struct {
					report.Stats
					Unread []unreadJSON `json:"unreadable"`
				}{st, a.unreadList(unread)})
			}
			a.print("%s", report.StatsText(st, a.opts()))
			a.print("%s", report.Unreadable(unread, nil, a.opts()))
			return nil
		},
	}
	cmd.Flags().StringVar(&since, "since", "", "only the incidents declared since this day (2026-11-01) or RFC 3339 time")
	cmd.Flags().BoolVar(&drills, "drills", false, "count the drills too")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (a *app) searchCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "search TEXT",
		Short: "Find entries across the folder's incidents",
		Long: `Find the timeline entries of every incident in the folder of incidents
(--dir) that hold TEXT, in any case, in what they say or who wrote them:
the newest first, each with its time, its incident, its author and kind.`,
		Example: `  warroom search "deploy 142"
  warroom search replica --dir ~/incidents --json | jq -r '.found[].incident' | sort -u`,
		Args: needText("TEXT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			text, err := a.textArg(args)
			if err != nil {
				return err
			}
			ins, unread, _, err := a.readFolder(model.TimelineNeed{All: true})
			if err != nil {
				return err
			}
			found := report.Search(ins, text, a.opts())
			if asJSON {
				if found == nil {
					found = []report.Found{}
				}
				return a.printJSON(struct {
					Found  []report.Found `json:"found"`
					Unread []unreadJSON   `json:"unreadable"`
				}{found, a.unreadList(unread)})
			}
			a.print("%s", report.SearchText(found, unread, a.opts()))
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
