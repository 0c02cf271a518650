package serve

import (
	"context"
	"io"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/muesli/termenv"
	"golang.org/x/time/rate"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/store"
	"github.com/warroom/warroom/themes"
	"github.com/warroom/warroom/tui"
)

// session is one person's connection: who they are (from the key that
// completed authentication), what they look at, and the mailbox through
// which the hub hands their screen what it must show. Admission makes it;
// it lives until its SSH session ends, or the server ends it (endFor).
type session struct {
	id      uint64 // the hub's, while on a screen
	member  Member
	key     string // the key's fingerprint
	since   time.Time
	lang    i18n.Lang   // the client's, else the member's, else the server's
	looking tui.Looking // guarded by the hub's lock
	lastKey time.Time   // guarded by the hub's lock
	box     *mailbox
	// changes paces the session's changes: a screen's own, a command's
	// its key's (commands come one session each). Nil sets no pace.
	changes *rate.Limiter
	ctx     context.Context // ends with the session
	cancel  context.CancelFunc
	status  int // the exit status, for the log

	mu    sync.Mutex
	ended bool         // the server ended it
	why   i18n.Message // why, when it said
	onEnd func()       // what else ending it takes: a command's input closed
}

// endFor ends the session; why, when given, is told to its person.
func (s *session) endFor(why i18n.Message) {
	s.mu.Lock()
	if !s.ended {
		s.ended, s.why = true, why
	}
	onEnd := s.onEnd
	s.onEnd = nil
	s.mu.Unlock()
	s.cancel()
	if onEnd != nil {
		onEnd()
	}
}

// whenEnded has f run when the server ends the session: at once if it
// already has.
func (s *session) whenEnded(f func()) {
	s.mu.Lock()
	ended := s.ended
	if !ended {
		s.onEnd = f
	}
	s.mu.Unlock()
	if ended {
		f()
	}
}

// endedWhy is why the server ended the session, or the zero Message.
func (s *session) endedWhy() i18n.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.why
}

// saver hands a session's changes to the hub's one writer.
type saver struct {
	hub *Hub
	s   *session
}

// Submit implements tui.Saver.
func (v saver) Submit(c store.Change) uint64 { return v.hub.submit(v.s, c) }

// screen runs the war-room screen (or the wall) for a session until its
// person quits, the session ends or the server stops. Its program is the
// session's own: its renderer from the client's TERM, its size, its
// language; no signal handlers (the server's are the server's), and
// suspend (ctrl+z) does nothing.
func (srv *server) screen(ctx context.Context, sess ssh.Session, s *session, wall bool) error {
	pty, windows, _ := sess.Pty()
	env := append(sess.Environ(), "TERM="+pty.Term)
	r := lipgloss.NewRenderer(sess)
	r.SetColorProfile(profileOf(env))
	r.SetHasDarkBackground(true)
	theme := srv.o.Theme
	if r.ColorProfile() == termenv.Ascii {
		theme = themes.Mono()
	}
	st, _ := srv.hub.Incident()
	// A member back after ten minutes or more away is caught up first, as
	// on a screen at home: their visits are kept in the memo beside the
	// served file, never in its timeline.
	seen, _ := store.LastSeen(srv.o.File, s.member.Name)
	team := srv.team.get()
	m := tui.New(tui.Options{
		Path: srv.o.File, Actor: s.member.Name, Lang: s.lang, Catalog: srv.o.Catalog,
		Styles: tui.NewStyles(r, theme), Renderer: r, Themes: srv.o.Themes, Wall: wall, Viewer: s.member.Access == View,
		Replica: srv.o.Replica, Saver: saver{srv.hub, s}, Comms: srv.o.Comms,
		Activity: func(l tui.Looking) { srv.hub.touch(s, l) }, Checks: srv.o.Checks, Frames: srv.hub.frames,
		Members: team.Names(), Bots: team.Bots(), CatchUp: !wall, LastSeen: seen, Runbooks: srv.o.Runbooks,
	}, st)
	fps := typingFPS
	if wall || s.member.Access == View {
		fps = watchingFPS
	}
	p := tea.NewProgram(m, tea.WithInput(sess), tea.WithOutput(sess), tea.WithAltScreen(), tea.WithContext(ctx),
		tea.WithoutSignalHandler(), tea.WithFilter(noSuspend), tea.WithFPS(fps))
	go pump(ctx, p, s.box)
	go func() {
		p.Send(windowSize(pty.Window.Width, pty.Window.Height))
		for {
			select {
			case <-ctx.Done():
				return
			case w := <-windows:
				p.Send(windowSize(w.Width, w.Height))
			}
		}
	}()
	_, err := p.Run()
	p.Kill() // leaves the client's terminal as it found it
	if !wall {
		mark, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_ = srv.markSeen(mark, s.member.Name)
		cancel()
	}
	return err
}

