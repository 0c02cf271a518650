package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// normalize makes states comparable with reflect.DeepEqual: times in UTC
// without monotonic readings (so equal instants compare equal) and empty
// slices as nil (the file cannot tell them apart).
func normalize(s model.State) model.State {
	utc := func(t *time.Time) { *t = t.UTC() }
	utc(&s.Incident.Declared)
	s.People = append([]model.Person(nil), s.People...)
	for i := range s.People {
		utc(&s.People[i].Joined)
	}
	s.Assignments = append([]model.Assignment(nil), s.Assignments...)
	for i := range s.Assignments {
		utc(&s.Assignments[i].Since)
		utc(&s.Assignments[i].Until)
	}
	s.Tasks = append([]model.Task(nil), s.Tasks...)
	for i := range s.Tasks {
		utc(&s.Tasks[i].Created)
		utc(&s.Tasks[i].Updated)
	}
	s.Timeline = append([]model.Entry(nil), s.Timeline...)
	for i := range s.Timeline {
		utc(&s.Timeline[i].At)
	}
	return s
}

func equalStates(a, b model.State) bool { return reflect.DeepEqual(normalize(a), normalize(b)) }

// hostile are texts a terminal would act on, and texts that look like the
// file's own syntax. The file must keep them as data, byte for byte.
var hostile = []string{
	"\x1b]0;title\x07",
	"\u009b31m C1 CSI",
	"bidi \u202eevil\u202c override",
	"\x1b[2J\x1b[H clear screen",
	"tab\there, newline\nthere, crlf\r\nend",
	`quote " backslash \ triple """ and '''`,
	"nul \x00 and del \x7f",
	"emoji 🔥, CJK 漢字, combining e\u0301",
	"[[timeline]]\n[incident]\nschema = 99\ntitle = \"injected\"",
}

// hostileState is smallState plus every hostile text in every kind of
// free-text field, and an author whose name holds an escape sequence.
func hostileState(tb testing.TB) model.State {
	tb.Helper()
	env := fixedEnv("alice")
	s := apply(tb, model.State{}, env, model.Declare{
		Title: "\x1b]0;title\x07 \u009b \u202e", Severity: model.Sev1, Commander: "alice",
		Summary: strings.Join(hostile, " | "),
	})
	for _, text := range hostile {
		s = apply(tb, s, env, model.Log{Text: text})
	}
	s = apply(tb, s, env,
		model.TaskAdd{Title: "task \x1b]0;x\x07 \u202e", Owner: "bob\u202e"},
		model.Handoff{Role: model.RoleRef{Role: "scribe"}, To: "carol", Note: hostile[0] + hostile[8]},
		model.Log{Kind: model.KindTheory, Role: model.RoleRef{Role: "scribe", Workstream: "east\u202e"}, Text: "ws"},
		model.SetSeverity{Severity: model.Sev2},
		model.SetStatus{Status: model.Identified},
	)
	mallory := fixedEnv("mallory\x1b]0;pwned\x07")
	s = apply(tb, s, mallory, model.Log{Text: "hi from mallory"})
	s = apply(tb, s, env, model.TaskSet{Task: s.Tasks[0].ID, State: model.TaskDone})
	return s
}

func TestRoundTrip(t *testing.T) {
	for name, s := range map[string]model.State{
		"small":   smallState(t),
		"hostile": hostileState(t),
	} {
		t.Run(name, func(t *testing.T) {
			data, err := store.Encode(s)
			if err != nil {
				t.Fatal(err)
			}
			got, err := store.Decode("warroom.toml", data)
			if err != nil {
				t.Fatalf("Decode of Encode output: %v\n%s", err, data)
			}
			if !equalStates(s, got) {
				t.Errorf("round trip changed the state\nwant %+v\ngot  %+v", normalize(s), normalize(got))
			}
			// Field by field for the texts, so a failure says which.
			for i, e := range s.Timeline {
				if got.Timeline[i].Text != e.Text || got.Timeline[i].By != e.By || !got.Timeline[i].At.Equal(e.At) {
					t.Errorf("entry %d: got text %q by %q at %v, want %q by %q at %v", i,
						got.Timeline[i].Text, got.Timeline[i].By, got.Timeline[i].At, e.Text, e.By, e.At)
				}
			}
			if got.Incident.Title != s.Incident.Title || got.Incident.Summary != s.Incident.Summary {
				t.Errorf("incident title/summary changed: %q / %q", got.Incident.Title, got.Incident.Summary)
			}
			if err := got.Check(); err != nil {
				t.Errorf("decoded state fails Check: %v", err)
			}

			// Saving what was loaded gives the same bytes: no churn in
			// diffs of an incident file kept under version control.
			again, err := store.Encode(got)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, again) {
				t.Errorf("Encode(Decode(Encode(s))) differs from Encode(s)")
			}
		})
	}
}

