package store

import (
	"context"
	"time"
)

// How Follow coalesces the events of one change: an append is one write,
// so it reads at once and only gathers the events that arrive while it
// reads.
const (
	followQuiet    = 2 * time.Millisecond
	followMaxDelay = 20 * time.Millisecond
)

// FollowOptions configure Follow.
type FollowOptions struct {
	// Recent, when above zero, makes the first read quick: the head and
	// the latest Recent entries (a Partial Snapshot), for a screen's first
	// frame; the whole timeline comes in the next Snapshot.
	Recent int
}

// Followed is one read of a followed file: a Snapshot, or the error of a
// read that failed (a file cut short, replaced by a directory, corrupt...),
// which a screen shows while it keeps what it has. The read after an error
// is a Reset.
type Followed struct {
	Snapshot
	Err error
}

// Follow reads the incident file at path and follows it for as long as
// ctx lasts: it sends the incident first (a Partial Snapshot of the latest
// entries when o.Recent is set, then the whole of it), then, after each
// change anyone makes to the file, what changed: the entries appended, or
// the whole incident again when the file was written whole. Apply the
// Snapshots in the order received (Snapshot.Apply).
//
// A change reaches the channel as soon as it is read, a few milliseconds
// after it was written whatever the incident's length: an append costs
// the reader only the bytes appended. No change is dropped: when the
// receiver falls behind, what it has not taken is merged into one
// Followed. The channel is closed when ctx ends.
//
// Follow fails only if the file's folder cannot be watched.
func Follow(ctx context.Context, path string, o FollowOptions) (<-chan Followed, error) {
	changes, err := watchFile(ctx, path, followQuiet, followMaxDelay)
	if err != nil {
		return nil, err
	}
	out := make(chan Followed, 1)
	go func() {
		defer close(out)
		r := NewReader(path)
		send := func(f Followed) { sendFollowed(out, f) }
		if o.Recent > 0 {
			snap, err := r.First(o.Recent)
			send(Followed{Snapshot: snap, Err: err})
			if err == nil && snap.Partial {
				snap, err := r.Whole()
				send(Followed{Snapshot: snap, Err: err})
			}
		} else {
			snap, err := r.Whole()
			send(Followed{Snapshot: snap, Err: err})
		}
		for {
			select {
			case <-ctx.Done():
				return
			case _, ok := <-changes:
				if !ok {
					return
				}
				snap, err := r.Next()
				if err == nil && !snap.Reset && len(snap.Entries) == 0 {
					continue // nothing whole appended yet; every commit adds an entry
				}
				send(Followed{Snapshot: snap, Err: err})
			}
		}
	}()
	return out, nil
}

// sendFollowed delivers f without blocking: when the channel is full, it
// takes back what is waiting there and sends it merged with f.
func sendFollowed(out chan Followed, f Followed) {
	for {
		select {
		case out <- f:
			return
		default:
		}
		select {
		case old := <-out:
			f = mergeFollowed(old, f)
		default:
		}
	}
}

// mergeFollowed folds b, read after a, into one Followed.
func mergeFollowed(a, b Followed) Followed {
	switch {
	case b.Err != nil:
		a.Err = b.Err
		return a
	case a.Err != nil, b.Reset:
		return b
	}
	a.Head = b.Head
	a.Entries = append(a.Entries[:len(a.Entries):len(a.Entries)], b.Entries...)
	return a
}
