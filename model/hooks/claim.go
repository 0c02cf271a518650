package hooks

import (
	"context"
	"errors"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// ClaimEvery is how often a process with hooks on timebox_expired looks
// for time boxes that ran out.
const ClaimEvery = 2 * time.Second

// ClaimOptions say who claims the time boxes of which file.
type ClaimOptions struct {
	File    string // the incident file, an absolute path
	Actor   string // who signs the claims
	Replica string
	Every   time.Duration    // ClaimEvery when 0
	Now     func() time.Time // time.Now when nil
}

// ClaimTimeBoxes watches the incident file for time boxes that run out
// while their task is open, until ctx ends. It claims each one
// (model.TimeBoxExpired, a change under the file's lock): of all the
// processes that watch the file, only the first claim is written, the
// others change nothing. The events of the claims this process won are
// handed to fire, which runs their hooks. An incident that is resolved
// or closed has no time boxes left to claim.
func ClaimTimeBoxes(ctx context.Context, o ClaimOptions, fire func([]Event)) {
	if o.Every <= 0 {
		o.Every = ClaimEvery
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	done := map[string]bool{} // tasks claimed, by this process or another
	tick := time.NewTicker(o.Every)
	defer tick.Stop()
	for {
		claimDue(ctx, o, done, fire)
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// claimDue claims the time boxes that have run out and are not claimed
// yet; a task is tried again at the next look only when its claim could
// not be written (a lock held too long, a file not readable).
func claimDue(ctx context.Context, o ClaimOptions, done map[string]bool, fire func([]Event)) {
	st, err := store.LoadKinds(o.File, model.TimelineNeed{})
	if err != nil || !st.Declared() || st.Incident.Status.Rank() >= model.Resolved.Rank() {
		return
	}
	now := o.Now().UTC().Truncate(time.Millisecond)
	for _, t := range st.Tasks {
		if done[t.ID] || !t.Expired(now) {
			continue
		}
		op := model.TimeBoxExpired{Task: t.ID}
		env := model.Env{Now: now, Actor: o.Actor, Replica: o.Replica, IDs: model.RandomIDs{}}
		out, err := store.UpdateWith(ctx, o.File, store.UpdateOptions{Reads: model.Needs(op)}, func(s model.State) (model.State, error) {
			if s.Incident.ID != st.Incident.ID {
				return s, store.ErrUnchanged // another incident now: nothing of it to claim
			}
			next, _, err := s.Apply(model.DefaultCatalog(), op, env)
			return next, err
		})
		var ue *model.UnchangedError
		var ce *model.ConflictError
		var ie *model.InvalidError
		switch {
		case err == nil, errors.As(err, &ue), errors.As(err, &ce), errors.As(err, &ie):
			done[t.ID] = true
		default:
			continue // tried again at the next look
		}
		if err == nil && len(out.Added) > 0 {
			fire(Events(out.State, out.Added, o.File))
		}
	}
}
