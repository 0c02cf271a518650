package sshsync

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// LockLease is how long a remote lock holds without being renewed. The
// holder renews it (rewrites the lock file, so the server stamps it anew)
// every LockLease/4 while it syncs; a lock the server's clock says is
// older than the lease was left by a sync that died, and is broken. Its
// age is judged by the server's clock alone, never this machine's; a lock
// seen unchanged for longer than the lease (this machine's stopwatch, not
// its clock) is dead too.
const LockLease = 10 * time.Second

// LockHeldError says another sync kept the remote lock past the retry
// budget.
type LockHeldError struct {
	Target Target
	Owner  string
}

func (e *LockHeldError) Error() string { return e.In(i18n.English) }

// In says it in language l.
func (e *LockHeldError) In(l i18n.Lang) string {
	return l.T("sync with %s: another sync holds the lock (%s); try again in a moment", e.Target, e.Owner)
}

// lockInfo is what a lock file says of its holder: a name for people on
// the first line, then where it runs and a token only it knows.
type lockInfo struct {
	Owner string
	Host  string
	PID   int
	Token string
	mtime time.Time // the server's time of its last renewal
}

func (i lockInfo) String() string {
	return fmt.Sprintf("%s\nhost=%s\npid=%d\ntoken=%s\n", i.Owner, i.Host, i.PID, i.Token)
}

// parseLock reads a lock file; an older build's ("OWNER TIME") has an
// owner only.
func parseLock(data string) lockInfo {
	lines := strings.Split(strings.TrimSpace(data), "\n")
	info := lockInfo{Owner: strings.TrimSpace(lines[0])}
	for _, l := range lines[1:] {
		k, v, _ := strings.Cut(strings.TrimSpace(l), "=")
		switch k {
		case "host":
			info.Host = v
		case "pid":
			info.PID, _ = strconv.Atoi(v)
		case "token":
			info.Token = v
		}
	}
	return info
}

// clientNow is this machine's clock, as lock ages see it: only to carry
// the server's time forward from its last reading (tests skew it).
var clientNow = time.Now

// thisHost names this machine in lock files.
var thisHost = func() string {
	h, err := os.Hostname()
	if err != nil {
		return ""
	}
	return h
}()

// liveTokens are the tokens of the locks this process holds now: a lock
// of this process's with another token was left by a sync whose
// connection died, and is broken at once.
var liveTokens sync.Map

// remoteLock is a lock this sync holds; a goroutine renews it.
type remoteLock struct {
	c    *Conn
	path string
	info lockInfo
	stop chan struct{}
	done chan struct{}
	mu   sync.Mutex
	lost bool // someone broke it
}

// lockPath is the lock file beside the remote file p.
func lockPath(p string) string { return path.Join(path.Dir(p), "."+path.Base(p)+".sync-lock") }

// lock takes the remote lock beside p, waiting up to budget for another
// holder, and breaking a lock whose holder is gone: on this machine with
// its process gone, or silent past the lease by the server's clock.
func (c *Conn) lock(ctx context.Context, p, owner string, budget time.Duration) (*remoteLock, error) {
	lp := lockPath(p)
	me := lockInfo{Owner: owner, Host: thisHost, PID: os.Getpid(), Token: randomHex(12)}
	deadline := time.Now().Add(budget)
	wait := 50 * time.Millisecond
	var offset *time.Duration // server clock minus this machine's, once measured
	var watched lockInfo      // the holder's lock as first seen unchanged
	var since time.Time       // when it was first seen so
	for {
		f, err := c.client.OpenFile(lp, os.O_WRONLY|os.O_CREATE|os.O_EXCL)
		if err == nil {
			_, werr := io.WriteString(f, me.String())
			if cerr := f.Close(); werr == nil {
				werr = cerr
			}
			if werr != nil {
				_ = c.client.Remove(lp)
				return nil, c.fail("lock", lp, werr)
			}
			l := &remoteLock{c: c, path: lp, info: me, stop: make(chan struct{}), done: make(chan struct{})}
			liveTokens.Store(me.Token, true)
			go l.renew()
			return l, nil
		}
		if errors.Is(err, fs.ErrNotExist) {
			if ferr := c.checkFolder(p); ferr != nil {
				return nil, ferr
			}
		}
		if errors.Is(err, fs.ErrPermission) {
			return nil, c.fail("lock", lp, err)
		}
		held, herr := c.readLock(lp)
		switch {
		case errors.Is(herr, fs.ErrNotExist):
			continue // released meanwhile
		case herr != nil:
			return nil, c.fail("lock", lp, herr)
		}
		if offset == nil && !held.mtime.IsZero() {
			o, err := c.serverOffset(p)
			if err != nil {
				return nil, err
			}
			offset = &o
		}
		// A lock not renewed while watched for longer than the lease
		// (the same token and time on the server) is dead too, whatever
		// its time says: a server clock set back leaves a time ahead.
		if held.Token != watched.Token || !held.mtime.Equal(watched.mtime) {
			watched, since = held, time.Now()
		}
		silent := time.Since(since) > LockLease+LockLease/4
		if gone(held) || silent || (offset != nil && clientNow().Add(*offset).Sub(held.mtime) > LockLease) {
			c.breakLock(lp, held)
			continue
		}
		if time.Now().After(deadline) {
			return nil, &LockHeldError{Target: c.Target, Owner: held.Owner}
		}
		select {
		case <-ctx.Done():
			return nil, &InterruptedError{Target: c.Target}
		case <-time.After(wait):
		}
		wait = min(2*wait, time.Second)
	}
}

