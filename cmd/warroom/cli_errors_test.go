package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/warroom/warroom/model"
)

// TestBadInputExits2 runs commands with bad input against an incident with
// tasks, two of whose ids start alike: each must exit 2, name the problem
// on stderr, print nothing on stdout and leave the file as it was.
func TestBadInputExits2(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	// Ids have no fixed first letter: add tasks until two share one (the
	// id alphabet has 31 letters, so 32 tasks are sure to).
	var ids []string
	first := map[byte]string{}
	for i := 0; len(ids) < 2 && i < 32; i++ {
		r.ok("task", "add", fmt.Sprintf("task %d", i))
		tasks := r.export().Tasks
		id := tasks[len(tasks)-1].ID
		if other, ok := first[id[0]]; ok {
			ids = []string{other, id}
		}
		first[id[0]] = id
	}
	if len(ids) < 2 {
		t.Fatal("32 tasks and no two ids start alike")
	}
	prefix := ids[0][:1]

	long := func(n int) string { return strings.Repeat("a", n) }
	cases := []struct {
		name   string
		args   []string
		stderr []string
	}{
		{"unknown flag", []string{"log", "--bogus", "x"}, []string{"unknown flag: --bogus"}},
		{"unknown global flag", []string{"--bogus", "show"}, []string{"unknown flag: --bogus"}},
		{"too many args", []string{"handoff", "tl", "bob", "extra"}, []string{"takes ROLE and NAME, but got 3 arguments"}},
		{"unknown role", []string{"handoff", "nope", "bob"},
			[]string{`unknown role "nope"`, "tech_lead", "incident_manager (ic,", "problem_manager"}},
		{"unknown role with workstream", []string{"handoff", "nope/db", "bob"}, []string{`unknown role "nope/db"`, "tech_lead"}},
		{"unknown log role", []string{"log", "--role", "nope", "x"}, []string{`unknown role "nope"`, "tech_lead"}},
		{"unknown task role", []string{"task", "add", "x", "--role", "nope"}, []string{`unknown role "nope"`, "tech_lead"}},
		{"workstream twice", []string{"handoff", "tl/db", "bob", "--workstream", "db"}, []string{"give the workstream once"}},
		{"workstream on incident manager", []string{"handoff", "ic/db", "bob"}, []string{"workstream", "one incident manager"}},
		{"unknown status", []string{"status", "fixed"}, []string{`unknown status "fixed"`, "investigating", "closed"}},
		{"bad severity", []string{"sev", "4"}, []string{`unknown severity "4"`, "1, 2, 3, unset"}},
		{"unknown kind", []string{"log", "--kind", "rumour", "x"}, []string{`unknown kind "rumour"`, "decision", "followup"}},
		{"system kind", []string{"log", "--kind", "handoff", "x"}, []string{`unknown kind "handoff"`, "written by warroom itself"}},
		// "0" is not in the id alphabet, so no random id can match.
		{"unknown task id", []string{"task", "start", "0000"}, []string{`unknown task id "0000"`, ids[0], ids[1], "warroom task list"}},
		{"ambiguous task id", []string{"task", "done", prefix}, []string{`ambiguous task id "` + prefix + `"`, ids[0], ids[1], "type more"}},
		{"unknown language", []string{"--lang", "fr", "log", "x"}, []string{`unknown language "fr"`, "en, es"}},
		{"unknown format", []string{"export", "--format", "xml"}, []string{`unknown format "xml"`, "md, json"}},
		{"negative entries", []string{"show", "--entries", "-1"}, []string{"--entries"}},
		{"empty log", []string{"log", "  "}, []string{"entry: must not be empty"}},
		{"title 201", []string{"task", "add", long(201)}, []string{"task title: 201 characters, at most 200 allowed"}},
		{"title 201 runes", []string{"task", "add", strings.Repeat("é", 201)}, []string{"201 characters, at most 200"}},
		{"entry 4001", []string{"log", long(4001)}, []string{"entry: 4001 characters, at most 4000 allowed"}},
		{"note 4001", []string{"handoff", "tl", "bob", "--note", long(4001)}, []string{"handoff note: 4001 characters"}},
		{"holder 65", []string{"handoff", "tl", long(65)}, []string{"new holder: 65 characters, at most 64 allowed"}},
		{"author 65", []string{"--as", long(65), "log", "x"}, []string{"author: 65 characters, at most 64 allowed"}},
		{"owner 65", []string{"task", "add", "x", "--owner", long(65)}, []string{"owner: 65 characters"}},
		{"two-line holder", []string{"handoff", "tl", "bob\rsmith"}, []string{"new holder: must be one line"}},
		{"invalid UTF-8 entry", []string{"log", "bad \xff\xfe bytes"}, []string{"entry: not valid UTF-8"}},
		{"invalid UTF-8 title", []string{"task", "add", "\xc3\x28"}, []string{"task title: not valid UTF-8"}},
		{"invalid UTF-8 holder", []string{"handoff", "tl", "b\x80b"}, []string{"new holder: not valid UTF-8"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := r.snapshot()
			res := r.run(c.args...)
			if res.code != 2 {
				t.Fatalf("want exit 2, got:\n%s", res)
			}
			if res.stdout != "" {
				t.Errorf("stdout = %q, want nothing", res.stdout)
			}
			if !strings.HasPrefix(res.stderr, "warroom: ") {
				t.Errorf("stderr does not start with \"warroom: \": %q", res.stderr)
			}
			wantContains(t, "stderr", res.stderr, c.stderr...)
			wantContains(t, "stderr", res.stderr, "--help' for usage.")
			before.unchanged(t, res)
		})
	}
}

