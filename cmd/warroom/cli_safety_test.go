package main

import (
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// hostile holds what must never reach a terminal from stored text: an OSC
// that retitles the window (ESC ] … BEL), a CSI that clears the screen, a
// carriage return that lets text overwrite its line, the 8-bit CSI U+009B
// and the right-to-left override U+202E.
const hostile = "\x1b]0;pwned\x07" + "\x1b[2J" + "\r" + "\u009b31m" + "\u202e"

// hostileName is hostile without the carriage return: names must be one
// line, so warroom refuses CR in them (checked below).
var hostileName = strings.ReplaceAll(hostile, "\r", "")

// shownHostile is how hostile text must look once made safe: each control
// visible, none acting.
var shownHostile = []string{"␛]0;pwned␇", "␛[2J", "<U+009B>31m", "<U+202E>"}

// TestStoredTextIsKeptButNeverPrintedRaw puts hostile text into every kind
// of stored text and checks that the file keeps it exactly while no output
// path prints it raw.
func TestStoredTextIsKeptButNeverPrintedRaw(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	var (
		title   = "title " + hostile + " end"
		summary = "summary " + hostile + " end"
		text    = "entry " + hostile + " end"
		task    = "task " + hostile + " end"
		holder  = "holder " + hostileName
		note    = "note " + hostile + " end"
		ws      = "ws" + hostileName
		author  = "author " + hostileName
	)
	var outputs []result
	keep := func(res result) result {
		t.Helper()
		if res.code != 0 {
			t.Fatalf("want exit 0:\n%s", res)
		}
		outputs = append(outputs, res)
		return res
	}
	keep(r.run("declare", title, "--summary", summary))
	keep(r.run("log", text))
	keep(r.run("--as", author, "log", "--kind", "theory", "plain entry"))
	keep(r.run("task", "add", task, "--owner", holder))
	keep(r.run("handoff", "tl", holder, "--note", note))
	keep(r.run("handoff", "comms", "--workstream", ws, holder))
	keep(r.run("task", "add", "ws task", "--role", "comms/"+ws))
	taskID := r.export().Tasks[0].ID
	keep(r.run("task", "start", taskID))
	keep(r.run("task", "done", taskID))
	keep(r.run("task", "reopen", taskID))

	// The file keeps every string exactly, escaped as TOML requires.
	raw, err := os.ReadFile(r.file())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"\x1b", "\x07", "\r"} {
		if strings.Contains(string(raw), c) {
			t.Errorf("the TOML file holds a raw %q; TOML strings must escape it", c)
		}
	}
	wantContains(t, "incident file", string(raw), `\u001b]0;pwned\u0007`)
	checkStored := func(what string, d doc) {
		t.Helper()
		if d.Incident.Title != title || d.Incident.Summary != summary {
			t.Errorf("%s: title %q, summary %q", what, d.Incident.Title, d.Incident.Summary)
		}
		if e := d.entryWithText(t, text); e.Kind != "note" {
			t.Errorf("%s: entry %+v", what, e)
		}
		if e := d.entryWithText(t, "plain entry"); e.By != author {
			t.Errorf("%s: author %q, want %q", what, e.By, author)
		}
		if d.Tasks[0].Title != task || d.Tasks[0].Owner != holder {
			t.Errorf("%s: task %+v", what, d.Tasks[0])
		}
		var found bool
		for _, a := range d.Assignments {
			if a.Role == "tech_lead" {
				found = true
				if a.Holder != holder || a.Note != note {
					t.Errorf("%s: tech lead assignment %+v", what, a)
				}
			}
			if a.Role == "communications_manager" && a.Workstream != ws {
				t.Errorf("%s: workstream %q, want %q", what, a.Workstream, ws)
			}
		}
		if !found {
			t.Errorf("%s: no tech lead assignment", what)
		}
	}
	checkStored("incident file", r.fileDoc())

	// JSON: no raw controls, and it decodes to the exact stored strings.
	js := keep(r.run("export", "--format", "json"))
	wantTerminalSafe(t, "export --format json", js.stdout)
	if !json.Valid([]byte(js.stdout)) {
		t.Fatalf("export json is not valid JSON")
	}
	checkStored("export json", decodeJSON(t, js.stdout))

	// Everything printed for people shows the controls instead of obeying them.
	show := keep(r.run("show", "--entries", "0"))
	md := keep(r.run("export", "--format", "md"))
	list := keep(r.run("task", "list", "--all"))
	es := keep(r.run("--lang", "es", "show"))
	for _, out := range []result{show, md, list, es} {
		text := out.stdout
		if out.args[0] == "export" {
			text = markdownText(text) // the review escapes markdown too
		}
		wantContains(t, strings.Join(out.args, " "), text, shownHostile...)
	}
	wantContains(t, "show", show.stdout, "title ␛]0;pwned␇␛[2J␍<U+009B>31m<U+202E> end")
	for _, out := range outputs {
		wantTerminalSafe(t, "stdout of "+strings.Join(out.args, " "), out.stdout)
		wantTerminalSafe(t, "stderr of "+strings.Join(out.args, " "), out.stderr)
	}
}

