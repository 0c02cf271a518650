package sshsync

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"os"
	"reflect"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/store"
)

// Result says what one sync moved: In came from the remote copy into the
// local one, Out went the other way.
type Result struct {
	In, Out model.MergeReport
	Created bool // the remote file was created from the local one
	// Torn and RemoteTorn, when not empty, name the NAME.torn that what
	// followed the last whole commit of the local file, and of the remote
	// copy (as a target, host:path), was kept in before the sync wrote
	// over that side: a write cut short, or text added by hand.
	Torn, RemoteTorn string
}

// Moved reports whether the sync changed either side.
func (r Result) Moved() bool {
	return r.Created || r.In != (model.MergeReport{}) || r.Out != (model.MergeReport{}) || r.Torn != "" || r.RemoteTorn != ""
}

// String renders "in: +12 entries, +2 tasks; out: nothing new".
func (r Result) String() string { return r.Text(i18n.English) }

// Text renders the result in language l.
func (r Result) Text(l i18n.Lang) string {
	if r.Created {
		return l.T("created the remote copy")
	}
	return l.T("in: %s; out: %s", r.In.In(l), r.Out.In(l))
}

// SyncOptions say how one sync behaves.
type SyncOptions struct {
	// Create writes the local incident to a remote path with no file yet.
	Create bool
	// Owner names this side in the remote lock file.
	Owner string
	// LockBudget is how long to wait for another host's lock; 15 s when 0.
	LockBudget time.Duration
	// MaxSize is the largest file read or written on either side;
	// MaxFileSize when 0.
	MaxSize int64
}

func (o SyncOptions) maxSize() int64 {
	if o.MaxSize > 0 {
		return o.MaxSize
	}
	return MaxFileSize
}

// attempts is how many times a sync reads and merges anew when the remote
// copy changed between its read and its write.
const attempts = 5

// Sync brings the local file at local and the remote copy at c.Target in
// step (a local file that does not exist yet is created from the remote).
// Under the remote lock, it reads the remote copy, merges it with the
// local one inside a local store transaction, and writes the merged
// incident to whichever side lacked something.
//
// It never replaces a remote copy that changed since it read it, lock or
// no lock: right before the rename it checks the copy is still what it
// read, and otherwise reads and merges again. A remote copy that does not
// read (corrupt, a newer schema, unknown keys, not a regular file, over
// the size limit) is refused and both sides are left as they were. When
// ctx ends (a signal), it stops before writing the remote copy and
// releases the lock.
func Sync(ctx context.Context, c *Conn, local string, o SyncOptions) (Result, error) {
	var total Result
	p, fi, err := c.resolve(c.Target.Path)
	if err != nil {
		return total, err
	}
	if fi != nil {
		if err := c.checkFile(p, fi, o.maxSize()); err != nil {
			return total, err
		}
	}
	if info, err := os.Stat(local); err == nil && info.Size() > o.maxSize() {
		return total, &TooLargeError{Where: local, Size: info.Size(), Limit: o.maxSize()}
	}
	for range attempts {
		res, err := c.syncOnce(ctx, p, local, o)
		total.In = add(total.In, res.In)
		total.Out, total.Created = res.Out, res.Created
		total.Torn, total.RemoteTorn = cmp.Or(res.Torn, total.Torn), cmp.Or(res.RemoteTorn, total.RemoteTorn)
		if !errors.Is(err, errRemoteChanged) {
			return total, err
		}
	}
	return total, &ChangingError{Target: c.Target, Attempts: attempts}
}

// syncOnce is one attempt: lock, then the quick way when the memo of the
// last sync holds (fast.go), else read, merge and write. It returns
// errRemoteChanged when the remote copy changed before it could write it.
func (c *Conn) syncOnce(ctx context.Context, p, local string, o SyncOptions) (Result, error) {
	budget := o.LockBudget
	if budget <= 0 {
		budget = 15 * time.Second
	}
	lock, err := c.lock(ctx, p, o.Owner, budget)
	if err != nil {
		return Result{}, err
	}
	defer lock.release()
	if res, done, err := c.fast(ctx, lock, p, local, o); done {
		return res, err
	}
	return c.whole(ctx, lock, p, local, o)
}