func TestRoundTripThroughFile(t *testing.T) {
	s := hostileState(t)
	path := writeState(t, s)
	got, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !equalStates(s, got) {
		t.Errorf("Load of an encoded file differs from the state")
	}
	// Update with a no-op change rewrites the file with identical bytes.
	before := readFile(t, path)
	if _, err := store.Update(context.Background(), path, false, func(s model.State) (model.State, error) { return s, nil }); err != nil {
		t.Fatal(err)
	}
	if after := readFile(t, path); !bytes.Equal(before, after) {
		t.Errorf("a no-op Update changed the file")
	}
}

// TestEncodedFileIsInert checks that terminal control characters never
// reach the file raw, so `cat` or `git diff` of it cannot drive the
// terminal; they are written as TOML escapes.
func TestEncodedFileIsInert(t *testing.T) {
	data, err := store.Encode(hostileState(t))
	if err != nil {
		t.Fatal(err)
	}
	for i, b := range data {
		if (b < 0x20 && b != '\n') || b == 0x7f {
			line := bytes.Count(data[:i], []byte("\n")) + 1
			t.Errorf("raw control byte %#02x on line %d of the encoded file", b, line)
		}
	}
	if !bytes.Contains(data, []byte(`\u001b]0;title\u0007`)) {
		t.Errorf("OSC sequence not found escaped in the file:\n%s", data)
	}
	// C1 controls (the 8-bit CSI U+009B) and bidi overrides are valid TOML
	// but act on a terminal that prints the file: they are escaped too.
	for _, r := range []string{"\u009b", "\u202e"} {
		if bytes.Contains(data, []byte(r)) {
			t.Errorf("raw %q in the encoded file", r)
		}
	}
}

func TestTimelineIsLastSection(t *testing.T) {
	for name, s := range map[string]model.State{
		"small":   smallState(t),
		"hostile": hostileState(t),
	} {
		t.Run(name, func(t *testing.T) {
			data, err := store.Encode(s)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(data), "\n")
			first := -1
			var headersBefore []string
			for i, l := range lines {
				if first < 0 && l == "[[timeline]]" {
					first = i
				}
				if first < 0 && strings.HasPrefix(l, "[") {
					headersBefore = append(headersBefore, l)
				}
				if first >= 0 && strings.HasPrefix(strings.TrimSpace(l), "[") && l != "[[timeline]]" {
					t.Errorf("line %d: table header %q after the first [[timeline]] (line %d)", i+1, l, first+1)
				}
			}
			if first < 0 {
				t.Fatalf("no [[timeline]] in the encoded file:\n%s", data)
			}
			if n := strings.Count(string(data), "\n[[timeline]]\n"); n != len(s.Timeline) {
				t.Errorf("%d [[timeline]] headers for %d entries", n, len(s.Timeline))
			}
			// The other sections, including nested tables, come first.
			for _, want := range []string{"[incident]", "[incident.clock]", "[[people]]", "[[assignments]]", "[[tasks]]", "[tasks.clock]"} {
				found := false
				for _, h := range headersBefore {
					found = found || h == want
				}
				if !found {
					t.Errorf("header %s not found before the timeline (headers: %v)", want, headersBefore)
				}
			}
		})
	}
}

