package sshsync

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// Result says what one sync moved: In came from the remote copy into the
// local one, Out went the other way.
type Result struct {
	In, Out model.MergeReport
	Created bool // the remote file was created from the local one
}

// Moved reports whether the sync changed either side.
func (r Result) Moved() bool {
	return r.Created || r.In != (model.MergeReport{}) || r.Out != (model.MergeReport{})
}

// String renders "in: +12 entries, +2 tasks; out: nothing new".
func (r Result) String() string {
	if r.Created {
		return "created the remote copy"
	}
	return fmt.Sprintf("in: %s; out: %s", r.In, r.Out)
}

// SyncOptions say how one sync behaves.
type SyncOptions struct {
	// Create writes the local incident to a remote path with no file yet.
	Create bool
	// Owner names this side in the remote lock file.
	Owner string
	// LockBudget is how long to wait for another host's lock; 15 s when 0.
	LockBudget time.Duration
}

// Sync brings the local file at local and the remote copy at c.Target in
// step (a local file that does not exist yet is created from the remote): under the remote lock, it reads the remote copy, merges it with
// the local one inside a local store transaction, and writes the merged
// incident to whichever side lacked something. A remote copy that does
// not read (corrupt, a newer schema, unknown keys) is refused and both
// sides are left as they were.
func Sync(ctx context.Context, c *Conn, local string, o SyncOptions) (Result, error) {
	var res Result
	budget := o.LockBudget
	if budget <= 0 {
		budget = 15 * time.Second
	}
	unlock, err := c.Lock(c.Target.Path, o.Owner, budget)
	if err != nil {
		return res, err
	}
	defer unlock()

	var remote model.State
	data, err := c.ReadFile(c.Target.Path)
	switch {
	case err == nil:
		if remote, err = store.Decode(c.Target.String(), data); err != nil {
			return res, fmt.Errorf("the remote copy is not usable, nothing was changed on either side: %w", err)
		}
	case errors.Is(err, ErrRemoteMissing) && o.Create:
		res.Created = true
	case errors.Is(err, ErrRemoteMissing):
		return res, fmt.Errorf("%w; to start it from this incident, sync with --create", err)
	default:
		return res, err
	}

	var merged model.State
	_, err = store.Update(ctx, local, true, func(s model.State) (model.State, error) {
		m, in, err := model.Merge(s, remote)
		if err != nil {
			return s, err
		}
		if !m.Declared() {
			return s, fmt.Errorf("neither %s nor %s holds an incident yet; declare one first", local, c.Target)
		}
		_, out, _ := model.Merge(remote, s)
		res.In, res.Out, merged = in, out, m
		if reflect.DeepEqual(m, s) {
			return s, store.ErrUnchanged
		}
		return m, nil
	})
	if err != nil {
		return res, err
	}
	if !res.Created && reflect.DeepEqual(merged, remote) {
		return res, nil
	}
	out, err := store.Encode(merged)
	if err != nil {
		return res, err
	}
	if err := c.WriteAtomic(c.Target.Path, out); err != nil {
		return res, err
	}
	return res, nil
}
