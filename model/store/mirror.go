package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/warroom/warroom/model"
)

// A Copy is a whole incident file: its bytes and the incident they hold,
// decoded and checked. Only the store makes Copies (DecodeCopy,
// EncodeCopy, Mirror), so a Copy's bytes always hold its state; a sync
// writes one copy's bytes as they are to the other side, so that both
// hold the same bytes and later appends to either are exactly what the
// other lacks.
type Copy struct {
	data   []byte
	state  model.State
	mark   Mark
	sealed bool
	exists bool
	// rest is where what follows the last whole commit and is kept
	// aside starts (len(data) when nothing is); torn is the NAME.torn
	// Mirror kept it in.
	rest int64
	torn string
}

// Data is the file's bytes; nil for a file that does not exist.
func (c Copy) Data() []byte { return c.data }

// State is the incident the bytes hold.
func (c Copy) State() model.State { return c.state }

// Exists reports whether there was a file.
func (c Copy) Exists() bool { return c.exists }

// Mark is the copy's end, when the copy is a clean file that ends with its
// last sum line: one that commits can be appended to.
func (c Copy) Mark() (Mark, bool) { return c.mark, c.sealed }

// Unsealed returns what follows the copy's last whole commit and is not
// data — a write cut short, text or comments added by hand after the
// last sum line — and the offset it starts at; nil when nothing does but
// blank lines. Whoever writes over the copy first keeps it in NAME.torn beside
// it (KeepTorn), as a change to the file does.
func (c Copy) Unsealed() (at int64, rest []byte) {
	if c.rest >= int64(len(c.data)) {
		return 0, nil
	}
	return c.rest, c.data[c.rest:]
}

// Torn is the file (NAME.torn) that Mirror moved what followed the last
// whole commit of the file to, before writing it; "" when it moved
// nothing.
func (c Copy) Torn() string { return c.torn }

// restAt is where what data, laid out as lay, holds after its last whole
// commit and is kept aside starts: len(data) when nothing is.
func restAt(data []byte, lay layout) int64 {
	if lay.tail.rest == restNone || lay.dataEnd >= int64(len(data)) || onlyBlank(data[lay.dataEnd:]) {
		return int64(len(data))
	}
	return lay.dataEnd
}

// DecodeCopy decodes data, a whole incident file read from elsewhere (the
// remote copy of a sync), as Decode does; name is what errors call it.
func DecodeCopy(name string, data []byte) (Copy, error) {
	s, lay, err := decodeFile(name, data)
	if err != nil {
		return Copy{state: s}, err
	}
	c := Copy{data: data, state: s, exists: true, rest: restAt(data, lay)}
	c.mark, c.sealed = markOf(data, lay)
	return c, nil
}

// EncodeCopy renders s as a whole file (Encode).
func EncodeCopy(s model.State) (Copy, error) {
	data, err := Encode(s)
	if err != nil {
		return Copy{}, err
	}
	s.Schema = model.Schema
	c := Copy{data: data, state: s, exists: true, rest: int64(len(data))}
	if len(s.Timeline) > 0 {
		c.mark, c.sealed = markOf(data, analyze(data, true))
	}
	return c, nil
}

// Beside is another copy of the file a Mirror reads, from elsewhere (the
// remote copy of a sync): its bytes, and what errors call it. The two
// copies usually share their checkpoint and most commits, which are then
// decoded once.
type Beside struct {
	Name string
	Data []byte
}

// BesideError is the copy beside the file that could not be read: Mirror
// read nothing more and wrote nothing.
type BesideError struct{ Err error }

func (e *BesideError) Error() string { return e.Err.Error() }
func (e *BesideError) Unwrap() error { return e.Err }

// MirrorBeside is Mirror, with the other copy's bytes decoded along with
// the file's (what they share, once) and handed to decide beside it, as
// DecodeCopy would give it. An other copy that cannot be read is a
// *BesideError.
func MirrorBeside(ctx context.Context, path string, other Beside, decide func(local, other Copy) (*Copy, error)) (Copy, Stamp, error) {
	b := &besideCopy{Beside: other}
	return mirror(ctx, path, b, func(local Copy) (*Copy, error) {
		if b.err != nil {
			return nil, &BesideError{Err: b.err}
		}
		return decide(local, b.copy)
	})
}

