package tui

import (
	"context"
	"errors"
	"io"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/sshsync"
	"github.com/warroom/warroom/model/store"
	"github.com/warroom/warroom/themes"
)

// RunOptions configure Run.
type RunOptions struct {
	Path    string
	Actor   string
	Lang    i18n.Lang
	Replica string
	Catalog *model.Catalog
	Theme   themes.Theme
	Themes  []themes.Theme // what T cycles through
	Wall    bool           // the room's read-only big screen
	// Sync, when set, keeps the file in step with a copy on another
	// machine for as long as the screen is open.
	Sync        *sshsync.Target
	SyncOptions sshsync.Options
	Rotate      time.Duration // wall: move to the next role pane this often
	Comms       model.CommsPolicy
	Notice      string // shown once the screen opens: a config that did not load
	In          io.Reader
	Out         io.Writer
	// Saved, when set, is handed the incident and the entries each save
	// of this screen's changes wrote, off the screen's goroutine, until
	// the last save when it quits: what the hooks run on. It must not
	// block.
	Saved func(model.State, []model.Entry)
	// Checks, when set, runs the team's check hooks before a resolve.
	Checks ResolveChecks
	// Bots names automated actors besides those the incident's policy
	// names: the team file's.
	Bots []string
	// Folder and Runbooks are Options'.
	Folder   string
	Runbooks []model.Runbook
}

// firstEntries is how many of the latest entries the first frame shows
// before the rest of the timeline is read.
const firstEntries = 500

// SaveTimeout bounds how long quitting waits for the last save.
const SaveTimeout = 30 * time.Second

// SyncStopTimeout bounds how long quitting waits for a live sync to stop
// and release the remote lock.
const SyncStopTimeout = 5 * time.Second

// Run opens the war-room screen on the incident file at path, in the
// alternate screen, until the user quits; then it waits for the last save.
// A missing file opens the declare form.
func Run(ctx context.Context, o RunOptions) error {
	if err := needTerminal(o.In, o.Out, o.Lang); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// The screen follows the file: the first read is the head and the
	// latest entries, for a first frame at once however long the
	// incident; the rest of the timeline follows, then each change as the
	// bytes appended.
	follow, err := store.Follow(ctx, o.Path, store.FollowOptions{Recent: firstEntries})
	if err != nil {
		return err
	}
	first := <-follow
	var st model.State
	var uk *store.UnknownKeysError
	switch {
	case first.Err == nil:
		st = first.Apply(model.State{})
	case errors.Is(first.Err, store.ErrNoIncident):
	case errors.As(first.Err, &uk):
		st, _ = store.Load(o.Path) // shown, and changes refused, until the keys are fixed
	default:
		return first.Err
	}
	w := store.NewWriter(o.Path, o.Catalog)
	results, saved := teeSaved(ctx, w.Results(), o.Saved)
	var syncs chan sshsync.Status
	if o.Sync != nil {
		syncs = make(chan sshsync.Status, 1)
		so := o.SyncOptions
		so.Batch = true // a prompt would garble the screen: failures show in the header
		go func() {
			defer close(syncs)
			_ = sshsync.Live(ctx, o.Path, *o.Sync, so, sshsync.SyncOptions{Owner: o.Actor}, 5*time.Second, func(st sshsync.Status) {
				select { // keep only the latest report
				case <-syncs:
				default:
				}
				syncs <- st
			})
		}()
	}
	r := lipgloss.NewRenderer(o.Out)
	seen, _ := store.LastSeen(o.Path, o.Actor)
	m := New(Options{
		Path: o.Path, Actor: o.Actor, Lang: o.Lang, Catalog: o.Catalog, Replica: o.Replica,
		Styles: NewStyles(r, o.Theme), Renderer: r, Themes: o.Themes, Wall: o.Wall, Rotate: o.Rotate,
		Saver: w, Follow: follow, Loading: first.Partial, Results: results, Syncs: syncs, SyncTarget: syncTarget(o.Sync),
		Comms: o.Comms, Notice: o.Notice, Saved: o.Saved, Checks: o.Checks, Folder: o.Folder, Runbooks: o.Runbooks,
		CatchUp: !o.Wall, LastSeen: seen, Bots: o.Bots,
	}, st)
	if uk != nil {
		m.blockEdits(uk)
	}

	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithInput(o.In), tea.WithOutput(o.Out), tea.WithContext(ctx))
	final, runErr := p.Run()
	// A live sync mid-way holds the remote lock: stop it and let it let go
	// before leaving, so no other copy has to wait for the lock's lease.
	cancel()
	if syncs != nil {
		stopped := time.After(SyncStopTimeout)
	drain:
		for {
			select {
			case _, ok := <-syncs:
				if !ok {
					break drain
				}
			case <-stopped:
				break drain
			}
		}
	}
	wait := SaveTimeout
	if fm, ok := final.(*Model); ok && fm.unsaved() > 0 {
		// Left with q pressed twice while saves were failing: say what
		// was lost rather than wait it out.
		wait = 2 * time.Second
	}
	flush, done := context.WithTimeout(context.Background(), wait)
	defer done()
	err = w.Close(flush)
	<-saved // the last saves' entries handed on
	if fm, ok := final.(*Model); ok && fm.loaded && !o.Wall {
		// Remembered beside the incident, not in it: the next screen's
		// catch-up counts from here.
		_ = store.MarkSeen(flush, o.Path, o.Actor, time.Now())
	}
	if err != nil {
		return &unsavedError{lang: m.c.lang, err: err}
	}
	if runErr != nil && !errors.Is(runErr, tea.ErrProgramKilled) {
		return runErr
	}
	return nil
}