// TestUpdateAppendIsSuffix: adding an entry changes only the end of the
// file: the file before is kept byte for byte, and what follows it is one
// commit, closed by its sum line. That is what keeping the timeline last is
// for.
func TestUpdateAppendIsSuffix(t *testing.T) {
	s := smallState(t)
	path := writeState(t, s)
	before := readFile(t, path)
	out, err := store.UpdateWith(context.Background(), path, store.UpdateOptions{}, appendLog("bob", "one more"))
	if err != nil || !out.Appended {
		t.Fatalf("UpdateWith: appended %v, err %v", out.Appended, err)
	}
	after := readFile(t, path)
	if !bytes.HasPrefix(after, before) {
		t.Fatalf("file after an append does not start with the file before it")
	}
	tail := string(after[len(before):])
	if !strings.HasPrefix(tail, "\n[[timeline]]\n") || !strings.Contains(tail, `text = "one more"`) ||
		!regexp.MustCompile(`\nsum = "[0-9a-f]{8}"\n$`).MatchString(tail) || strings.Count(tail, "[[timeline]]") != 1 {
		t.Errorf("appended part is %q", tail)
	}
}

// schemaLine is the schema line warroom writes.
var schemaLine = []byte(fmt.Sprintf("schema = %d\n", model.Schema))

// fileErrorRE is the PATH:LINE:COL: message form editors link to.
var fileErrorRE = regexp.MustCompile(`^(.+):(\d+):(\d+): (.+)$`)

// checkFileError asserts err is a *FileError at line (and a column when
// wantCol), printed as PATH:LINE:COL: message, whose message contains
// every string in mention.
func checkFileError(t *testing.T, err error, path string, line int, wantCol bool, mention ...string) {
	t.Helper()
	var fe *store.FileError
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v (%T), want *store.FileError", err, err)
	}
	msg := fe.Error()
	if fe.Path != path {
		t.Errorf("FileError.Path = %q, want %q", fe.Path, path)
	}
	if fe.Line != line {
		t.Errorf("%s\nline %d, want %d", msg, fe.Line, line)
	}
	if wantCol {
		m := fileErrorRE.FindStringSubmatch(msg)
		if m == nil || m[1] != path || m[2] != fmt.Sprint(line) || fe.Col < 1 {
			t.Errorf("error %q is not of the form %s:%d:COL: message", msg, path, line)
		}
	} else if !strings.HasPrefix(msg, fmt.Sprintf("%s:%d:", path, line)) {
		t.Errorf("error %q does not start with %s:%d:", msg, path, line)
	}
	for _, m := range mention {
		if !strings.Contains(msg, m) {
			t.Errorf("error %q does not mention %q", msg, m)
		}
	}
}

// replaceLine replaces the nth (1-based; -1 for the last) line that is
// exactly old with new and returns the result and the replaced line's
// number.
func replaceLine(t *testing.T, data []byte, old, new string, nth int) ([]byte, int) {
	t.Helper()
	lines := strings.Split(string(data), "\n")
	var at []int
	for i, l := range lines {
		if l == old {
			at = append(at, i)
		}
	}
	if nth == -1 {
		nth = len(at)
	}
	if nth < 1 || nth > len(at) {
		t.Fatalf("line %q occurs %d times, want occurrence %d", old, len(at), nth)
	}
	i := at[nth-1]
	lines[i] = new
	return []byte(strings.Join(lines, "\n")), i + 1
}

type lineCase struct {
	name     string
	old, new string
	nth      int
	mention  []string
	noCol    bool // the message may carry a line only
}

// runLineCases writes each mutated file and checks that Load reports the
// mutated line and that Update refuses the file without touching it.
func runLineCases(t *testing.T, cases []lineCase) {
	data, err := store.Encode(smallState(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bad, line := replaceLine(t, data, c.old, c.new, c.nth)
			path := filepath.Join(t.TempDir(), "warroom.toml")
			if err := os.WriteFile(path, bad, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := store.Load(path)
			checkFileError(t, err, path, line, !c.noCol, c.mention...)

			_, err = store.Update(context.Background(), path, false, mustNotRun(t))
			assertRefused(t, path, bad, err)
			var fe *store.FileError
			if !errors.As(err, &fe) || fe.Line != line {
				t.Errorf("Update error %v, want the FileError at line %d", err, line)
			}
		})
	}
}

