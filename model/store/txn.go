package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync/atomic"

	"github.com/warroom/warroom/model"
)

// UpdateOptions say how UpdateWith reads the file.
type UpdateOptions struct {
	// Create starts the file when it does not exist: the change is handed
	// an empty state.
	Create bool
	// Reads says which timeline entries the change is handed: all of
	// them (as Update does), those of some kinds, or none. Everything
	// else of the incident is always handed whole. Reading less of a long
	// timeline is what makes a change quick: model.Needs says what an
	// operation reads.
	Reads model.TimelineNeed

	// beside, when set, is another copy of the file to decode with it
	// (MirrorBeside).
	beside *besideCopy
}

// Outcome is what one transaction did.
type Outcome struct {
	// State is the incident as written. When the change was handed only
	// part of the timeline (UpdateOptions.Reads), State.Timeline is that
	// part followed by the entries the change added.
	State model.State
	// Added are the entries the change added.
	Added []model.Entry
	// Appended is true when the change was appended to the file, false
	// when the file was written whole (a checkpoint) or not at all.
	Appended bool
	// Torn, when not empty, is the file (NAME.torn) that what followed
	// the last whole commit of the incident file (a write that did not
	// finish, text or comments added by hand) was moved to before this
	// change was written.
	Torn string

	at position // where the file is after the change, for readers
}

// Update runs one transaction on the file at path: it takes the lock,
// reads the file as it is now, calls change with the whole incident, and
// writes what change returns whole, as a new checkpoint (temp file, fsync,
// rename, fsync of the folder), before releasing the lock: the file is
// then exactly Encode of the new state. If change fails, nothing is
// written. A missing file is an error unless create is set, in which case
// change is handed an empty state.
//
// Update costs a read and a write of the whole file; UpdateWith appends.
func Update(ctx context.Context, path string, create bool, change func(model.State) (model.State, error)) (model.State, error) {
	out, err := transact(ctx, path, UpdateOptions{Create: create, Reads: model.TimelineNeed{All: true}}, true, change)
	return out.State, err
}

// UpdateWith is Update for everyday changes: it hands change only the
// timeline entries o.Reads names, and appends what change did to the file
// (one write and one fsync) rather than writing it whole. change must keep
// the entries it is handed, in their order, and may add entries after
// them; it may change anything else.
//
// The append holds the entries added, the records added (as [[tasks]] and
// the like) and the records changed in place ([[changed.tasks]] and the
// like), closed by a sum line. A new checkpoint is written instead when
// the change takes out or reorders records or entries, when the file is
// small and the change alters records in place (so that the file reads as
// the incident it holds with any TOML reader), when what follows the
// checkpoint grows past a bound (tailLimit), and when the file was not
// written whole by this build.
func UpdateWith(ctx context.Context, path string, o UpdateOptions, change func(model.State) (model.State, error)) (Outcome, error) {
	return transact(ctx, path, o, false, change)
}

// transact runs one transaction; whole writes the file whole.
func transact(ctx context.Context, path string, o UpdateOptions, whole bool, change func(model.State) (model.State, error)) (Outcome, error) {
	if !o.Create {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return Outcome{}, &MissingError{Path: path}
		}
	}
	given := path
	path = resolve(path)
	unlock, err := lock(ctx, path)
	if err != nil {
		return Outcome{}, err
	}
	defer unlock()
	out, err := transactLocked(path, o, whole, change)
	return out, named(err, given)
}

// transactLocked runs one transaction on path, resolved, whose lock the
// caller holds.
func transactLocked(path string, o UpdateOptions, whole bool, change func(model.State) (model.State, error)) (Outcome, error) {
	removeLeftovers(path)
	t, err := readForWrite(path, o)
	if err != nil {
		return Outcome{}, err
	}
	next, err := change(t.cur)
	if errors.Is(err, ErrUnchanged) {
		return Outcome{State: t.cur, at: t.position()}, nil
	}
	if err != nil {
		return Outcome{State: t.cur}, err
	}
	return t.write(next, whole)
}

// tx is a transaction's read of the file, and what it needs to write.
type tx struct {
	path   string
	exists bool
	info   fs.FileInfo
	cur    model.State // what the change is handed
	// whole is the whole timeline, when the file was read whole.
	whole []model.Entry
	read  bool // the whole file was read and decoded
	lay   layout
	// data is the file, when it was read whole; else prefix holds its
	// first bytes, up to the first entry at least.
	data, prefix []byte
}

