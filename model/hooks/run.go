package hooks

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// Result is how one run of a hook went.
type Result struct {
	Hook    Hook
	Event   Event
	Outcome model.HookOutcome
	Exit    int // with HookFailed: the exit status, or -1 when a signal ended it
	Took    time.Duration
	// Output is the first line of what the hook printed (standard output
	// and standard error together), sanitised and cut to
	// model.MaxHookOutput characters; for a hook that could not start,
	// why.
	Output string
	// Printed is what it printed, up to maxOutput bytes: for `warroom
	// hooks test`.
	Printed string
}

// maxOutput is how much of a hook's output is kept; the rest is read and
// dropped, so that a chatty hook never blocks on a full pipe.
const maxOutput = 64 << 10

// waitDelay is how long a run waits, once its hook has exited or been
// killed, for whatever it left running to let go of its output.
const waitDelay = time.Second

// Run runs h on ev and waits for it: its command as words (no shell), in
// the incident file's folder, with the event in its environment and as
// JSON on its standard input. At h.Timeout it is killed, with every
// process in its process group and, on Linux, every process that carries
// its run's mark (WARROOM_HOOK_RUN) in its environment, however it left
// the group; when it ends, whatever it left running is killed too. Ending
// ctx kills it as its timeout does.
func Run(ctx context.Context, h Hook, ev Event) Result {
	res := Result{Hook: h, Event: ev}
	argv := h.Argv()
	if len(argv) == 0 {
		res.Outcome, res.Output = model.HookError, "no command"
		return res
	}
	timeout := h.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	tctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	cmd := exec.CommandContext(tctx, argv[0], argv[1:]...)
	mark := newMark()
	ownGroup(cmd, mark)
	cmd.WaitDelay = waitDelay
	if dir := filepath.Dir(ev.Incident.File); ev.Incident.File != "" {
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			cmd.Dir = dir
		}
	}
	cmd.Env = append(append(withoutEvent(os.Environ()), ev.Environ()...), runVar+"="+mark)
	cmd.Stdin = strings.NewReader(string(ev.JSON()))
	out := &capped{max: maxOutput}
	cmd.Stdout, cmd.Stderr = out, out

	start := time.Now()
	err := cmd.Run()
	res.Took = time.Since(start)
	endGroup(cmd, mark)
	res.Printed = out.String()
	res.Output = firstLine(res.Printed)

	var ee *exec.ExitError
	switch {
	case err == nil:
		res.Outcome = model.HookOK
	case tctx.Err() != nil && errors.As(err, &ee) || tctx.Err() != nil && errors.Is(err, exec.ErrWaitDelay):
		// Killed at its timeout (or when ctx ended).
		res.Outcome = model.HookTimeout
	case errors.As(err, &ee):
		res.Outcome, res.Exit = model.HookFailed, ee.ExitCode()
		if res.Exit == 0 { // it exited 0 and left something holding its output
			res.Outcome = model.HookOK
		}
	case errors.Is(err, exec.ErrWaitDelay):
		res.Outcome = model.HookOK // it exited 0; what it left running kept its output open
	default:
		// It could not start: not found, not executable.
		res.Outcome, res.Output = model.HookError, firstLine(err.Error())
	}
	return res
}

// runVar names the environment variable that marks everything one run of
// a hook starts, to find it however it detached.
const runVar = "WARROOM_HOOK_RUN"

// newMark is a run's mark: unique among the runs of every process.
func newMark() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return hex.EncodeToString(b)
}

// withoutEvent is env without the WARROOM_ variables of an event, which
// a hook is given afresh (a hook run from a hook sees its own event), nor
// a run's mark.
func withoutEvent(env []string) []string {
	return without(env, "WARROOM_EVENT", "WARROOM_FILE", "WARROOM_INCIDENT", "WARROOM_ACTOR", "WARROOM_OLD", "WARROOM_NEW",
		"WARROOM_DRY_RUN", runVar)
}

// without is env without the variables named.
func without(env []string, names ...string) []string {
	out := make([]string, 0, len(env))
	for _, kv := range env {
		if k, _, _ := strings.Cut(kv, "="); !slices.Contains(names, k) {
			out = append(out, kv)
		}
	}
	return out
}

// firstLine is the first line of out that is not blank, as plain text a
// terminal cannot act on, at most model.MaxHookOutput characters.
func firstLine(out string) string {
	for line := range strings.SplitSeq(out, "\n") {
		// Blank once what a terminal would not show is gone: a line of
		// colour codes alone is not what the hook said.
		line = strings.ToValidUTF8(strings.TrimSuffix(line, "\r"), "\uFFFD")
		line = strings.TrimSpace(safetext.Line(ansi.Strip(line)))
		if line == "" {
			continue
		}
		if utf8.RuneCountInString(line) > model.MaxHookOutput {
			r := []rune(line)
			line = string(r[:model.MaxHookOutput-1]) + "…"
		}
		return line
	}
	return ""
}

// capped keeps the first max bytes written to it and drops the rest.
type capped struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (c *capped) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if room := c.max - len(c.b); room > 0 {
		c.b = append(c.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func (c *capped) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return string(c.b)
}
