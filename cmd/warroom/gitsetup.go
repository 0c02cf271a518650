package main

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/anmitsu/go-shlex"

	"github.com/warroom/warroom/model/i18n"
)

// What warroom git install writes: git's merge.warroom.* config and a
// .gitattributes line per pattern.
const (
	driverKey  = "merge.warroom.driver"
	driverName = "merge.warroom.name"
	driverDesc = "warroom incident merge"
	mergeAttr  = "merge=warroom"
)

// driverCommand is the merge.warroom.driver line: git puts the three
// versions' temporary files for %O %A %B and the file's path for %P.
func driverCommand(strict bool) string {
	if strict {
		return "warroom merge-driver --strict %O %A %B %P"
	}
	return "warroom merge-driver %O %A %B %P"
}

// defaultPatterns are the files install gives to the driver: incidents
// named NAME.incident.toml, and warroom.toml, the file warroom opens when
// told no other.
func defaultPatterns() []string { return []string{"*.incident.toml", defaultFile} }

// gitRunner runs git as a subprocess, never through a shell, in dir.
type gitRunner struct {
	ctx context.Context
	dir string
}

// gitError is git exiting with a failure: the command and what it said.
type gitError struct {
	args   []string
	code   int
	stderr string
}

func (e *gitError) Error() string { return e.In(i18n.English) }

// In says it in language l.
func (e *gitError) In(l i18n.Lang) string {
	return l.T("git %s failed (exit %d): %s", strings.Join(e.args, " "), e.code, strings.TrimSpace(e.stderr))
}

// errNoGit says git is not installed.
var errNoGit error = failure{msg: i18n.M("git not found")}

// run runs git with args and returns its standard output, without its
// last newline.
func (g gitRunner) run(args ...string) (string, error) {
	cmd := exec.CommandContext(g.ctx, "git", args...)
	cmd.Dir = g.dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return strings.TrimSuffix(stdout.String(), "\n"), nil
	case errors.Is(err, exec.ErrNotFound):
		return "", hintError{err: errNoGit, hint: i18n.M("install git, or put it on PATH")}
	case errors.As(err, &exitErr):
		return stdout.String(), &gitError{args: args, code: exitErr.ExitCode(), stderr: stderr.String()}
	}
	return "", err
}

// get reads a config key in scope ("--global", or "" for every scope
// git reads); ok is false when it is not set.
func (g gitRunner) get(scope, key string, extra ...string) (value string, ok bool, err error) {
	args := []string{"config"}
	if scope != "" {
		args = append(args, scope)
	}
	args = append(append(args, extra...), "--get", key)
	out, err := g.run(args...)
	var ge *gitError
	if errors.As(err, &ge) && ge.code == 1 {
		return "", false, nil // not set
	}
	return out, err == nil, err
}

// set writes a config key in scope ("--global", or "--local").
func (g gitRunner) set(scope, key, value string) error {
	_, err := g.run("config", scope, key, value)
	return err
}

// top is the top of the work tree git runs in; ok is false outside a
// repository.
func (g gitRunner) top() (string, bool) {
	out, err := g.run("rev-parse", "--show-toplevel")
	if err != nil || out == "" {
		return "", false
	}
	return out, true
}

// infoAttributes is the repository's own attributes file, kept out of
// the work tree.
func (g gitRunner) infoAttributes() (string, bool) {
	out, err := g.run("rev-parse", "--git-path", "info/attributes")
	if err != nil || out == "" {
		return "", false
	}
	if !filepath.IsAbs(out) {
		out = filepath.Join(g.dir, out)
	}
	return out, true
}

// globalAttributes is the attributes file git reads for every
// repository: core.attributesFile, else $XDG_CONFIG_HOME/git/attributes,
// else ~/.config/git/attributes.
func (a *app) globalAttributes(g gitRunner) (string, error) {
	v, ok, err := g.get("", "core.attributesFile", "--path")
	if err != nil {
		return "", err
	}
	if ok && v != "" {
		return v, nil
	}
	xdg := a.getenv("XDG_CONFIG_HOME")
	if xdg == "" {
		home := a.getenv("HOME")
		if home == "" {
			return "", failf("HOME is not set: cannot find your global git attributes file")
		}
		xdg = filepath.Join(home, ".config")
	}
	return filepath.Join(xdg, "git", "attributes"), nil
}

// warroomPatterns are the patterns of an attributes file's lines that
// give merge=warroom.
func warroomPatterns(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		for _, attr := range f[1:] {
			if attr == mergeAttr {
				out = append(out, f[0])
				break
			}
		}
	}
	return out
}

// withPatterns returns an attributes file's text with a line giving
// merge=warroom to each pattern that has none yet, and those patterns.
func withPatterns(text string, patterns []string) (string, []string) {
	have := map[string]bool{}
	for _, p := range warroomPatterns(text) {
		have[p] = true
	}
	var added []string
	for _, p := range patterns {
		if have[p] {
			continue
		}
		have[p] = true
		if text != "" && !strings.HasSuffix(text, "\n") {
			text += "\n"
		}
		text += p + " " + mergeAttr + "\n"
		added = append(added, p)
	}
	return text, added
}

// driverWords are the words of a merge.warroom.driver line as the shell
// git runs it with splits them (quotes and backslashes); ok is false when
// it does not split.
func driverWords(line string) ([]string, bool) {
	words, err := shlex.Split(line, true)
	return words, err == nil && len(words) > 0
}

// runsDriver reports whether a merge.warroom.driver line runs warroom's
// merge driver with the three versions: warroom (by any path), then
// merge-driver and its options, then %O %A %B.
func runsDriver(line string) bool {
	f, ok := driverWords(line)
	if !ok || len(f) < 5 || !strings.HasPrefix(filepath.Base(f[0]), "warroom") || f[1] != "merge-driver" {
		return false
	}
	for i := 2; i+2 < len(f); i++ {
		if f[i] == "%O" && f[i+1] == "%A" && f[i+2] == "%B" {
			return true
		}
	}
	return false
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// samplePath is a path an attributes pattern names, to ask git about:
// each * or ? a letter; ok is false for a pattern it cannot make one of
// (a bracket expression, a pattern for folders).
func samplePath(pattern string) (string, bool) {
	if strings.ContainsAny(pattern, "[\\") || strings.HasSuffix(pattern, "/") {
		return "", false
	}
	p := strings.TrimPrefix(pattern, "/")
	p = strings.ReplaceAll(p, "**/", "")
	p = strings.ReplaceAll(p, "**", "x")
	p = strings.NewReplacer("*", "x", "?", "x").Replace(p)
	return p, p != ""
}
