package store

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"os"
)

// Marks are for keeping two copies of an incident in step without reading
// either whole (model/sshsync). A copy that only grew by appends since the
// two held the same bytes lacks exactly the other's appended commits, and
// a commit copied byte for byte is as whole, and as checkable, in the
// other copy as in its own. A Mark says where the two copies were the
// same; a Stamp what the local file was then. Both are derived, and
// checked against the file at every use: a file that does not hold them
// any more is read whole, as before.

// MarkHeadLen is how many of a file's first bytes a Mark keeps the hash of.
const MarkHeadLen = 4 << 10

// A Mark is a point at which a file is whole: its first End bytes, the
// last line of which is a sum line with the value Last, and the first of
// which (MarkHeadLen at most) hash to Head. An edit in place of the head
// (the title, the status) changes Head; a write of the file whole changes
// Last.
type Mark struct {
	End  int64
	Last string
	Head [sha256.Size]byte
}

// Valid reports whether m can be a point of a file at all.
func (m Mark) Valid() bool {
	_, ok := parseSum([]byte(`sum = "` + m.Last + `"`))
	return ok && m.End >= int64(sumLineLen)
}

// HeadLen is how many first bytes of the file Head hashes.
func (m Mark) HeadLen() int64 { return min(m.End, MarkHeadLen) }

// SumAt is the offset of the sum line ending at End.
func (m Mark) SumAt() int64 { return m.End - int64(sumLineLen) }

// Holds reports whether a file holds m, given its first HeadLen bytes and
// the sumLineLen bytes at SumAt.
func (m Mark) Holds(head, sum []byte) bool {
	return int64(len(head)) == m.HeadLen() && sha256.Sum256(head) == m.Head &&
		len(sum) == sumLineLen && sum[sumLineLen-1] == '\n' && lastSeal(sum) == m.Last
}

// After is the mark of the file once commits, whole commits that follow
// m in it, are appended; head is its first HeadLen bytes.
func (m Mark) After(head, commits []byte) Mark {
	n := Mark{End: m.End + int64(len(commits)), Last: lastSeal(commits), Head: m.Head}
	if n.HeadLen() > m.HeadLen() {
		first := append(bytes.Clone(head), commits[:n.HeadLen()-m.HeadLen()]...)
		n.Head = sha256.Sum256(first)
	}
	return n
}

// markOf is the mark of data, a whole file laid out as lay: ok only when
// data is a clean file (every sum matching what it closes) that ends with
// its last sum line, the only kind of file another copy can be appended
// to.
func markOf(data []byte, lay layout) (Mark, bool) {
	if lay.state != stateClean || lay.tail.rest != restNone || lay.dataEnd != int64(len(data)) {
		return Mark{}, false
	}
	m := Mark{End: int64(len(data)), Last: lastSeal(data)}
	m.Head = sha256.Sum256(data[:m.HeadLen()])
	return m, m.Valid()
}

// CommitEnds reads b, the bytes that follow a Mark in a file: it returns
// where each whole commit at its start ends, as offsets into b. ok is
// false when a commit closed by a sum line does not match its sum (the
// file was changed there by hand), the last one as much as any other.
// What follows the whole commits is a write not finished yet, or a
// crash's leftovers: not data.
func CommitEnds(b []byte) (ends []int, ok bool) {
	ts := scanTail(b, 0)
	if ts.bad != nil {
		return nil, false
	}
	for _, c := range ts.commits {
		ends = append(ends, int(c.end))
	}
	return ends, true
}

// WholeCommits says how many of the first bytes of b, which follow a
// Mark in a file, are whole commits (see CommitEnds).
func WholeCommits(b []byte) (n int, ok bool) {
	ends, ok := CommitEnds(b)
	if !ok || len(ends) == 0 {
		return 0, ok
	}
	return ends[len(ends)-1], true
}

// A Stamp is what a file was when a sync looked at it: which file (device
// and inode), its size and its time to the nanosecond.
type Stamp struct {
	Dev, Ino uint64
	Size     int64
	ModTime  int64 // nanoseconds since 1970
}

// stampOf is info's stamp.
func stampOf(info fs.FileInfo) Stamp {
	id := idOf(info)
	return Stamp{Dev: id.dev, Ino: id.ino, Size: info.Size(), ModTime: info.ModTime().UnixNano()}
}

// sameFile reports whether s and info are one file (it may have grown).
func (s Stamp) sameFile(info fs.FileInfo) bool {
	id := idOf(info)
	return id != fileID{} && id.dev == s.Dev && id.ino == s.Ino
}

// statStamp is the stamp of the file at path now.
func statStamp(path string) (Stamp, error) {
	info, err := os.Stat(path)
	if err != nil {
		return Stamp{}, err
	}
	return stampOf(info), nil
}

// readMark reads the bytes of f that tell whether it holds m: its first
// HeadLen bytes and its sum line at SumAt.
func readMark(f *os.File, m Mark) (head, sum []byte, err error) {
	if head, err = readRange(f, 0, m.HeadLen()); err != nil {
		return nil, nil, err
	}
	if sum, err = readRange(f, m.SumAt(), m.End); err != nil {
		return nil, nil, err
	}
	return head, sum, nil
}
