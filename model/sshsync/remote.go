package sshsync

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"time"

	"github.com/warroom/warroom/model/store"
)

// MaxFileSize is the largest incident file a sync reads or writes, on
// either side: a copy is read whole or refused, never cut. An incident of
// 100,000 entries takes about 21 MiB.
const MaxFileSize = 256 << 20

// maxLinks bounds how many symbolic links resolve follows.
const maxLinks = 32

// snapshot is what a sync saw of the remote copy when it read it: enough
// to tell, right before replacing it, whether anyone changed it since.
type snapshot struct {
	missing bool
	mode    os.FileMode
	size    int64
	mtime   time.Time
	sum     [sha256.Size]byte
}

// resolve follows symbolic links at p to the file they name, as the local
// store does, so that a sync writes the shared file rather than replacing
// the link, and every sync takes the same lock whichever name it used. A
// link to a file not there yet resolves to that file. It returns the
// file's information, or nil when there is none.
func (c *Conn) resolve(p string) (string, os.FileInfo, error) {
	for range maxLinks {
		fi, err := c.client.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, nil, c.checkFolder(p)
		}
		if err != nil {
			return p, nil, c.fail("look at", p, err)
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			return p, fi, nil
		}
		target, err := c.client.ReadLink(p)
		if err != nil {
			return p, nil, c.fail("look at", p, err)
		}
		if !path.IsAbs(target) {
			target = path.Join(path.Dir(p), target)
		}
		p = target
	}
	return p, nil, &RemoteError{Target: c.Target, Op: "look at", Path: c.Target.Path,
		Err: errors.New("too many symbolic links (a loop?)")}
}

// checkFolder says whether the folder of p is there, for a path that is
// not: a missing folder is named at once, rather than waited on.
func (c *Conn) checkFolder(p string) error {
	dir := path.Dir(p)
	fi, err := c.client.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &FolderError{Target: c.Target, Folder: dir}
	case err != nil:
		return c.fail("look at", dir, err)
	case !fi.IsDir():
		return &FolderError{Target: c.Target, Folder: dir, NotFolder: true}
	}
	return nil
}

// checkFile refuses what is not a regular file of at most limit bytes.
func (c *Conn) checkFile(p string, fi os.FileInfo, limit int64) error {
	m := fi.Mode()
	switch {
	case m.IsDir():
		return &NotFileError{Target: c.Target, Path: p, Kind: "folder"}
	case m&fs.ModeNamedPipe != 0:
		return &NotFileError{Target: c.Target, Path: p, Kind: "named pipe"}
	case m&fs.ModeDevice != 0:
		return &NotFileError{Target: c.Target, Path: p, Kind: "device"}
	case m&fs.ModeSocket != 0:
		return &NotFileError{Target: c.Target, Path: p, Kind: "socket"}
	case !m.IsRegular():
		return &NotFileError{Target: c.Target, Path: p, Kind: "special file"}
	case fi.Size() > limit:
		return &TooLargeError{Where: c.Target.String(), Size: fi.Size(), Limit: limit}
	}
	return nil
}

// read reads the regular file at p whole, at most limit bytes: anything
// else (a folder, a pipe that would never end, a device, a file over the
// limit) is refused before it is opened. A missing file gives a snapshot
// that says so and ErrRemoteMissing.
func (c *Conn) read(p string, limit int64) ([]byte, snapshot, error) {
	fi, err := c.client.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, snapshot{missing: true}, ErrRemoteMissing
	}
	if err != nil {
		return nil, snapshot{}, c.fail("read", p, err)
	}
	if err := c.checkFile(p, fi, limit); err != nil {
		return nil, snapshot{}, err
	}
	f, err := c.client.Open(p)
	if err != nil {
		return nil, snapshot{}, c.fail("read", p, err)
	}
	defer f.Close()
	// What was opened is what counts: check it again.
	if fi, err = f.Stat(); err != nil {
		return nil, snapshot{}, c.fail("read", p, err)
	}
	if err := c.checkFile(p, fi, limit); err != nil {
		return nil, snapshot{}, err
	}
	buf := &capped{limit: limit}
	buf.b.Grow(int(fi.Size()))
	_, err = f.WriteTo(buf)
	c.nRead.Add(int64(buf.b.Len()))
	if err != nil {
		if errors.Is(err, errTooLarge) {
			return nil, snapshot{}, &TooLargeError{Where: c.Target.String(), Size: int64(buf.b.Len()), Limit: limit}
		}
		return nil, snapshot{}, c.fail("read", p, err)
	}
	data := buf.b.Bytes()
	return data, snapshot{mode: fi.Mode().Perm(), size: fi.Size(), mtime: fi.ModTime(), sum: sha256.Sum256(data)}, nil
}

