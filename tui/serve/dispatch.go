package serve

import (
	"errors"
	"fmt"
	"time"

	"github.com/charmbracelet/ssh"

	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
	"github.com/warroom/warroom/tui"
)

// dispatch serves what a session asked for: the screen (a terminal and
// no command), the wall, who is connected, or a command-line verb (Exec).
// Shells, port and agent forwarding and subsystems (sftp) are never
// served.
func (srv *server) dispatch(ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		s := sessionOf(sess)
		s.status = srv.serveSession(sess, s)
		_ = sess.Exit(s.status)
	}
}

// exitUsage is the exit status of a command line that cannot be run as
// written, as the command line's own.
const exitUsage = 2

// serveSession serves sess and returns its exit status.
func (srv *server) serveSession(sess ssh.Session, s *session) int {
	args, err := SplitLine(sess.RawCommand())
	if le := (*LineError)(nil); errors.As(err, &le) {
		srv.tell(sess, s, le.Message())
		return exitUsage
	}
	_, _, hasPty := sess.Pty()
	wall := len(args) == 1 && args[0] == "wall"
	switch {
	case (len(args) == 0 || wall) && hasPty:
		return srv.onScreen(sess, s, wall)
	case len(args) == 0 || wall:
		srv.tell(sess, s, i18n.M("the war-room screen needs a terminal: connect with ssh -t, or give a command such as show"))
		return 1
	case len(args) == 1 && args[0] == "who":
		srv.who(sess, s.lang)
		return 0
	}
	return srv.command(sess, s, args, hasPty)
}

// tell says m on the session's standard error, in its person's language.
func (srv *server) tell(sess ssh.Session, s *session, m i18n.Message) {
	fmt.Fprint(sess.Stderr(), "warroom: "+m.In(s.lang)+"\r\n")
}

// onScreen runs the screen, or the wall, until its person quits or the
// session ends; when the server ended it, its person is told why once
// the screen has given their terminal back. Only screens are
// "connected": a command comes and goes.
func (srv *server) onScreen(sess ssh.Session, s *session, wall bool) int {
	if wall {
		s.looking = tui.Looking{Area: tui.AreaWall}
	}
	s.changes = srv.screenPace()
	srv.hub.join(s)
	go srv.keepIdle(s.ctx, s, srv.o.Idle)
	err := srv.screen(s.ctx, sess, s, wall)
	srv.hub.leave(s)
	if err != nil && s.ctx.Err() == nil {
		srv.log.Error("screen ended", "who", s.member.Name, "err", err)
	}
	if why := s.endedWhy(); why.Format != "" {
		srv.tell(sess, s, why)
		return 1
	}
	return 0
}

// command runs a command-line verb as the session's member, who is in
// its context. It ends, like a screen, when its member leaves the team:
// they are told why, its context ends, and its input with it, so that
// what it was still reading is never written as theirs.
func (srv *server) command(sess ssh.Session, s *session, args []string, pty bool) int {
	s.changes = srv.commandPace(s)
	s.whenEnded(func() {
		if why := s.endedWhy(); why.Format != "" {
			srv.tell(sess, s, why)
		}
		_ = sess.Close()
	})
	return srv.o.Exec(WithIdentity(s.ctx, s.identity()), Command{Args: args, Pty: pty, Stdin: sess, Stdout: sess, Stderr: sess.Stderr(),
		Bots: srv.team.get().Bots()})
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
