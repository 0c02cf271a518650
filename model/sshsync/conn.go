package sshsync

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pkg/sftp"

	"github.com/warroom/warroom/model/i18n"
)

// Options say how to reach the remote side.
type Options struct {
	// SSHCommand replaces "ssh" with a full command line, like
	// GIT_SSH_COMMAND: "ssh -i key -o UserKnownHostsFile=hosts".
	SSHCommand string
	// Batch never lets ssh ask anything (passphrases, new host keys): a
	// screen syncing live uses it, so a failure shows instead of a prompt.
	Batch bool
	// ConnectTimeout bounds the connection; 10 s when zero.
	ConnectTimeout time.Duration
}

// Conn is one SSH connection speaking SFTP, kept open for several syncs.
type Conn struct {
	Target Target
	client *sftp.Client
	cmd    *exec.Cmd
	stderr *lockedBuffer

	// nRead and nWritten count the bytes of incident files moved.
	nRead, nWritten atomic.Int64
	// afterPacket, when set (by tests), is called after each packet an
	// append writes to the remote copy; an error stops the append there.
	afterPacket func(n int) error
}

// Moved says how many bytes of incident files this connection has read
// from the remote side and written to it, lock files aside.
func (c *Conn) Moved() (read, written int64) { return c.nRead.Load(), c.nWritten.Load() }

// lockedBuffer collects ssh's standard error for error messages.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.b.Len() < 64*1024 {
		l.b.Write(p)
	}
	return len(p), nil
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.TrimSpace(l.b.String())
}

// argv builds the ssh command line for t.
func argv(t Target, o Options) ([]string, error) {
	cmd := strings.Fields(o.SSHCommand)
	if len(cmd) == 0 {
		cmd = []string{"ssh"}
	}
	timeout := o.ConnectTimeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	args := append(cmd, "-o", "ConnectTimeout="+strconv.Itoa(int(timeout.Seconds())), "-o", "ServerAliveInterval=15")
	if o.Batch {
		args = append(args, "-o", "BatchMode=yes")
	}
	if t.Port != 0 {
		args = append(args, "-p", strconv.Itoa(t.Port))
	}
	return append(args, "-s", "--", t.Destination(), "sftp"), nil
}

// Dial runs ssh to t and opens an SFTP session over its pipes. ctx bounds
// the connection only: once the session is open it lasts until Close, so
// that a sync stopped by a signal can still release its remote lock.
//
// ssh runs with the terminal's signals (ctrl+c, a hang-up, SIGTERM to the
// process group) ignored, for the same reason: warroom catches them,
// releases the lock and closes the connection itself.
func Dial(ctx context.Context, t Target, o Options) (*Conn, error) {
	args, err := argv(t, o)
	if err != nil {
		return nil, err
	}
	if _, err := exec.LookPath(args[0]); err != nil {
		return nil, fmt.Errorf("sync: start %s: %w", args[0], err)
	}
	// "trap '' …" leaves the signals ignored in the exec'd ssh, which
	// keeps an ignored signal ignored.
	cmd := exec.Command("/bin/sh", append([]string{"-c", `trap '' INT HUP TERM; exec "$@"`, "ssh"}, args...)...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("sync: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("sync: %w", err)
	}
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("sync: start %s: %w", args[0], err)
	}
	opened := make(chan struct{})
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		select {
		case <-ctx.Done():
			_ = cmd.Process.Kill()
		case <-opened:
		}
	}()
	client, err := sftp.NewClientPipe(stdout, stdin)
	close(opened)
	<-watched
	if err == nil && ctx.Err() != nil {
		_ = client.Close()
		err = ctx.Err()
	}
	if err != nil {
		_ = stdin.Close()
		werr := cmd.Wait()
		return nil, classify(t, stderr.String(), werr, err)
	}
	return &Conn{Target: t, client: client, cmd: cmd, stderr: stderr}, nil
}

// Close ends the SFTP session and ssh.
func (c *Conn) Close() error {
	err := c.client.Close()
	done := make(chan error, 1)
	go func() { done <- c.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = c.cmd.Process.Kill()
		<-done
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("sync: close %s: %w", c.Target, err)
	}
	return nil
}

// ConnectError says why ssh could not reach the remote side, in ssh's own
// words and in a sentence that says what to do.
type ConnectError struct {
	Target Target
	Kind   string // "host key", "authentication", "unreachable", "ssh"
	Detail string // ssh's message
	Err    error
}

func (e *ConnectError) Error() string { return e.In(i18n.English) }

// In says it in language l.
func (e *ConnectError) In(l i18n.Lang) string {
	var what string
	switch e.Kind {
	case "host key":
		what = l.T("the host key is unknown or has changed; check it and add it to known_hosts (ssh %s once by hand)", e.Target.Destination())
	case "authentication":
		what = l.T("authentication was refused; check your key or agent (ssh %s by hand to see why)", e.Target.Destination())
	case "unreachable":
		what = l.T("the host cannot be reached or did not answer in time (is %s right, and up?)", e.Target.Destination())
	default:
		what = l.T("ssh failed to open an SFTP session with %s", e.Target.Destination())
	}
	msg := l.T("sync with %s: %s", e.Target, what)
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	return msg
}

func (e *ConnectError) Unwrap() error { return e.Err }

// classify turns ssh's failure into a ConnectError.
func classify(t Target, stderr string, waitErr, err error) error {
	kind := "ssh"
	low := strings.ToLower(stderr)
	switch {
	case strings.Contains(low, "host key verification failed"), strings.Contains(low, "remote host identification has changed"),
		strings.Contains(low, "no ed25519 host key is known"), strings.Contains(low, "host key for"):
		kind = "host key"
	case strings.Contains(low, "permission denied"), strings.Contains(low, "too many authentication failures"):
		kind = "authentication"
	case strings.Contains(low, "connection refused"), strings.Contains(low, "timed out"), strings.Contains(low, "could not resolve"),
		strings.Contains(low, "no route to host"), strings.Contains(low, "network is unreachable"):
		kind = "unreachable"
	}
	if err == nil {
		err = waitErr
	}
	return &ConnectError{Target: t, Kind: kind, Detail: lastLine(stderr), Err: err}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}
