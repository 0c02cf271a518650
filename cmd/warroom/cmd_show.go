package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/report"
	"github.com/warroom/warroom/model/safetext"
	"github.com/warroom/warroom/model/store"
)

func (a *app) showCmd() *cobra.Command {
	var entries int
	cmd := &cobra.Command{
		Use:   "show",
		Short: "Print a plain-text summary: roles and holders, open tasks, latest entries",
		Long: `Print a plain-text summary of the incident: every role and who holds it
(roles the incident manager still holds by default are marked with *;
roles handed to someone who has not accepted them within 2 minutes, with !),
earlier holders, open tasks, and the latest timeline entries in local time.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if entries < 0 {
				return usage("--entries must be 0 (all) or more, not %d", entries)
			}
			st, err := a.load()
			if err != nil {
				return err
			}
			fmt.Fprint(a.stdout, report.Show(st, report.ShowOptions{Options: a.opts(), Entries: entries, Comms: true}))
			return nil
		},
	}
	cmd.Flags().IntVar(&entries, "entries", 10, "latest timeline entries to print; 0 prints all")
	return cmd
}

// exportFormat is what warroom export writes.
type exportFormat string

// The export formats: the post-incident document, the full record.
const (
	formatMarkdown exportFormat = "md"
	formatJSON     exportFormat = "json"
)

// exportFormats lists the export formats, the default first.
var exportFormats = []exportFormat{formatMarkdown, formatJSON}

func (a *app) exportCmd() *cobra.Command {
	var formatFlag, output string
	var noChart, all bool
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the post-incident document (markdown) or the full record (json)",
		Long: `Write the incident as a post-incident document in markdown (summary,
a timeline chart, severity and status history, who held each role when,
tasks and their outcome, the full timeline), or as JSON for jq and other
programs. The chart is a Mermaid gantt block, which GitHub and GitLab
draw: the status and severity over time, each role's holders, each update
sent; --no-chart leaves it out.`,
		Example: `  warroom export > review.md
  warroom export --format json | jq '.roles[] | select(.held_by_incident_manager_by_default)'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := model.ParseWord("format", formatFlag, exportFormats)
			if err != nil {
				return err
			}
			st, err := a.load()
			if err != nil {
				return err
			}
			var out []byte
			if format == formatMarkdown {
				o := a.opts()
				o.NoChart, o.AllEntries = noChart, all
				out = []byte(report.Markdown(st, o))
			} else if out, err = report.JSON(st, a.opts()); err != nil {
				return err
			}
			if output == "" || output == "-" {
				_, err = a.stdout.Write(out)
				return err
			}
			if sameFile(output, a.path()) || sameFile(output, store.LockPath(a.path())) {
				return usage("--output %s is the incident file itself; write the export somewhere else", output)
			}
			if err := store.WriteAtomic(output, out, 0o644); err != nil {
				return err
			}
			fmt.Fprintln(a.stderr, a.lang.T("wrote %s", safetext.Line(output)))
			return nil
		},
	}
	cmd.Flags().StringVar(&formatFlag, "format", string(formatMarkdown), "md or json")
	if a.servedAs == "" { // over SSH, a member writes no file on the host
		cmd.Flags().StringVarP(&output, "output", "o", "", "write to this file instead of standard output")
	}
	cmd.Flags().BoolVar(&noChart, "no-chart", false, "leave the timeline chart (a Mermaid gantt block) out of the review")
	cmd.Flags().BoolVar(&all, "all", false, "keep the bots' entries in the review's timeline (without it, one line per bot)")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion(exportFormats...))
	return cmd
}

// sameFile reports whether two paths name the same existing file, links
// followed.
func sameFile(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}
