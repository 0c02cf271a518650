package main

import (
	"encoding/json"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/folder"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/report"
	"github.com/warroom/warroom/model/runbook"
	"github.com/warroom/warroom/model/safetext"
)

// A folder of incidents (--dir, default the incident file's folder) is
// the team's history: the verbs that read across it (incidents, stats,
// search, followup list --all-incidents, statuspage), the check for an
// open incident before a declaration, and the runbooks beside it.

// dir is the folder of incidents: --dir, else the folder of the
// incident file (--file, WARROOM_FILE, ./warroom.toml).
func (a *app) dir() string {
	if a.dirFlag != "" {
		return a.dirFlag
	}
	return filepath.Dir(a.path())
}

// readFolder reads the folder's incidents with the entries need names:
// the incidents, the files that could not be read, and those that hold
// no incident. A folder that cannot be read is an error.
func (a *app) readFolder(need model.TimelineNeed) (ins []report.Filed, unread, others []report.Unread, err error) {
	l, err := folder.Read(a.dir(), need)
	if err != nil {
		return nil, nil, nil, failf("%s: cannot read the folder of incidents: %s; name another with --dir", safetext.Line(a.dir()), unwrapPath(err))
	}
	for _, in := range l.Incidents {
		ins = append(ins, report.Filed{Path: in.Path, State: in.State})
		if in.Warning != nil {
			a.warn("warning: %s", describe(in.Warning, a.errorLang()))
		}
	}
	for _, p := range l.Problems {
		unread = append(unread, report.Unread{Path: p.Path, Err: p.Err})
	}
	for _, p := range l.Others {
		others = append(others, report.Unread{Path: p.Path, Err: p.Err})
	}
	return ins, unread, others, nil
}

// unreadJSON is a file that could not be read, as --json gives it.
type unreadJSON struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// unreadList is the files that could not be read, for --json.
func (a *app) unreadList(us []report.Unread) []unreadJSON {
	out := []unreadJSON{}
	for _, u := range us {
		msg := ""
		if u.Err != nil {
			msg = describe(u.Err, a.lang)
		}
		out = append(out, unreadJSON{Path: u.Path, Error: msg})
	}
	return out
}

// printJSON writes v as indented JSON.
func (a *app) printJSON(v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = a.stdout.Write(append(data, '\n'))
	return err
}

// parseSince reads --since: a day (2026-11-01, from its start in the
// local time zone) or an RFC 3339 time. Empty is none.
func parseSince(v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, nil
	}
	if d, err := time.ParseInLocation("2006-01-02", v, time.Local); err == nil {
		return d, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	return time.Time{}, usage("--since %s: give a day (2026-11-01) or an RFC 3339 time (2026-11-01T09:00:00Z)", v)
}

// runbooks are the runbooks of the folder and of the config, read once.
// A runbook with a mistake is said once on standard error, and never
// applied.
func (a *app) runbooks() runbook.Set {
	if a.runbookSet != nil {
		return *a.runbookSet
	}
	s := runbook.ReadDirs(a.catalog, runbook.Folders(a.dir(), configPath(a.getenv))...)
	a.runbookSet = &s
	for _, err := range s.Problems {
		a.warn("warning: %s; this runbook is not applied until it is fixed", describe(err, a.errorLang()))
	}
	return s
}

// withRunbooks is op with the runbooks that apply when it declares the
// incident or raises its severity (model.WithRunbooks).
func (a *app) withRunbooks(op model.Op) model.Op {
	books := a.runbooks().Runbooks()
	if len(books) == 0 {
		return op
	}
	return model.WithRunbooks{Op: op, Runbooks: books}
}

// sayRunbooks says which runbooks the entries of a change applied, and
// what each added.
func (a *app) sayRunbooks(entries []model.Entry) {
	for i, e := range entries {
		if e.Kind != model.KindRunbook {
			continue
		}
		tasks, notes := 0, 0
		for _, x := range entries[i+1:] {
			if x.Kind == model.KindRunbook {
				break
			}
			switch x.Kind {
			case model.KindTaskAdded:
				tasks++
			case model.KindNote:
				notes++
			}
		}
		a.say("applied runbook %q: %s, %s\n", safetext.Line(e.Text),
			i18n.N(tasks, "%d task|%d tasks", tasks), i18n.N(notes, "%d note|%d notes", notes))
	}
}

// unwrapPath is an error of the file system without the path it names,
// which the message says already.
func unwrapPath(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// folderCmds are the verbs of the folder of incidents.
func (a *app) folderCmds() []*cobra.Command {
	return []*cobra.Command{a.incidentsCmd(), a.statsCmd(), a.searchCmd(), a.runbookCmd(), a.statuspageCmd()}
}

// alreadyOpen refuses a declaration while an open incident of the folder
// has a title like title (model.SimilarTitles): the team joins that one,
// or says it is another with --new. A folder that cannot be read refuses
// nothing.
func (a *app) alreadyOpen(title string) error {
	open, err := folder.OpenBesides(a.dir(), a.path())
	if err != nil {
		return nil
	}
	alike := folder.Alike(open, title)
	if len(alike) == 0 {
		return nil
	}
	in := alike[0]
	return failf("%s %q is open, led by %s: join it with `--file %s`, or declare anyway with `--new`",
		safetext.Line(in.State.Incident.ID), safetext.Line(in.State.Incident.Title), safetext.Line(in.State.Commander()), safetext.Line(in.Path))
}

// followUpsAcross is `warroom followup list --all-incidents`. Over SSH it
// is refused: a member's key opens the incident served, not the others
// of its folder.
func (a *app) followUpsAcross(asJSON bool) error {
	if a.servedAs != "" {
		return usage("--all-incidents reads the other incidents of the host's folder, which a command over SSH does not see")
	}
	ins, unread, _, err := a.readFolder(model.TimelineNeed{})
	if err != nil {
		return err
	}
	fus := report.OpenFollowUps(ins, a.opts())
	if asJSON {
		if fus == nil {
			fus = []report.OpenFollowUp{}
		}
		return a.printJSON(struct {
			FollowUps []report.OpenFollowUp `json:"followups"`
			Unread    []unreadJSON          `json:"unreadable"`
		}{fus, a.unreadList(unread)})
	}
	a.print("%s", report.FollowUpsAcross(fus, unread, a.opts()))
	return nil
}
