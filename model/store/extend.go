package store

import (
	"bytes"
	"context"
	"fmt"
	"os"

	"github.com/warroom/warroom/model"
)

// Extend appends to the file at path commits copied byte for byte from
// another copy of the incident, one that held the same bytes as this file
// up to m when this file was as stamped. Under the lock it checks that the
// file is still exactly so (ErrMoved otherwise), and that commits are
// whole commits that decode, with no key this build does not know, into
// a valid incident over the file's head, whose new entries and records
// take no id the file already holds (an error otherwise: the other copy
// is then read whole, which says what is wrong with it). It appends them
// with one write and an fsync, as a change is appended.
//
// The Since it returns says what was appended: the head before and
// after, the entries, the file's new mark and stamp.
func Extend(ctx context.Context, path string, m Mark, stamped Stamp, commits []byte) (Since, error) {
	given := path
	path = resolve(path)
	unlock, err := lock(ctx, path)
	if err != nil {
		return Since{}, err
	}
	defer unlock()
	out, err := extendLocked(path, m, stamped, commits)
	return out, named(err, given)
}

// extendLocked is Extend on path, resolved, whose lock the caller holds.
func extendLocked(path string, m Mark, stamped Stamp, commits []byte) (Since, error) {
	f, info, err := openIncident(path, os.O_RDONLY)
	if err != nil {
		return Since{}, ErrMoved
	}
	defer f.Close()
	if !m.Valid() || stampOf(info) != stamped || info.Size() != m.End || len(commits) == 0 {
		return Since{}, ErrMoved
	}
	head, sum, err := readMark(f, m)
	if err != nil {
		return Since{}, err
	}
	if !m.Holds(head, sum) {
		return Since{}, ErrMoved
	}
	v, ok, err := readHead(path, f, info)
	if err != nil {
		return Since{}, err
	}
	if !ok {
		return Since{}, ErrMoved
	}
	after, es, changes, err := replayCommits(v.state, commits, m.End)
	if err != nil {
		return Since{}, fmt.Errorf("%s: the commits to append do not read: %w", path, err)
	}
	if after.Incident.ID != v.state.Incident.ID {
		return Since{}, fmt.Errorf("%s: the commits to append change the incident's id", path)
	}
	s := after
	s.Timeline = es
	if err := s.Check(); err != nil {
		return Since{}, fmt.Errorf("%s: the commits to append would leave an invalid incident: %w", path, err)
	}
	if err := checkTimes(path, s); err != nil {
		return Since{}, err
	}
	old, err := readRange(f, v.head-1, m.End)
	if err != nil {
		return Since{}, err
	}
	if id, found := takenID(old, newIDs(v.state, after, es)); found {
		return Since{}, fmt.Errorf("%s: the commits to append reuse the id %q", path, id)
	}
	now, err := appendCommit(path, info, m.End, commits)
	if err != nil {
		return Since{}, err
	}
	mark := m.After(head, commits)
	var sealed sealRecord // the checkpoint was checked, and the append kept it
	if now != nil {
		sealed = recordOf(now, v.ckpt, v.seal)
	}
	if changes {
		keepHead(path, v.prefix[:v.head], after, mark.End, mark.Last, sealed, info.Mode().Perm())
	} else {
		keepSealed(path, sealed)
	}
	st, err := statStamp(path)
	if err != nil {
		st = Stamp{} // appended; only its stamp is unknown
	}
	return Since{Stamp: st, Commits: commits, Mark: mark, Before: v.state, After: after, Entries: es}, nil
}

// newIDs are the ids of the entries es and of the records after holds
// that before does not.
func newIDs(before, after model.State, es []model.Entry) map[string]bool {
	had := map[string]bool{}
	for _, a := range before.Assignments {
		had[a.ID] = true
	}
	for _, t := range before.Tasks {
		had[t.ID] = true
	}
	for _, t := range before.Theories {
		had[t.ID] = true
	}
	for _, f := range before.FollowUps {
		had[f.ID] = true
	}
	ids := map[string]bool{}
	add := func(id string) {
		if !had[id] {
			ids[id] = true
		}
	}
	for _, a := range after.Assignments {
		add(a.ID)
	}
	for _, t := range after.Tasks {
		add(t.ID)
	}
	for _, t := range after.Theories {
		add(t.ID)
	}
	for _, f := range after.FollowUps {
		add(f.ID)
	}
	for _, e := range es {
		add(e.ID)
	}
	return ids
}

// takenID says whether b, entries and records as warroom writes them,
// sets one of ids as the id of a table (an `id = "…"` line), and which.
// It reads b once, whatever the number of ids.
func takenID(b []byte, ids map[string]bool) (string, bool) {
	const key = "\nid = "
	for at := 0; ; {
		i := bytes.Index(b[at:], []byte(key))
		if i < 0 {
			return "", false
		}
		at += i + len(key)
		if at >= len(b) || (b[at] != '"' && b[at] != '\'') {
			continue
		}
		end := bytes.IndexByte(b[at+1:], b[at])
		if end < 0 {
			return "", false
		}
		if id := b[at+1 : at+1+end]; ids[string(id)] {
			return string(id), true
		}
		at += 1 + end
	}
}
