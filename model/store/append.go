package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// errCannotAppend: the file cannot be opened for writing (it is read-only)
// though its folder can be: the change is written as a new file instead.
var errCannotAppend = errors.New("cannot append")

// appendCommit appends block, a whole commit, to the file at path with one
// write, and syncs it. The file must still be the one read (info) and end
// where the read said (end). On failure it cuts the file back to end. It
// returns the file as it is after the write.
func appendCommit(path string, info fs.FileInfo, end int64, block []byte) (fs.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return nil, errCannotAppend
		}
		return nil, writeError(path, err)
	}
	defer f.Close()
	now, err := f.Stat()
	if err != nil {
		return nil, writeError(path, err)
	}
	if idOf(now) != idOf(info) || now.Size() != end || !now.Mode().IsRegular() || !now.ModTime().Equal(info.ModTime()) {
		return nil, fmt.Errorf("%s: the file changed while it was locked (was it edited by hand just now?); try again", path)
	}
	n, err := f.Write(block)
	if err == nil && n != len(block) {
		err = fmt.Errorf("short write: %d of %d bytes", n, len(block))
	}
	if err == nil {
		err = f.Sync()
	}
	if err != nil {
		// Leave the file as it was: what was written is not acknowledged.
		if terr := f.Truncate(end); terr == nil {
			_ = f.Sync()
		}
		return nil, writeError(path, err)
	}
	if now, err = f.Stat(); err != nil {
		return nil, nil // appended; only how it is now is not known
	}
	return now, nil
}

// TornPath is where warroom keeps what it cut from the end of the file at
// path: a write that did not finish, or text added by hand after the last
// sum line and never accepted. NAME.torn, beside the file.
func TornPath(path string) string { return path + ".torn" }

// keepRest moves what follows the last whole commit to TornPath, then
// cuts it from the file: it is never data, and never silently dropped.
// Comments go too: warroom keeps none in the file, and one at its end
// would swallow the next append. It returns the .torn file's path when it
// moved something.
func (t *tx) keepRest() (string, error) {
	if !t.exists || (t.lay.tail.rest != restTorn && t.lay.tail.rest != restComment) {
		return "", nil
	}
	end := t.lay.dataEnd
	f, _, err := openIncident(t.path, os.O_RDWR)
	if err != nil {
		return "", err
	}
	defer f.Close()
	rest, err := readRange(f, end, t.info.Size())
	if err != nil {
		return "", err
	}
	kept := ""
	if !onlyBlank(rest) {
		kept = TornPath(t.path)
		if err := keepTorn(kept, t.path, end, rest, t.mode()); err != nil {
			return "", err
		}
	}
	if err := f.Truncate(end); err != nil {
		return "", writeError(t.path, err)
	}
	if err := f.Sync(); err != nil {
		return "", writeError(t.path, err)
	}
	t.info, _ = f.Stat()
	t.lay.tail.rest = restNone
	return kept, nil
}

// keepTorn appends rest, cut from path at offset at, to the file torn,
// as KeepTorn does, and syncs it.
func keepTorn(torn, path string, at int64, rest []byte, mode fs.FileMode) error {
	g, err := os.OpenFile(torn, os.O_RDWR|os.O_APPEND|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, mode)
	if err != nil {
		return fmt.Errorf("%s: keep the unfinished end of the file in %s: %w", path, torn, err)
	}
	defer g.Close()
	info, err := g.Stat()
	if err != nil {
		return fmt.Errorf("%s: keep the unfinished end of the file in %s: %w", path, torn, err)
	}
	if !info.Mode().IsRegular() {
		return &NotRegularError{Path: torn, What: "not a regular file"}
	}
	if err := KeepTorn(g, filepath.Base(path), at, rest); err != nil {
		return fmt.Errorf("%s: keep the unfinished end of the file in %s: %w", path, torn, err)
	}
	if err := g.Sync(); err != nil {
		return fmt.Errorf("%s: keep the unfinished end of the file in %s: %w", path, torn, err)
	}
	return syncDir(filepath.Dir(torn))
}

// A TornFile is a NAME.torn open for reading and for appending: a file
// of this machine, or one of another over SFTP.
type TornFile interface {
	io.ReaderAt
	io.Writer
	Stat() (fs.FileInfo, error)
}

// KeepTorn appends to f rest, what was cut from the end of the incident
// file called name at offset at, after a line saying where it came from
// and what it was: a write that did not finish, or comments, which
// warroom does not keep in the file. It writes nothing when f already
// ends with rest: a writer stopped after keeping it and before cutting
// it. It does not sync f.
func KeepTorn(f TornFile, name string, at int64, rest []byte) error {
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if n := int64(len(rest)) + 1; info.Size() >= n {
		have := make([]byte, n)
		if _, err := f.ReadAt(have, info.Size()-n); err == nil && (bytes.HasSuffix(have, rest) || bytes.Equal(have[:len(rest)], rest)) {
			return nil
		}
	}
	what := "it was not written whole"
	if classifyRest(rest) == restComment {
		what = "comments, which warroom does not keep in the file"
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# cut from the end of %s at byte %d, %s: %s\n", name, at, time.Now().UTC().Format(time.RFC3339), what)
	b.Write(rest)
	if !bytes.HasSuffix(rest, []byte("\n")) {
		b.WriteByte('\n')
	}
	_, err = f.Write(b.Bytes())
	return err
}
