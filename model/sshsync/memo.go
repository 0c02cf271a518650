package sshsync

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/warroom/warroom/model/store"
)

// The memo. After a sync that leaves both copies holding the same bytes,
// warroom remembers where: the point both hold (a store.Mark: its length,
// its last sum line, a hash of its first bytes), what the local file was
// (device, inode, size, time) and what the remote copy was (size, time).
// The next sync then checks both cheaply against it and moves only what
// one side appended since. It is kept beside the local file, one per
// target, in .NAME.sync-HASH; it is derived and never trusted over the
// files: every use checks both files against it, a memo that does not
// match is ignored, and deleting it changes nothing but speed.

// memoMagic opens a memo file; its number changes when the layout does.
const memoMagic = "warroom sync memo 2"

// maxMemoSize bounds what is read of a memo file.
const maxMemoSize = 64 << 10

// memo is what a sync remembers of where it left both copies.
type memo struct {
	Target string // the target as written
	Path   string // the remote file, links followed
	Mark   store.Mark
	Local  store.Stamp
	Remote remoteStamp // the remote copy when it held exactly Mark; zero when unknown
	// Whole is when (Unix seconds, this machine's clock) a sync last went
	// the whole way: read both copies whole and found them to hold the
	// same bytes. The quick ways check only parts of the copies; past
	// wholeEvery, the next sync goes the whole way again.
	Whole int64
}

// wholeEvery is how long quick syncs may follow a whole one: what they do
// not read (an edit by hand in the middle of a copy that also grew) is
// found within that.
const wholeEvery = 10 * time.Minute

// fresh reports whether the last whole sync was recent enough, at now,
// for a quick one.
func (m memo) fresh(now time.Time) bool {
	at := time.Unix(m.Whole, 0)
	return m.Whole > 0 && now.Sub(at) < wholeEvery && at.Sub(now) < time.Minute
}

var memoTable = crc32.MakeTable(crc32.Castagnoli)

// memoPath is where the memo of syncs of the local file with t is kept.
func memoPath(local string, t Target) string {
	if real, err := filepath.EvalSymlinks(local); err == nil {
		local = real
	}
	key := sha256.Sum256([]byte(t.String()))
	dir, base := filepath.Split(local)
	return filepath.Join(dir, "."+base+".sync-"+hex.EncodeToString(key[:6]))
}

func (m memo) encode() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\ntarget %s\npath %s\n", memoMagic, strconv.Quote(m.Target), strconv.Quote(m.Path))
	fmt.Fprintf(&b, "mark %d %s %s\n", m.Mark.End, m.Mark.Last, hex.EncodeToString(m.Mark.Head[:]))
	fmt.Fprintf(&b, "local %d %d %d %d\n", m.Local.Dev, m.Local.Ino, m.Local.Size, m.Local.ModTime)
	fmt.Fprintf(&b, "remote %d %d\n", m.Remote.Size, m.Remote.MTime)
	fmt.Fprintf(&b, "whole %d\n", m.Whole)
	fmt.Fprintf(&b, "sum %08x\n", crc32.Checksum(b.Bytes(), memoTable))
	return b.Bytes()
}

// decodeMemo reads a memo file; ok is false for anything but a whole
// memo of this layout.
func decodeMemo(data []byte) (memo, bool) {
	var m memo
	i := bytes.LastIndex(data, []byte("sum "))
	if i < 0 || (i > 0 && data[i-1] != '\n') {
		return m, false
	}
	if want := fmt.Sprintf("sum %08x\n", crc32.Checksum(data[:i], memoTable)); string(data[i:]) != want {
		return m, false
	}
	lines := strings.Split(strings.TrimSuffix(string(data[:i]), "\n"), "\n")
	if len(lines) != 7 || lines[0] != memoMagic {
		return m, false
	}
	var err error
	field := func(line, key string) string {
		v, ok := strings.CutPrefix(line, key+" ")
		if !ok && err == nil {
			err = fmt.Errorf("no %s", key)
		}
		return v
	}
	unquote := func(s string) string {
		v, uerr := strconv.Unquote(s)
		if uerr != nil && err == nil {
			err = uerr
		}
		return v
	}
	m.Target = unquote(field(lines[1], "target"))
	m.Path = unquote(field(lines[2], "path"))
	var head string
	_, serr := fmt.Sscanf(field(lines[3], "mark"), "%d %s %s", &m.Mark.End, &m.Mark.Last, &head)
	h, herr := hex.DecodeString(head)
	if herr != nil || len(h) != len(m.Mark.Head) {
		return m, false
	}
	copy(m.Mark.Head[:], h)
	_, lerr := fmt.Sscanf(field(lines[4], "local"), "%d %d %d %d", &m.Local.Dev, &m.Local.Ino, &m.Local.Size, &m.Local.ModTime)
	_, rerr := fmt.Sscanf(field(lines[5], "remote"), "%d %d", &m.Remote.Size, &m.Remote.MTime)
	_, werr := fmt.Sscanf(field(lines[6], "whole"), "%d", &m.Whole)
	if err != nil || serr != nil || lerr != nil || rerr != nil || werr != nil || !m.Mark.Valid() {
		return m, false
	}
	return m, true
}

// loadMemo reads the memo of syncs of local with t, if there is one for
// the remote file p.
func loadMemo(local string, t Target, p string) (memo, bool) {
	f, err := os.OpenFile(memoPath(local, t), os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		return memo{}, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxMemoSize {
		return memo{}, false
	}
	data, err := io.ReadAll(io.LimitReader(f, maxMemoSize))
	if err != nil {
		return memo{}, false
	}
	m, ok := decodeMemo(data)
	if !ok || m.Target != t.String() || m.Path != p {
		return memo{}, false
	}
	return m, true
}

// saveMemo keeps m for the next sync of local with its target, best
// effort: a memo that cannot be written is not, and a memo cut short by a
// crash does not read. It is written under the remote lock, which keeps
// two syncs of one target from writing it at once.
func saveMemo(local string, t Target, m memo) {
	m.Target = t.String()
	mode := os.FileMode(0o644)
	if info, err := os.Stat(local); err == nil {
		mode = info.Mode().Perm() & 0o666
	}
	f, err := os.OpenFile(memoPath(local, t), os.O_WRONLY|os.O_CREATE|os.O_TRUNC|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, mode)
	if err != nil {
		return
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return
	}
	_, _ = f.Write(m.encode())
}

// forgetMemo removes the memo of syncs of local with t: the copies do not
// hold the same bytes, and the next sync reads the remote one whole.
func forgetMemo(local string, t Target) {
	_ = os.Remove(memoPath(local, t))
}
