package serve

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"
)

// admission finds who a session is (the key that completed
// authentication, in the team) and whether there is room for it: those
// who may not come in are told why, with what to do, and go no further.
// The session it makes lives until its SSH session ends, the server
// stops, or the server ends it (a member removed, idle too long).
func (srv *server) admission(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		s, ok := srv.admit(sess)
		if !ok {
			return
		}
		defer srv.release(s)
		go func() {
			select {
			case <-srv.stopping:
				s.cancel()
			case <-s.ctx.Done():
			}
		}()
		next(&admitted{Session: sess, s: s})
	}
}

// admit makes the session of sess, or refuses it.
func (srv *server) admit(sess ssh.Session) (*session, bool) {
	l := srv.lang(sess.Environ(), Member{})
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
	l = srv.lang(sess.Environ(), m)
	ctx, cancel := context.WithCancel(sess.Context())
	s := &session{member: m, key: fp, since: srv.o.Now(), lang: l, box: newMailbox(), ctx: ctx, cancel: cancel}
	srv.mu.Lock()
	full, tooMany := srv.open >= srv.o.MaxSessions, srv.perKey[fp] >= srv.o.PerKey
	if !full && !tooMany {
		srv.open++
		srv.perKey[fp]++
		srv.live[s] = struct{}{}
	}
	srv.mu.Unlock()
	switch {
	case full:
		cancel()
		return refuse(l.T("the war room is full (%d sessions); try again later", srv.o.MaxSessions), "reason", "full", "who", m.Name)
	case tooMany:
		cancel()
		return refuse(l.T("your key already has %d sessions open here; close one first", srv.o.PerKey), "reason", "per key", "who", m.Name)
	}
	srv.log.Info("joined", "who", m.Name, "key", fp, "access", string(m.Access), "from", sess.RemoteAddr().String())
	return s, true
}

// release gives back a session's place.
func (srv *server) release(s *session) {
	s.cancel()
	srv.mu.Lock()
	defer srv.mu.Unlock()
	srv.open--
	if srv.perKey[s.key]--; srv.perKey[s.key] <= 0 {
		delete(srv.perKey, s.key)
	}
	delete(srv.live, s)
}

// screenPace is the pace of a screen's changes: its own.
func (srv *server) screenPace() *rate.Limiter {
	return rate.NewLimiter(rate.Limit(srv.o.Rate), srv.o.Burst)
}

// commandPace is the pace of a key's commands: one for all of them, since
// each comes in a session of its own. A viewer changes nothing and has
// none.
func (srv *server) commandPace(s *session) *rate.Limiter {
	if s.member.Access == View {
		return nil
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	p, ok := srv.paces[s.key]
	if !ok {
		p = rate.NewLimiter(rate.Limit(srv.o.Rate), srv.o.Burst)
		srv.paces[s.key] = p
	}
	return p
}

// identity is who a session's command runs as.
func (s *session) identity() Identity {
	return Identity{Name: s.member.Name, Viewer: s.member.Access == View, Lang: s.lang, Changes: s.changes}
}
