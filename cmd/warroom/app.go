package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os/user"
	"runtime/debug"
	"strings"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/report"
	"github.com/warroom/warroom/model/runbook"
	"github.com/warroom/warroom/model/safetext"
	"github.com/warroom/warroom/model/sshsync"
	"github.com/warroom/warroom/model/store"
	"github.com/warroom/warroom/tui"
	"github.com/warroom/warroom/tui/serve"
)

// defaultFile is the incident file used when neither --file nor
// WARROOM_FILE names one.
const defaultFile = "warroom.toml"

// app is one run of the command: its flags, environment and streams.
type app struct {
	file string
	as   string
	// langFlag is --lang as typed; lang, the language chosen from it, the
	// config or the locale once the flags are checked.
	langFlag string
	lang     i18n.Lang
	theme    string
	wall     bool
	// syncWith is --sync as typed; syncTarget, the target it names.
	syncWith   string
	syncTarget *sshsync.Target
	rotate     time.Duration
	config     config
	comms      model.CommsPolicy // the config's communications policy
	// configWarning says what was wrong with the config, for the screen.
	configWarning i18n.Message
	stdin         io.Reader
	stdout        io.Writer
	stderr        io.Writer
	getenv        func(string) string

	catalog *model.Catalog
	replica string

	// hooksFlag is --hooks as typed; hookset, the hooks read (hooks.go);
	// serveTeam, the team file of warroom serve, whose hooks it runs.
	hooksFlag string
	hookset   hookSet
	serveTeam string

	// servedAs is, for a command run over SSH, the member whose key logged
	// in: who acts, whatever else says (served.go). Empty on the host.
	servedAs string
	// teamBots are the members a served war room's team file marks as
	// bots: automated actors besides those the incident's policy names.
	teamBots []string

	// dirFlag is --dir as typed: the folder of incidents (folder.go);
	// runbookSet, its runbooks and the config's, once read.
	dirFlag    string
	runbookSet *runbook.Set
}

func newApp(stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) *app {
	return &app{
		stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv,
		catalog: model.DefaultCatalog(),
		comms:   model.DefaultCommsPolicy(),
		replica: newReplicaID(),
	}
}

// newReplicaID names this process as a writer in the file's clocks.
func newReplicaID() string {
	b := make([]byte, 4)
	if _, err := rand.Read(b); err != nil {
		return fmt.Sprintf("p%x", time.Now().UnixNano()&0xffffffff)
	}
	return hex.EncodeToString(b)
}

// path is the incident file: --file, else WARROOM_FILE, else ./warroom.toml.
func (a *app) path() string {
	if a.file != "" {
		return a.file
	}
	if f := a.getenv("WARROOM_FILE"); f != "" {
		return f
	}
	return defaultFile
}

