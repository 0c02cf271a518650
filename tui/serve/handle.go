package serve

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
	"github.com/warroom/warroom/model/store"
	"github.com/warroom/warroom/tui"
)

// handle is every session: who it is, whether it may come in, and what
// it asked for — the screen, the wall, who is connected, or a
// command-line verb. Shells, port and agent forwarding and subsystems
// (sftp) are never served.
func (srv *server) handle(ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer func() {
			if r := recover(); r != nil {
				// One session's failure ends that session, never the server.
				srv.log.Error("session failed", "who", sess.User(), "panic", fmt.Sprint(r))
				_ = sess.Exit(1)
			}
		}()
		l := srv.o.Lang
		s, ok := srv.admit(sess)
		if !ok {
			return
		}
		defer srv.release(s)
		ctx, end := context.WithCancel(sess.Context())
		defer end()
		go func() {
			select {
			case <-srv.stopping:
				end()
			case <-ctx.Done():
			}
		}()
		s.end = end
		go srv.keepAlive(ctx, sess, end)

		args := sess.Command()
		_, _, hasPty := sess.Pty()
		log := srv.log.With("who", s.member.Name, "key", s.key, "from", sess.RemoteAddr().String())
		status := 0
		switch {
		case len(args) == 0 && hasPty, len(args) == 1 && args[0] == "wall" && hasPty:
			// Only screens are "connected": a command comes and goes.
			log.Info("screen", "wall", len(args) == 1)
			if len(args) == 1 {
				s.looking = tui.Looking{Area: tui.AreaWall}
			}
			srv.hub.join(s)
			go srv.keepIdle(ctx, s, srv.o.Idle)
			if err := srv.screen(ctx, sess, s, len(args) == 1); err != nil && ctx.Err() == nil {
				log.Error("screen ended", "err", err)
			}
			srv.hub.leave(s)
		case len(args) == 0 || (len(args) == 1 && args[0] == "wall"):
			fmt.Fprint(sess.Stderr(), l.T("warroom: the war-room screen needs a terminal: connect with ssh -t, or give a command such as show")+"\r\n")
			status = 1
		case len(args) == 1 && args[0] == "who":
			srv.who(sess, srv.lang(sess.Environ(), s.member))
		default:
			log.Info("command", "args", safetext.Line(strings.Join(args, " ")))
			// A command ends, like a screen, when its member leaves the
			// team: its context ends, and its input with it, so that what
			// it was still reading is never written as theirs.
			srv.running(s, func() { end(); _ = sess.Close() })
			status = srv.o.Exec(ctx, Command{Args: args, Actor: s.member.Name, Viewer: s.member.Access == View, Pty: hasPty,
				Lang: srv.lang(sess.Environ(), s.member), Stdin: sess, Stdout: sess, Stderr: sess.Stderr()})
			srv.done(s)
		}
		log.Info("left", "status", status)
		_ = sess.Exit(status)
	}
}

// admit finds who a session is and whether there is room for it. Those
// who may not come in are told why, with what to do, and the session ends.
func (srv *server) admit(sess ssh.Session) (*session, bool) {
	l := srv.o.Lang
	key := sess.PublicKey()
	refuse := func(msg string, log ...any) (*session, bool) {
		srv.log.Warn("refused", append([]any{"from", sess.RemoteAddr().String()}, log...)...)
		fmt.Fprint(sess.Stderr(), "warroom: "+msg+"\r\n")
		_ = sess.Exit(1)
		return nil, false
	}
	if key == nil {
		offered, _ := sess.Context().Value(offeredKey{}).([]string)
		if len(offered) == 0 {
			return refuse(l.T("no public key was offered; this war room lets people in by their ssh key"), "reason", "no key")
		}
		return refuse(l.T("none of your keys (%s) is in the team; ask the war room's host to add yours: warroom team add NAME KEYFILE.pub",
			strings.Join(offered, ", ")), "reason", "unknown key", "offered", strings.Join(offered, ","))
	}
	fp := gossh.FingerprintSHA256(key)
	m, ok := srv.team.get().Lookup(key)
	switch {
	case ok:
	case srv.o.AnyoneViews:
		m = Member{Name: "viewer " + fp, Access: View}
	default:
		return refuse(l.T("your key %s is not in the team", fp), "reason", "unknown key", "key", fp)
	}
	srv.mu.Lock()
	full, tooMany := srv.open >= srv.o.MaxSessions, srv.perKey[fp] >= srv.o.PerKey
	if !full && !tooMany {
		srv.open++
		srv.perKey[fp]++
	}
	srv.mu.Unlock()
	switch {
	case full:
		return refuse(l.T("the war room is full (%d sessions); try again later", srv.o.MaxSessions), "reason", "full", "who", m.Name)
	case tooMany:
		return refuse(l.T("your key already has %d sessions open here; close one first", srv.o.PerKey), "reason", "per key", "who", m.Name)
	}
	srv.log.Info("joined", "who", m.Name, "key", fp, "access", string(m.Access), "from", sess.RemoteAddr().String())
	return &session{member: m, key: fp, since: srv.o.Now(), box: newMailbox()}, true
}

// release gives back a session's place.
func (srv *server) release(s *session) {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	srv.open--
	if srv.perKey[s.key]--; srv.perKey[s.key] <= 0 {
		delete(srv.perKey, s.key)
	}
}

// keepAlive asks the client for an answer every Keepalive; after three
// missed ones the connection is dropped, so a client that died (a laptop
// closed, a network gone) does not linger for minutes.
func (srv *server) keepAlive(ctx context.Context, sess ssh.Session, end context.CancelFunc) {
	conn, ok := sess.Context().Value(ssh.ContextKeyConn).(gossh.Conn)
	if !ok {
		return
	}
	t := time.NewTicker(srv.o.Keepalive)
	defer t.Stop()
	missed := 0
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		answered := make(chan error, 1)
		go func() {
			_, _, err := conn.SendRequest("keepalive@openssh.com", true, nil)
			answered <- err
		}()
		select {
		case err := <-answered:
			if err == nil {
				missed = 0
				continue
			}
		case <-time.After(srv.o.Keepalive):
		case <-ctx.Done():
			return
		}
		if missed++; missed >= 3 {
			srv.log.Info("dropped", "reason", "no answer to keepalives", "from", sess.RemoteAddr().String())
			end()
			_ = conn.Close()
			return
		}
	}
}

// who prints who is connected: since when, what each looks at, how long
// since their last key.
func (srv *server) who(sess ssh.Session, l i18n.Lang) {
	now := srv.o.Now()
	present := srv.hub.Presence()
	if len(present) == 0 {
		fmt.Fprint(sess, l.T("nobody has a screen open here")+"\r\n")
	}
	for _, p := range present {
		idle := l.T("no key yet")
		if !p.LastKey.IsZero() {
			idle = l.T("last key %s ago", now.Sub(p.LastKey).Round(time.Second))
		}
		pane := p.Looking.Label(srv.o.Catalog, l)
		fmt.Fprintf(sess, "%s\t%s\t%s\t%s\r\n", safetext.Line(p.Name), p.Since.UTC().Format(time.RFC3339), safetext.Line(pane), idle)
	}
}

// teamWatch is the team file as last read, read again when it changes.
type teamWatch struct {
	mu       sync.Mutex
	team     *Team
	onChange func(*Team)
}

func watchTeam(ctx context.Context, path string, log *slog.Logger) (*teamWatch, error) {
	t, err := ReadTeam(path)
	if err != nil {
		return nil, err
	}
	for _, p := range t.Problems {
		log.Warn("team", "problem", p)
	}
	w := &teamWatch{team: t}
	changes, err := store.Watch(ctx, path)
	if err != nil {
		return nil, err
	}
	go func() {
		for range changes {
			t, err := ReadTeam(path)
			if err != nil {
				log.Error("team file not read again; the team as it was stays", "err", err)
				continue
			}
			for _, p := range t.Problems {
				log.Warn("team", "problem", p)
			}
			w.mu.Lock()
			w.team = t
			on := w.onChange
			w.mu.Unlock()
			log.Info("team read again", "members", len(t.Members))
			if on != nil {
				on(t)
			}
		}
	}()
	return w, nil
}

func (w *teamWatch) get() *Team {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.team
}

// endRemoved ends the sessions of keys the team no longer has, or no
// longer gives the same name or access.
func (srv *server) endRemoved(t *Team) {
	gone := func(s *session) bool {
		if s.member.Access == View && strings.HasPrefix(s.member.Name, "viewer ") && srv.o.AnyoneViews {
			return false
		}
		m, ok := t.byFingerprint(s.key)
		return !ok || m.Name != s.member.Name || m.Access != s.member.Access
	}
	srv.hub.mu.Lock()
	for _, s := range srv.hub.sessions {
		if gone(s) {
			srv.log.Info("ended", "who", s.member.Name, "key", s.key, "reason", "no longer in the team as such")
			if s.end != nil {
				s.end()
			}
		}
	}
	srv.hub.mu.Unlock()
	srv.mu.Lock()
	defer srv.mu.Unlock()
	for s, end := range srv.commands {
		if gone(s) {
			srv.log.Info("ended", "who", s.member.Name, "key", s.key, "reason", "no longer in the team as such")
			end()
		}
	}
}

// running notes a session that runs a command, and what ends it.
func (srv *server) running(s *session, end func()) {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	srv.commands[s] = end
}

// done forgets a command's session once the command returned.
func (srv *server) done(s *session) {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	delete(srv.commands, s)
}