// readForWrite reads the file at path for a transaction, under the lock.
func readForWrite(path string, o UpdateOptions) (*tx, error) {
	t := &tx{path: path}
	f, info, err := openIncident(path, os.O_RDONLY)
	var me *MissingError
	switch {
	case errors.As(err, &me) && o.Create:
		t.read = true
		return t, nil
	case err != nil:
		return nil, err
	}
	defer f.Close()
	t.exists, t.info = true, info
	if !o.Reads.All {
		v, ok, err := readHead(path, f, info)
		if err != nil {
			return nil, err
		}
		if ok {
			t.lay, t.prefix, t.cur = v.layout(), v.prefix, v.state
			if len(o.Reads.Kinds) == 0 {
				return t, nil
			}
			es, ok, err := readKinds(path, f, v, o.Reads)
			if err != nil {
				return nil, err
			}
			if ok {
				t.cur.Timeline = es
				return t, nil
			}
		}
	}
	data, err := readRange(f, 0, info.Size())
	if err != nil {
		return nil, err
	}
	var s model.State
	var lay layout
	if o.beside != nil {
		s, lay, err = o.beside.decodeWith(path, data)
	} else {
		s, lay, err = decodeFile(path, data)
	}
	if err != nil {
		return nil, err
	}
	t.read, t.data, t.prefix, t.lay, t.whole = true, data, data, lay, s.Timeline
	t.cur = s
	t.cur.Timeline = o.Reads.Filter(s.Timeline)
	return t, nil
}

// layout of a head read: a clean file.
func (v headView) layout() layout {
	return layout{size: v.info.Size(), head: v.head, state: stateClean, ckptSum: v.ckptSum, ckpt: v.ckpt,
		seal: v.seal, tail: v.tail, dataEnd: v.tail.end}
}

// write writes next, the state the change returned: whole, or appended
// when it can be.
func (t *tx) write(next model.State, whole bool) (Outcome, error) {
	added, ok := appended(t.cur.Timeline, next.Timeline)
	if !ok && !(t.read && len(t.cur.Timeline) == len(t.whole)) {
		return Outcome{State: t.cur}, fmt.Errorf("%s: not saved: the change took out or reordered timeline entries it was handed", t.path)
	}
	if err := next.Check(); err != nil {
		return Outcome{State: t.cur}, fmt.Errorf("%s: not saved, the change would leave an invalid incident: %w", t.path, err)
	}
	out := Outcome{State: next, Added: added}
	if !t.exists || t.lay.state != stateClean || !ok || whole {
		// A new file, one from an earlier build or changed by hand, a
		// timeline rewritten (a merge), or asked for: write all of it.
		whole := next
		if ok && t.exists {
			whole.Timeline = append(t.whole[:len(t.whole):len(t.whole)], added...)
		}
		torn, err := t.keepRest()
		if err != nil {
			return Outcome{State: t.cur}, err
		}
		data, err := Encode(whole)
		if err != nil {
			return Outcome{State: t.cur}, err
		}
		if err := WriteAtomic(t.path, data, t.mode()); err != nil {
			return Outcome{State: t.cur}, err
		}
		out.Torn, out.at = torn, rewritten(t.path, data)
		keepWritten(t.path, data, whole, t.mode())
		return out, nil
	}

	recs, mods, replayable := diff(headOf(t.cur), headOf(next))
	torn, err := t.keepRest()
	if err != nil {
		return Outcome{State: t.cur}, err
	}
	out.Torn = torn
	small := t.lay.dataEnd < rewriteBelow.Load()
	if replayable && len(added) > 0 && (mods.empty() || !small) &&
		!addsToInline(t.prefix[:t.lay.head], recs) {
		block, err := encodeCommit(recs, mods, added)
		if err != nil {
			return Outcome{State: t.cur}, err
		}
		if t.lay.dataEnd+int64(len(block))-t.lay.ckpt <= tailLimit(t.lay.ckpt) {
			after, err := appendCommit(t.path, t.info, t.lay.dataEnd, block)
			if err == nil {
				out.Appended = true
				out.at = t.position()
				out.at.end, out.at.last = t.lay.dataEnd+int64(len(block)), lastSeal(block)
				// The checkpoint was checked, and the append kept it.
				var sealed sealRecord
				if after != nil {
					sealed = recordOf(after, t.lay.ckpt, t.lay.seal)
				}
				if !recs.empty() || !mods.empty() {
					keepHead(t.path, t.prefix[:t.lay.head], next, out.at.end, out.at.last, sealed, t.mode())
				} else {
					keepSealed(t.path, sealed)
				}
				return out, nil
			}
			if !errors.Is(err, errCannotAppend) {
				return Outcome{State: t.cur}, err
			}
		}
	}
	data, err := t.compact(headOf(next), added)
	if err != nil {
		return Outcome{State: t.cur}, err
	}
	if err := WriteAtomic(t.path, data, t.mode()); err != nil {
		return Outcome{State: t.cur}, err
	}
	out.at = rewritten(t.path, data)
	keepWritten(t.path, data, next, t.mode())
	return out, nil
}

