package store

import (
	"bytes"
	"os"
	"sync"

	"github.com/warroom/warroom/model"
)

// A Reader follows one incident file for a screen, or any process that
// keeps the incident in memory: it remembers how far it has read, and
// reads only what was appended since. Its methods may be called from any
// goroutine, one at a time; each returns what changed since the one
// before, so apply their Snapshots in the order the calls returned
// (Follow does this for you).
type Reader struct {
	path string
	mu   sync.Mutex
	pos  position
	head model.State // as of pos; Timeline nil
	ok   bool        // pos and head hold: reads can go on from pos
}

// Snapshot is what one read found.
type Snapshot struct {
	// Head is the incident as it is now, but for its timeline: its own
	// fields, people, roles, tasks, theories, follow-ups.
	Head model.State
	// Entries are timeline entries. When Reset is set, they are the whole
	// timeline (or, when Partial is set too, only its latest entries);
	// else they are the entries appended since the previous read, to be
	// added after those already held.
	Entries []model.Entry
	// Reset says that Entries replace the timeline: a first read, or a
	// file written whole since the previous read (a checkpoint, a sync, an
	// edit by hand).
	Reset bool
	// Partial says that Entries are only the latest entries of the
	// timeline: the first read of Reader.First. Whole reads the rest.
	Partial bool
}

// Apply returns the incident prev becomes with what s read: prev's
// timeline and the entries appended since, or s's alone after a reset.
// prev is not modified; its timeline's spare capacity may be used.
func (s Snapshot) Apply(prev model.State) model.State {
	out := s.Head
	if s.Reset {
		out.Timeline = s.Entries
		return out
	}
	out.Timeline = append(prev.Timeline, s.Entries...)
	return out
}

// NewReader returns a Reader of the incident file at path; it reads
// nothing yet.
func NewReader(path string) *Reader { return &Reader{path: path} }

// First reads the incident quickly, whatever the length of its timeline:
// the head and the latest n entries, in what the head costs to read, so
// that a screen can draw its first frame at once. Snapshot.Partial says
// whether older entries remain: read them with Whole, which a screen runs
// in the background while it shows what First gave, with a mark that more
// is loading. A file this fast read cannot read (one written by an
// earlier build, or edited by hand) is read whole.
func (r *Reader) First(n int) (Snapshot, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ok = false
	f, info, err := openIncident(resolve(r.path), os.O_RDONLY)
	if err != nil {
		return Snapshot{}, r.named(err)
	}
	defer f.Close()
	v, ok, err := readHead(resolve(r.path), f, info)
	if err != nil {
		return Snapshot{}, err
	}
	if !ok {
		return r.whole(f, info)
	}
	es, older, err := latestEntries(f, v, n)
	if err != nil {
		return Snapshot{}, err
	}
	r.head, r.ok = v.state, true
	r.pos = headPosition(v)
	return Snapshot{Head: v.state, Entries: es, Reset: true, Partial: older}, nil
}

// Whole reads the whole incident.
func (r *Reader) Whole() (Snapshot, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ok = false
	f, info, err := openIncident(resolve(r.path), os.O_RDONLY)
	if err != nil {
		return Snapshot{}, r.named(err)
	}
	defer f.Close()
	return r.whole(f, info)
}

// whole reads f whole.
func (r *Reader) whole(f *os.File, info os.FileInfo) (Snapshot, error) {
	data, err := readRange(f, 0, info.Size())
	if err != nil {
		return Snapshot{}, err
	}
	s, lay, err := decodeFile(r.path, data)
	if err != nil {
		return Snapshot{}, err
	}
	r.head, r.ok = headOf(s), true
	r.pos = wholePosition(info, data, lay)
	return Snapshot{Head: r.head, Entries: s.Timeline, Reset: true}, nil
}

// Next reads what changed since the previous read: when the file only grew
// by appends, just the new bytes; when it was written whole since (or
// nothing was read yet, or the previous read failed), all of it, as a
// Reset. An append still being written is left for the next call.
func (r *Reader) Next() (Snapshot, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f, info, err := openIncident(resolve(r.path), os.O_RDONLY)
	if err != nil {
		r.ok = false
		return Snapshot{}, r.named(err)
	}
	defer f.Close()
	snap, ok, err := r.grown(f, info)
	if err != nil || !ok {
		r.ok = false
		if err != nil {
			return Snapshot{}, err
		}
		return r.whole(f, info)
	}
	return snap, nil
}

