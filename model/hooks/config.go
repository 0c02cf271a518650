package hooks

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

// Hook is one [[hook]] table:
//
//	[[hook]]
//	on = ["severity", "handoff"]      # the events it runs on
//	run = ["./page.sh", "--urgent"]   # the command, as words: no shell
//	when = "severity == 1"            # optional: a condition on the event
//	timeout = "10s"                   # optional: killed after this long (10s)
//	check = true                      # optional, on resolve_requested only
type Hook struct {
	On      []model.HookEvent `json:"on"`
	Run     []string          `json:"run"`
	When    string            `json:"when,omitempty"`
	Timeout time.Duration     `json:"timeout"`
	// Check makes a hook on resolve_requested a condition of the resolve:
	// it runs before the change, and a non-zero exit refuses it.
	Check bool `json:"check,omitempty"`
	// Where it was written: the file, the line of its [[hook]], and the
	// file's folder, which a relative command ("./page.sh") is in.
	Source string `json:"source"`
	Line   int    `json:"line"`
	Dir    string `json:"dir"`

	cond condition
}

// DefaultTimeout is a hook's timeout when it names none; MaxTimeout the
// longest it may name.
const (
	DefaultTimeout = 10 * time.Second
	MaxTimeout     = 10 * time.Minute
)

// hookKeys are the keys of a [[hook]] table.
var hookKeys = []string{"on", "run", "when", "timeout", "check"}

// ConfigError is a mistake in a [[hook]]: the file, the line, which hook
// and which of its keys, and what is wrong.
type ConfigError struct {
	Path string
	Line int
	Col  int    // set for a file that is not TOML
	Hook int    // the [[hook]]'s number in its file, from 1; 0 for the file
	Key  string // "" for the table itself
	Msg  i18n.Message
}

func (e *ConfigError) Error() string { return e.In(i18n.English) }

// In says the mistake in l: "config.toml:12: [[hook]] 2, when: …".
func (e *ConfigError) In(l i18n.Lang) string {
	where := e.Path
	switch {
	case e.Line > 0 && e.Col > 0:
		where = fmt.Sprintf("%s:%d:%d", e.Path, e.Line, e.Col)
	case e.Line > 0:
		where = fmt.Sprintf("%s:%d", e.Path, e.Line)
	}
	switch {
	case e.Hook == 0:
		return where + ": " + e.Msg.In(l)
	case e.Key == "":
		return i18n.M("%s: [[hook]] %d: %s", where, e.Hook, e.Msg).In(l)
	}
	return i18n.M("%s: [[hook]] %d, %s: %s", where, e.Hook, e.Key, e.Msg).In(l)
}

// Matches reports whether h runs on ev: ev is one of its events and its
// condition holds.
func (h Hook) Matches(ev Event) bool {
	return slices.Contains(h.On, ev.Event) && (h.cond == nil || h.cond.holds(ev))
}

// Argv is the command to run: Run, with a relative path to a program
// ("./page.sh", "bin/page") taken from the folder of the file the hook
// was written in. A bare name ("curl") is looked up in PATH.
func (h Hook) Argv() []string {
	argv := slices.Clone(h.Run)
	if len(argv) > 0 && h.Dir != "" && strings.ContainsRune(argv[0], filepath.Separator) && !filepath.IsAbs(argv[0]) {
		argv[0] = filepath.Join(h.Dir, argv[0])
	}
	return argv
}

// Command is the command as a shell would quote it, as written: how the
// timeline and the lists show it.
func (h Hook) Command() string {
	parts := make([]string, len(h.Run))
	for i, w := range h.Run {
		parts[i] = shellQuote(w)
	}
	return strings.Join(parts, " ")
}

// shellQuote quotes a word that a shell would split or expand.
func shellQuote(w string) string {
	if w != "" && strings.IndexFunc(w, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_./:=@%+,-", r))
	}) < 0 {
		return w
	}
	return "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
}

// Parse reads the [[hook]] tables of a file's bytes; path names it in
// errors and is where relative commands are. Keys other than hook are
// not its business (a config has name, theme, …; a team file, members).
// The first mistake is returned, as a *ConfigError, and no hook: a file
// with a mistake in one hook runs none of them.
func Parse(path string, data []byte) ([]Hook, error) {
	var doc map[string]any
	if _, err := toml.Decode(string(data), &doc); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &ConfigError{Path: path, Line: pe.Position.Line, Col: pe.Position.Col, Msg: i18n.M("%s", pe.Message)}
		}
		return nil, &ConfigError{Path: path, Msg: i18n.M("%s", err.Error())}
	}
	raw, ok := doc["hook"]
	if !ok {
		return nil, nil
	}
	lines := hookLines(data)
	tables, ok := raw.([]map[string]any)
	if !ok {
		line := 0
		if len(lines) > 0 {
			line = lines[0][""]
		}
		return nil, &ConfigError{Path: path, Line: line, Msg: i18n.M("write each hook as a [[hook]] table")}
	}
	dir := filepath.Dir(path)
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	out := make([]Hook, 0, len(tables))
	for i, t := range tables {
		var at map[string]int
		if i < len(lines) {
			at = lines[i]
		}
		h, err := parseHook(t, at)
		if err != nil {
			err.Path, err.Hook = path, i+1
			return nil, err
		}
		h.Source, h.Line, h.Dir = path, at[""], dir
		out = append(out, h)
	}
	return out, nil
}