// besideCopy is the other copy of a MirrorBeside, decoded with the file.
type besideCopy struct {
	Beside
	copy Copy
	err  error
	done bool
}

// decodeWith decodes the file's bytes, local, and the other copy's: what
// they share once, each alone otherwise, each as decodeFile does.
func (b *besideCopy) decodeWith(path string, local []byte) (model.State, layout, error) {
	states, ok := sharedStates(path, [][]byte{local, b.Data})
	b.done = true
	if ok[1] {
		// Its own bytes are whole commits: nothing follows them.
		b.copy = Copy{data: b.Data, state: states[1], exists: true, rest: int64(len(b.Data))}
		b.copy.mark, b.copy.sealed = markOf(b.Data, analyze(b.Data, true))
	} else {
		b.copy, b.err = DecodeCopy(b.Name, b.Data)
	}
	if ok[0] {
		return states[0], analyze(local, true), nil
	}
	return decodeFile(path, local)
}

// decodeAlone decodes the other copy when the file had nothing to share.
func (b *besideCopy) decodeAlone() {
	if b != nil && !b.done {
		b.done = true
		b.copy, b.err = DecodeCopy(b.Name, b.Data)
	}
}

// Mirror runs one transaction of a sync on the file at path. Under the
// lock, it reads the file whole (a file that does not exist is handed as
// a Copy that does not exist) and hands it to decide, which returns the
// copy the file must become, or nil to leave it as it is. The copy is
// written whole with exactly its bytes (temp file, fsync, rename, fsync of
// the folder), after what no sum line closes at the end of the file is
// kept in NAME.torn. If decide fails, nothing is written.
//
// It returns the file as it is when the lock is released, and its stamp
// (zero when there is no file).
func Mirror(ctx context.Context, path string, decide func(Copy) (*Copy, error)) (Copy, Stamp, error) {
	return mirror(ctx, path, nil, decide)
}

// mirror is Mirror, and MirrorBeside when beside is set: under the lock.
// A *BesideError is the other copy's and names no path of this machine.
func mirror(ctx context.Context, path string, beside *besideCopy, decide func(Copy) (*Copy, error)) (Copy, Stamp, error) {
	given := path
	path = resolve(path)
	unlock, err := lock(ctx, path)
	if err != nil {
		return Copy{}, Stamp{}, err
	}
	defer unlock()
	c, st, err := mirrorLocked(path, beside, decide)
	if be := (*BesideError)(nil); errors.As(err, &be) {
		return c, st, err
	}
	return c, st, named(err, given)
}

// mirrorLocked is Mirror on path, resolved, whose lock the caller holds.
// beside, when set, is decoded with the file.
func mirrorLocked(path string, beside *besideCopy, decide func(Copy) (*Copy, error)) (Copy, Stamp, error) {
	removeLeftovers(path)
	t, err := readForWrite(path, UpdateOptions{Create: true, Reads: model.TimelineNeed{All: true}, beside: beside})
	if err != nil {
		return Copy{}, Stamp{}, err
	}
	beside.decodeAlone()
	cur := Copy{state: t.cur}
	var st Stamp
	if t.exists {
		cur.data, cur.exists, cur.rest = t.data, true, restAt(t.data, t.lay)
		cur.mark, cur.sealed = markOf(t.data, t.lay)
		st = stampOf(t.info)
	}
	next, err := decide(cur)
	if err != nil {
		return cur, st, err
	}
	if next == nil || !next.exists {
		return cur, st, nil
	}
	if err := next.state.Check(); err != nil {
		return cur, st, fmt.Errorf("%s: not saved, the merge would leave an invalid incident: %w", path, err)
	}
	torn, err := t.keepRest()
	if err != nil {
		return cur, st, err
	}
	if err := WriteAtomic(path, next.data, t.mode()); err != nil {
		return cur, st, err
	}
	keepWritten(path, next.data, next.state, t.mode())
	st, err = statStamp(path)
	if err != nil {
		st = Stamp{} // written; only its stamp is unknown
	}
	out := *next
	out.torn = torn
	return out, st, nil
}