// TestLimitsAreInclusive checks that text exactly at each limit is taken,
// counted in characters, not bytes.
func TestLimitsAreInclusive(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	title := strings.Repeat("é", 200)
	r.ok("declare", title, "--commander", strings.Repeat("c", 64))
	entry := strings.Repeat("€", 4000)
	r.ok("log", entry)
	name := strings.Repeat("n", 64)
	r.ok("--as", strings.Repeat("a", 64), "handoff", "tl", name)
	r.ok("task", "add", strings.Repeat("x", 200), "--owner", strings.Repeat("o", 64))
	d := r.export()
	if d.Incident.Title != title {
		t.Errorf("title of 200 characters not stored as given")
	}
	if e := d.entryWithText(t, entry); e.Kind != "note" {
		t.Errorf("entry of 4000 characters: %+v", e)
	}
	if h, _ := d.role(t, "tech_lead", ""); h != name {
		t.Errorf("holder of 64 characters: %q", h)
	}
}

// TestDeclareBadInputCreatesNoFile checks that a refused declare leaves no
// incident file, and no lock file, behind.
func TestDeclareBadInputCreatesNoFile(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	for _, args := range [][]string{
		{"declare", strings.Repeat("t", 201)},
		{"declare", "ok title", "--sev", "4"},
		{"declare", "ok title", "--commander", strings.Repeat("c", 65)},
		{"declare", "ok title", "--summary", strings.Repeat("s", 4001)},
		{"declare", "bad \xff title"},
		{"declare", "   "},
		{"declare"},
	} {
		res := r.run(args...)
		if res.code != 2 {
			t.Errorf("want exit 2, got:\n%s", res)
		}
		if _, err := os.Stat(r.file()); !os.IsNotExist(err) {
			t.Fatalf("%q left an incident file (%v)", args, err)
		}
		if left, _ := os.ReadDir(filepath.Dir(r.file())); len(left) > 0 {
			t.Fatalf("%q left %s behind", args, left[0].Name())
		}
	}
}

// TestNoIncidentFile checks every command that needs an incident when
// there is none: exit 1, and stderr says how to start one.
func TestNoIncidentFile(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	for _, args := range [][]string{
		{"show"}, {"log", "x"}, {"task", "add", "x"}, {"task", "list"}, {"task", "start", "t2345"},
		{"handoff", "tl", "bob"}, {"status", "identified"}, {"sev", "1"}, {"export"}, {"export", "--format", "json"},
	} {
		res := r.run(args...)
		if res.code != 1 {
			t.Errorf("want exit 1, got:\n%s", res)
			continue
		}
		wantContains(t, "stderr of "+strings.Join(args, " "), res.stderr, r.file(), "no incident file", "`warroom declare TITLE`")
		if res.stdout != "" {
			t.Errorf("%q printed %q on stdout", args, res.stdout)
		}
		if _, err := os.Stat(r.file()); !os.IsNotExist(err) {
			t.Fatalf("%q created the incident file (%v)", args, err)
		}
	}
}