var errTooLarge = errors.New("over the size limit")

// capped is a buffer that refuses to grow past limit bytes.
type capped struct {
	b     bytes.Buffer
	limit int64
}

func (c *capped) Write(p []byte) (int, error) {
	if int64(c.b.Len()+len(p)) > c.limit {
		return 0, errTooLarge
	}
	return c.b.Write(p)
}

// unchanged reports whether the remote file at p is still what was read:
// still missing, or the same size, time and content.
func (c *Conn) unchanged(p string, was snapshot, limit int64) (bool, error) {
	fi, err := c.client.Lstat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return was.missing, nil
	case err != nil:
		return false, c.fail("read", p, err)
	case was.missing, fi.Size() != was.size, !fi.ModTime().Equal(was.mtime):
		return false, nil
	}
	// The same size and second: only the content can tell.
	_, now, err := c.read(p, limit)
	if err != nil {
		return false, err
	}
	return now.sum == was.sum, nil
}

// replace writes data over the remote file at p if it is still what was
// read (errRemoteChanged otherwise): a temp file beside it, a last check
// of the file, then an atomic rename over it (posix-rename@openssh.com).
// It returns the stamp of the file it wrote.
func (c *Conn) replace(p string, data []byte, was snapshot, limit int64) (remoteStamp, error) {
	tmp := path.Join(path.Dir(p), "."+path.Base(p)+".tmp-"+randomHex(6))
	f, err := c.client.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL)
	if err != nil {
		return remoteStamp{}, c.fail("write", p, err)
	}
	n, err := f.Write(data)
	c.nWritten.Add(int64(n))
	var fi os.FileInfo
	if err == nil {
		fi, err = f.Stat()
	}
	if err != nil {
		_ = f.Close()
		_ = c.client.Remove(tmp)
		return remoteStamp{}, c.fail("write", p, err)
	}
	if err := f.Close(); err != nil {
		_ = c.client.Remove(tmp)
		return remoteStamp{}, c.fail("write", p, err)
	}
	if !was.missing {
		_ = c.client.Chmod(tmp, was.mode) // the copy keeps who may read and write it
	}
	same, err := c.unchanged(p, was, limit)
	if err != nil || !same {
		_ = c.client.Remove(tmp)
		if err != nil {
			return remoteStamp{}, err
		}
		return remoteStamp{}, errRemoteChanged
	}
	if err := c.client.PosixRename(tmp, p); err != nil {
		_ = c.client.Remove(tmp)
		return remoteStamp{}, c.fail("replace", p, err)
	}
	return stampOfRemote(fi), nil
}

// remoteStamp is what the remote copy was when a sync looked at it or
// wrote it: its size and time (SFTP gives seconds). A rename keeps both.
type remoteStamp struct {
	Size  int64
	MTime int64 // seconds since 1970
}

func stampOfRemote(fi os.FileInfo) remoteStamp {
	return remoteStamp{Size: fi.Size(), MTime: fi.ModTime().Unix()}
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// keepTorn keeps rest, what follows the last whole commit of the remote
// copy at p from offset at, in NAME.torn beside it (store.KeepTorn), and
// flushes it to disk where the server can. It returns the target that
// names that file. A NAME.torn that is not a regular file is refused.
func (c *Conn) keepTorn(p string, at int64, rest []byte) (string, error) {
	torn := store.TornPath(p)
	if fi, err := c.client.Lstat(torn); err == nil {
		if err := c.checkFile(torn, fi, MaxFileSize); err != nil {
			return "", err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", c.fail("write", torn, err)
	}
	f, err := c.client.OpenFile(torn, os.O_RDWR|os.O_APPEND|os.O_CREATE)
	if err != nil {
		return "", c.fail("write", torn, err)
	}
	defer f.Close()
	// Writes land at the end: the file is open for appending, and the
	// offset is there too.
	if _, err := f.Seek(0, io.SeekEnd); err != nil {
		return "", c.fail("write", torn, err)
	}
	if err := store.KeepTorn(f, path.Base(p), at, rest); err != nil {
		return "", c.fail("write", torn, err)
	}
	if v, ok := c.client.HasExtension(fsyncExt); ok && v == "1" {
		if err := f.Sync(); err != nil {
			return "", c.fail("write", torn, err)
		}
	}
	t := c.Target
	t.Path = torn
	return t.String(), nil
}
