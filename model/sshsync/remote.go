package sshsync

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"time"
)

// ErrRemoteMissing says the remote file does not exist.
var ErrRemoteMissing = errors.New("no incident file there")

// ReadFile reads the remote file whole.
func (c *Conn) ReadFile(p string) ([]byte, error) {
	f, err := c.client.Open(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w", c.Target, ErrRemoteMissing)
		}
		return nil, c.fail("read", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, 256<<20))
	if err != nil {
		return nil, c.fail("read", err)
	}
	return data, nil
}

// WriteAtomic replaces the remote file: a temp file beside it, then an
// atomic rename over it (posix-rename@openssh.com).
func (c *Conn) WriteAtomic(p string, data []byte) error {
	tmp := path.Join(path.Dir(p), "."+path.Base(p)+".tmp-"+randomHex(6))
	f, err := c.client.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL)
	if err != nil {
		return c.fail("write", err)
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		_ = c.client.Remove(tmp)
		return c.fail("write", err)
	}
	if err := f.Close(); err != nil {
		_ = c.client.Remove(tmp)
		return c.fail("write", err)
	}
	if err := c.client.PosixRename(tmp, p); err != nil {
		_ = c.client.Remove(tmp)
		return c.fail("replace", err)
	}
	return nil
}

// LockStale is how old a remote lock may be before it is taken to be left
// by a sync that died.
const LockStale = 2 * time.Minute

// LockHeldError says another host kept the remote lock past the retry
// budget.
type LockHeldError struct {
	Target Target
	Owner  string
}

func (e *LockHeldError) Error() string {
	return fmt.Sprintf("sync with %s: another sync holds the lock (%s); try again in a moment", e.Target, e.Owner)
}

// Lock takes the remote lock file beside p, created exclusively, with
// owner and time inside. A lock older than LockStale is removed. It
// retries until budget runs out.
func (c *Conn) Lock(p, owner string, budget time.Duration) (func(), error) {
	lock := path.Join(path.Dir(p), "."+path.Base(p)+".sync-lock")
	deadline := time.Now().Add(budget)
	wait := 50 * time.Millisecond
	for {
		f, err := c.client.OpenFile(lock, os.O_WRONLY|os.O_CREATE|os.O_EXCL)
		if err == nil {
			_, werr := fmt.Fprintf(f, "%s %s\n", owner, time.Now().UTC().Format(time.RFC3339))
			cerr := f.Close()
			if werr != nil || cerr != nil {
				_ = c.client.Remove(lock)
				return nil, c.fail("lock", errors.Join(werr, cerr))
			}
			return func() { _ = c.client.Remove(lock) }, nil
		}
		if errors.Is(err, fs.ErrPermission) {
			return nil, c.fail("lock", err)
		}
		// Held: stale, or wait for it.
		info, serr := c.client.Stat(lock)
		if serr == nil && time.Since(info.ModTime()) > LockStale {
			_ = c.client.Remove(lock)
			continue
		}
		if serr != nil && !errors.Is(serr, fs.ErrNotExist) {
			return nil, c.fail("lock", serr)
		}
		if time.Now().After(deadline) {
			holder := "unknown"
			if data, err := c.ReadFile(lock); err == nil {
				holder = strings.TrimSpace(string(data))
			}
			return nil, &LockHeldError{Target: c.Target, Owner: holder}
		}
		time.Sleep(wait)
		wait = min(2*wait, time.Second)
	}
}

// fail wraps an SFTP error with what was being done, and ssh's last word
// if the connection died.
func (c *Conn) fail(what string, err error) error {
	msg := fmt.Sprintf("sync with %s: %s %s: %v", c.Target, what, c.Target.Path, err)
	if errors.Is(err, fs.ErrPermission) {
		msg = fmt.Sprintf("sync with %s: %s %s: permission denied", c.Target, what, c.Target.Path)
	}
	if tail := lastLine(c.stderr.String()); tail != "" {
		msg += " (ssh: " + tail + ")"
	}
	return fmt.Errorf("%s: %w", msg, err)
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