// TestConflictsExit1 checks changes the incident's state does not allow:
// exit 1, a message, the file untouched. (A change the incident already
// has is no conflict: see TestChangeThatChangesNothingExits0.)
func TestConflictsExit1(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.env["WARROOM_USER"] = "carol"
	approved := draftID(t, r.ok("update", "--for-approval", "first"))
	rejected := draftID(t, r.ok("update", "--for-approval", "second"))
	r.env["WARROOM_USER"] = "alice"
	r.ok("update", "approve", approved)
	r.ok("update", "reject", rejected, "--reason", "not yet")
	for _, c := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"declare", "again"}, "already declared"},
		{[]string{"update", "approve", rejected}, "was already sent back"},
		{[]string{"update", "reject", approved, "--reason", "too late"}, "was already approved"},
	} {
		before := r.snapshot()
		res := r.run(c.args...)
		if res.code != 1 {
			t.Errorf("want exit 1, got:\n%s", res)
		}
		wantContains(t, "stderr", res.stderr, c.stderr)
		before.unchanged(t, res)
	}
}

// TestCorruptFile checks that a file warroom cannot read is reported as
// PATH:LINE:COL, exits 1 and is never rewritten.
func TestCorruptFile(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, content, where, msg string
	}{
		{"garbage", "this is not toml\n", ":1:", ""},
		{"bad key line", "schema = 1\nfoo bar\n", ":2:", "expected"},
		{"bad severity", "schema = 1\n[incident]\nseverity = 9\n", ":3:", "severity must be 0 (unset), 1, 2 or 3"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := newRunner(t)
			if err := os.WriteFile(r.file(), []byte(c.content), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{{"log", "x"}, {"show"}, {"task", "add", "x"}, {"export", "--format", "json"}, {"declare", "x"}} {
				before := r.snapshot()
				res := r.run(args...)
				if res.code != 1 {
					t.Errorf("want exit 1, got:\n%s", res)
				}
				if !regexp.MustCompile(`warroom: ` + regexp.QuoteMeta(r.file()) + `:\d+:\d+: `).MatchString(res.stderr) {
					t.Errorf("stderr does not name PATH:LINE:COL: %q", res.stderr)
				}
				wantContains(t, "stderr", res.stderr, r.file()+c.where, c.msg)
				before.unchanged(t, res)
			}
		})
	}
}

// TestUnknownKeyNotSaved checks a hand-edited file with a key warroom does
// not know: a change would drop the key, so it is refused with the key's
// position and the file is left alone; show names the key too.
func TestUnknownKeyNotSaved(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	data, err := os.ReadFile(r.file())
	if err != nil {
		t.Fatal(err)
	}
	edited, n := regexp.MustCompile(`(?m)^(schema = \d+)\n`).ReplaceAllString(string(data), "$1\nsevirity = 2\n"), 0
	for i, l := range strings.Split(edited, "\n") {
		if l == "sevirity = 2" {
			n = i + 1
		}
	}
	if n == 0 {
		t.Fatalf("could not add a key to the file:\n%s", data)
	}
	if err := os.WriteFile(r.file(), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	where := fmt.Sprintf("%s:%d:1: unknown key sevirity", r.file(), n)
	for _, args := range [][]string{{"log", "x"}, {"sev", "2"}, {"task", "add", "x"}, {"handoff", "tl", "bob"}} {
		before := r.snapshot()
		res := r.run(args...)
		if res.code != 1 {
			t.Errorf("want exit 1, got:\n%s", res)
		}
		wantContains(t, "stderr", res.stderr, where)
		before.unchanged(t, res)
	}
	// Reading may go on or stop, but must name the key.
	before := r.snapshot()
	res := r.run("show")
	wantContains(t, "show stderr", res.stderr, where)
	before.unchanged(t, res)
}

// TestNewerSchemaRefused checks that a file from a newer warroom is left alone.
func TestNewerSchemaRefused(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	newer := model.Schema + 1
	if err := os.WriteFile(r.file(), []byte(fmt.Sprintf("schema = %d\n[incident]\nid = \"INC-1\"\nnew_field = true\n", newer)), 0o644); err != nil {
		t.Fatal(err)
	}
	before := r.snapshot()
	res := r.run("log", "x")
	if res.code != 1 {
		t.Fatalf("want exit 1:\n%s", res)
	}
	wantContains(t, "stderr", res.stderr, fmt.Sprintf("schema %d", newer), "upgrade warroom")
	before.unchanged(t, res)
}

// TestIncidentPathIsADirectory checks an incident path that is a directory.
func TestIncidentPathIsADirectory(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	dir := filepath.Join(r.dir, "dir.toml")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"show"}, {"log", "x"}, {"declare", "x"}} {
		res := r.run(append([]string{"--file", dir}, args...)...)
		if res.code != 1 || !strings.Contains(res.stderr, "dir.toml") {
			t.Errorf("want exit 1 naming the path:\n%s", res)
		}
	}
}
