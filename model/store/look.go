package store

import (
	"errors"
	"os"

	"github.com/warroom/warroom/model"
)

// ErrMoved says a file does not hold the Mark a sync kept of it any more,
// or changed without growing: written whole, edited, replaced by another
// file. The sync reads it whole then.
var ErrMoved = errors.New("the file is not as the last sync left it")

// Since is what a file holds beyond a Mark.
type Since struct {
	// Stamp is the file as looked at.
	Stamp Stamp
	// Commits are the whole commits that follow the mark, byte for byte;
	// nil when none does.
	Commits []byte
	// Mark is the file's mark after Commits.
	Mark Mark
	// Before and After are the incident without its timeline at the mark
	// and after Commits; Entries the entries Commits hold. Set only with
	// Commits.
	Before, After model.State
	Entries       []model.Entry
}

// Look reads what the file at path holds beyond m, which it held when it
// was as stamped: nothing, or the commits appended since. It returns
// ErrMoved when the file does not hold m any more, or when it changed
// without growing. It takes no lock: it reads only commits already whole,
// which are never written again in place, and leaves what is still being
// appended for the next look.
func Look(path string, m Mark, stamped Stamp) (Since, error) {
	path = resolve(path)
	f, info, err := openIncident(path, os.O_RDONLY)
	if err != nil {
		return Since{}, ErrMoved // the whole read says what is wrong
	}
	defer f.Close()
	now := stampOf(info)
	if !m.Valid() || !stamped.sameFile(info) || info.Size() < m.End {
		return Since{}, ErrMoved
	}
	head, sum, err := readMark(f, m)
	if err != nil {
		return Since{}, err
	}
	if !m.Holds(head, sum) {
		return Since{}, ErrMoved
	}
	out := Since{Stamp: now, Mark: m}
	if info.Size() == m.End {
		if now != stamped {
			return Since{}, ErrMoved // written in place, its size kept
		}
		return out, nil
	}
	rest, err := readRange(f, m.End, info.Size())
	if err != nil {
		return Since{}, err
	}
	n, ok := WholeCommits(rest)
	if !ok {
		return Since{}, ErrMoved
	}
	if n == 0 {
		return out, nil
	}
	commits := rest[:n]
	v, ok, err := readHeadTo(path, f, info, m.End, false)
	if err != nil || !ok {
		return Since{}, ErrMoved
	}
	after, es, changes, err := replayCommits(v.state, commits, m.End)
	if err != nil {
		return Since{}, ErrMoved
	}
	out.Commits, out.Mark = commits, m.After(head, commits)
	out.Before, out.After, out.Entries = v.state, after, es
	if changes {
		keepHead(path, v.prefix[:v.head], after, out.Mark.End, out.Mark.Last, sealRecord{}, info.Mode().Perm())
	}
	return out, nil
}

// replayCommits decodes commits, whole commits that start at offset base
// of a file, and replays them over head: the head after them, the entries
// they hold, and whether they add or change records.
func replayCommits(head model.State, commits []byte, base int64) (model.State, []model.Entry, bool, error) {
	ts := scanTail(commits, base)
	if ts.bad != nil || ts.end-base != int64(len(commits)) {
		return model.State{}, nil, false, errors.New("not whole commits")
	}
	docs, err := decodeParts(commits, shift(splitCommits(ts.commits, partSize), -base))
	if err != nil {
		return model.State{}, nil, false, err
	}
	var es []model.Entry
	changes := false
	for _, d := range docs {
		changes = changes || !d.changed.empty() || !d.Changed.empty()
		head = replayPart(head, d)
		es = append(es, d.Timeline...)
	}
	return head, es, changes, nil
}
