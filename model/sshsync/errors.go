package sshsync

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/pkg/sftp"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

// The errors of this package say what went wrong and what to do, once:
// Error gives the English, In(lang) the same sentence in lang (model.Explain
// finds them). None repeats the text of the error it wraps.

// ErrRemoteMissing says the remote file does not exist.
var ErrRemoteMissing = errors.New("no incident file there")

// errRemoteChanged says the remote copy changed after this sync read it;
// the sync reads it again and merges anew.
var errRemoteChanged = errors.New("the remote copy changed while syncing")

// MissingError says there is no incident file at the remote path, and how
// to start one.
type MissingError struct{ Target Target }

func (e *MissingError) Error() string { return e.In(i18n.English) }

// In says it in language l.
func (e *MissingError) In(l i18n.Lang) string {
	return l.T("%s: no incident file there; to start it from this incident, sync with --create", e.Target)
}

// Is makes errors.Is(err, ErrRemoteMissing) true.
func (e *MissingError) Is(target error) bool { return target == ErrRemoteMissing }

// FolderError says the folder the remote file should be in does not
// exist, or is not a folder.
type FolderError struct {
	Target    Target
	Folder    string
	NotFolder bool // it exists but is a file
}

func (e *FolderError) Error() string { return e.In(i18n.English) }

// In says it in language l.
func (e *FolderError) In(l i18n.Lang) string {
	if e.NotFolder {
		return l.T("sync with %s: %s on %s is not a folder; check the path", e.Target, e.Folder, e.Target.Destination())
	}
	return l.T("sync with %s: the folder %s does not exist on %s; create it (ssh %s mkdir -p %s) or check the path",
		e.Target, e.Folder, e.Target.Destination(), e.Target.Destination(), e.Folder)
}

// NotFileError says the remote path is not a regular file: a folder, a
// device, a named pipe or a socket. warroom reads only regular files.
type NotFileError struct {
	Target Target
	Path   string
	Kind   string // "folder", "named pipe", "device", "socket", "special file"
}

func (e *NotFileError) Error() string { return e.In(i18n.English) }

// In says it in language l.
func (e *NotFileError) In(l i18n.Lang) string {
	if e.Kind == "folder" {
		return l.T("sync with %s: %s is a folder, not an incident file; name a file in it, such as %s/incident.toml",
			e.Target, e.Path, strings.TrimSuffix(e.Path, "/"))
	}
	return l.T("sync with %s: %s is a %s, not an incident file; warroom reads and writes only regular files",
		e.Target, e.Path, l.T(e.Kind))
}

// TooLargeError refuses a file over the size limit: a copy is read whole
// or not at all, never cut.
type TooLargeError struct {
	Where string // the remote target or the local path
	Size  int64  // how large it is, or would be
	Limit int64
	// Merged: the merge of the two copies would be over the limit.
	Merged bool
}

func (e *TooLargeError) Error() string { return e.In(i18n.English) }

// In says it in language l.
func (e *TooLargeError) In(l i18n.Lang) string {
	if e.Merged {
		return l.T("sync with %s: the merged incident would be %s, over the limit of %s for an incident file; nothing was changed on either side",
			e.Where, mib(e.Size), mib(e.Limit))
	}
	return l.T("%s is %s, over the limit of %s for an incident file; it was not read, and nothing was changed on either side",
		e.Where, mib(e.Size), mib(e.Limit))
}

func mib(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// UnusableError refuses a remote copy that does not read: corrupt, of a
// newer schema, with keys warroom does not know, or with times far ahead.
type UnusableError struct{ Err error }

func (e *UnusableError) Error() string { return e.In(i18n.English) }

// In says it in language l.
func (e *UnusableError) In(l i18n.Lang) string {
	return l.T("the remote copy is not usable, nothing was changed on either side: %s", model.Explain(e.Err, l))
}

func (e *UnusableError) Unwrap() error { return e.Err }

// ChangingError says the remote copy changed under every attempt.
type ChangingError struct {
	Target   Target
	Attempts int
}

func (e *ChangingError) Error() string { return e.In(i18n.English) }

// In says it in language l.
func (e *ChangingError) In(l i18n.Lang) string {
	return l.T("sync with %s: the remote copy changed while syncing, %d times in a row; nothing of it was overwritten; try again",
		e.Target, e.Attempts)
}

// InterruptedError says a signal stopped the sync before it wrote the
// remote copy; the remote lock was released.
type InterruptedError struct{ Target Target }

func (e *InterruptedError) Error() string { return e.In(i18n.English) }

// In says it in language l.
func (e *InterruptedError) In(l i18n.Lang) string {
	return l.T("sync with %s: interrupted; the remote copy was left as it was", e.Target)
}

// RemoteError is an SFTP operation on the remote side that failed: what
// was being done, to which path, why in a few words, and ssh's last word
// if the connection died.
type RemoteError struct {
	Target Target
	Op     string // "read", "write", "replace", "lock", "look at"
	Path   string
	SSH    string // ssh's last line on standard error, if any
	Err    error
}

func (e *RemoteError) Error() string { return e.In(i18n.English) }

// In says it in language l.
func (e *RemoteError) In(l i18n.Lang) string {
	msg := l.T("sync with %s: cannot %s %s: %s", e.Target, l.T(e.Op), e.Path, reason(e.Err, l))
	if e.SSH != "" {
		msg += " (ssh: " + e.SSH + ")"
	}
	return msg
}

func (e *RemoteError) Unwrap() error { return e.Err }

// reason says why an SFTP operation failed, in a few words.
func reason(err error, l i18n.Lang) string {
	var se *sftp.StatusError
	switch {
	case errors.Is(err, fs.ErrPermission):
		return l.T("permission denied")
	case errors.Is(err, fs.ErrNotExist):
		return l.T("no such file or folder")
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, sftp.ErrSSHFxConnectionLost):
		return l.T("the connection was lost")
	case errors.As(err, &se):
		return l.T("the server refused it (SFTP status %d)", se.Code)
	}
	return err.Error()
}

// fail wraps an SFTP error with what was being done to which path.
func (c *Conn) fail(op, p string, err error) error {
	var re *RemoteError
	if errors.As(err, &re) {
		return err
	}
	return &RemoteError{Target: c.Target, Op: op, Path: p, SSH: lastLine(c.stderr.String()), Err: err}
}

// EmptyError says neither side holds an incident yet.
type EmptyError struct {
	Local  string
	Target Target
}

func (e *EmptyError) Error() string { return e.In(i18n.English) }

// In says it in language l.
func (e *EmptyError) In(l i18n.Lang) string {
	return l.T("neither %s nor %s holds an incident yet; declare one first", e.Local, e.Target)
}
