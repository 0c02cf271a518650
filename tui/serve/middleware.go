package serve

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/warroom/warroom/model/safetext"
)

// Every session goes through the server's wish middleware, each one
// concern, in this order: recoverer (a failure ends that session, never
// the server), admission (who it is, whether there is room), logging,
// keepalive (a dead client is dropped), dispatch (what it asked for: the
// screen, the wall, who, or a command). Those after admission find the
// session it made with sessionOf.

// recoverer ends a session whose handling panicked, and only it.
func (srv *server) recoverer(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer func() {
			if r := recover(); r != nil {
				srv.log.Error("session failed", "who", sess.User(), "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
				_ = sess.Exit(1)
			}
		}()
		next(sess)
	}
}

// admitted is an SSH session admission let in, with who it is.
type admitted struct {
	ssh.Session
	s *session
}

// sessionOf is the session admission made for sess.
func sessionOf(sess ssh.Session) *session {
	a, ok := sess.(*admitted)
	if !ok {
		panic("serve: a middleware after admission got a session admission did not make") // the chain is built wrong
	}
	return a.s
}

// logging says what each session asked for, and how it ended.
func (srv *server) logging(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		s := sessionOf(sess)
		log := srv.log.With("who", s.member.Name, "key", s.key, "from", sess.RemoteAddr().String())
		_, _, pty := sess.Pty()
		log.Info("asked", "command", safetext.Line(sess.RawCommand()), "pty", pty)
		next(sess)
		if why := s.endedWhy(); why.Format != "" {
			log.Info("ended", "reason", why.String())
		}
		log.Info("left", "status", s.status)
	}
}

// keepalive asks the client for an answer every Keepalive while the
// session lasts; after three missed ones the connection is dropped, so
// that a client that died (a laptop closed, a network gone) does not
// linger for minutes.
func (srv *server) keepalive(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		s := sessionOf(sess)
		go srv.keepAlive(s.ctx, sess, s.cancel)
		next(sess)
	}
}

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
