package serve

import (
	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// Who may log in.

// offeredKey keeps, on a connection, the fingerprints of the keys its
// client offered: a client none of whose keys is the team's is told them.
type offeredKey struct{}

// publicKey lets in the keys of the team's members (any key, to watch,
// with AnyoneViews). It only sees keys offered: who someone is comes from
// the key that completed authentication (sess.PublicKey), in the session.
func (srv *server) publicKey(ctx ssh.Context, key ssh.PublicKey) bool {
	fps, _ := ctx.Value(offeredKey{}).([]string)
	ctx.SetValue(offeredKey{}, append(fps, gossh.FingerprintSHA256(key)))
	if _, ok := srv.team.get().Lookup(key); ok {
		return true
	}
	return srv.o.AnyoneViews
}

// anyoneElse lets in, without a question, a client none of whose keys the
// team has, so that its session can tell it which keys it offered and how
// to be added: it can do nothing else.
func (srv *server) anyoneElse(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }
