package serve

import (
	"net"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// Who may log in, and the gate told when they have: a connection counts
// as someone's once a member's key completed authentication.

// offeredKey keeps, on a connection, the fingerprints of the keys its
// client offered: a client none of whose keys is the team's is told them.
type offeredKey struct{}

// gateKey keeps, on a connection, the gate's hold of it.
type gateKey struct{}

// track notes the gate's hold of a new connection in its context.
func (srv *server) track(ctx ssh.Context, c net.Conn) net.Conn {
	if gc, ok := c.(*gateConn); ok {
		ctx.SetValue(gateKey{}, gc)
	}
	return c
}

// sshConfig tells the gate when a connection's client logged in with a
// key: a member's (any key, with AnyoneViews), since publicKey takes no
// other. A client let in by anyoneElse stays a stranger to the gate.
func (srv *server) sshConfig(ctx ssh.Context) *gossh.ServerConfig {
	gc, _ := ctx.Value(gateKey{}).(*gateConn)
	return &gossh.ServerConfig{
		AuthLogCallback: func(_ gossh.ConnMetadata, method string, err error) {
			if err == nil && method == "publickey" && gc != nil {
				gc.loggedIn()
			}
		},
	}
}

// publicKey lets in the keys of the team's members (any key, to watch,
// with AnyoneViews). It only sees keys offered: who someone is comes from
// the key that completed authentication (sess.PublicKey), in the session.
// A member's key offered gives its connection the time to sign with it.
func (srv *server) publicKey(ctx ssh.Context, key ssh.PublicKey) bool {
	fps, _ := ctx.Value(offeredKey{}).([]string)
	ctx.SetValue(offeredKey{}, append(fps, gossh.FingerprintSHA256(key)))
	if _, ok := srv.team.get().Lookup(key); ok {
		if gc, ok := ctx.Value(gateKey{}).(*gateConn); ok {
			gc.claim()
		}
		return true
	}
	return srv.o.AnyoneViews
}

// anyoneElse lets in, without a question, a client none of whose keys the
// team has, so that its session can tell it which keys it offered and how
// to be added: it can do nothing else.
func (srv *server) anyoneElse(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }
