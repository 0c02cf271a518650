package serve

import (
	"context"

	"github.com/warroom/warroom/model/i18n"
)

// Identity is who runs a command over SSH: the member whose key completed
// authentication, looked up in the team file. A command finds it in its
// context (IdentityFrom); nothing the client sends can change it.
type Identity struct {
	Name   string    // the member's name in the incident
	Viewer bool      // they may only watch
	Lang   i18n.Lang // the session's language: the client's, else the member's, else the server's
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
