package store

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"
	"syscall"

	"github.com/warroom/warroom/model"
)

// The head cache. Decoding the head of a large incident (a thousand tasks)
// costs tens of milliseconds, more than the rest of a change; the cache
// keeps it decoded, beside the file, in .NAME.cache. It is derived and
// never trusted over the file: it holds the head as of one point of the
// file (the end of the checkpoint or of a commit), keyed by the SHA-256 of
// the file's bytes up to its first entry and by the sum that closes that
// point. A cache whose key does not match the file is ignored, and
// deleting it changes nothing but speed. Whoever decodes a head from the
// TOML, or changes it, writes the cache again.
//
// It keeps too the record of the last check of the checkpoint against its
// sum (sealed.go), at a fixed place so that an append rewrites it alone.
//
// The same file keeps, apart, the checkpoint's entries of summaryKinds:
// the few kinds that commands summarise in what they print (customer
// counts, when the next update is due) and that approving a draft reads,
// keyed by the checkpoint's sum and where it ends. They are used only
// once the checkpoint's bytes have been read and matched against its sum.

// cacheMagic opens a cache file; its number changes when the layout does.
const cacheMagic = "warroom head cache 5\n"

// summaryKinds are the entries the cache keeps from the checkpoint.
var summaryKinds = model.CommsKinds.Plus(model.CustomerKinds)

// maxCacheSize bounds what is read of a cache file.
const maxCacheSize = 64 << 20

// cacheFrom: a head shorter than this (64 KiB) decodes in well under a
// millisecond, and is not cached: no .NAME.cache beside an everyday
// incident. Tests lower it.
var cacheFrom atomic.Int64

func init() { cacheFrom.Store(64 << 10) }

// headCache is what the cache file holds.
type headCache struct {
	Head    [32]byte    // SHA-256 of the file's bytes before its first entry
	HeadLen int64       // how many bytes that is
	At      int64       // the end of the checkpoint or commit the state is as of
	Seal    string      // the sum closing it
	State   model.State // the head replayed up to At; no timeline
	// Sealed is the last check of the file's checkpoint against its sum.
	Sealed sealRecord

	// The entries of summaryKinds in the checkpoint whose sum is
	// KindsSeal and whose sum line starts at KindsEnd; KindsSeal is ""
	// when the cache holds none. They are read only when asked for.
	KindsSeal string
	KindsEnd  int64
	Kinds     []model.Entry
	kinds     *cacheReader // where they are, not read yet
}

// summary returns the entries of summaryKinds of the checkpoint closed by
// seal, its sum line at end, if the cache holds them.
func (c *headCache) summary(seal string, end int64) ([]model.Entry, bool) {
	if c == nil || c.KindsSeal == "" || c.KindsSeal != seal || c.KindsEnd != end {
		return nil, false
	}
	if c.kinds != nil {
		r := c.kinds
		c.Kinds, c.kinds = slice(r, func() model.Entry { return decodeEntry(r) }), nil
		if r.err != nil || r.at != len(r.s) {
			c.KindsSeal, c.Kinds = "", nil
			return nil, false
		}
	}
	return c.Kinds, true
}

func (c headCache) encode() ([]byte, error) {
	w := &cacheWriter{b: append(make([]byte, 0, 64<<10), cacheMagic...)}
	w.b = append(w.b, c.Sealed.bytes()...)
	w.int(int64(model.Schema))
	w.str(headShape)
	w.str(string(c.Head[:]))
	w.int(c.HeadLen)
	w.int(c.At)
	w.str(c.Seal)
	if err := encodeHead(w, c.State); err != nil {
		return nil, err
	}
	w.str(c.KindsSeal)
	w.int(c.KindsEnd)
	count(w, c.Kinds)
	for _, e := range c.Kinds {
		if err := encodeEntry(w, e); err != nil {
			return nil, err
		}
	}
	return w.b, nil
}