func TestLoadSyntaxErrors(t *testing.T) {
	runLineCases(t, []lineCase{
		{name: "missing equals", old: `status = "investigating"`, new: `status "investigating"`, nth: 1},
		{name: "unterminated string", old: `by = "alice"`, new: `by = "alice`, nth: 3},
		{name: "junk after header", old: "[[timeline]]", new: "[[timeline]] x", nth: 2},
		{name: "bad datetime", old: "declared = 2026-11-25T23:41:00Z", new: "declared = 2026-13-45T99:00:00Z", nth: 1},
		{name: "no key", old: `declared_by = "alice"`, new: `= "alice"`, nth: 1},
		{name: "two values", old: "severity = 1", new: "severity = 1 2", nth: 1},
		{name: "bad escape", old: `text = "we roll back"`, new: `text = "we roll \q back"`, nth: 1},
	})
}

func TestLoadBadValues(t *testing.T) {
	runLineCases(t, []lineCase{
		{name: "severity 9", old: "severity = 1", new: "severity = 9", nth: 1, mention: []string{"severity", "9"}},
		{name: "severity -1", old: "severity = 1", new: "severity = -1", nth: 1, mention: []string{"severity", "-1"}},
		{name: "severity string", old: "severity = 1", new: `severity = "high"`, nth: 1, mention: []string{"severity", "high"}},
		{name: "status bogus", old: `status = "investigating"`, new: `status = "bogus"`, nth: 1, mention: []string{"status", "bogus"}},
		{name: "declared time", old: "declared = 2026-11-25T23:41:00Z", new: `declared = "yesterday"`, nth: 1, mention: []string{"yesterday"}},
		{name: "schema type", old: fmt.Sprintf("schema = %d", model.Schema), new: `schema = "one"`, nth: 1, mention: []string{"schema"}, noCol: true},
		{name: "title type", old: `title = "Checkout is down"`, new: "title = 42", nth: 1, mention: []string{"title"}, noCol: true},
		// Inside arrays of tables the TOML decoder knows only the last
		// position of each key; the store must find the element holding
		// the bad value, first, middle or last.
		{name: "kind nope in an early entry", old: `kind = "note"`, new: `kind = "nope"`, nth: 1, mention: []string{"kind", "nope"}},
		{name: "kind nope in a middle entry", old: `kind = "handoff"`, new: `kind = "nope"`, nth: 1, mention: []string{"kind", "nope"}},
		{name: "first assignment clock", old: `clock = "2026-11-25T23:41:00.000Z.0000@local"`, new: `clock = "yesterday"`, nth: 1, mention: []string{"yesterday"}},
		{name: "first task state", old: `state = "in_progress"`, new: `state = "paused"`, nth: 1, mention: []string{"state", "paused"}},
		{name: "entry time", old: "at = 2026-11-25T23:41:00Z", new: `at = "noon"`, nth: 2, mention: []string{"noon"}},
		{name: "kind nope in the last entry", old: `kind = "decision"`, new: `kind = "nope"`, nth: -1, mention: []string{"kind", "nope"}},
		{name: "last task state", old: `state = "open"`, new: `state = "paused"`, nth: -1, mention: []string{"state", "paused"}},
		{name: "last assignment clock", old: `clock = "2026-11-25T23:41:00.000Z.0003@local"`, new: `clock = "yesterday"`, nth: -1, mention: []string{"yesterday"}},
	})
}

func TestLoadNoSchema(t *testing.T) {
	data, err := store.Encode(smallState(t))
	if err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string][]byte{
		"missing": bytes.Replace(data, schemaLine, nil, 1),
		"zero":    bytes.Replace(data, schemaLine, []byte("schema = 0\n"), 1),
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "warroom.toml")
			if err := os.WriteFile(path, bad, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := store.Load(path)
			checkFileError(t, err, path, 1, false, "schema")
			_, err = store.Update(context.Background(), path, false, mustNotRun(t))
			assertRefused(t, path, bad, err)
		})
	}
}

