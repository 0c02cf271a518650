package store

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"os"
	"strconv"

	"github.com/BurntSushi/toml"

	"github.com/warroom/warroom/model"
)

// headView is a file read without the entries of its timeline: the head as
// it is now (the records its commits changed replayed over the
// checkpoint's), and where everything is. Reading it costs what the head
// and the commits since the checkpoint cost, however long the timeline.
type headView struct {
	state   model.State // Timeline nil
	info    fs.FileInfo
	prefix  []byte // the file from its start, at least up to head
	head    int64  // the first [[timeline]] line
	ckptSum int64  // the checkpoint's sum line
	ckpt    int64  // the end of the checkpoint
	seal    string // the checkpoint's sum
	tail    tailScan
	// after holds the file from the end of the checkpoint on.
	after []byte
}

// readHead reads f's head and what was appended since its checkpoint. ok
// is false when the file is not one it can read so (written by an earlier
// build, changed by hand, cut short): read it whole then, which also says
// what is wrong with it.
//
// The head comes from the head cache when it holds the head of this file
// (see cache.go), and is kept there when it was decoded.
func readHead(path string, f *os.File, info fs.FileInfo) (v headView, ok bool, err error) {
	return readHeadTo(path, f, info, info.Size(), true)
}

// readHeadTo is readHead of the file's first size bytes alone, as if the
// file ended there; keep says whether a head decoded from the TOML is
// kept in the head cache.
func readHeadTo(path string, f *os.File, info fs.FileInfo, size int64, keep bool) (v headView, ok bool, err error) {
	v.info = info
	// Read from the start until the first entry, in growing chunks,
	// looking for it only in what each chunk adds. The head cache says
	// how long the head was when it was written: most often, still.
	cache := loadCache(path)
	first := int64(1 << 20)
	if cache != nil && cache.HeadLen > 0 {
		first = cache.HeadLen + int64(len(timelineHeader))
	}
	v.head = -1
	for chunk := first; v.head < 0; chunk = max(chunk*2, 64<<10) {
		have := int64(len(v.prefix))
		if have >= size {
			return v, false, nil
		}
		more, err := readRange(f, have, min(size, have+chunk))
		if err != nil || len(more) == 0 {
			return v, false, err
		}
		if v.prefix == nil {
			v.prefix = more
		} else {
			v.prefix = append(v.prefix, more...)
		}
		from := max(0, int(have)-len(timelineHeader))
		if h := lineIndex(v.prefix, timelineHeader, from); h >= 0 {
			v.head = int64(h)
		}
	}
	if s, found := probeSchema(v.prefix); !found || s != model.Schema {
		return v, false, nil // newer or older: the whole read says which
	}
	ckpt, found := checkpointBytes(v.prefix[:v.head])
	if !found || ckpt > size || ckpt < v.head+int64(sumLineLen) {
		return v, false, nil
	}
	rest, err := readRange(f, ckpt-int64(sumLineLen), size)
	if err != nil || int64(len(rest)) < int64(sumLineLen) || rest[sumLineLen-1] != '\n' {
		return v, false, err
	}
	seal, found := parseSum(rest[:sumLineLen-1])
	if !found {
		return v, false, nil
	}
	v.ckpt, v.ckptSum, v.seal = ckpt, ckpt-int64(sumLineLen), seal
	v.after = rest[sumLineLen:]
	v.tail = scanTail(v.after, ckpt)
	if v.tail.bad != nil {
		return v, false, nil
	}
	// The checkpoint must match its sum, as a read of the whole file
	// finds: else it was changed since warroom wrote it, and the whole
	// read says how. The cache says when it was checked already.
	var sealed sealRecord // the check made here, if one was
	if cache == nil || !cache.Sealed.holds(info, ckpt, seal) {
		match, err := checkSealed(f, v.prefix, v.ckptSum, seal)
		if err != nil || !match {
			return v, false, err
		}
		sealed = recordOf(info, ckpt, seal)
	}
	key := sha256.Sum256(v.prefix[:v.head])
	if st, at, found := cachedHead(cache, &v, key); found {
		d, ok := changedSince(v.after, ckpt, commitsAfter(v.tail.commits, at))
		if ok {
			v.state = replayPart(st, d)
			if keep && sealed.Ckpt > 0 {
				keepSealed(path, sealed)
			}
			return v, true, checkTimes(path, v.state)
		}
	}
	var head headRecords
	md, err := toml.Decode(string(v.prefix[:v.head]), &head)
	if err != nil || len(md.Undecoded()) > 0 || head.Checkpoint == nil || head.Checkpoint.Bytes != ckpt {
		return v, false, nil
	}
	v.state = head.State
	d, ok := changedSince(v.after, ckpt, v.tail.commits)
	if !ok {
		return v, false, nil
	}
	v.state = replayPart(v.state, d)
	at, seal := v.ckpt, v.seal
	if n := len(v.tail.commits); n > 0 {
		at, seal = v.tail.commits[n-1].end, v.tail.commits[n-1].seal
	}
	if err := checkTimes(path, v.state); err != nil {
		return v, false, err
	}
	if keep {
		keepHead(path, v.prefix[:v.head], v.state, at, seal, sealed, info.Mode().Perm())
	}
	return v, true, nil
}

// commitsAfter are the commits of cs that end after at.
func commitsAfter(cs []commit, at int64) []commit {
	for i, c := range cs {
		if c.end > at {
			return cs[i:]
		}
	}
	return nil
}

// changedSince decodes the records the given commits added and changed;
// tail holds the file from offset base on.
func changedSince(tail []byte, base int64, cs []commit) (partDoc, bool) {
	var b bytes.Buffer
	for _, c := range cs {
		if c.body > c.start+1 {
			b.Write(tail[c.start-base : c.body-base])
		}
	}
	if b.Len() == 0 {
		return partDoc{}, true
	}
	d, err := decodePart(b.Bytes())
	if err != nil || len(d.Timeline) > 0 {
		return partDoc{}, false
	}
	return d, true
}

// checkpointBytes reads the checkpoint table's bytes key from a head as
// warroom writes it.
func checkpointBytes(head []byte) (int64, bool) {
	const key = "\n[checkpoint]\nbytes = "
	i := bytes.Index(head, []byte(key))
	if i < 0 {
		return 0, false
	}
	rest := head[i+len(key):]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		return 0, false
	}
	n, err := strconv.ParseInt(string(rest[:nl]), 10, 64)
	return n, err == nil && n > 0
}
