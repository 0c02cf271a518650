package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model/report"
	"github.com/warroom/warroom/model/safetext"
	"github.com/warroom/warroom/model/store"
)

func (a *app) statuspageCmd() *cobra.Command {
	var output, title, url string
	var names bool
	cmd := &cobra.Command{
		Use:   "statuspage --output DIR",
		Short: "Write a static status page of the folder's incidents",
		Long: `Write the folder's incidents as the public sees them to DIR: index.html,
a plain HTML page with no script that reads on a phone, and feed.atom, an
Atom feed. For each incident with an external update: its title, its
status and its severity in words, and the external updates that were sent
or approved, newest first. Nothing internal is on it (no notes, tasks,
internal updates or drafts), nor who wrote the updates unless --names,
nor drills. With nothing new, the files are left as they were.

Publish it with a hook, such as rsync on update_sent (see docs/hooks.md).`,
		Example: `  warroom statuspage --output public/ --title "Acme status" --url https://status.acme.example`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if output == "" {
				return usage("statuspage needs --output DIR: the folder to write index.html and feed.atom to")
			}
			ins, unread, _, err := a.readFolder(report.StatusPageKinds)
			if err != nil {
				return err
			}
			for _, u := range unread {
				a.warn("warning: %s: left off the status page", describe(u.Err, a.errorLang()))
			}
			page, err := report.RenderStatusPage(ins, report.StatusPageOptions{Options: a.opts(), Title: title, URL: url, Names: names})
			if err != nil {
				return err
			}
			if err := os.MkdirAll(output, 0o755); err != nil {
				return failf("%s: cannot make the folder: %s", safetext.Line(output), unwrapPath(err))
			}
			wrote := 0
			for name, data := range map[string][]byte{"index.html": page.HTML, "feed.atom": page.Atom} {
				path := filepath.Join(output, name)
				if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
					continue
				} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
					return failf("%s: %s", safetext.Line(path), unwrapPath(err))
				}
				if err := store.WriteAtomic(path, data, 0o644); err != nil {
					return err
				}
				wrote++
			}
			if wrote == 0 {
				a.say("nothing changed: the status page in %s is up to date\n", safetext.Line(output))
				return nil
			}
			a.say("wrote the status page to %s (index.html, feed.atom)\n", safetext.Line(output))
			return nil
		},
	}
	cmd.Flags().StringVar(&output, "output", "", "the folder to write index.html and feed.atom to")
	cmd.Flags().StringVar(&title, "title", "", "the page's title (default: Service status)")
	cmd.Flags().StringVar(&url, "url", "", "where the page is published, for the feed's links")
	cmd.Flags().BoolVar(&names, "names", false, "show who wrote each update")
	return cmd
}