// cutAt returns the offset in data just after the first occurrence of
// prefix.
func cutAt(t *testing.T, data []byte, prefix string) int {
	t.Helper()
	i := bytes.Index(data, []byte(prefix))
	if i < 0 {
		t.Fatalf("%q not in the file", prefix)
	}
	return i + len(prefix)
}

func TestLoadTruncated(t *testing.T) {
	data, err := store.Encode(smallState(t))
	if err != nil {
		t.Fatal(err)
	}
	lastText := bytes.LastIndex(data, []byte(`text = "`))
	cuts := map[string]int{
		"inside the title":          cutAt(t, data, `title = "Check`),
		"after declared =":          cutAt(t, data, "declared = "),
		"inside a table header":     cutAt(t, data, "[[peo"),
		"inside a key":              cutAt(t, data, "declared_b"),
		"inside a clock stamp":      cutAt(t, data, "[tasks.clock]\ntitle = \"2026-11-"),
		"inside the timeline":       cutAt(t, data, "[[timeline]]\nid = \"e0"),
		"inside the last entry":     lastText + len(`text = "we ro`),
		"one byte short of the end": len(data) - 2, // drops the closing quote
	}
	for name, n := range cuts {
		t.Run(name, func(t *testing.T) {
			cut := data[:n]
			line := bytes.Count(cut, []byte("\n")) + 1
			path := filepath.Join(t.TempDir(), "warroom.toml")
			if err := os.WriteFile(path, cut, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := store.Load(path)
			checkFileError(t, err, path, line, true)

			_, err = store.Update(context.Background(), path, false, mustNotRun(t))
			assertRefused(t, path, cut, err)
		})
	}
}

// TestDecodeEveryTruncation cuts a file at every offset. Every cut must
// either load (a cut at a line boundary is a shorter valid file) or fail
// with a *FileError; a syntax error must point at the last line, where
// the file ends. Update must refuse the cuts that fail to load (checked on
// every 20th, to keep the test fast). The file has no backslash: see
// TestKnownBugs for a cut just after one.
func TestDecodeEveryTruncation(t *testing.T) {
	data, err := store.Encode(smallState(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "warroom.toml")
	var loaded, failed, positioned int
	for n := 0; n < len(data); n++ {
		cut := data[:n]
		_, err := store.Decode(path, cut)
		if err == nil {
			loaded++
			continue
		}
		failed++
		var fe *store.FileError
		if !errors.As(err, &fe) {
			t.Errorf("cut at %d: err %v (%T), want *store.FileError", n, err, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), path+":") {
			t.Errorf("cut at %d: error %q does not start with the path", n, err)
		}
		if fe.Col > 0 {
			positioned++
			last := bytes.Count(cut, []byte("\n")) + 1
			if fe.Line != last {
				t.Errorf("cut at %d: %v; want line %d, where the file ends", n, err, last)
			}
		}
		if failed%20 == 1 {
			if err := os.WriteFile(path, cut, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := store.Update(context.Background(), path, false, mustNotRun(t))
			assertRefused(t, path, cut, err)
		}
	}
	t.Logf("%d cuts: %d load, %d fail (%d with line:col)", len(data), loaded, failed, positioned)
	if positioned < len(data)/2 {
		t.Errorf("only %d of %d cuts gave a positioned syntax error", positioned, len(data))
	}
}

func TestNewerSchema(t *testing.T) {
	data, err := store.Encode(smallState(t))
	if err != nil {
		t.Fatal(err)
	}
	newer := bytes.Replace(data, schemaLine, []byte("schema = 99\n"), 1)
	extra := bytes.Replace(newer, []byte("declared_by = \"alice\"\n"),
		[]byte("declared_by = \"alice\"\ncolour = \"red\"\nimpact = { users = 1200, regions = [\"eu\"] }\n"), 1)
	extra = bytes.Replace(extra, []byte("severity = 1\n"), []byte("severity = \"critical\"\n"), 1)
	extra = bytes.Replace(extra, []byte(`kind = "note"`), []byte(`kind = "postmortem"`), 1)
	extra = bytes.Replace(extra, []byte("[[people]]\n"), []byte("[retro]\nowner = \"dana\"\n\n[[people]]\n"), 1)
	extra = append(extra, []byte("\n[[timeline]]\nid = \"e9\"\nat = 2026-11-26T00:00:00Z\nby = \"dana\"\nkind = \"retro\"\nmood = \"ok\"\n")...)

	for name, file := range map[string][]byte{
		"schema only":                  []byte("schema = 99\n"),
		"schema 99":                    newer,
		"unknown content":              extra,
		"next schema, no other change": bytes.Replace(data, schemaLine, []byte(fmt.Sprintf("schema = %d\n", model.Schema+1)), 1),
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "warroom.toml")
			if err := os.WriteFile(path, file, 0o644); err != nil {
				t.Fatal(err)
			}
			want := 99
			if name == "next schema, no other change" {
				want = model.Schema + 1
			}
			_, err := store.Load(path)
			var se *store.SchemaError
			if !errors.As(err, &se) {
				t.Fatalf("Load: err = %v (%T), want *store.SchemaError", err, err)
			}
			if se.File != want || se.Here != model.Schema || se.Path != path {
				t.Errorf("SchemaError %+v, want File %d Here %d Path %s", *se, want, model.Schema, path)
			}
			msg := err.Error()
			rest, ok := strings.CutPrefix(msg, path)
			if !ok {
				t.Errorf("error %q does not start with the path", msg)
			}
			for _, n := range []int{want, model.Schema} {
				if !regexp.MustCompile(fmt.Sprintf(`\b%d\b`, n)).MatchString(rest) {
					t.Errorf("error %q does not mention schema %d", msg, n)
				}
			}

			_, err = store.Update(context.Background(), path, false, mustNotRun(t))
			if !errors.As(err, &se) {
				t.Errorf("Update: err = %v, want *store.SchemaError", err)
			}
			assertRefused(t, path, file, err)
			// Even with create set, a newer file is never replaced.
			_, err = store.Update(context.Background(), path, true, mustNotRun(t))
			assertRefused(t, path, file, err)
		})
	}
}