// whole reads the remote copy whole, merges it with the local file inside
// a local store transaction, and writes to whichever side lacked
// something. Both sides end holding the same bytes: the remote copy's
// when it holds the merge and is whole, else the local file's when it
// does, else the merge encoded anew; then the memo says so.
func (c *Conn) whole(ctx context.Context, lock *remoteLock, p, local string, o SyncOptions) (Result, error) {
	var res Result
	var remote store.Copy
	data, seen, err := c.read(p, o.maxSize())
	switch {
	case err == nil:
		// Decoded with the local file, under its lock: what both copies
		// share is read once (store.MirrorBeside).
	case errors.Is(err, ErrRemoteMissing) && o.Create:
		res.Created = true
	case errors.Is(err, ErrRemoteMissing):
		return res, &MissingError{Target: c.Target}
	default:
		return res, err
	}
	if ctx.Err() != nil {
		return res, &InterruptedError{Target: c.Target}
	}

	var both store.Copy // what both sides are to hold
	decide := func(l, r store.Copy) (*store.Copy, error) {
		remote = r
		m, in, err := model.Merge(l.State(), remote.State())
		if err != nil {
			return nil, err
		}
		if !m.Declared() {
			return nil, &EmptyError{Local: local, Target: c.Target}
		}
		_, out, _ := model.Merge(remote.State(), l.State())
		res.In, res.Out = in, out
		_, localWhole := l.Mark()
		_, remoteWhole := remote.Mark()
		hasAll := reflect.DeepEqual(m, l.State())
		switch {
		case remote.Exists() && remoteWhole && reflect.DeepEqual(m, remote.State()):
			// The remote copy's bytes, even when the local file holds
			// the same incident in others: so that replicas that sync
			// in turn end on the same bytes rather than replace the
			// remote copy with theirs in turn.
			both = remote
			if bytes.Equal(l.Data(), remote.Data()) {
				return nil, nil
			}
			return &remote, nil
		case hasAll && localWhole:
			both = l
			return nil, nil
		}
		enc, err := store.EncodeCopy(m)
		if err != nil {
			return nil, err
		}
		if int64(len(enc.Data())) > o.maxSize() {
			return nil, &TooLargeError{Where: c.Target.String(), Size: int64(len(enc.Data())), Limit: o.maxSize(), Merged: true}
		}
		both = enc
		if hasAll {
			return nil, nil // the local file holds the merge already: left as it is
		}
		return &enc, nil
	}
	var final store.Copy
	var stamp store.Stamp
	if res.Created {
		final, stamp, err = store.Mirror(ctx, local, func(l store.Copy) (*store.Copy, error) { return decide(l, store.Copy{}) })
	} else {
		final, stamp, err = store.MirrorBeside(ctx, local, store.Beside{Name: c.Target.String(), Data: data}, decide)
	}
	var unusable *store.BesideError
	switch {
	case errors.As(err, &unusable):
		return res, &UnusableError{Err: unusable.Err}
	case err != nil && ctx.Err() != nil:
		return res, &InterruptedError{Target: c.Target}
	case err != nil:
		return res, err
	}
	res.Torn = final.Torn()
	rstamp := remoteStamp{Size: seen.size, MTime: seen.mtime.Unix()}
	if res.Created || !bytes.Equal(remote.Data(), both.Data()) {
		if ctx.Err() != nil {
			return res, &InterruptedError{Target: c.Target}
		}
		if lock.Lost() {
			return res, errRemoteChanged // another sync broke the lock: start again
		}
		if at, rest := remote.Unsealed(); rest != nil {
			// What no sum line closes is never data, and never dropped:
			// it is kept beside the copy, as a writer there keeps it.
			if res.RemoteTorn, err = c.keepTorn(p, at, rest); err != nil {
				return res, err
			}
		}
		if rstamp, err = c.replace(p, both.Data(), seen, o.maxSize()); err != nil {
			return res, err
		}
	}
	if mark, ok := both.Mark(); ok && stamp != (store.Stamp{}) && bytes.Equal(final.Data(), both.Data()) {
		saveMemo(local, c.Target, memo{Path: p, Mark: mark, Local: stamp, Remote: rstamp, Whole: time.Now().Unix()})
	} else {
		forgetMemo(local, c.Target)
	}
	return res, nil
}

// add sums two merge reports.
func add(a, b model.MergeReport) model.MergeReport {
	return model.MergeReport{
		Entries: a.Entries + b.Entries, Tasks: a.Tasks + b.Tasks, Assignments: a.Assignments + b.Assignments,
		People: a.People + b.People, Theories: a.Theories + b.Theories, FollowUps: a.FollowUps + b.FollowUps,
		Fields: a.Fields + b.Fields,
	}
}