// keepWritten keeps in the head cache the head of s, just written whole to
// path as data, and that its checkpoint matches its sum, when it does.
func keepWritten(path string, data []byte, s model.State, mode fs.FileMode) {
	seal := lastSeal(data)
	h := lineIndex(data, timelineHeader, 0)
	if seal == "" || h <= 0 {
		return
	}
	var sealed sealRecord
	ckpt, ok := checkpointBytes(data[:h])
	if ok && ckpt >= int64(h+sumLineLen) && ckpt <= int64(len(data)) && sealOf(data[:ckpt-int64(sumLineLen)]) == lastSeal(data[:ckpt]) {
		if info, err := os.Stat(path); err == nil && info.Size() == int64(len(data)) {
			sealed = recordOf(info, ckpt, lastSeal(data[:ckpt]))
		}
	}
	keepHead(path, data[:h], s, int64(len(data)), seal, sealed, mode)
}

// mode is the permission the file is written with: its own.
func (t *tx) mode() fs.FileMode {
	if t.info != nil {
		return t.info.Mode().Perm()
	}
	return 0o644
}

// headOf is s without its timeline.
func headOf(s model.State) model.State {
	s.Timeline = nil
	return s
}

// Bounds of the append path; tests lower them.
var (
	// rewriteBelow: a file smaller than this is written whole by a change
	// that alters records in place. Rewriting it costs about what an
	// append does, and keeps the file exactly the incident it holds for
	// any TOML reader.
	rewriteBelow atomic.Int64
	// tailFloor and tailCeil bound tailLimit.
	tailFloor, tailCeil atomic.Int64
)

func init() {
	rewriteBelow.Store(256 << 10)
	tailFloor.Store(512 << 10)
	tailCeil.Store(4 << 20)
}

// tailLimit is how many bytes may follow a checkpoint of ckpt bytes before
// the next change writes a new checkpoint: an eighth of it, between
// 512 KiB and 4 MiB. The tail is what every reader of the whole file
// decodes without the checkpoint's help, and a checkpoint costs a rewrite.
func tailLimit(ckpt int64) int64 { return min(max(ckpt/8, tailFloor.Load()), tailCeil.Load()) }

// compact builds a new checkpoint of a clean file without decoding its
// timeline: the new head, the entries of the checkpoint and of every
// commit as they are in the file, then the entries added.
func (t *tx) compact(head model.State, added []model.Entry) ([]byte, error) {
	data := t.data
	if data == nil {
		var err error
		if data, _, err = readIncident(t.path); err != nil {
			return nil, err
		}
		// The prefix read may reach past the last whole commit, into
		// bytes keepRest has cut since: compare what is still data.
		n := min(int64(len(t.prefix)), t.lay.dataEnd)
		if int64(len(data)) < t.lay.dataEnd || !bytes.Equal(data[:n], t.prefix[:n]) || !t.stillSealed(data) {
			return nil, fmt.Errorf("%s: the file changed while it was locked; try again", t.path)
		}
	}
	parts := [][]byte{data[t.lay.head:t.lay.ckptSum]}
	for _, c := range t.lay.tail.commits {
		if c.sum > c.body {
			parts = append(parts, data[c.body:c.sum])
		}
	}
	enc, err := encodeEntries(added)
	if err != nil {
		return nil, err
	}
	parts = append(parts, enc.text)
	n := 0
	for _, p := range parts {
		if len(p) > 0 {
			n += 1 + bytes.Count(p, []byte("\n[[timeline]]\n"))
		}
	}
	return assemble(head, n, parts...)
}

// stillSealed reports whether data, the file read again, holds the
// checkpoint and the commits the transaction read, every sum matching:
// a new checkpoint copies their bytes, and must never seal anew bytes
// that changed since warroom wrote them.
func (t *tx) stillSealed(data []byte) bool {
	l := t.lay
	if sealOf(data[:l.ckptSum]) != l.seal {
		return false
	}
	ts := scanTail(data[l.ckpt:l.dataEnd], l.ckpt)
	return ts.bad == nil && ts.end == l.dataEnd && len(ts.commits) == len(l.tail.commits)
}

// lastSeal is the value of the sum line ending b.
func lastSeal(b []byte) string {
	if len(b) < sumLineLen {
		return ""
	}
	v, _ := parseSum(b[len(b)-sumLineLen : len(b)-1])
	return v
}
