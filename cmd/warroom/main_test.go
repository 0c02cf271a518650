package main

// These tests run the built warroom binary as a user would: real processes,
// real files, a controlled environment. TestMain builds it once.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/warroom/warroom/model/safetext"
)

// binPath is the warroom binary built by TestMain.
var binPath string

func TestMain(m *testing.M) {
	os.Exit(buildAndRun(m))
}

func buildAndRun(m *testing.M) int {
	dir, err := os.MkdirTemp("", "warroom-cli-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "make temp dir:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	binPath = filepath.Join(dir, "warroom")
	build := exec.Command("go", "build", "-o", binPath, ".")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build -o %s .: %v\n%s", binPath, err, out)
		return 1
	}
	return m.Run()
}

// result is what one run of the binary did.
type result struct {
	args   []string
	stdout string
	stderr string
	code   int
}

func (r result) String() string {
	return fmt.Sprintf("warroom %q: exit %d\n--- stdout:\n%s--- stderr:\n%s", r.args, r.code, r.stdout, r.stderr)
}

// execWarroom runs the binary in dir with exactly the given environment
// (plus a minimal PATH, HOME and TZ=UTC; nothing is inherited, so no
// WARROOM_* of the developer's shell leaks in). An empty value leaves the
// variable unset.
func execWarroom(dir string, env map[string]string, stdin string, args ...string) (result, error) {
	cmd := exec.Command(binPath, args...)
	cmd.Dir = dir
	cmd.Env = []string{"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + dir, "TZ=UTC"}
	for k, v := range env {
		if v != "" {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
	}
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := result{args: args, stdout: stdout.String(), stderr: stderr.String()}
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr):
		res.code = exitErr.ExitCode()
	default:
		return res, fmt.Errorf("run warroom %q: %w", args, err)
	}
	return res, nil
}

// runner runs warroom in its own temporary directory against its own
// incident file, as WARROOM_USER=alice by default.
type runner struct {
	t   testing.TB
	dir string
	env map[string]string
}

func newRunner(t testing.TB) *runner {
	t.Helper()
	dir := t.TempDir()
	return &runner{t: t, dir: dir, env: map[string]string{
		"WARROOM_FILE": filepath.Join(dir, "incident.toml"),
		"WARROOM_USER": "alice",
	}}
}

// file is the incident file the runner points WARROOM_FILE at.
func (r *runner) file() string { return r.env["WARROOM_FILE"] }

func (r *runner) run(args ...string) result {
	r.t.Helper()
	return r.runStdin("", args...)
}

func (r *runner) runStdin(stdin string, args ...string) result {
	r.t.Helper()
	res, err := execWarroom(r.dir, r.env, stdin, args...)
	if err != nil {
		r.t.Fatal(err)
	}
	return res
}

// ok runs a command that must succeed and returns its standard output.
func (r *runner) ok(args ...string) string {
	r.t.Helper()
	res := r.run(args...)
	if res.code != 0 {
		r.t.Fatalf("want exit 0, got:\n%s", res)
	}
	return res.stdout
}

// declare starts the standard incident of these tests: alice is the
// incident manager.
func (r *runner) declare() string {
	r.t.Helper()
	out := r.ok("declare", "Checkout API returning 500s", "--sev", "1", "--commander", "alice")
	id, _, ok := strings.Cut(strings.TrimPrefix(out, "declared "), " ")
	if !ok || !incidentID.MatchString(id) {
		r.t.Fatalf("declare printed %q, want the incident id", out)
	}
	return id
}

// snapshot is the incident file's content and identity at one moment.
type snapshot struct {
	path string
	data []byte
	info os.FileInfo
}

func (r *runner) snapshot() snapshot {
	r.t.Helper()
	return takeSnapshot(r.t, r.file())
}

func takeSnapshot(t testing.TB, path string) snapshot {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return snapshot{path: path, data: data, info: info}
}

// unchanged fails unless the file has the same bytes and is the same file
// (not rewritten with the same content: saves replace the file).
func (s snapshot) unchanged(t testing.TB, after result) {
	t.Helper()
	data, err := os.ReadFile(s.path)
	if err != nil {
		t.Fatalf("after %q: %v", after.args, err)
	}
	if !bytes.Equal(data, s.data) {
		t.Errorf("after %q the file changed:\n--- before:\n%s\n--- after:\n%s", after.args, s.data, data)
	}
	if info, err := os.Stat(s.path); err == nil && !os.SameFile(info, s.info) {
		t.Errorf("after %q the file was rewritten (new inode), want it untouched", after.args)
	}
}