// Frame rates: how many times a second a screen's program may write a
// new frame to its client. Every open screen's program wakes up that
// often, which an all-hands of idle screens pays for: a screen where
// its person types at 30 (a frame at most 33 ms after a key or a
// change), one that only watches (a viewer's, the wall) at 15.
const (
	typingFPS   = 30
	watchingFPS = 15
)

// pump hands the screen what its mailbox holds, as it comes. When the
// screen cannot take it (its client stopped reading), only the pump
// waits; the mailbox keeps the newest.
func pump(ctx context.Context, p *tea.Program, box *mailbox) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-box.wake:
			for _, msg := range box.take() {
				p.Send(msg)
			}
		}
	}
}

// noSuspend drops suspend: ctrl+z must never stop the server.
func noSuspend(_ tea.Model, msg tea.Msg) tea.Msg {
	if _, ok := msg.(tea.SuspendMsg); ok {
		return nil
	}
	return msg
}

// profileOf is the colour profile a client's environment says it has,
// without asking its terminal: a query a client does not answer would
// swallow its first key.
func profileOf(env []string) termenv.Profile {
	get := func(k string) string {
		for _, kv := range env {
			if v, ok := strings.CutPrefix(kv, k+"="); ok {
				return v
			}
		}
		return ""
	}
	term, colorterm := get("TERM"), strings.ToLower(get("COLORTERM"))
	switch {
	case get("NO_COLOR") != "", term == "", term == "dumb":
		return termenv.Ascii
	case colorterm == "truecolor" || colorterm == "24bit":
		return termenv.TrueColor
	case strings.Contains(term, "256color"):
		return termenv.ANSI256
	}
	return termenv.ANSI
}

// lang is a session's language: the client's LANG (or LC_ALL,
// LC_MESSAGES) when it sends one warroom speaks, else the member's, else
// the server's.
func (srv *server) lang(env []string, m Member) i18n.Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		for _, kv := range env {
			v, ok := strings.CutPrefix(kv, k+"=")
			if !ok || v == "" {
				continue
			}
			code, _, _ := strings.Cut(v, "_")
			code, _, _ = strings.Cut(code, ".")
			if l, err := model.ParseWord("language", code, i18n.Languages); err == nil {
				return l
			}
		}
	}
	if m.Language != "" {
		return m.Language
	}
	return srv.o.Lang
}

// keepIdle ends the session once its person has pressed no key for d:
// time since the last key, not the last frame (a ticking clock redraws
// every second).
func (srv *server) keepIdle(ctx context.Context, s *session, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTicker(min(d/4, 15*time.Second))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			last := srv.hub.lastKey(s)
			if last.IsZero() {
				last = s.since
			}
			if srv.o.Now().Sub(last) >= d {
				srv.log.Info("idle", "who", s.member.Name, "key", s.key, "idle", d)
				s.endFor(i18n.M("no key was pressed for %s: the session ended", d))
				return
			}
		}
	}
}

var _ io.Writer = ssh.Session(nil)

// Window sizes a client may ask for: a screen is drawn whole at its size,
// so a size no terminal has would cost the server gigabytes.
const maxWidth, maxHeight = 1000, 500

// windowSize is the size a client asked for, within what a terminal has.
func windowSize(w, h int) tea.WindowSizeMsg {
	return tea.WindowSizeMsg{Width: min(max(w, 0), maxWidth), Height: min(max(h, 0), maxHeight)}
}

// markSeen records that name had a screen on the served incident now:
// the catch-up of their next visit counts from here.
func (srv *server) markSeen(ctx context.Context, name string) error {
	return store.MarkSeen(ctx, srv.o.File, name, srv.o.Now())
}