func TestUnknownKeys(t *testing.T) {
	orig := smallState(t)
	data, err := store.Encode(orig)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	cases := []struct {
		name   string
		anchor string // insert before the first line equal to anchor
		text   string
		key    string
	}{
		{"incident", "[incident.policy]", `colour = "red"`, "incident.colour"},
		{"third timeline entry", `kind = "task_added"`, `mood = "tense"`, "timeline.mood"},
		{"last timeline entry", `text = "we roll back"`, `mood = "tense"`, "timeline.mood"},
		{"task clock", "[[timeline]]", `colour = "red"`, "tasks.clock.colour"},
		{"unknown table", "[[people]]", "[retro]\nowner = \"dana\"\n", "retro"},
		{"top level", "[checkpoint]", "colour = \"red\"\n", "colour"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			at := -1
			for i, l := range lines {
				if l == c.anchor {
					at = i
					break
				}
			}
			if at < 0 {
				t.Fatalf("anchor %q not in the file", c.anchor)
			}
			out := append(append(append([]string(nil), lines[:at]...), c.text), lines[at:]...)
			bad := []byte(strings.Join(out, "\n"))
			line := at + 1
			path := filepath.Join(t.TempDir(), "warroom.toml")
			if err := os.WriteFile(path, bad, 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := store.Load(path)
			checkFileError(t, err, path, line, true, c.key, "unknown key")
			var uk *store.UnknownKeysError
			if !errors.As(err, &uk) {
				t.Fatalf("err = %T, want *store.UnknownKeysError", err)
			}
			if !slices.Contains(uk.Keys, c.key) {
				t.Errorf("UnknownKeysError.Keys = %q, want it to hold %q", uk.Keys, c.key)
			}
			// The incident can still be shown: Load hands back what it
			// could read, which is everything but the unknown key.
			if !equalStates(got, orig) {
				t.Errorf("state loaded beside the unknown key differs from the file's incident")
			}

			_, err = store.Update(context.Background(), path, false, mustNotRun(t))
			assertRefused(t, path, bad, err)
			if !errors.As(err, &uk) {
				t.Errorf("Update: err = %v, want *store.UnknownKeysError", err)
			}
		})
	}
}
