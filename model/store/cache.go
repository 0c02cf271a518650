package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"io/fs"
	"os"
	"path/filepath"
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

// cacheVersion changes when the cache's layout does.
const cacheVersion = 1

// maxCacheSize bounds what is read of a cache file.
const maxCacheSize = 64 << 20

// headCache is the cache file's content.
type headCache struct {
	Version int
	Schema  int
	Head    [32]byte    // SHA-256 of the file's bytes before its first entry
	At      int64       // the end of the checkpoint or commit the state is as of
	Seal    string      // the sum closing it
	State   model.State // the head replayed up to At; no timeline
}

// CachePath is where the head cache of the incident file at path is kept:
// .NAME.cache beside it.
func CachePath(path string) string {
	dir, base := filepath.Split(path)
	return filepath.Join(dir, "."+base+".cache")
}

// cachedHead returns the head of v's file as of one of its points (the
// checkpoint's end or a commit's), and that point, if the cache holds one
// for the file as it is.
func cachedHead(path string, v *headView, key [32]byte) (model.State, int64, bool) {
	f, err := os.OpenFile(CachePath(path), os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		return model.State{}, 0, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxCacheSize {
		return model.State{}, 0, false
	}
	data, err := readRange(f, 0, info.Size())
	if err != nil {
		return model.State{}, 0, false
	}
	var c headCache
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&c) != nil ||
		c.Version != cacheVersion || c.Schema != model.Schema || c.Head != key {
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
// file's bytes before its first entry. It is best effort: a cache that
// cannot be written is not.
func keepHead(path string, prefix []byte, head model.State, at int64, seal string, mode fs.FileMode) {
	head.Timeline = nil
	c := headCache{Version: cacheVersion, Schema: model.Schema, Head: sha256.Sum256(prefix), At: at, Seal: seal, State: head}
	var b bytes.Buffer
	if gob.NewEncoder(&b).Encode(c) != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(path), tempPrefix(path)+"*")
	if err != nil {
		return
	}
	tmp := f.Name()
	_, err = f.Write(b.Bytes())
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
