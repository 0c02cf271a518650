package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// referencePath is the command reference in the source, from this
// package's folder.
const referencePath = "../../docs/commands.md"

// runMan runs warroom man in process with an empty home, so that no
// config of the developer's changes the help, and returns its output and
// exit status.
func runMan(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	home := t.TempDir()
	getenv := func(k string) string {
		if k == "HOME" {
			return home
		}
		return ""
	}
	var out, errOut bytes.Buffer
	code = run(append([]string{"man"}, args...), strings.NewReader(""), &out, &errOut, getenv)
	return out.String(), errOut.String(), code
}

// TestCommandsReferenceIsCurrent: docs/commands.md is what warroom man
// --format md writes, so the reference says what --help says.
func TestCommandsReferenceIsCurrent(t *testing.T) {
	got, errOut, code := runMan(t, "--format", "md", "--lang", "en")
	if code != 0 {
		t.Fatalf("warroom man --format md: exit %d\n%s", code, errOut)
	}
	want, err := os.ReadFile(referencePath)
	if err != nil {
		t.Fatalf("%v; make it with: go run ./cmd/warroom man --format md --lang en > docs/commands.md", err)
	}
	if got != string(want) {
		gotLines, wantLines := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		line := 0
		for line < len(gotLines) && line < len(wantLines) && gotLines[line] == wantLines[line] {
			line++
		}
		at := func(l []string) string {
			if line < len(l) {
				return l[line]
			}
			return "(the end)"
		}
		t.Errorf("docs/commands.md is not what the command tree says, from line %d:\n  file:    %s\n  command: %s\n"+
			"bring it up to date from the top of the source with:\n  go run ./cmd/warroom man --format md --lang en > docs/commands.md",
			line+1, at(wantLines), at(gotLines))
	}
}

// TestReferenceHasEveryCommand: each command that is not hidden has a
// section in the reference, with its usage, and an entry in its list that
// links to it; hidden ones have neither.
func TestReferenceHasEveryCommand(t *testing.T) {
	a := newApp(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" })
	root := a.rootCmd()
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	ref := reference(root)
	cmds := visibleCommands(root)
	if len(cmds) < 50 {
		t.Fatalf("only %d commands", len(cmds))
	}
	for _, c := range cmds {
		path := c.CommandPath()
		for _, want := range []string{"\n## " + path + "\n", "(#" + anchor(path) + ")", c.UseLine()} {
			if !strings.Contains(ref, want) {
				t.Errorf("the reference lacks %q", want)
			}
		}
	}
	for _, want := range []string{"## Global flags", "--file string", "warroom-merge-driver", "warroom-task-add"} {
		if !strings.Contains(ref, want) {
			t.Errorf("the reference lacks %q", want)
		}
	}
	if strings.Contains(ref, "__complete") {
		t.Errorf("the reference lists a hidden command")
	}
}

// TestManPage: warroom man writes a man page with every command in it,
// in the language of --help; a format it does not know is bad usage.
func TestManPage(t *testing.T) {
	out, errOut, code := runMan(t, "--lang", "en")
	if code != 0 {
		t.Fatalf("warroom man: exit %d\n%s", code, errOut)
	}
	for _, want := range []string{".TH WARROOM 1", ".SH NAME", ".SH COMMANDS", "merge-driver", "followup", "serve",
		".SH ENVIRONMENT", "WARROOM_FILE", ".SH EXIT STATUS", "255"} {
		if !strings.Contains(out, want) {
			t.Errorf("the man page lacks %q", want)
		}
	}
	if strings.Contains(out, "at a glance:\n.PP\n") {
		t.Errorf("the description is cut at each line, not in paragraphs:\n%s", out[:min(len(out), 800)])
	}

	es, _, code := runMan(t, "--lang", "es")
	if code != 0 || !strings.Contains(es, ".SH ENTORNO") || !strings.Contains(es, "Declara un incidente en un archivo nuevo") {
		t.Errorf("warroom man --lang es: exit %d\n%s", code, es[:min(len(es), 800)])
	}

	if _, errOut, code := runMan(t, "--format", "pdf"); code != 2 || !strings.Contains(errOut, "roff") {
		t.Errorf("warroom man --format pdf: exit %d, want 2 naming the formats\n%s", code, errOut)
	}
}

// TestReflow: lines of a paragraph are joined; indented ones stay lines.
func TestReflow(t *testing.T) {
	for in, want := range map[string]string{
		"one\ntwo\n\nthree":           "one two\nthree",
		"text:\n\n  a = 1\n  b = 2\n": "text:\n  a = 1\n  b = 2",
		"":                            "",
	} {
		if got := reflow(in); got != want {
			t.Errorf("reflow(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAnchor: GitHub's fragment for a heading.
func TestAnchor(t *testing.T) {
	for in, want := range map[string]string{"warroom task add": "warroom-task-add", "warroom merge-driver": "warroom-merge-driver", "warroom": "warroom"} {
		if got := anchor(in); got != want {
			t.Errorf("anchor(%q) = %q, want %q", in, got, want)
		}
	}
}