// doc is the incident as export --format json (and the file) hold it: the
// fields these tests look at.
type doc struct {
	Schema   int `json:"schema" toml:"schema"`
	Incident struct {
		ID         string `json:"id" toml:"id"`
		Title      string `json:"title" toml:"title"`
		Severity   int    `json:"severity" toml:"severity"`
		Status     string `json:"status" toml:"status"`
		Summary    string `json:"summary" toml:"summary"`
		DeclaredBy string `json:"declared_by" toml:"declared_by"`
	} `json:"incident" toml:"incident"`
	People []struct {
		Name string `json:"name" toml:"name"`
	} `json:"people" toml:"people"`
	Assignments []struct {
		Role       string `json:"role" toml:"role"`
		Workstream string `json:"workstream" toml:"workstream"`
		Holder     string `json:"holder" toml:"holder"`
		By         string `json:"by" toml:"by"`
		Note       string `json:"note" toml:"note"`
		Acceptance string `json:"acceptance" toml:"acceptance"`
		AnsweredBy string `json:"answered_by" toml:"answered_by"`
		Reason     string `json:"reason" toml:"reason"`
	} `json:"assignments" toml:"assignments"`
	Tasks []struct {
		ID         string `json:"id" toml:"id"`
		Title      string `json:"title" toml:"title"`
		State      string `json:"state" toml:"state"`
		Role       string `json:"role" toml:"role"`
		Workstream string `json:"workstream" toml:"workstream"`
		Owner      string `json:"owner" toml:"owner"`
		CreatedBy  string `json:"created_by" toml:"created_by"`
	} `json:"tasks" toml:"tasks"`
	Timeline []entry `json:"timeline" toml:"timeline"`
	Roles    []struct {
		Role       string `json:"role"`
		Workstream string `json:"workstream"`
		Label      string `json:"label"`
		Holder     string `json:"holder"`
		Default    bool   `json:"held_by_incident_manager_by_default"`
		Acceptance string `json:"acceptance"`
	} `json:"roles" toml:"-"`
}

type entry struct {
	ID         string `json:"id" toml:"id"`
	By         string `json:"by" toml:"by"`
	Kind       string `json:"kind" toml:"kind"`
	Role       string `json:"role" toml:"role"`
	Workstream string `json:"workstream" toml:"workstream"`
	Task       string `json:"task" toml:"task"`
	From       string `json:"from" toml:"from"`
	To         string `json:"to" toml:"to"`
	Text       string `json:"text" toml:"text"`
	Channel    string `json:"channel" toml:"channel"`
	Count      int    `json:"count" toml:"count"`
	Entry      string `json:"entry" toml:"entry"`
	Needs      string `json:"needs" toml:"needs"`
	Undoes     string `json:"undoes" toml:"undoes"`
}

// export runs export --format json and decodes it.
func (r *runner) export() doc {
	r.t.Helper()
	return decodeJSON(r.t, r.ok("export", "--format", "json"))
}

func decodeJSON(t testing.TB, s string) doc {
	t.Helper()
	var d doc
	if err := json.Unmarshal([]byte(s), &d); err != nil {
		t.Fatalf("export --format json is not JSON: %v\n%s", err, s)
	}
	return d
}

// fileDoc decodes the incident file itself as TOML, without warroom.
func (r *runner) fileDoc() doc {
	r.t.Helper()
	var d doc
	if _, err := toml.DecodeFile(r.file(), &d); err != nil {
		r.t.Fatalf("decode %s: %v", r.file(), err)
	}
	return d
}

// entryWithText returns the one timeline entry whose text is text.
func (d doc) entryWithText(t testing.TB, text string) entry {
	t.Helper()
	var found []entry
	for _, e := range d.Timeline {
		if e.Text == text {
			found = append(found, e)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one timeline entry with text %q, found %d", text, len(found))
	}
	return found[0]
}

// role returns the JSON role row of a role instance.
func (d doc) role(t testing.TB, role, workstream string) (holder string, byDefault bool) {
	t.Helper()
	for _, r := range d.Roles {
		if r.Role == role && r.Workstream == workstream {
			return r.Holder, r.Default
		}
	}
	t.Fatalf("export json has no role %s/%s: %+v", role, workstream, d.Roles)
	return "", false
}

func wantContains(t testing.TB, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s does not contain %q:\n%s", what, sub, s)
		}
	}
}

func wantNotContains(t testing.TB, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			t.Errorf("%s contains %q, want it not to:\n%s", what, sub, s)
		}
	}
}

// wantTerminalSafe fails if s holds anything that acts on a terminal
// rather than being shown: C0 controls other than newline and tab
// (ESC, BEL, CR…), DEL, C1 controls (the 8-bit CSI U+009B…) and the
// bidirectional overrides, embeddings, isolates and marks.
func wantTerminalSafe(t testing.TB, what, s string) {
	t.Helper()
	for _, bad := range []struct{ name, seq string }{
		{"ESC", "\x1b"}, {"BEL", "\x07"}, {"CR", "\r"},
		{"U+009B (8-bit CSI)", "\xc2\x9b"}, {"U+202E (right-to-left override)", "\u202e"},
	} {
		if i := strings.Index(s, bad.seq); i >= 0 {
			t.Errorf("%s contains a raw %s at byte %d: %q", what, bad.name, i, s)
		}
	}
	for i, r := range s {
		unsafe := (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) || safetext.IsBidiControl(r)
		if unsafe || (r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD")) {
			t.Errorf("%s has terminal-active character %U at byte %d", what, r, i)
			return
		}
	}
}