// actor is who is acting: over SSH, the member whose key logged in; on
// the host, --as, else WARROOM_USER, else the login name.
func (a *app) actor() string {
	if a.servedAs != "" {
		return a.servedAs
	}
	for _, v := range []string{a.as, a.getenv("WARROOM_USER"), a.config.Name} {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, k := range []string{"USER", "LOGNAME"} {
		if v := a.getenv(k); v != "" {
			return v
		}
	}
	return "unknown"
}

func (a *app) env() model.Env {
	return model.Env{
		Now:     time.Now().UTC().Truncate(time.Millisecond),
		Actor:   a.actor(),
		Replica: a.replica,
		IDs:     model.RandomIDs{},
	}
}

// apply runs op as one transaction on the incident file and returns the
// incident and the entries it wrote. create lets it start a file that
// does not exist yet.
//
// The change is appended to the file, and reads only what op needs of the
// timeline (model.Needs), so that it costs the same on an incident of a
// hundred entries as on one of a hundred thousand. The incident returned
// holds, of its timeline, only those entries and the ones written: ask
// applyReading for the entries a message needs.
func (a *app) apply(ctx context.Context, op model.Op, create bool) (model.State, []model.Entry, error) {
	return a.applyReading(ctx, op, create, model.TimelineNeed{})
}

// applyReading is apply, with the timeline of the incident returned
// holding, besides, every entry that need names: what a message after the
// change summarises. Those are read after the change is written, unless
// the change itself reads them.
func (a *app) applyReading(ctx context.Context, op model.Op, create bool, need model.TimelineNeed) (model.State, []model.Entry, error) {
	if create {
		// Refuse bad input before touching the disk, so that a refused
		// declare leaves no lock file behind.
		if _, _, err := (model.State{}).Apply(a.catalog, op, a.env()); err != nil {
			return model.State{}, nil, err
		}
	}
	// A change reads little and the process ends with it: collecting
	// garbage as often as the default has it would cost more than the
	// memory it saves.
	debug.SetGCPercent(400)
	env := a.env()
	reads := model.Needs(op)
	out, err := store.UpdateWith(ctx, a.path(), store.UpdateOptions{Create: create, Reads: reads},
		func(s model.State) (model.State, error) {
			next, _, err := s.Apply(a.catalog, op, env)
			return next, err
		})
	if out.Torn != "" {
		a.warnTorn(a.path(), out.Torn)
	}
	if err == nil {
		a.fired(out.State, out.Added)
	}
	if err == nil && !reads.Covers(need) {
		if st, lerr := store.LoadKinds(a.path(), reads.Plus(need)); lerr == nil {
			out.State = st
		}
	}
	return out.State, out.Added, a.explain(err)
}

// load reads the incident file. Keys warroom does not know, and a file
// that holds less than warroom wrote to it, are reported as a warning:
// the incident can still be read, though not changed.
func (a *app) load() (model.State, error) {
	s, err := store.Load(a.path())
	var uk *store.UnknownKeysError
	var se *store.ShortError
	switch {
	case errors.As(err, &uk):
		a.warn("warning: %s", describe(uk, a.errorLang()))
		return s, nil
	case errors.As(err, &se):
		a.warn("warning: %s", describe(se, a.errorLang()))
		return s, nil
	}
	return s, a.explain(err)
}

// explain adds what to do to errors that need it.
func (a *app) explain(err error) error {
	if errors.Is(err, store.ErrNoIncident) {
		return hintError{err: err, hint: i18n.M("declare one with `warroom declare TITLE`, or point --file (or WARROOM_FILE) at one")}
	}
	return err
}

// opts are the report options for this run.
func (a *app) opts() report.Options {
	return report.Options{Catalog: a.catalog, Lang: a.lang, Loc: time.Local, Now: time.Now(), Bots: a.bots()}
}

// bots are the team file's bots, besides those the incident's policy
// names: over SSH, the served team's; at home, those of the team file
// warroom serve would read, when there is one. A team file that is
// missing or does not read names none.
func (a *app) bots() []string {
	if a.servedAs != "" {
		return a.teamBots
	}
	t, err := serve.ReadTeam(a.teamPath())
	if err != nil {
		return nil
	}
	return t.Bots()
}

// print writes to standard output.
func (a *app) print(format string, args ...any) { fmt.Fprintf(a.stdout, format, args...) }

// say writes a message to standard output in the chosen language.
func (a *app) say(format string, args ...any) {
	fmt.Fprint(a.stdout, i18n.M(format, args...).In(a.lang))
}

// warnTorn says that what followed the last whole change of file, which
// is never data, was moved to torn.
func (a *app) warnTorn(file, torn string) {
	a.warn("%s ended with text after its last whole change (a write cut short by a crash, or text or comments added by hand, which warroom does not keep in the file); it was moved to %s", safetext.Line(file), safetext.Line(torn))
}

// warn writes a warning to standard error in the chosen language.
func (a *app) warn(format string, args ...any) {
	fmt.Fprintf(a.stderr, "warroom: %s\n", safetext.Line(i18n.M(format, args...).In(a.errorLang())))
}

// screen opens the war-room screen on path.
func (a *app) screen(ctx context.Context, path string) error {
	notice := a.configWarning
	var saved func(model.State, []model.Entry)
	var checks tui.ResolveChecks
	var books []model.Runbook
	if !a.wall {
		rs := a.runbooksQuietly()
		books = rs.Runbooks()
		if notice.Format == "" && len(rs.Problems) > 0 {
			notice = i18n.M("warning: %s; this runbook is not applied until it is fixed", explained{rs.Problems[0]})
		}
		// The wall changes nothing: it runs no hooks and claims no time
		// boxes.
		ctx2, stop := context.WithCancel(ctx)
		defer stop()
		a.claims(ctx2)
		saved, checks = a.firedQuietly, a.screenChecks()
		if notice.Format == "" {
			notice = a.hookWarning()
		}
	}
	return tui.Run(ctx, tui.RunOptions{
		Path: path, Actor: a.actor(), Lang: a.lang, Replica: a.replica, Catalog: a.catalog,
		Theme: a.chosenTheme(), Themes: a.allThemes(), Wall: a.wall, Rotate: a.rotate, In: a.stdin, Out: a.stdout,
		Notice: notice.In(a.lang),
		Comms:  a.comms,
		Sync:   a.syncTarget, SyncOptions: sshsync.Options{SSHCommand: a.getenv("WARROOM_SSH_COMMAND")},
		Saved: saved, Checks: checks, Bots: a.bots(),
		Folder: a.dir(), Runbooks: books,
	})
}
