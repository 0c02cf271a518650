package main

// End to end with git: a real repository in a temporary folder, the
// driver installed with warroom git install and run by git itself (the
// warroom on PATH is the binary under test), branches that change one
// incident with the real command line, merged with git merge and git
// merge-tree.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// needGit returns git's version, skipping the test when there is no git,
// except under CI=true, which installs it: there a missing git fails.
func needGit(t *testing.T) (major, minor int) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if strings.EqualFold(os.Getenv("CI"), "true") {
			t.Fatalf("git not found and CI=true (CI installs git): %v", err)
		}
		t.Skipf("git not found, skipping the end-to-end git test: %v", err)
	}
	out, err := exec.Command("git", "--version").Output()
	if err != nil {
		t.Fatalf("git --version: %v", err)
	}
	m := regexp.MustCompile(`(\d+)\.(\d+)`).FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("git --version said %q", out)
	}
	major, _ = strconv.Atoi(m[1])
	minor, _ = strconv.Atoi(m[2])
	return major, minor
}

// gitRepo is a repository in a temporary folder, with a home of its own
// (no config of the machine's user or system is read).
type gitRepo struct {
	t    *testing.T
	dir  string
	home string
	path string // PATH: the binary under test first
}

func newGitRepo(t *testing.T) *gitRepo {
	t.Helper()
	root := t.TempDir()
	g := &gitRepo{t: t, dir: filepath.Join(root, "repo"), home: filepath.Join(root, "home"),
		path: filepath.Dir(binPath) + ":/usr/local/bin:/usr/bin:/bin"}
	for _, d := range []string{g.dir, g.home} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	g.ok("init", "-q", "-b", "main")
	return g
}

// git runs git in the repository.
func (g *gitRepo) git(args ...string) result {
	g.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = g.dir
	cmd.Env = []string{"PATH=" + g.path, "HOME=" + g.home, "TZ=UTC", "LC_ALL=C", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Alice", "GIT_AUTHOR_EMAIL=alice@example.com",
		"GIT_COMMITTER_NAME=Alice", "GIT_COMMITTER_EMAIL=alice@example.com", "GIT_TERMINAL_PROMPT=0"}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := result{args: append([]string{"git"}, args...), stdout: stdout.String(), stderr: stderr.String()}
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr):
		res.code = exitErr.ExitCode()
	default:
		g.t.Fatalf("git %q: %v", args, err)
	}
	return res
}

// ok runs git and fails the test unless it succeeds.
func (g *gitRepo) ok(args ...string) string {
	g.t.Helper()
	res := g.git(args...)
	if res.code != 0 {
		g.t.Fatalf("want exit 0:\n%s", res)
	}
	return res.stdout
}

// incident is the incident file the tests keep in the repository.
const incident = "incidents/checkout.incident.toml"

// warroom runs the binary under test in the repository, as user.
func (g *gitRepo) warroom(user string, args ...string) result {
	g.t.Helper()
	res, err := execWarroom(g.dir, map[string]string{"PATH": g.path, "HOME": g.home, "GIT_CONFIG_NOSYSTEM": "1",
		"WARROOM_FILE": incident, "WARROOM_USER": user}, "", args...)
	if err != nil {
		g.t.Fatal(err)
	}
	return res
}

// do runs warroom as user and fails the test unless it succeeds.
func (g *gitRepo) do(user string, args ...string) string {
	g.t.Helper()
	res := g.warroom(user, args...)
	if res.code != 0 {
		g.t.Fatalf("want exit 0:\n%s", res)
	}
	return res.stdout
}

// commit commits the incident file (never its lock) and .gitattributes.
func (g *gitRepo) commit(msg string) {
	g.t.Helper()
	g.ok("add", ".gitattributes", incident)
	g.ok("commit", "-q", "-m", msg)
}

// show is the incident file as a commit or tree holds it.
func (g *gitRepo) show(rev string) []byte {
	g.t.Helper()
	return []byte(g.ok("show", rev+":"+incident))
}