// parseHook reads one [[hook]] table; at gives the line of each key, and
// of the table ("").
func parseHook(t map[string]any, at map[string]int) (Hook, *ConfigError) {
	fail := func(key string, format string, args ...any) *ConfigError {
		line, ok := at[key]
		if !ok {
			line = at[""]
		}
		return &ConfigError{Line: line, Key: key, Msg: i18n.M(format, args...)}
	}
	for _, k := range slices.Sorted(maps.Keys(t)) {
		if !slices.Contains(hookKeys, k) {
			return Hook{}, fail(k, "unknown key; a [[hook]] has %s", strings.Join(hookKeys, ", "))
		}
	}
	h := Hook{Timeout: DefaultTimeout}

	// on: one event, or a list of them.
	on, ok := t["on"]
	if !ok {
		return h, fail("", "on is missing: name the events it runs on, such as on = [\"severity\"]")
	}
	list, ok := on.([]any)
	if s, one := on.(string); one {
		list, ok = []any{s}, true
	}
	if !ok || len(list) == 0 {
		return h, fail("on", "name the events as a list, such as [\"severity\", \"handoff\"]")
	}
	for _, x := range list {
		s, _ := x.(string)
		ev, err := model.ParseHookEvent(s)
		if err != nil {
			return h, fail("on", "%q is not an event; the events are %s", fmt.Sprint(x), eventNames())
		}
		if !slices.Contains(h.On, ev) {
			h.On = append(h.On, ev)
		}
	}

	// run: the command as words; a string would need a shell to split.
	run, ok := t["run"]
	if !ok {
		return h, fail("", "run is missing: give the command as a list of words, such as run = [\"./page.sh\", \"--urgent\"]")
	}
	words, ok := run.([]any)
	if !ok {
		return h, fail("run", "give the command as a list of words, such as [\"./page.sh\", \"--urgent\"]: hooks run without a shell")
	}
	for _, x := range words {
		s, ok := x.(string)
		if !ok {
			return h, fail("run", "%v is not a word: quote every word of the command", fmt.Sprint(x))
		}
		if strings.ContainsRune(s, 0) {
			return h, fail("run", "a word of the command holds a NUL character")
		}
		h.Run = append(h.Run, s)
	}
	if len(h.Run) == 0 || strings.TrimSpace(h.Run[0]) == "" {
		return h, fail("run", "the command is empty: give the program to run first")
	}

	if v, ok := t["when"]; ok {
		s, ok := v.(string)
		if !ok {
			return h, fail("when", "write the condition as a quoted text, such as \"severity == 1\"")
		}
		cond, err := parseWhen(s)
		if err != nil {
			var we *WhenError
			if errors.As(err, &we) {
				return h, fail("when", "%s (in %q)", we, s)
			}
			return h, fail("when", "%s", err.Error())
		}
		h.When, h.cond = strings.TrimSpace(s), cond
	}

	if v, ok := t["timeout"]; ok {
		s, ok := v.(string)
		d, err := time.ParseDuration(strings.TrimSpace(s))
		switch {
		case !ok || err != nil:
			return h, fail("timeout", "give a quoted duration, such as \"10s\" or \"2m\"")
		case d <= 0:
			return h, fail("timeout", "%s: a timeout is longer than nothing, such as \"10s\"", s)
		case d > MaxTimeout:
			return h, fail("timeout", "%s is longer than a hook may run (%s)", s, MaxTimeout.String())
		}
		h.Timeout = d
	}

	if v, ok := t["check"]; ok {
		b, ok := v.(bool)
		if !ok {
			return h, fail("check", "write check = true or check = false")
		}
		if b && (len(h.On) != 1 || h.On[0] != model.EventResolveRequested) {
			return h, fail("check", "a check runs on resolve_requested alone: on = [\"resolve_requested\"]")
		}
		h.Check = b
	}
	return h, nil
}

// eventNames lists the events, for messages.
func eventNames() string {
	names := make([]string, len(model.HookEvents))
	for i, e := range model.HookEvents {
		names[i] = string(e)
	}
	return strings.Join(names, ", ")
}

// hookLines finds the [[hook]] tables of a TOML file as written: for
// each, in order, the line of its header ("") and of each key in it. It
// reads lines, not TOML: good enough to point at a mistake.
func hookLines(data []byte) []map[string]int {
	var out []map[string]int
	in := false
	for n, line := range strings.Split(string(data), "\n") {
		l := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(l, "[["):
			name, _, _ := strings.Cut(strings.TrimPrefix(l, "[["), "]]")
			in = strings.TrimSpace(name) == "hook"
			if in {
				out = append(out, map[string]int{"": n + 1})
			}
		case strings.HasPrefix(l, "["):
			in = false
		case in:
			key, _, ok := strings.Cut(l, "=")
			key = strings.Trim(strings.TrimSpace(key), `"'`)
			if ok && key != "" && !strings.ContainsAny(key, ` "',[]`) {
				if _, seen := out[len(out)-1][key]; !seen {
					out[len(out)-1][key] = n + 1
				}
			}
		}
	}
	return out
}

// ReadFile reads the hooks of a hooks file: one that holds [[hook]]
// tables, or the serve's team file, whose [[member]] tables are the
// team's. Anything else in it is a mistake. A file that does not exist
// is an error: it was named to be read.
func ReadFile(path string) ([]Hook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &ConfigError{Path: path, Msg: i18n.M("no such hooks file")}
		}
		return nil, &ConfigError{Path: path, Msg: i18n.M("%s", err.Error())}
	}
	hs, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	md, _ := toml.Decode(string(data), &doc)
	for _, k := range md.Keys() {
		if len(k) == 1 && k[0] != "hook" && k[0] != "member" {
			return nil, &ConfigError{Path: path, Msg: i18n.M("unknown key %q; a hooks file holds [[hook]] tables", k[0])}
		}
	}
	return hs, nil
}

// ReadTeamFile reads the hooks of the serve's team file, which may hold
// none; a team file that does not exist holds none.
func ReadTeamFile(path string) ([]Hook, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return ReadFile(path)
}
