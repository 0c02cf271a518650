package serve

import (
	"context"
	"time"

	"golang.org/x/time/rate"

	"github.com/warroom/warroom/model/i18n"
)

// Identity is who runs a command over SSH: the member whose key completed
// authentication, looked up in the team file. A command finds it in its
// context (IdentityFrom); nothing the client sends can change it.
type Identity struct {
	Name   string    // the member's name in the incident
	Viewer bool      // they may only watch
	Lang   i18n.Lang // the session's language: the client's, else the member's, else the server's
	// Changes paces the member's changes: a command that changes the
	// incident takes one (Change) before it runs. Nil sets no pace.
	Changes *rate.Limiter
}

// Change takes one of the member's changes; false, with what to say, when
// they made too many too fast.
func (id Identity) Change() (bool, i18n.Message) {
	if id.Changes == nil || id.Changes.AllowN(time.Now(), 1) {
		return true, i18n.Message{}
	}
	return false, tooFast(id.Changes.Burst(), float64(id.Changes.Limit()))
}

// tooFast says that changes come faster than burst at once, then rate a
// second.
func tooFast(burst int, rate float64) i18n.Message {
	return i18n.M("too many changes at once (%d, then %g a second): wait a moment and make it again", burst, rate)
}

// identityKey keys the Identity in a context.
type identityKey struct{}

// WithIdentity is ctx carrying id.
func WithIdentity(ctx context.Context, id Identity) context.Context {
	return context.WithValue(ctx, identityKey{}, id)
}

// IdentityFrom is the Identity ctx carries, if any.
func IdentityFrom(ctx context.Context) (Identity, bool) {
	id, ok := ctx.Value(identityKey{}).(Identity)
	return id, ok
}