// teeSaved hands on the Writer's results, and, to saved, the incident
// and the entries of each save that wrote some. The channel it returns
// is the screen's; once ctx ends (the screen has quit) results are no
// longer handed on but still go to saved. The second channel is closed
// once in is, after the last save went to saved.
func teeSaved(ctx context.Context, in <-chan store.WriteResult, saved func(model.State, []model.Entry)) (<-chan store.WriteResult, <-chan struct{}) {
	done := make(chan struct{})
	if saved == nil {
		close(done)
		return in, done
	}
	out := make(chan store.WriteResult)
	go func() {
		defer close(done)
		defer close(out)
		for r := range in {
			if r.Err == nil && len(r.Added) > 0 {
				saved(r.State, r.Added)
			}
			select {
			case out <- r:
			case <-ctx.Done():
			}
		}
	}()
	return out, done
}

// unsavedError says that quitting left changes unsaved, in the screen's
// language; it wraps the save's error.
type unsavedError struct {
	lang i18n.Lang
	err  error
}

func (e *unsavedError) Error() string {
	return e.lang.T("some changes were not saved") + ": " + model.Explain(e.err, e.lang)
}

func (e *unsavedError) Unwrap() error { return e.err }

func syncTarget(t *sshsync.Target) string {
	if t == nil {
		return ""
	}
	return t.String()
}

// NoTerminalError says the screen was asked for without a terminal to
// draw it on: nothing has been written to the output yet.
type NoTerminalError struct {
	Lang i18n.Lang
	Side string // "input" or "output"
}

func (e *NoTerminalError) Error() string {
	return e.Lang.T("the war-room screen needs a terminal, and its %s is not one; run it in a terminal, or use `warroom show` for the incident as text", e.Lang.T(e.Side))
}

// needTerminal checks, before anything is written, that the screen's input
// and output are terminals, when they are files (a pipe, /dev/null, a
// file); other readers and writers (an SSH session, a test) are taken as
// they come.
func needTerminal(in io.Reader, out io.Writer, l i18n.Lang) error {
	if f, ok := in.(*os.File); ok && !term.IsTerminal(f.Fd()) {
		return &NoTerminalError{Lang: l, Side: "input"}
	}
	if f, ok := out.(*os.File); ok && !term.IsTerminal(f.Fd()) {
		return &NoTerminalError{Lang: l, Side: "output"}
	}
	return nil
}
