package sshsync

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/pkg/sftp"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// The quick ways through a sync. After a sync that left both copies
// holding the same bytes, the memo (memo.go) says where. Both copies are
// then checked cheaply against it, under the remote lock: the local file
// (its inode, size and time, its first 4 KiB and the sum line at the
// mark) and the remote copy (its size and time, its first 4 KiB and the
// sum line at the mark). Then:
//
//   - neither grew: nothing is read but those few bytes, nothing written;
//   - only the local file grew by appends: its new commits are exactly
//     what the remote copy lacks, and are appended to it as they are;
//   - only the remote copy grew by appends (a warroom on the remote host
//     writes to it): its new commits are read, checked and appended to
//     the local file as they are.
//
// Anything else — a copy written whole, edited by hand, replaced, cut
// short, both grown apart, a memo missing or not matching — goes the
// whole way: the remote copy read whole and merged (sync.go).

// errMoved says the remote copy is not as the memo says both were.
var errMoved = errors.New("the remote copy is not as the last sync left it")

// appendPacket is the most an append writes in one SFTP write: the
// client's largest packet. sftp-server writes each packet with one
// write(2), so a packet of whole commits lands whole or not at all, and
// an append that stops between two leaves whole commits only.
const appendPacket = 32 << 10

// fsyncExt names OpenSSH's extension that flushes a file to disk.
const fsyncExt = "fsync@openssh.com"

// fast syncs without reading either copy whole when the memo kept after
// the last sync holds for both and at most one side appended since.
// done is false when it cannot tell: then the whole sync runs.
func (c *Conn) fast(ctx context.Context, lock *remoteLock, p, local string, o SyncOptions) (Result, bool, error) {
	mm, ok := loadMemo(local, c.Target, p)
	if !ok || !mm.fresh(time.Now()) {
		return Result{}, false, nil
	}
	ls, err := store.Look(local, mm.Mark, mm.Local)
	if err != nil {
		return Result{}, false, nil // the whole sync says what is wrong, if anything
	}
	rs, err := c.look(p, mm, o.maxSize())
	switch {
	case errors.Is(err, errMoved):
		return Result{}, false, nil
	case err != nil:
		return Result{}, true, err
	}
	lc, rc := ls.Commits, rs.commits
	switch {
	case len(lc) == 0 && len(rc) == 0:
		return Result{}, true, nil
	case bytes.HasPrefix(lc, rc) && !rs.torn():
		// The remote copy lacks the local file's last commits (all of
		// them, or those a stopped append did not write).
		return c.push(ctx, lock, p, local, ls, rs, mm.Whole)
	case bytes.HasPrefix(rc, lc) && ls.Stamp.Size == ls.Mark.End:
		return c.pull(ctx, p, local, ls, rs, mm.Whole)
	}
	return Result{}, false, nil
}

// remoteSince is what the remote copy holds beyond the memo's mark.
type remoteSince struct {
	head    []byte      // its first Mark.HeadLen() bytes
	commits []byte      // the whole commits after the mark; nil when none
	end     int64       // where they end
	stamp   remoteStamp // the copy as looked at
}

// torn reports whether something follows the whole commits: an append
// not finished, or a crash's leftovers.
func (r remoteSince) torn() bool { return r.stamp.Size != r.end }

// look reads what the remote copy at p holds beyond the memo's mark: its
// size and time, its first bytes and the sum line at the mark, and what
// follows the mark. errMoved when the copy does not hold the mark, or
// holds exactly it with another size or time than the memo's.
func (c *Conn) look(p string, mm memo, limit int64) (remoteSince, error) {
	m := mm.Mark
	usable := func(fi os.FileInfo) bool {
		return fi.Mode().IsRegular() && fi.Size() <= limit && fi.Size() >= m.End
	}
	fi, err := c.client.Lstat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return remoteSince{}, errMoved
	case err != nil:
		return remoteSince{}, c.fail("read", p, err)
	case !usable(fi):
		return remoteSince{}, errMoved // the whole sync names what it is
	}
	f, err := c.client.Open(p)
	if err != nil {
		return remoteSince{}, c.fail("read", p, err)
	}
	defer f.Close()
	// What was opened is what counts.
	if fi, err = f.Stat(); err != nil {
		return remoteSince{}, c.fail("read", p, err)
	}
	if !usable(fi) {
		return remoteSince{}, errMoved
	}
	rs := remoteSince{stamp: stampOfRemote(fi), end: m.End}
	if rs.head, err = c.readAt(f, p, 0, m.HeadLen()); err != nil {
		return remoteSince{}, err
	}
	sum, err := c.readAt(f, p, m.SumAt(), m.End)
	if err != nil {
		return remoteSince{}, err
	}
	if !m.Holds(rs.head, sum) {
		return remoteSince{}, errMoved
	}
	if fi.Size() == m.End {
		if mm.Remote.Size != m.End || rs.stamp != mm.Remote {
			return remoteSince{}, errMoved // written again, its size kept
		}
		return rs, nil
	}
	rest, err := c.readAt(f, p, m.End, fi.Size())
	if err != nil {
		return remoteSince{}, err
	}
	n, ok := store.WholeCommits(rest)
	if !ok {
		return remoteSince{}, errMoved
	}
	if n > 0 {
		rs.commits = rest[:n]
	}
	rs.end = m.End + int64(n)
	return rs, nil
}

// readAt reads the bytes [from, to) of the remote file f at p; fewer when
// the file is shorter.
func (c *Conn) readAt(f *sftp.File, p string, from, to int64) ([]byte, error) {
	if to <= from {
		return nil, nil
	}
	buf := make([]byte, to-from)
	n, err := f.ReadAt(buf, from)
	c.nRead.Add(int64(n))
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, c.fail("read", p, err)
	}
	return buf[:n], nil
}

