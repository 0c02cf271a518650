package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/gofrs/flock"

	"github.com/warroom/warroom/model"
)

// LockWait is how long a write waits for another writer before giving up.
const LockWait = 15 * time.Second

// LockPath returns the lock file guarding path: ".NAME.lock" beside it. The
// data file itself is never locked, since every save replaces it.
func LockPath(path string) string {
	dir, base := filepath.Split(path)
	return filepath.Join(dir, "."+base+".lock")
}

// tempPrefix is how temporary files of path begin: the prefix, then the
// digits os.CreateTemp adds. Leftovers of a writer that was killed are
// removed by the next writer, under the lock.
func tempPrefix(path string) string { return "." + filepath.Base(path) + ".tmp-" }

// isTempOf reports whether name is a temporary file of path.
func isTempOf(name, path string) bool {
	rest, ok := strings.CutPrefix(name, tempPrefix(path))
	if !ok || rest == "" {
		return false
	}
	for _, c := range rest {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// resolve follows a symbolic link to the file it names, so that a save
// replaces the shared file rather than the link, and every writer takes
// the same lock whichever name it used. A path that does not exist yet is
// returned as it is.
func resolve(path string) string {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real
	}
	return path
}

// Load reads and checks the incident at path. It takes no lock: a save
// replaces the file atomically and an append is sealed by its sum line, so
// a reader always sees whole changes (an append still being written is not
// read).
func Load(path string) (model.State, error) {
	data, _, err := readIncident(resolve(path))
	if err != nil {
		return model.State{}, named(err, path)
	}
	return Decode(path, data)
}

// lock takes the advisory lock of path, waiting up to LockWait.
func lock(ctx context.Context, path string) (func(), error) {
	lp := LockPath(path)
	// A FIFO or a device at the lock's name would make opening it hang or
	// read from it: refuse it at once.
	if info, err := os.Stat(lp); err == nil && !info.Mode().IsRegular() {
		if err := checkRegular(lp, info); err != nil {
			return nil, err
		}
	}
	// Readable by all, so that people sharing an incident directory can
	// each lock it: flock needs only a read-only descriptor.
	fl := flock.New(lp, flock.SetPermissions(0o644))
	ctx, cancel := context.WithTimeout(ctx, LockWait)
	defer cancel()
	ok, err := fl.TryLockContext(ctx, 5*time.Millisecond)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, &LockError{Path: path, Lock: lp}
		}
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: the folder %s does not exist", path, filepath.Dir(lp))
		}
		if errors.Is(err, fs.ErrPermission) {
			return nil, fmt.Errorf("%s: cannot create the lock file %s: permission denied", path, lp)
		}
		return nil, &LockError{Path: path, Lock: lp, Err: err}
	}
	if !ok {
		return nil, &LockError{Path: path, Lock: lp}
	}
	return func() { _ = fl.Unlock() }, nil
}

// WriteAtomic replaces path with data: a temp file in the same directory,
// fsync, rename over path, fsync of the directory. A crash at any point
// leaves either the old file or the new one, never a mix.
func WriteAtomic(path string, data []byte, mode fs.FileMode) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, tempPrefix(path)+"*")
	if err != nil {
		return writeError(path, err)
	}
	tmp := f.Name()
	fail := func(err error) error {
		_ = f.Close()
		_ = os.Remove(tmp)
		return writeError(path, err)
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Chmod(mode); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return writeError(path, err)
	}
	if err := syncDir(dir); err != nil {
		return &RenamedError{Path: path, Err: err}
	}
	return nil
}

// RenamedError is a write whose new bytes are in place — the rename was
// done — but whose folder could not be synced: a crash now might still
// bring back the old file. The caller must not say nothing was written.
type RenamedError struct {
	Path string
	Err  error
}

func (e *RenamedError) Error() string {
	return fmt.Sprintf("%s was written, but its folder could not be synced to disk: %v", e.Path, e.Err)
}
func (e *RenamedError) Unwrap() error { return e.Err }

// writeError names the file being written, not the temporary file the
// operating system's error names.
func writeError(path string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	if info, serr := os.Stat(path); serr == nil && info.IsDir() {
		return fmt.Errorf("write %s: it is a directory", path)
	}
	return fmt.Errorf("write %s: %w", path, err)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync directory: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) {
		// Some file systems cannot sync a directory at all (EINVAL,
		// ENOTSUP); there the rename is as durable as it gets, and a
		// save reported as failed after its rename would be retried and
		// applied twice.
		return fmt.Errorf("sync directory %s: %w", dir, err)
	}
	return nil
}

// removeLeftovers deletes temp files a killed writer left behind. Only
// call it with the lock held: then no other writer has a temp file open.
func removeLeftovers(path string) {
	dir := filepath.Dir(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if isTempOf(e.Name(), path) {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
