package main

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/time/rate"

	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/tui/serve"
)

// tried is what a served command line would do: the command that would
// run (its path below the root, "" for none), what it printed, its exit
// status, and the app it ran in.
type tried struct {
	ran            string
	stdout, stderr string
	code           int
	app            *app
}

// servedTry runs args in the served tree as bob (a viewer, when viewer),
// on file, with every command's action replaced by one that notes its
// path: nothing is changed, and what would have run is known.
func servedTry(t testing.TB, file string, args []string, viewer bool) tried {
	t.Helper()
	host := newApp(strings.NewReader(""), nil, nil, func(k string) string {
		return map[string]string{"WARROOM_FILE": file, "HOME": filepath.Dir(file)}[k]
	})
	id := serve.Identity{Name: "bob", Viewer: viewer, Lang: i18n.English}
	var stdout, stderr bytes.Buffer
	var out tried
	sa := host.servedApp(strings.NewReader(""), &stdout, &stderr, id)
	root := sa.servedRoot(args)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		path := strings.TrimPrefix(c.CommandPath(), "warroom ")
		note := func(*cobra.Command, []string) error { out.ran = path; return nil }
		if c != root && (c.RunE != nil || c.Run != nil) { // the root's action refuses: it stays
			c.RunE, c.Run = note, nil
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	out.code = sa.execute(context.Background(), root, args, func(cmd *cobra.Command) error { return sa.admitServed(cmd, id) })
	out.stdout, out.stderr, out.app = stdout.String(), stderr.String(), sa
	return out
}

// check fails t when what a served line did reached past the allow-list:
// a command it does not name ran, a viewer ran one that is not a read,
// cobra's completion answered, or the line set anything of the host's.
func (tr tried) check(t testing.TB, line string, viewer bool, file string) {
	t.Helper()
	if tr.ran == "" && strings.Contains(tr.stdout, "Usage:") && tr.code != 0 {
		t.Errorf("%q: help exited %d", line, tr.code)
	}
	if tr.ran != "" {
		access, ok := servedCommands[tr.ran]
		switch {
		case !ok:
			t.Errorf("%q ran %q, which is not served", line, tr.ran)
		case viewer && access != servedRead:
			t.Errorf("%q ran %q for a viewer", line, tr.ran)
		}
	}
	if strings.Contains(tr.stderr, "Completion ended") || strings.Contains(tr.stdout, "completion") && strings.Contains(tr.stdout, "__warroom") {
		t.Errorf("%q: cobra's completion answered:\n%s%s", line, tr.stdout, tr.stderr)
	}
	a := tr.app
	if a.path() != file || a.actor() != "bob" || a.as != "" || a.theme != "" || a.wall || a.syncWith != "" || a.rotate != 0 ||
		a.hooksFlag != "" {
		t.Errorf("%q set the host's: file %q, actor %q, as %q, theme %q, wall %v, sync %q, rotate %v, hooks %q",
			line, a.path(), a.actor(), a.as, a.theme, a.wall, a.syncWith, a.rotate, a.hooksFlag)
	}
}

// TestServedCommandLines: over SSH, the incident's verbs run as they do
// on the command line, help included, and for a viewer only those that
// read; the host's verbs and flags, and everything cobra would add, are
// refused however the line is written.
func TestServedCommandLines(t *testing.T) {
	file := filepath.Join(t.TempDir(), "incident.toml")
	for _, c := range []struct {
		line   string
		viewer bool
		ran    string // "" when nothing runs
		says   string // on standard error, when refused
	}{
		{"log replica lag 40s", false, "log", ""},
		{"log -5m first alert fired", false, "log", ""},
		{"log -- --as bob", false, "log", ""},
		{"task add check the CDN --owner dave", false, "task add", ""},
		{"handoff tech_lead bob --note db", false, "handoff", ""},
		{"update --audience external we are on it", false, "update", ""},
		{"status resolved --force --reason fine", false, "status", ""},
		{"--lang es show", true, "show", ""},
		{"show", true, "show", ""},
		{"task list", true, "task list", ""},
		{"policy", true, "policy", ""},
		{"help", true, "help", ""},
		{"help log", true, "help", ""},
		{"hooks list", false, "hooks list", ""},
		{"mark impact -5m", false, "mark", ""},
		{"catchup --for dave", true, "catchup", ""},
		{"mark impact", true, "", "you may only watch"},
		{"pin e8c2h", true, "", "you may only watch"},
		{"unpin e8c2h", true, "", "you may only watch"},
		{"undo", false, "undo", ""},
		{"undo e8c2h", true, "", "you may only watch"},
		{"undo --as alice", false, "", "--as is not for a served war room"},
		{"log --help", true, "", ""},
		{"--help", true, "", ""},
		{"policy set sev1.external 15m", true, "", "you may only watch"},
		{"log x", true, "", "you may only watch"},
		{"hooks list", true, "", "you may only watch"},
		{"hooks run-job", false, "", "hooks run-job is not served"},
		{"hooks test severity", false, "", "hooks test is not served"},
		{"export -o /etc/x", false, "", "--output is not for a served war room"},
		{"export -o/etc/x", true, "", "--output is not for a served war room"},
		{"export --output=/etc/x", false, "", "--output is not for a served war room"},
		{"log x --as bob", false, "", "--as is not for a served war room"},
		{"log x --file /etc/x", false, "", "--file is not for a served war room"},
		{"status resolved --hooks /dev/null", false, "", "--hooks is not for a served war room"},
		{"log x --theme -- --as bob", false, "", "--theme is not for a served war room"},
		{"--theme show hooks run-job", true, "", "hooks run-job is not served"},
		{"--rotate 1s hooks run-job", false, "", "hooks run-job is not served"},
		{"--rotate 1s show", false, "", "--rotate is for the screen"},
		{"--sync host:x", false, "", "--sync is not for a served war room"},
		{"--wall", false, "", "--wall is for the screen"},
		{"", false, "", "give a command"},
		{"--lang en", false, "", "give a command"},
		{"sync host:x", false, "", "sync is not served"},
		{"team list", false, "", "team is not served"},
		{"completion bash", false, "", "completion"},
		{"completion bash --no-descriptions", false, "", "unknown flag: --no-descriptions"},
		{"__complete show ''", false, "", "__complete is not served"},
		{"__completeNoDesc show ''", false, "", "__complete is not served"},
		{"__complete task add --role x --file /etc/x --owner ''", true, "", "__complete is not served"},
		{"--lang es __complete show", false, "", "__complete is not served"},
		{"git install --global", false, "", "git install is not served"},
		{"merge-driver a b c", false, "", "merge-driver is not served"},
		{"--lang en merge-driver a b c", false, "", "merge-driver is not served"},
		{"serve", false, "", "serve is not served"},
		{"demo", false, "", "demo is not served"},
		{"config", false, "", "config is not served"},
		{"check", false, "", "check is not served"},
		{"themes", false, "", "themes is not served"},
		{"log --help=false viewer wrote this", true, "", "you may only watch"},
		{"log -h=false viewer wrote this", true, "", "you may only watch"},
		{"log viewer wrote this -- -h", true, "", "you may only watch"},
		{"--help=false", false, "", "give a command"},
		{"--theme --help", true, "", "--theme is not for a served war room"},
		{"log --no-such-flag x", false, "", "unknown flag: --no-such-flag"},
		// The other incidents of the host's folder are not a member's.
		{"incidents", false, "", "incidents is not served"},
		{"stats --json", false, "", "stats is not served"},
		{"search deploy", false, "", "search is not served"},
		{"statuspage --output /tmp/x", false, "", "statuspage is not served"},
		{"runbook list", false, "runbook list", ""},
		{"runbook list", true, "", "you may only watch"},
		{"runbook apply Checkout", true, "", "you may only watch"},
		{"--dir /etc show", false, "", "--dir is not for a served war room"},
	} {
		args, err := serve.SplitLine(c.line)
		if err != nil {
			t.Fatalf("%q: %v", c.line, err)
		}
		tr := servedTry(t, file, args, c.viewer)
		tr.check(t, c.line, c.viewer, file)
		switch {
		case tr.ran != c.ran:
			t.Errorf("%q (viewer %v) ran %q, want %q\n%s", c.line, c.viewer, tr.ran, c.ran, tr.stderr)
		case c.says == "" && tr.code != 0:
			t.Errorf("%q (viewer %v): exit %d\n%s", c.line, c.viewer, tr.code, tr.stderr)
		case c.says != "" && (tr.code == 0 || !strings.Contains(tr.stderr, c.says)):
			t.Errorf("%q (viewer %v): exit %d, %q; want it refused: %q", c.line, c.viewer, tr.code, tr.stderr, c.says)
		case c.ran == "" && c.says == "" && !strings.Contains(tr.stdout, "Usage:"):
			t.Errorf("%q (viewer %v): no help\n%s", c.line, c.viewer, tr.stdout)
		}
	}
}

// FuzzServedLine feeds random command lines to the served parser: the
// line is split as a shell splits it, then parsed by the served tree,
// as a member and as a viewer. Nothing outside the allow-list runs, a
// viewer runs only what reads, and nothing of the host's is set.
func FuzzServedLine(f *testing.F) {
	for _, s := range []string{"log x", "__complete show ''", "--theme show hooks run-job", "log --help=false x",
		"export -o /etc/x", "help hooks run-job", "task add a --owner b --due 5m", "--lang es __complete task",
		"completion bash", "log -- --as bob", "hooks list", "policy set sev1.external 15m"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	file := filepath.Join(f.TempDir(), "incident.toml")
	f.Fuzz(func(t *testing.T, line string, viewer bool) {
		args, err := serve.SplitLine(line)
		if err != nil {
			return
		}
		servedTry(t, file, args, viewer).check(t, line, viewer, file)
	})
}

// TestServedTreeIsTheAllowList: the served tree holds exactly the
// commands servedCommands names, each a command of the host's; and each
// of the host's commands is either served or named as the host's own, so
// that a new verb is served only once someone decides it.
func TestServedTreeIsTheAllowList(t *testing.T) {
	hostOnly := []string{"check", "config", "config path", "demo", "git", "git check", "git install", "hooks run-job",
		"hooks test", "man", "merge-driver", "serve", "sync", "team", "team add", "team list", "team remove", "themes",
		"incidents", "stats", "search", "statuspage"}
	paths := func(root *cobra.Command) []string {
		var out []string
		var walk func(c *cobra.Command)
		walk = func(c *cobra.Command) {
			for _, sub := range c.Commands() {
				out = append(out, strings.TrimPrefix(sub.CommandPath(), "warroom "))
				walk(sub)
			}
		}
		walk(root)
		slices.Sort(out)
		return out
	}
	a := newApp(strings.NewReader(""), nil, nil, func(string) string { return "" })
	host := paths(a.rootCmd())
	sa := a.servedApp(strings.NewReader(""), nil, nil, serve.Identity{Name: "bob"})
	served := paths(sa.servedRoot(nil))
	for path := range servedCommands {
		if !slices.Contains(served, path) {
			t.Errorf("%q is in the allow-list but not in the served tree", path)
		}
		if path != "help" && !slices.Contains(host, path) {
			t.Errorf("%q is in the allow-list but the host has no such command", path)
		}
	}
	for _, path := range served {
		if _, ok := servedCommands[path]; !ok {
			t.Errorf("the served tree holds %q, which the allow-list does not name", path)
		}
	}
	for _, path := range host {
		_, ok := servedCommands[path]
		if ok == slices.Contains(hostOnly, path) {
			t.Errorf("%q: say whether it is served (servedCommands) or the host's own (hostOnly), and only one", path)
		}
	}
	if f := sa.servedRoot(nil).PersistentFlags(); f.NFlag() != 0 || f.Lookup("lang") == nil || f.Lookup("file") != nil {
		t.Error("the served tree's flags are not --lang alone")
	}
}

// TestServedChangesKeepTheirPace: a member's commands over SSH change the
// incident at their pace — past it, a change is refused with why, and
// nothing is written; what only reads is never held back.
func TestServedChangesKeepTheirPace(t *testing.T) {
	r := newRunner(t)
	r.declare()
	host := newApp(strings.NewReader(""), nil, nil, func(k string) string {
		return map[string]string{"WARROOM_FILE": r.file(), "HOME": r.dir}[k]
	})
	id := serve.Identity{Name: "bob", Lang: i18n.English, Changes: rate.NewLimiter(rate.Every(time.Hour), 1)}
	run := func(args ...string) (int, string) {
		var stdout, stderr bytes.Buffer
		code := host.served(serve.WithIdentity(context.Background(), id),
			serve.Command{Args: args, Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr})
		return code, stderr.String()
	}
	if code, errOut := run("log", "first"); code != 0 {
		t.Fatalf("the first change: %d %s", code, errOut)
	}
	before := r.snapshot()
	if code, errOut := run("log", "second"); code != 1 || !strings.Contains(errOut, "too many changes at once (1, then") {
		t.Errorf("a change past the pace: %d %q", code, errOut)
	}
	if after := r.snapshot(); string(after.data) != string(before.data) {
		t.Error("a change past the pace was written")
	}
	if code, errOut := run("show"); code != 0 {
		t.Errorf("a read past the pace: %d %s", code, errOut)
	}
	if e := r.lastEntry(); e.Text != "first" || e.By != "bob" {
		t.Errorf("the last entry is %+v", e)
	}
}

// TestServedReadsOnlyTheServedIncident: over SSH, a member's commands
// read the incident served, never the other incidents of its folder; and
// a declaration there is not checked against them, which would name them.
func TestServedReadsOnlyTheServedIncident(t *testing.T) {
	f := newFolderRunner(t)
	host := newApp(strings.NewReader(""), nil, nil, func(k string) string {
		return map[string]string{"WARROOM_FILE": f.file(), "HOME": f.dir}[k]
	})
	id := serve.Identity{Name: "bob", Lang: i18n.English}
	run := func(args ...string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		code := host.served(serve.WithIdentity(context.Background(), id),
			serve.Command{Args: args, Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr})
		return code, stdout.String(), stderr.String()
	}
	if code, out, errOut := run("followup", "list", "--all-incidents"); code != 2 || strings.Contains(out, "INC-") ||
		!strings.Contains(errOut, "which a command over SSH does not see") {
		t.Errorf("followup list --all-incidents over SSH: %d %q %q", code, out, errOut)
	}
	if code, out, errOut := run("declare", "Checkout API 500s"); code != 0 || strings.Contains(out+errOut, f.ids[0]) {
		t.Errorf("declare over SSH: %d %q %q", code, out, errOut)
	}
}

// TestServedUndoIsTheMembers: undo over SSH takes back the change of the
// member whose key logged in, not one of the host's user.
func TestServedUndoIsTheMembers(t *testing.T) {
	r := newRunner(t)
	r.declare()
	r.ok("log", "alice's note")
	host := newApp(strings.NewReader(""), nil, nil, func(k string) string {
		return map[string]string{"WARROOM_FILE": r.file(), "HOME": r.dir, "WARROOM_USER": "alice"}[k]
	})
	run := func(args ...string) (int, string) {
		var stdout, stderr bytes.Buffer
		code := host.served(serve.WithIdentity(context.Background(), serve.Identity{Name: "bob", Lang: i18n.English}),
			serve.Command{Args: args, Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr})
		return code, stdout.String() + stderr.String()
	}
	if code, out := run("log", "bob's note"); code != 0 {
		t.Fatalf("bob's note: %d %s", code, out)
	}
	if code, out := run("undo"); code != 0 || !strings.Contains(out, "undone: note") {
		t.Fatalf("bob's undo: %d %s", code, out)
	}
	d := r.export()
	if e := d.Timeline[len(d.Timeline)-1]; e.By != "bob" || e.Kind != "retracted" || e.Text != "bob's note" {
		t.Errorf("bob's undo wrote %+v", e)
	}
	if code, out := run("undo"); code != 0 || !strings.Contains(out, "nothing to undo: bob has no change here left to undo") {
		t.Errorf("bob's second undo: %d %s", code, out)
	}
}