// decoded reads an incident file's bytes as the store does.
func decoded(t *testing.T, what string, data []byte) model.State {
	t.Helper()
	s, err := store.Decode(what, data)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return s
}

// TestGitMergesIncidentsAsSyncDoes: two branches change one incident with
// the command line; git merge and git merge-tree, running the installed
// driver, give the incident warroom sync's merge (model.Merge) gives of
// the two versions. In strict mode a title changed on both is a conflict
// that the file records and people decide; a version that cannot be
// merged stops the merge and leaves ours as it was.
func TestGitMergesIncidentsAsSyncDoes(t *testing.T) {
	t.Parallel()
	major, minor := needGit(t)
	g := newGitRepo(t)
	wantContains(t, "install", g.do("alice", "git", "install"), "merge.warroom.driver", "*.incident.toml merge=warroom")
	if err := os.MkdirAll(filepath.Join(g.dir, "incidents"), 0o755); err != nil {
		t.Fatal(err)
	}
	g.do("alice", "declare", "Checkout API returning 500s", "--sev", "1", "--commander", "alice")
	task := strings.Fields(strings.TrimPrefix(g.do("alice", "task", "add", "Roll back deploy 142", "--role", "tl"), "added task "))[0]
	g.do("alice", "handoff", "tl", "bob", "--note", "primary is flapping")
	g.commit("declare")
	wantContains(t, "check", g.do("alice", "git", "check", incident), incident+": merged by warroom", "set up:")

	// The responders' branch: bob accepts, logs and starts the task.
	g.ok("checkout", "-q", "-b", "responders")
	g.do("bob", "ack", "tl")
	g.do("bob", "log", "replica lag 40s")
	g.do("bob", "task", "start", task)
	g.commit("responders")
	// Main: alice hands the comms, adds a task, renames the incident.
	g.ok("checkout", "-q", "main")
	g.do("alice", "handoff", "comms", "carol")
	g.do("alice", "task", "add", "Page the payments team", "--owner", "carol")
	g.do("alice", "title", "Card payments failing after deploy 142")
	g.do("alice", "log", "--kind", "decision", "fail over to the secondary")
	g.commit("main")

	want, _, err := model.Merge(decoded(t, "main", g.show("main")), decoded(t, "responders", g.show("responders")))
	if err != nil {
		t.Fatal(err)
	}
	wantFile := canonicalFile(t, want)

	var fromTree []byte
	if major > 2 || (major == 2 && minor >= 38) {
		res := g.git("merge-tree", "--write-tree", "main", "responders")
		if res.code != 0 {
			t.Fatalf("merge-tree: want a clean merge:\n%s", res)
		}
		fromTree = g.show(strings.TrimSpace(res.stdout))
		if got := canonicalFile(t, decoded(t, "merge-tree", fromTree)); !bytes.Equal(got, wantFile) {
			t.Errorf("git merge-tree's incident is not the sync's merge:\n--- merge-tree:\n%s\n--- model.Merge:\n%s", got, wantFile)
		}
	} else {
		t.Logf("git %d.%d has no merge-tree --write-tree (2.38): only git merge is checked", major, minor)
	}
	if res := g.git("merge", "--no-edit", "responders"); res.code != 0 {
		t.Fatalf("merge: want a clean merge:\n%s", res)
	}
	merged, err := os.ReadFile(filepath.Join(g.dir, incident))
	if err != nil {
		t.Fatal(err)
	}
	if got := canonicalFile(t, decoded(t, "merge", merged)); !bytes.Equal(got, wantFile) {
		t.Errorf("git merge's incident is not the sync's merge:\n--- merge:\n%s\n--- model.Merge:\n%s", got, wantFile)
	}
	if fromTree != nil && !bytes.Equal(fromTree, merged) {
		t.Error("git merge and git merge-tree merged the incident differently")
	}
	if !bytes.Equal(merged, g.show("HEAD")) {
		t.Error("the merge commit does not hold the merged incident")
	}
	shown := g.do("alice", "show", "--entries", "0")
	wantContains(t, "show", shown, "Card payments failing after deploy 142", "replica lag 40s", "fail over to the secondary",
		"accepted Tech lead", "Page the payments team", "in progress")
	g.do("alice", "check")

	// Strict: the title changed on both branches is left to people.
	wantContains(t, "install --strict", g.do("alice", "git", "install", "--strict"), "merge-driver --strict")
	g.ok("checkout", "-q", "-b", "retitle")
	g.do("bob", "title", "Primary database flapping")
	g.commit("retitle")
	g.ok("checkout", "-q", "main")
	g.do("alice", "title", "Card payments: deploy 142 rolled back")
	g.commit("main retitled")
	if fromTree != nil {
		res := g.git("merge-tree", "--write-tree", "main", "retitle")
		if res.code != 1 {
			t.Fatalf("strict merge-tree: want a conflict:\n%s", res)
		}
		tree := strings.Fields(res.stdout)[0]
		if open := decoded(t, "strict merge-tree", g.show(tree)).OpenConflicts(); len(open) != 1 || open[0].Field != model.FieldTitle {
			t.Errorf("strict merge-tree: open conflicts %+v", open)
		}
	}
	res := g.git("merge", "--no-edit", "retitle")
	if res.code != 1 {
		t.Fatalf("strict merge: want a conflict:\n%s", res)
	}
	wantContains(t, "strict merge", res.stdout+res.stderr, "MERGE CONFLICT on the title", "CONFLICT in "+incident)
	wantContains(t, "status", g.ok("status", "--porcelain"), "UU "+incident)
	check := g.warroom("alice", "check")
	if check.code != 1 {
		t.Errorf("check after a strict conflict: want exit 1:\n%s", check)
	}
	wantContains(t, "check", check.stdout, `MERGE CONFLICT on the title: kept "Card payments: deploy 142 rolled back", the other side wrote "Primary database flapping"`)
	g.do("alice", "title", "Primary database flapping")
	g.do("alice", "check")
	g.ok("add", incident)
	g.ok("commit", "-q", "--no-edit")

	// A version that cannot be merged: ours is left byte for byte.
	g.ok("checkout", "-q", "-b", "broken")
	f, err := os.OpenFile(filepath.Join(g.dir, incident), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(f, "\n[[timeline]\n")
	f.Close()
	g.commit("broken by hand")
	g.ok("checkout", "-q", "main")
	g.do("alice", "log", "still on main")
	g.commit("main goes on")
	ours := g.show("main")
	res = g.git("merge", "--no-edit", "broken")
	if res.code == 0 {
		t.Fatalf("merging a corrupt version: want a failure:\n%s", res)
	}
	wantContains(t, "merge", res.stdout+res.stderr, "their version cannot be merged: "+incident+":", "nothing was merged")
	if got, _ := os.ReadFile(filepath.Join(g.dir, incident)); !bytes.Equal(got, ours) {
		t.Errorf("after a failed merge the incident is not ours as it was:\n%s", got)
	}
}

// TestGitInstallAndCheck: check names what is missing, install writes it
// once (again changes nothing), --global writes the user's own config
// and attributes file, and a driver git cannot run is reported.
func TestGitInstallAndCheck(t *testing.T) {
	t.Parallel()
	needGit(t)
	g := newGitRepo(t)
	res := g.warroom("alice", "git", "check")
	if res.code != 1 {
		t.Fatalf("check before install: want exit 1:\n%s", res)
	}
	wantContains(t, "check", res.stderr, "merge.warroom.driver is not set", "no attributes file gives merge=warroom to any file", "run warroom git install")
	if res := g.warroom("alice", "git", "install", "--pattern", "has space"); res.code != exitUsage {
		t.Errorf("a pattern with a space: want exit 2:\n%s", res)
	}
	if res := g.warroom("alice", "git", "instal"); res.code != exitUsage || !strings.Contains(res.stderr, "did you mean install?") {
		t.Errorf("a mistyped subcommand:\n%s", res)
	}

	g.do("alice", "git", "install", "--pattern", "postmortems/*.toml")
	attrs, err := os.ReadFile(filepath.Join(g.dir, ".gitattributes"))
	if err != nil || string(attrs) != "postmortems/*.toml merge=warroom\n" {
		t.Errorf(".gitattributes: %q, %v", attrs, err)
	}
	if v := strings.TrimSpace(g.ok("config", "--local", "merge.warroom.driver")); v != "warroom merge-driver %O %A %B %P" {
		t.Errorf("merge.warroom.driver = %q", v)
	}
	wantContains(t, "install again", g.do("alice", "git", "install", "--pattern", "postmortems/*.toml"), "nothing changed")
	if after, _ := os.ReadFile(filepath.Join(g.dir, ".gitattributes")); !bytes.Equal(after, attrs) {
		t.Errorf("install again changed .gitattributes: %q", after)
	}
	wantContains(t, "check", g.do("alice", "git", "check", "postmortems/a.toml"), "postmortems/a.toml: merged by warroom", "set up:")
	if res := g.warroom("alice", "git", "check", "other.toml"); res.code != 1 || !strings.Contains(res.stderr, "other.toml is not given to the driver") {
		t.Errorf("check of a file no pattern matches:\n%s", res)
	}
	// A later line that takes the driver back is said, not hidden.
	if err := os.WriteFile(filepath.Join(g.dir, ".gitattributes"), append(bytes.Clone(attrs), "postmortems/*.toml -merge\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := g.warroom("alice", "git", "check"); res.code != 1 || !strings.Contains(res.stderr, "but a later line takes it back") {
		t.Errorf("check with the pattern taken back:\n%s", res)
	}
	if err := os.WriteFile(filepath.Join(g.dir, ".gitattributes"), attrs, 0o644); err != nil {
		t.Fatal(err)
	}
	// Without warroom on PATH, git could not run the driver.
	res, err = execWarroom(g.dir, map[string]string{"HOME": g.home, "GIT_CONFIG_NOSYSTEM": "1"}, "", "git", "check")
	if err != nil {
		t.Fatal(err)
	}
	if res.code != 1 || !strings.Contains(res.stderr, "warroom is not on PATH") {
		t.Errorf("check without warroom on PATH:\n%s", res)
	}

	// --global, from outside any repository.
	outside := t.TempDir()
	run := func(args ...string) result {
		res, err := execWarroom(outside, map[string]string{"PATH": g.path, "HOME": g.home, "GIT_CONFIG_NOSYSTEM": "1"}, "", args...)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	if res := run("git", "install"); res.code != 1 || !strings.Contains(res.stderr, "not in a git repository") {
		t.Errorf("install outside a repository:\n%s", res)
	}
	if res := run("git", "install", "--global"); res.code != 0 {
		t.Fatalf("install --global:\n%s", res)
	}
	global, err := os.ReadFile(filepath.Join(g.home, ".config", "git", "attributes"))
	if err != nil || string(global) != "*.incident.toml merge=warroom\nwarroom.toml merge=warroom\n" {
		t.Errorf("global attributes: %q, %v", global, err)
	}
	if v := strings.TrimSpace(g.ok("config", "--global", "merge.warroom.driver")); v != "warroom merge-driver %O %A %B %P" {
		t.Errorf("global merge.warroom.driver = %q", v)
	}
	if res := run("git", "install", "--global"); res.code != 0 || !strings.Contains(res.stdout, "nothing changed") {
		t.Errorf("install --global again:\n%s", res)
	}
	if res := run("git", "check"); res.code != 0 || !strings.Contains(res.stdout, "only your global git config is checked") {
		t.Errorf("check outside a repository:\n%s", res)
	}
	if res := run("git", "check", "--global", "--lang", "es"); res.code != 0 || !strings.Contains(res.stdout, "listo:") {
		t.Errorf("check --global in Spanish:\n%s", res)
	}
}