// TestErrorsQuotingInputAreSafe checks that error messages that quote what
// was typed or stored print it harmlessly.
func TestErrorsQuotingInputAreSafe(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.ok("declare", "title "+hostile)
	r.ok("task", "add", "a task")
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"task", "start", "t" + hostile}, 2},
		{[]string{"task", "done", hostile}, 2},
		{[]string{"handoff", "tl" + hostile, "bob"}, 2},
		{[]string{"handoff", "tl/" + hostileName + "/x", "bob"}, 2},
		{[]string{"handoff", "tl", "bob" + hostile}, 2},
		{[]string{"log", "--kind", hostile, "x"}, 2},
		{[]string{"log", "--role", hostile, "x"}, 2},
		{[]string{"status", hostile}, 2},
		{[]string{"sev", hostile}, 2},
		{[]string{"--lang", hostile, "show"}, 2},
		{[]string{"export", "--format", hostile}, 2},
		{[]string{"--" + hostile, "show"}, 2},
		{[]string{"log", "--" + hostileName, "x"}, 2},
		// The conflict quotes the stored title.
		{[]string{"declare", "again"}, 1},
		{[]string{"--file", filepath.Join(r.dir, "no"+hostileName+".toml"), "show"}, 1},
	} {
		before := r.snapshot()
		res := r.run(c.args...)
		if res.code != c.code {
			t.Errorf("want exit %d, got:\n%s", c.code, res)
		}
		if res.stderr == "" {
			t.Errorf("%q: no error message", c.args)
		}
		wantTerminalSafe(t, "stderr", res.stderr)
		wantTerminalSafe(t, "stdout", res.stdout)
		before.unchanged(t, res)
	}
}

// TestNamesMustBeOneLine checks that a carriage return or newline in a
// name is refused rather than stored.
func TestNamesMustBeOneLine(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	for _, args := range [][]string{
		{"handoff", "tl", "bob\rmallory"},
		{"handoff", "tl", "bob\nmallory"},
		{"--as", "eve\rmallory", "log", "x"},
		{"task", "add", "x", "--owner", "bob\rmallory"},
		{"handoff", "tl", "--workstream", "db\rnet", "bob"},
	} {
		before := r.snapshot()
		res := r.run(args...)
		if res.code != 2 {
			t.Errorf("want exit 2, got:\n%s", res)
		}
		wantContains(t, "stderr", res.stderr, "must be one line")
		before.unchanged(t, res)
	}
}

// TestCorruptFileErrorIsSafe checks that a parse error quoting the file's
// own bytes prints them harmlessly.
func TestCorruptFileErrorIsSafe(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	if err := os.WriteFile(r.file(), []byte("schema = 1\nkey\x1b[2J\u202e = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := r.run("show")
	if res.code != 1 {
		t.Errorf("want exit 1:\n%s", res)
	}
	wantContains(t, "stderr", res.stderr, r.file()+":2:")
	wantTerminalSafe(t, "stderr", res.stderr)
}

// TestDeclarePathIsShownSafely checks the path echoed by declare.
func TestDeclarePathIsShownSafely(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	path := filepath.Join(r.dir, "inc"+hostileName+".toml")
	res := r.run("--file", path, "declare", "x")
	if res.code != 0 {
		t.Fatalf("want exit 0:\n%s", res)
	}
	wantTerminalSafe(t, "declare stdout", res.stdout)
	wantContains(t, "declare stdout", res.stdout, "inc␛]0;pwned␇")
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the file was not created under its exact name: %v", err)
	}
}

// markdownText undoes the review's markdown escapes (backslashes before
// punctuation, HTML entities), to read the text it shows.
func markdownText(s string) string {
	return html.UnescapeString(regexp.MustCompile(`\\([[:punct:]])`).ReplaceAllString(s, "$1"))
}