func decodeCache(data []byte) (*headCache, error) {
	s := string(data)
	if len(s) < len(cacheMagic)+sealRecordLen || s[:len(cacheMagic)] != cacheMagic {
		return nil, errCache
	}
	var c headCache
	c.Sealed = readRecord(data[len(cacheMagic) : len(cacheMagic)+sealRecordLen])
	r := &cacheReader{s: s, at: len(cacheMagic) + sealRecordLen}
	if r.int() != int64(model.Schema) || r.str() != headShape {
		return nil, errCache
	}
	if copy(c.Head[:], r.str()) != len(c.Head) {
		return nil, errCache
	}
	c.HeadLen, c.At, c.Seal = r.int(), r.int(), r.str()
	c.State = decodeHead(r)
	c.KindsSeal, c.KindsEnd = r.str(), r.int()
	if r.err != nil {
		return nil, errCache
	}
	c.kinds = r // the entries are read only if asked for
	return &c, nil
}

// CachePath is where the head cache of the incident file at path is kept:
// .NAME.cache beside it.
func CachePath(path string) string {
	dir, base := filepath.Split(path)
	return filepath.Join(dir, "."+base+".cache")
}

// loadCache reads the head cache of the file at path, nil if there is
// none this build can read.
func loadCache(path string) *headCache {
	f, err := os.OpenFile(CachePath(path), os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxCacheSize {
		return nil
	}
	data, err := readRange(f, 0, info.Size())
	if err != nil {
		return nil
	}
	c, err := decodeCache(data)
	if err != nil {
		return nil
	}
	return c
}

// cachedHead returns the head of v's file as of one of its points (the
// checkpoint's end or a commit's), and that point, if c holds one for the
// file as it is: key is the SHA-256 of its bytes before the first entry.
func cachedHead(c *headCache, v *headView, key [32]byte) (model.State, int64, bool) {
	if c == nil || c.Head != key {
		return model.State{}, 0, false
	}
	if c.At == v.ckpt && c.Seal == v.seal {
		return c.State, c.At, true
	}
	for _, cm := range v.tail.commits {
		if cm.end == c.At && cm.seal == c.Seal {
			return c.State, c.At, true
		}
	}
	return model.State{}, 0, false
}

// keepHead writes the cache of the file at path: head, its state as of at,
// the end of the checkpoint or commit that seal closes; prefix holds the
// file's bytes before its first entry; sealed, when set, the check of its
// checkpoint just made (else the cache keeps the one it had). It is best
// effort: a cache that cannot be written is not. A small head of a short
// checkpoint is not cached.
func keepHead(path string, prefix []byte, head model.State, at int64, seal string, sealed sealRecord, mode fs.FileMode) {
	if int64(len(prefix)) < cacheFrom.Load() && sealed.Ckpt < sealedFrom {
		return
	}
	head.Timeline = nil
	c := headCache{Head: sha256.Sum256(prefix), HeadLen: int64(len(prefix)), At: at, Seal: seal, State: head, Sealed: sealed}
	if old := loadCache(path); old != nil {
		if kinds, ok := old.summary(old.KindsSeal, old.KindsEnd); ok {
			c.KindsSeal, c.KindsEnd, c.Kinds = old.KindsSeal, old.KindsEnd, kinds
		}
		if sealed.Ckpt == 0 {
			c.Sealed = old.Sealed
		}
	}
	writeCache(path, c, mode)
}

// keepSummary keeps in the cache the entries of summaryKinds of the
// checkpoint closed by seal, its sum line at end.
func keepSummary(path string, seal string, end int64, kinds []model.Entry, mode fs.FileMode) {
	c := loadCache(path)
	if c == nil {
		c = &headCache{}
	}
	c.KindsSeal, c.KindsEnd, c.Kinds, c.kinds = seal, end, kinds, nil
	writeCache(path, *c, mode)
}

// writeCache replaces the cache file of path with c, best effort.
func writeCache(path string, c headCache, mode fs.FileMode) {
	b, err := c.encode()
	if err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(path), tempPrefix(path)+"*")
	if err != nil {
		return
	}
	tmp := f.Name()
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, mode&0o666)
	}
	if err == nil {
		err = os.Rename(tmp, CachePath(path))
	}
	if err != nil {
		_ = os.Remove(tmp)
	}
}