// push appends to the remote copy the local file's commits it lacks, and
// keeps the memo of where both then are.
func (c *Conn) push(ctx context.Context, lock *remoteLock, p, local string, ls store.Since, rs remoteSince, whole int64) (Result, bool, error) {
	var res Result
	send := ls.Commits[len(rs.commits):]
	stamp := rs.stamp
	if len(send) > 0 {
		rep, ok := report(ls)
		if !ok {
			return res, false, nil
		}
		packets, ok := packetsOf(send)
		if !ok {
			return res, false, nil // a commit too large to land whole in one write
		}
		var err error
		if stamp, err = c.appendRemote(ctx, lock, p, rs, packets); err != nil {
			return res, true, err
		}
		res.Out = rep
	}
	if stamp.Size == ls.Mark.End {
		saveMemo(local, c.Target, memo{Path: p, Mark: ls.Mark, Local: ls.Stamp, Remote: stamp, Whole: whole})
	} else {
		// Someone else appended too, at the same moment: the next sync
		// reads the copy whole.
		forgetMemo(local, c.Target)
	}
	return res, true, nil
}

// packetsOf cuts b, whole commits, into writes of whole commits of at
// most appendPacket bytes each; ok is false when a commit is larger.
func packetsOf(b []byte) ([][]byte, bool) {
	ends, ok := store.CommitEnds(b)
	if !ok || len(ends) == 0 || ends[len(ends)-1] != len(b) {
		return nil, false
	}
	var out [][]byte
	start, last := 0, 0
	for _, e := range ends {
		if e-last > appendPacket {
			return nil, false
		}
		if e-start > appendPacket {
			out = append(out, b[start:last])
			start = last
		}
		last = e
	}
	return append(out, b[start:]), true
}

// appendRemote appends packets, whole commits, to the remote copy at p,
// if it is still as rs saw it (errRemoteChanged otherwise), then flushes
// it to disk where the server can (fsync@openssh.com). The file is
// opened for appending, so a write lands at its end whatever happened
// since the check. A stop (a signal) is heeded before the first write
// only: an append once started is finished. It returns the copy's stamp
// after the append.
func (c *Conn) appendRemote(ctx context.Context, lock *remoteLock, p string, rs remoteSince, packets [][]byte) (remoteStamp, error) {
	if ctx.Err() != nil {
		return remoteStamp{}, &InterruptedError{Target: c.Target}
	}
	if lock.Lost() {
		return remoteStamp{}, errRemoteChanged // another sync broke the lock: start again
	}
	f, err := c.client.OpenFile(p, os.O_WRONLY|os.O_APPEND)
	if err != nil {
		return remoteStamp{}, c.fail("append to", p, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return remoteStamp{}, c.fail("append to", p, err)
	}
	if !fi.Mode().IsRegular() || stampOfRemote(fi) != rs.stamp {
		return remoteStamp{}, errRemoteChanged
	}
	at := rs.end
	for i, b := range packets {
		n, err := f.WriteAt(b, at)
		c.nWritten.Add(int64(n))
		at += int64(n)
		if err == nil && c.afterPacket != nil {
			err = c.afterPacket(i)
		}
		if err != nil {
			return remoteStamp{}, c.fail("append to", p, err)
		}
	}
	if v, ok := c.client.HasExtension(fsyncExt); ok && v == "1" {
		if err := f.Sync(); err != nil {
			return remoteStamp{}, c.fail("append to", p, err)
		}
	}
	if fi, err = f.Stat(); err != nil {
		return remoteStamp{}, c.fail("append to", p, err)
	}
	return stampOfRemote(fi), nil
}

// pull appends to the local file the remote copy's commits it lacks, and
// keeps the memo of where both then are. Commits that do not check (see
// store.Extend) send the sync the whole way, which says what is wrong.
func (c *Conn) pull(ctx context.Context, p, local string, ls store.Since, rs remoteSince, whole int64) (Result, bool, error) {
	if ctx.Err() != nil {
		return Result{}, true, &InterruptedError{Target: c.Target}
	}
	take := rs.commits[len(ls.Commits):]
	if len(take) == 0 {
		// Both appended the same (an earlier sync stopped before it kept
		// the memo); the remote copy is being appended to.
		saveMemo(local, c.Target, memo{Path: p, Mark: ls.Mark, Local: ls.Stamp, Whole: whole})
		return Result{}, true, nil
	}
	got, err := store.Extend(ctx, local, ls.Mark, ls.Stamp, take)
	if err != nil {
		if ctx.Err() != nil {
			return Result{}, true, &InterruptedError{Target: c.Target}
		}
		return Result{}, false, nil
	}
	rep, _ := report(got)
	remote := rs.stamp
	if rs.torn() {
		remote = remoteStamp{} // not known at the mark: the next sync looks again
	}
	if got.Mark.End == rs.end {
		saveMemo(local, c.Target, memo{Path: p, Mark: got.Mark, Local: got.Stamp, Remote: remote, Whole: whole})
	} else {
		forgetMemo(local, c.Target)
	}
	return Result{In: rep}, true, nil
}

// report says what the commits of s bring to a copy that lacks them, as
// model.Merge counts it; ok is false when they do not merge (another
// incident).
func report(s store.Since) (model.MergeReport, bool) {
	_, rep, err := model.Merge(s.Before, s.After)
	if err != nil {
		return rep, false
	}
	rep.Entries = len(s.Entries)
	return rep, true
}