// gone reports whether a lock's holder provably no longer runs: it ran on
// this machine and its process is gone, or it is this process and the
// sync that took it is over.
func gone(held lockInfo) bool {
	if held.Host == "" || held.Host != thisHost || held.PID <= 0 {
		return false
	}
	if held.PID == os.Getpid() {
		_, live := liveTokens.Load(held.Token)
		return !live
	}
	return !processAlive(held.PID)
}

// readLock reads the lock file at lp and its time on the server.
func (c *Conn) readLock(lp string) (lockInfo, error) {
	fi, err := c.client.Lstat(lp)
	if err != nil {
		return lockInfo{}, err
	}
	f, err := c.client.Open(lp)
	if err != nil {
		return lockInfo{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, 4096))
	if err != nil {
		return lockInfo{}, err
	}
	info := parseLock(string(data))
	info.mtime = fi.ModTime()
	return info, nil
}

// serverOffset measures how far the server's clock is from this
// machine's: it creates a file beside p and reads the time the server gave
// it. Lock ages are judged by the server's clock through it.
func (c *Conn) serverOffset(p string) (time.Duration, error) {
	probe := path.Join(path.Dir(p), "."+path.Base(p)+".sync-clock-"+randomHex(6))
	before := clientNow()
	f, err := c.client.OpenFile(probe, os.O_WRONLY|os.O_CREATE|os.O_EXCL)
	if err != nil {
		return 0, c.fail("lock", lockPath(p), err)
	}
	_ = f.Close()
	fi, err := c.client.Lstat(probe)
	_ = c.client.Remove(probe)
	if err != nil {
		return 0, c.fail("lock", lockPath(p), err)
	}
	// The server's times have a resolution of a second: take its time as
	// the middle of that second, and this machine's as the middle of the
	// round trip.
	server := fi.ModTime().Add(500 * time.Millisecond)
	local := before.Add(clientNow().Sub(before) / 2)
	return server.Sub(local), nil
}

// breakLock removes a lock left by a holder that is gone. It moves the
// lock aside first and removes it only if it is still the one judged
// gone; one taken meanwhile by another sync is put back.
func (c *Conn) breakLock(lp string, held lockInfo) {
	aside := lp + ".broken-" + randomHex(6)
	if err := c.client.Rename(lp, aside); err != nil {
		return
	}
	moved, err := c.readLock(aside)
	if err == nil && moved.Token != held.Token {
		if c.client.Rename(aside, lp) == nil {
			return
		}
	}
	_ = c.client.Remove(aside)
}

// renew keeps the lock fresh until release, and notes when it was broken.
func (l *remoteLock) renew() {
	defer close(l.done)
	t := time.NewTicker(LockLease / 4)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
		}
		cur, err := l.c.readLock(l.path)
		if err == nil && cur.Token != l.info.Token || errors.Is(err, fs.ErrNotExist) {
			l.mu.Lock()
			l.lost = true
			l.mu.Unlock()
			return
		}
		if f, err := l.c.client.OpenFile(l.path, os.O_WRONLY); err == nil {
			_, _ = f.WriteAt([]byte(l.info.String()), 0)
			_ = f.Close()
		}
	}
}

// Lost reports whether another sync broke the lock while it was held.
func (l *remoteLock) Lost() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lost
}

// release stops renewing and removes the lock, unless the renewals found
// it broken: then it is someone else's now, and left to them.
func (l *remoteLock) release() {
	close(l.stop)
	<-l.done
	liveTokens.Delete(l.info.Token)
	if !l.Lost() {
		_ = l.c.client.Remove(l.path)
	}
}
