package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/warroom/warroom/model"
)

// How a Writer saves a batch: one transaction under the lock, on the
// incident it keeps in memory.

// attempt applies batch, the head of the queue, in one transaction and
// removes from the queue what it committed or rejected.
func (w *Writer) attempt(batch []queued) WriteResult {
	ctx, cancel := context.WithTimeout(w.base, w.attemptWait)
	defer cancel()
	res := w.save(ctx, batch)

	w.mu.Lock()
	defer w.mu.Unlock()
	if res.Err == nil {
		// Only Submit appends, so the batch is still the head of the queue.
		w.queue = append([]queued(nil), w.queue[len(batch):]...)
	}
	w.lastErr = res.Err
	res.Pending = len(w.queue)
	return res
}

// save runs one transaction for batch: under the lock, it reads what
// others appended since the last save, applies the batch to the incident
// as it is now, and appends the result (or writes it whole when it must).
func (w *Writer) save(ctx context.Context, batch []queued) WriteResult {
	if _, err := os.Stat(w.path); errors.Is(err, fs.ErrNotExist) {
		return WriteResult{Err: &MissingError{Path: w.path}}
	}
	path := resolve(w.path)
	unlock, err := lock(ctx, path)
	if err != nil {
		return WriteResult{Err: err}
	}
	defer unlock()

	snap, err := w.reader.Next()
	if err != nil {
		return WriteResult{Err: err}
	}
	w.cur = snap.Apply(w.cur)
	w.mu.Lock()
	if w.incident == "" {
		w.incident = w.cur.Incident.ID
	}
	bound := w.incident
	w.mu.Unlock()
	if id := w.cur.Incident.ID; id != bound {
		return WriteResult{Err: &IncidentChangedError{Path: w.path, Want: bound, Got: id}}
	}

	need := model.TimelineNeed{}
	for _, q := range batch {
		need = need.Plus(model.Needs(q.Op))
	}
	var (
		committed []uint64
		rejected  []Rejection
		before    = len(w.cur.Timeline)
	)
	out, err := transactLocked(path, UpdateOptions{}, false, func(s model.State) (model.State, error) {
		// s is the file's incident without its timeline, read just now;
		// the Writer holds the timeline.
		base := s
		base.Timeline = need.Filter(w.cur.Timeline[:before:before])
		next, c, r, err := w.applyBatch(base, batch, w.cur.Timeline[:before])
		committed, rejected = c, r
		if err != nil {
			return s, err
		}
		if len(committed) == 0 {
			return s, errNothingApplied
		}
		next.Timeline = next.Timeline[len(base.Timeline):]
		return next, nil
	})
	switch {
	case errors.Is(err, errNothingApplied):
		return WriteResult{State: w.snapshot(), Rejected: rejected}
	case err != nil:
		return WriteResult{Err: err}
	}
	// The Writer's timeline is its own: handed-out states are capped, so
	// appending in place is safe.
	timeline := append(w.cur.Timeline[:before], out.Added...)
	w.cur = headOf(out.State)
	w.cur.Timeline = timeline
	w.reader.adopt(out.at, headOf(out.State))
	return WriteResult{State: w.snapshot(), Committed: committed, Added: out.Added, Rejected: rejected}
}

// snapshot is the Writer's incident as it hands it out: its timeline
// capped, so that a receiver that appends to it copies it rather than
// write where the Writer appends next.
func (w *Writer) snapshot() model.State {
	s := w.cur
	s.Timeline = s.Timeline[:len(s.Timeline):len(s.Timeline)]
	return s
}

// errNothingApplied ends a transaction whose changes were all rejected:
// Update then writes nothing.
var errNothingApplied = errors.New("no change to save")

// applyBatch applies the changes of batch in order to s, skipping those
// Apply refuses. Apply keeps the state valid; should a change still leave
// a state that fails Check (two entries given the same id by a
// hand-made IDSource, say), that change alone is rejected rather than
// failing the whole batch on every retry. An error is returned only if s
// itself fails Check. s may hold only part of the timeline; all is the
// whole of it, against which the ids of new entries are checked.
func (w *Writer) applyBatch(s model.State, batch []queued, all []model.Entry) (model.State, []uint64, []Rejection, error) {
	var (
		committed []uint64
		rejected  []Rejection
	)
	cur := s
	for _, q := range batch {
		next, _, err := cur.Apply(w.catalog, q.Op, q.Env)
		if err != nil {
			rejected = append(rejected, Rejection{Seq: q.seq, Err: err})
			continue
		}
		cur = next
		committed = append(committed, q.seq)
	}
	if len(committed) == 0 || checkAdded(cur, len(s.Timeline), all) == nil {
		return cur, committed, rejected, nil
	}
	if err := s.Check(); err != nil {
		return s, nil, nil, fmt.Errorf("%s: not saved, the incident in the file is invalid: %w", w.path, err)
	}
	// Slow path, only ever taken on a bug elsewhere: check after each change.
	committed, rejected = nil, nil
	cur = s
	for _, q := range batch {
		next, _, err := cur.Apply(w.catalog, q.Op, q.Env)
		if err == nil {
			if cerr := checkAdded(next, len(s.Timeline), all); cerr != nil {
				err = fmt.Errorf("the change would leave an invalid incident: %w", cerr)
			}
		}
		if err != nil {
			rejected = append(rejected, Rejection{Seq: q.seq, Err: err})
			continue
		}
		cur = next
		committed = append(committed, q.seq)
	}
	return cur, committed, rejected, nil
}

// checkAdded checks s, whose timeline holds part of all and, from index
// from on, entries added to it: s must pass Check, and no added entry may
// take the id of an entry in all.
func checkAdded(s model.State, from int, all []model.Entry) error {
	if err := s.Check(); err != nil {
		return err
	}
	added := s.Timeline[from:]
	if len(added) == 0 {
		return nil
	}
	ids := make(map[string]bool, len(added))
	for _, e := range added {
		ids[e.ID] = true
	}
	for i, e := range all {
		if ids[e.ID] {
			return fmt.Errorf("[[timeline]] number %d has id %q, already used by an entry added now", i+1, e.ID)
		}
	}
	return nil
}
