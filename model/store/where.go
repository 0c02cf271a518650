package store

import (
	"bytes"
	"os"
)

// position is how far a reader has read a file: which file it is, where
// its checkpoint ends, and the end of the last whole commit read. A file
// that only grew by appends since can be read on from there.
type position struct {
	id     fileID
	sealed bool // the file has a checkpoint: reads can go on from end
	ckpt   int64
	seal   string // the checkpoint's sum
	end    int64  // the end of the last whole commit read
	last   string // the sum of the commit ending at end
	// prefix is the file's first bytes: an edit in place changes them.
	prefix []byte
}

// prefixLen is how many of the first bytes of a file a position keeps.
const prefixLen = 4 << 10

// position is where a reader stands after this transaction's read.
func (t *tx) position() position {
	if !t.exists || t.lay.state != stateClean {
		return position{}
	}
	p := position{id: idOf(t.info), sealed: true, ckpt: t.lay.ckpt, seal: t.lay.seal, end: t.lay.dataEnd, last: t.lay.seal,
		prefix: clip(t.prefix, prefixLen)}
	if n := len(t.lay.tail.commits); n > 0 {
		p.last = t.lay.tail.commits[n-1].seal
	}
	return p
}

// rewritten is where a reader stands after reading data, just written
// whole to path.
func rewritten(path string, data []byte) position {
	info, err := os.Stat(path)
	seal := lastSeal(data)
	if err != nil || seal == "" {
		return position{}
	}
	n := int64(len(data))
	return position{id: idOf(info), sealed: true, ckpt: n, seal: seal, end: n, last: seal, prefix: clip(data, prefixLen)}
}

// clip returns a copy of the first n bytes of b at most.
func clip(b []byte, n int) []byte { return bytes.Clone(b[:min(n, len(b))]) }