// grown reads what was appended to f since the position; ok is false when
// f is not the file read up to there.
func (r *Reader) grown(f *os.File, info os.FileInfo) (Snapshot, bool, error) {
	p := r.pos
	if !r.ok || !p.sealed || idOf(info) != p.id || info.Size() < p.end {
		return Snapshot{}, false, nil
	}
	prefix, err := readRange(f, 0, int64(len(p.prefix)))
	if err != nil || !bytes.Equal(prefix, p.prefix) {
		return Snapshot{}, false, err
	}
	b, err := readRange(f, p.end-int64(sumLineLen), info.Size())
	if err != nil || int64(len(b)) < int64(sumLineLen) || lastSeal(b[:sumLineLen]) != p.last {
		return Snapshot{}, false, err
	}
	ts := scanTail(b[sumLineLen:], p.end)
	if ts.bad != nil {
		return Snapshot{}, false, nil
	}
	if len(ts.commits) == 0 {
		return Snapshot{Head: r.head}, true, nil
	}
	base := p.end - int64(sumLineLen)
	docs, err := decodeParts(b, shift(splitCommits(ts.commits, partSize), -base))
	if err != nil {
		return Snapshot{}, false, nil
	}
	var es []model.Entry
	head := r.head
	for _, d := range docs {
		head = replayPart(head, d)
		es = append(es, d.Timeline...)
	}
	check := head
	check.Timeline = es
	if err := checkTimes(r.path, check); err != nil {
		return Snapshot{}, false, err
	}
	r.head = head
	r.pos.end, r.pos.last = ts.end, ts.commits[len(ts.commits)-1].seal
	return Snapshot{Head: r.head, Entries: es}, true, nil
}

// adopt sets where the Reader stands: after a write of this process,
// which it need not read back.
func (r *Reader) adopt(p position, head model.State) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.pos, r.head, r.ok = p, head, p.sealed
}

// named makes errors name the path the Reader was given.
func (r *Reader) named(err error) error { return named(err, r.path) }

// shift moves spans by d.
func shift(ss []span, d int64) []span {
	out := make([]span, len(ss))
	for i, s := range ss {
		out[i] = span{s.from + d, s.to + d}
	}
	return out
}

// headPosition is where a reader stands after a head read.
func headPosition(v headView) position {
	p := position{id: idOf(v.info), sealed: true, ckpt: v.ckpt, seal: v.seal, end: v.tail.end, last: v.seal,
		prefix: clip(v.prefix, prefixLen)}
	if n := len(v.tail.commits); n > 0 {
		p.last = v.tail.commits[n-1].seal
	}
	return p
}

// wholePosition is where a reader stands after reading data whole.
func wholePosition(info os.FileInfo, data []byte, lay layout) position {
	if lay.state != stateClean {
		return position{}
	}
	p := position{id: idOf(info), sealed: true, ckpt: lay.ckpt, seal: lay.seal, end: lay.dataEnd, last: lay.seal,
		prefix: clip(data, prefixLen)}
	if n := len(lay.tail.commits); n > 0 {
		p.last = lay.tail.commits[n-1].seal
	}
	return p
}

// latestEntries reads the last n entries of a clean file whose head v has
// read, reading the checkpoint backwards only as far as needed. older
// says whether entries remain before them.
func latestEntries(f *os.File, v headView, n int) (es []model.Entry, older bool, err error) {
	var parts [][]byte // newest first
	found := 0
	for i := len(v.tail.commits) - 1; i >= 0 && found < n; i-- {
		c := v.tail.commits[i]
		body := v.after[c.body-v.ckpt : c.sum-v.ckpt]
		start, k := fromEnd(body, n-found)
		parts, found = append(parts, body[start:]), found+k
		if start > 0 {
			older = true
		}
	}
	if found < n {
		// The checkpoint, backwards, a growing chunk at a time.
		for size := int64(64 << 10); ; size *= 4 {
			from := max(v.head, v.ckptSum-size)
			chunk, err := readRange(f, from, v.ckptSum)
			if err != nil {
				return nil, false, err
			}
			start, k := fromEnd(chunk, n-found)
			whole := from == v.head
			if found+k == n || whole {
				if start > 0 || !whole {
					older = true
				}
				if k > 0 {
					parts = append(parts, chunk[start:])
				}
				break
			}
		}
	} else if v.ckptSum > v.head {
		older = true
	}
	var b bytes.Buffer
	for i := len(parts) - 1; i >= 0; i-- {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.Write(parts[i])
	}
	if b.Len() == 0 {
		return nil, older, nil
	}
	d, err := decodePart(b.Bytes())
	if err != nil {
		return nil, false, err
	}
	return d.Timeline, older, nil
}

// fromEnd finds the start of the last n entries in b (entries as warroom
// writes them, each from a [[timeline]] line): it returns their offset and
// how many it found, fewer when b holds fewer, or none when b holds no
// whole entry.
func fromEnd(b []byte, n int) (int, int) {
	end, k := len(b), 0
	for k < n {
		i := bytes.LastIndex(b[:end], []byte("\n[[timeline]]\n"))
		if i < 0 {
			if bytes.HasPrefix(b, timelineHeader) {
				return 0, k + 1
			}
			if k == 0 {
				return len(b), 0
			}
			return end, k
		}
		end, k = i+1, k+1
	}
	return end, k
}
