package hooks

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

func TestParseGoodHooks(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.toml")
	hs, err := Parse(path, []byte(`name = "alice"   # the config's own keys are not the hooks' business

[[hook]]
on = ["severity", "handoff"]
run = ["./page.sh", "--urgent", "two words"]
when = "severity == 1"
timeout = "3s"

[[hook]]
on = "resolved"                  # one event on its own
run = ["curl", "-fsS", "https://status.example/api"]

[comms]
approval = ["external"]

[[hook]]
on = ["resolve_requested"]
run = ["bin/check-open-tasks"]
check = true
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 3 {
		t.Fatalf("%d hooks, want 3", len(hs))
	}
	page := hs[0]
	if !slices.Equal(page.On, []model.HookEvent{model.EventSeverity, model.EventHandoff}) || page.Timeout != 3*time.Second ||
		page.When != "severity == 1" || page.Check || page.Line != 3 || page.Source != path {
		t.Errorf("first hook: %+v", page)
	}
	if got := page.Argv(); got[0] != filepath.Join(dir, "page.sh") || got[2] != "two words" {
		t.Errorf("a relative command is not taken from the config's folder: %q", got)
	}
	if got := page.Command(); got != "./page.sh --urgent 'two words'" {
		t.Errorf("Command = %q", got)
	}
	status := hs[1]
	if !slices.Equal(status.On, []model.HookEvent{model.EventResolved}) || status.Timeout != DefaultTimeout || status.When != "" {
		t.Errorf("second hook: %+v", status)
	}
	if got := status.Argv()[0]; got != "curl" {
		t.Errorf("a bare name is looked up in PATH, not the folder: %q", got)
	}
	if check := hs[2]; !check.Check || check.Line != 16 || check.Argv()[0] != filepath.Join(dir, "bin/check-open-tasks") {
		t.Errorf("third hook: %+v", check)
	}

	none, err := Parse(path, []byte("name = \"bob\"\n"))
	if err != nil || len(none) != 0 {
		t.Errorf("a config without hooks: %v, %v", none, err)
	}
}

// TestParseBadHooks: every mistake is refused when the hooks are read,
// naming the file, the line, the hook and the key.
func TestParseBadHooks(t *testing.T) {
	for _, tc := range []struct {
		name, toml string
		line       int
		key, says  string
	}{
		{"unknown event", "[[hook]]\non = [\"sev\"]\nrun = [\"x\"]\n", 2, "on", `"sev" is not an event; the events are declared, severity`},
		{"no events", "[[hook]]\non = []\nrun = [\"x\"]\n", 2, "on", "name the events as a list"},
		{"on missing", "[[hook]]\nrun = [\"x\"]\n", 1, "", "on is missing"},
		{"run missing", "[[hook]]\non = [\"severity\"]\n", 1, "", "run is missing"},
		{"run as a string", "[[hook]]\non = [\"severity\"]\nrun = \"./page.sh --urgent\"\n", 3, "run", "hooks run without a shell"},
		{"run empty", "[[hook]]\non = [\"severity\"]\nrun = []\n", 3, "run", "the command is empty"},
		{"run with a number", "[[hook]]\non = [\"severity\"]\nrun = [\"sleep\", 5]\n", 3, "run", "5 is not a word"},
		{"unknown key", "[[hook]]\non = [\"severity\"]\nrun = [\"x\"]\nshell = true\n", 4, "shell", "unknown key; a [[hook]] has on, run, when, timeout, check"},
		{"bad timeout", "[[hook]]\non = [\"severity\"]\nrun = [\"x\"]\ntimeout = 10\n", 4, "timeout", "give a quoted duration"},
		{"zero timeout", "[[hook]]\non = [\"severity\"]\nrun = [\"x\"]\ntimeout = \"0s\"\n", 4, "timeout", "longer than nothing"},
		{"long timeout", "[[hook]]\non = [\"severity\"]\nrun = [\"x\"]\ntimeout = \"1h\"\n", 4, "timeout", "longer than a hook may run (10m0s)"},
		{"check elsewhere", "[[hook]]\non = [\"resolved\"]\nrun = [\"x\"]\ncheck = true\n", 4, "check", "a check runs on resolve_requested alone"},
		{"check not bool", "[[hook]]\non = [\"resolve_requested\"]\nrun = [\"x\"]\ncheck = \"yes\"\n", 4, "check", "write check = true"},
		{"when not text", "[[hook]]\non = [\"severity\"]\nrun = [\"x\"]\nwhen = 1\n", 4, "when", "quoted text"},
		{"when with =", "[[hook]]\non = [\"severity\"]\nrun = [\"x\"]\nwhen = \"severity = 1\"\n", 4, "when", `at column 10: write == to compare, not = (in "severity = 1")`},
		{"second hook", "[[hook]]\non = [\"severity\"]\nrun = [\"x\"]\n\n[[hook]]\non = [\"status\"]\nrun = [\"y\"]\nwhen = \"status == \\\"resovled\\\"\"\n", 8, "when", `at column 11: unknown status "resovled"`},
		{"hook as a table", "[hook]\non = [\"severity\"]\n", 0, "", "write each hook as a [[hook]] table"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hs, err := Parse("hooks.toml", []byte(tc.toml))
			var ce *ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("read %d hooks, error %v; want a *ConfigError", len(hs), err)
			}
			if hs != nil {
				t.Errorf("a file with a mistake gave hooks: %+v", hs)
			}
			if ce.Line != tc.line || ce.Key != tc.key || ce.Path != "hooks.toml" {
				t.Errorf("line %d key %q path %q, want line %d key %q", ce.Line, ce.Key, ce.Path, tc.line, tc.key)
			}
			if !strings.Contains(ce.Error(), tc.says) {
				t.Errorf("error %q does not say %q", ce.Error(), tc.says)
			}
		})
	}
	_, err := Parse("hooks.toml", []byte("[[hook]]\non = [\"severity\"]\nrun = [\"x\"]\n\n[[hook]]\non = [\"status\"]\nrun = [\"y\"]\nwhen = \"status > 1\"\n"))
	if got, want := errorIn(err, "en"), `hooks.toml:8: [[hook]] 2, when: at column 8: status is text: compare it with == or != (in "status > 1")`; got != want {
		t.Errorf("error\n got %s\nwant %s", got, want)
	}
	if got, want := errorIn(err, "es"), `hooks.toml:8: [[hook]] 2, when: en la columna 8: status es texto: se compara con == o != (en "status > 1")`; got != want {
		t.Errorf("error in Spanish\n got %s\nwant %s", got, want)
	}
	if _, err := Parse("hooks.toml", []byte("[[hook]\non = 1\n")); err == nil || !strings.HasPrefix(err.Error(), "hooks.toml:2:7: expected") {
		t.Errorf("a file that is not TOML: %v", err)
	}
}

func errorIn(err error, l string) string {
	var ce *ConfigError
	if !errors.As(err, &ce) {
		return "not a *ConfigError: " + err.Error()
	}
	return ce.In(langOf(l))
}

// TestReadFile: a hooks file holds hooks, or a team's members too;
// anything else in it is a mistake, and a file named but missing too.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	team := write("team.toml", "[[member]]\nname = \"alice\"\nkeys = []\n\n[[hook]]\non = [\"severity\"]\nrun = [\"./page.sh\"]\n")
	if hs, err := ReadFile(team); err != nil || len(hs) != 1 || hs[0].Line != 5 {
		t.Errorf("team file: %+v, %v", hs, err)
	}
	if _, err := ReadFile(write("typo.toml", "[[hooks]]\non = [\"severity\"]\nrun = [\"x\"]\n")); err == nil || !strings.Contains(err.Error(), `unknown key "hooks"`) {
		t.Errorf("[[hooks]] for [[hook]]: %v", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing.toml")); err == nil || !strings.Contains(err.Error(), "no such hooks file") {
		t.Errorf("a missing hooks file: %v", err)
	}
	if hs, err := ReadTeamFile(filepath.Join(dir, "no-team.toml")); err != nil || hs != nil {
		t.Errorf("a team file that does not exist: %v, %v", hs, err)
	}
}

// langOf names a language for tests.
func langOf(l string) i18n.Lang { return i18n.Lang(l) }
