package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/warroom/warroom/model"
)

var (
	incidentID = regexp.MustCompile(`^INC-\d{8}-[2-9a-z]{4}$`)
	taskIDRe   = `[2-9a-z]{4}`
)

// catalog is the built-in role catalog as a user sees it: key, English
// and Spanish names, in catalog order.
var catalog = []struct{ key, en, es string }{
	{"incident_manager", "Incident manager", "Gestor de incidentes"},
	{"tech_lead", "Tech lead", "Responsable técnico"},
	{"communications_manager", "Communications manager", "Gestor de comunicaciones"},
	{"customer_support_lead", "Customer support lead", "Responsable de atención al cliente"},
	{"subject_matter_expert", "Subject matter expert", ""},
	{"social_media_lead", "Social media lead", ""},
	{"scribe", "Scribe", ""},
	{"problem_manager", "Problem manager", ""},
}

// showRow is one row of the Roles section of `warroom show`.
type showRow struct{ label, holder, detail string }

// showRoles parses the Roles section of `warroom show`: rows are indented
// by two spaces and their columns separated by two or more spaces.
func showRoles(t *testing.T, out string) []showRow {
	t.Helper()
	_, rest, ok := strings.Cut(out, "\nRoles\n")
	if !ok {
		_, rest, ok = strings.Cut(out, "\nFunciones\n") // in Spanish
	}
	if !ok {
		t.Fatalf("show has no Roles section:\n%s", out)
	}
	var rows []showRow
	cols := regexp.MustCompile(`\s{2,}`)
	for _, l := range strings.Split(rest, "\n") {
		if !strings.HasPrefix(l, "  ") || strings.HasPrefix(l, "  * ") {
			break
		}
		c := cols.Split(strings.TrimSpace(l), 3)
		if len(c) != 3 {
			t.Fatalf("show: role row %q does not have 3 columns", l)
		}
		rows = append(rows, showRow{c[0], c[1], c[2]})
	}
	return rows
}

func rowOf(t *testing.T, rows []showRow, label string) showRow {
	t.Helper()
	for _, r := range rows {
		if r.label == label {
			return r
		}
	}
	t.Fatalf("show has no role row %q: %+v", label, rows)
	return showRow{}
}

const defaultDetail = "held by the incident manager: not handed to anyone yet"

func TestDeclareCreatesFileAndPrintsID(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	if _, err := os.Stat(r.file()); !os.IsNotExist(err) {
		t.Fatalf("incident file exists before declare: %v", err)
	}
	out := r.ok("declare", "Checkout API returning 500s", "--sev", "1", "--commander", "bob",
		"--summary", "500s on /pay since deploy 142")
	m := regexp.MustCompile(`^declared (\S+) "Checkout API returning 500s" \(SEV1\), incident manager bob, in (.+)\n$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("declare printed %q", out)
	}
	if !incidentID.MatchString(m[1]) {
		t.Errorf("incident id %q does not look like INC-YYYYMMDD-xxxx", m[1])
	}
	if m[2] != r.file() {
		t.Errorf("declare says it wrote %q, want %q", m[2], r.file())
	}
	if _, err := os.Stat(r.file()); err != nil {
		t.Fatalf("declare did not create the incident file: %v", err)
	}
	d := r.export()
	if d.Incident.ID != m[1] || d.Incident.Title != "Checkout API returning 500s" || d.Incident.Severity != 1 ||
		d.Incident.Status != "investigating" || d.Incident.Summary != "500s on /pay since deploy 142" ||
		d.Incident.DeclaredBy != "alice" {
		t.Errorf("exported incident = %+v", d.Incident)
	}
	if holder, def := d.role(t, "incident_manager", ""); holder != "bob" || def {
		t.Errorf("incident manager = %q (default %v), want bob", holder, def)
	}
	if len(d.Timeline) != 1 || d.Timeline[0].Kind != "declared" || d.Timeline[0].By != "alice" {
		t.Errorf("timeline after declare = %+v, want one declared entry by alice", d.Timeline)
	}
}

func TestDeclareDefaultsToTheActorAndUnsetSeverity(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	out := r.ok("declare", "Disk", "filling", "up")
	wantContains(t, "declare", out, `"Disk filling up" (unset), incident manager alice`)
	if d := r.export(); d.Incident.Severity != 0 || d.Incident.Title != "Disk filling up" {
		t.Errorf("incident = %+v", d.Incident)
	}
}

func TestDeclareTwiceRefusedFileUnchanged(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	id := r.declare()
	before := r.snapshot()
	res := r.run("declare", "Another incident", "--sev", "2")
	if res.code != 1 {
		t.Fatalf("second declare: want exit 1, got:\n%s", res)
	}
	wantContains(t, "stderr", res.stderr, "already declared", id, "--file")
	if res.stdout != "" {
		t.Errorf("second declare printed to stdout: %q", res.stdout)
	}
	before.unchanged(t, res)
}

func TestHandoffWorkstreams(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	out := r.ok("handoff", "tech_lead", "bob", "--workstream", "database", "--note", "primary is flapping")
	// The first line says who handed what to whom; the second, that bob
	// has not accepted it yet.
	if !strings.HasPrefix(out, "Tech lead · database: alice → bob\nnot yet accepted: bob accepts") {
		t.Errorf("handoff printed %q", out)
	}
	r.ok("handoff", "tl/network", "carol")

	show := r.ok("show")
	rows := showRoles(t, show)
	db := rowOf(t, rows, "Tech lead · database")
	if db.holder != "bob" || !strings.Contains(db.detail, `"primary is flapping"`) {
		t.Errorf("database row = %+v", db)
	}
	if nw := rowOf(t, rows, "Tech lead · network"); nw.holder != "carol" {
		t.Errorf("network row = %+v", nw)
	}
	for _, row := range rows {
		if row.label == "Tech lead" {
			t.Errorf("show still lists an unsplit Tech lead row: %+v", row)
		}
	}
	d := r.export()
	if h, def := d.role(t, "tech_lead", "database"); h != "bob" || def {
		t.Errorf("tech_lead/database = %q, %v", h, def)
	}
	if h, def := d.role(t, "tech_lead", "network"); h != "carol" || def {
		t.Errorf("tech_lead/network = %q, %v", h, def)
	}
	wantContains(t, "export md", r.ok("export"), "| Tech lead · database | bob |", "| Tech lead · network | carol |")
}

func TestRoleAliasesAreCaseInsensitive(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	for _, c := range []struct{ alias, who, label string }{
		{"TL", "bob", "Tech lead"},
		{"Comms", "carol", "Communications manager"},
		{"SUPPORT", "erin", "Customer support lead"},
		{"ic", "dave", "Incident manager"},
	} {
		out := r.ok("handoff", c.alias, c.who)
		if want := c.label + ": alice → " + c.who + "\nnot yet accepted: "; !strings.HasPrefix(out, want) {
			t.Errorf("handoff %s %s printed %q, want %q", c.alias, c.who, out, want)
		}
	}
	d := r.export()
	for role, who := range map[string]string{"tech_lead": "bob", "communications_manager": "carol",
		"customer_support_lead": "erin", "incident_manager": "dave"} {
		if h, def := d.role(t, role, ""); h != who || def {
			t.Errorf("%s held by %q (default %v), want %s", role, h, def, who)
		}
	}
	// Aliases work in --role too.
	r.ok("log", "--role", "Tl", "replica lag 40s")
	if e := r.export().entryWithText(t, "replica lag 40s"); e.Role != "tech_lead" {
		t.Errorf("log --role Tl stored role %q", e.Role)
	}
}

func TestShowListsEveryRoleWithDefaults(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	id := r.declare()
	show := r.ok("show")
	if !strings.HasPrefix(show, id+"  Checkout API returning 500s\n") {
		t.Errorf("show does not start with the id and title:\n%s", show)
	}
	wantContains(t, "show", show, "SEV1 · investigating · declared", "by alice",
		"* still with the incident manager", "Open tasks (0 open, 0 done)", "Timeline (1 entries)")
	rows := showRoles(t, show)
	if len(rows) != len(catalog) {
		t.Fatalf("show lists %d roles, want %d: %+v", len(rows), len(catalog), rows)
	}
	for i, c := range catalog {
		row := rows[i]
		if row.label != c.en {
			t.Errorf("role %d is %q, want %q (catalog order)", i+1, row.label, c.en)
		}
		switch {
		case c.key == "incident_manager":
			if row.holder != "alice" || !strings.HasPrefix(row.detail, "since ") {
				t.Errorf("incident manager row = %+v", row)
			}
		case row.holder != "alice *" || row.detail != defaultDetail:
			t.Errorf("%s row = %+v, want held by alice * by default", c.en, row)
		}
	}

	r.ok("handoff", "tl", "bob")
	rows = showRoles(t, r.ok("show"))
	if row := rowOf(t, rows, "Tech lead"); row.holder != "bob" || row.detail == defaultDetail {
		t.Errorf("Tech lead after handoff = %+v, want bob, not a default", row)
	}
	if row := rowOf(t, rows, "Scribe"); row.holder != "alice *" {
		t.Errorf("Scribe after handing off the tech lead = %+v", row)
	}

	d := r.export()
	if len(d.Roles) != len(catalog) {
		t.Errorf("export json has %d roles, want %d", len(d.Roles), len(catalog))
	}
	for _, c := range catalog {
		h, def := d.role(t, c.key, "")
		wantDefault := c.key != "incident_manager" && c.key != "tech_lead"
		if def != wantDefault {
			t.Errorf("%s: held_by_incident_manager_by_default = %v, want %v", c.key, def, wantDefault)
		}
		if wantDefault && h != "alice" {
			t.Errorf("%s: holder %q, want alice", c.key, h)
		}
	}
}

func TestShowEntriesLimit(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	for _, s := range []string{"one", "two", "three"} {
		r.ok("log", s)
	}
	out := r.ok("show", "--entries", "2")
	wantContains(t, "show --entries 2", out, "Latest entries (2 of 4; --entries 0 shows all)", "two", "three")
	wantNotContains(t, "show --entries 2", out, "  one\n", "declared the incident")
	wantContains(t, "show --entries 0", r.ok("show", "--entries", "0"), "Timeline (4 entries)", "declared the incident", "one")
}

func TestHandoffIncidentManagerMovesDefaultRoles(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("handoff", "tl", "bob")
	out := r.ok("handoff", "ic", "dave", "--note", "going off shift; rollback in progress")
	if !strings.HasPrefix(out, "Incident manager: alice → dave\nnot yet accepted: dave accepts with `warroom ack incident_manager`") {
		t.Errorf("handoff ic printed %q", out)
	}
	show := r.ok("show")
	rows := showRoles(t, show)
	if row := rowOf(t, rows, "Incident manager"); row.holder != "dave" {
		t.Errorf("incident manager row = %+v", row)
	}
	if row := rowOf(t, rows, "Tech lead"); row.holder != "bob" {
		t.Errorf("tech lead handed to bob moved with the incident manager: %+v", row)
	}
	for _, c := range catalog[2:] {
		if row := rowOf(t, rows, c.en); row.holder != "dave *" || row.detail != defaultDetail {
			t.Errorf("%s row = %+v, want dave * by default", c.en, row)
		}
	}
	_, earlier, ok := strings.Cut(show, "\nEarlier holders\n")
	if !ok {
		t.Fatalf("show has no Earlier holders section:\n%s", show)
	}
	if !regexp.MustCompile(`(?m)^  Incident manager: alice \d\d:\d\d–\d\d:\d\d$`).MatchString(earlier) {
		t.Errorf("earlier holders do not list alice as incident manager:\n%s", earlier)
	}

	// A second handoff of the tech lead adds bob as an earlier holder.
	r.ok("handoff", "tl", "carol")
	wantContains(t, "show", r.ok("show"), "  Tech lead: bob ")

	d := r.export()
	for _, c := range catalog[2:] {
		if h, def := d.role(t, c.key, ""); h != "dave" || !def {
			t.Errorf("%s = %q (default %v), want dave by default", c.key, h, def)
		}
	}
	if e := d.entryWithText(t, "going off shift; rollback in progress"); e.Kind != "handoff" || e.From != "alice" || e.To != "dave" {
		t.Errorf("handoff entry = %+v", e)
	}
	md := r.ok("export")
	wantContains(t, "export md", md, "| Incident manager | alice |", "| Incident manager | dave |",
		"| Scribe | dave (incident manager; never handed off) |")
}

func TestLogKinds(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	out := r.ok("log", "--kind", "decision", "fail over to", "the secondary region")
	if !regexp.MustCompile(`^logged decision e[2-9a-z]{12}\n$`).MatchString(out) {
		t.Errorf("log printed %q", out)
	}
	r.ok("log", "error rate back under 1%")
	r.ok("log", "--kind", "THEORY", "--role", "tl/database", "replica lag")
	r.runStdin("from stdin\nsecond line\n", "log", "--kind", "action", "-")

	d := r.export()
	for text, want := range map[string]entry{
		"fail over to the secondary region": {Kind: "decision"},
		"error rate back under 1%":          {Kind: "note"},
		"replica lag":                       {Kind: "theory", Role: "tech_lead", Workstream: "database"},
		"from stdin\nsecond line":           {Kind: "action"},
	} {
		e := d.entryWithText(t, text)
		if e.Kind != want.Kind || e.Role != want.Role || e.Workstream != want.Workstream || e.By != "alice" {
			t.Errorf("entry %q = %+v, want kind %s role %q/%q by alice", text, e, want.Kind, want.Role, want.Workstream)
		}
	}
	show := r.ok("show")
	wantContains(t, "show", show, "decision  ", "fail over to the secondary region",
		"[Tech lead · database] theory ", ": replica lag", "from stdin↵second line")
}

func TestTaskLifecycle(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	wantContains(t, "task list", r.ok("task", "list"), "No tasks yet")
	r.ok("handoff", "tl", "bob", "--workstream", "database")

	out := r.ok("task", "add", "Roll back deploy 142", "--role", "tl/database")
	m := regexp.MustCompile(`^added task (` + taskIDRe + `) "Roll back deploy 142", owner: Tech lead · database \(bob\)\n$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("task add printed %q", out)
	}
	a := m[1]
	out = r.ok("task", "add", "Post a status page update", "--role", "comms", "--owner", "carol")
	m = regexp.MustCompile(`^added task (` + taskIDRe + `) "Post a status page update", owner: Communications manager \(carol\)\n$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("task add printed %q", out)
	}
	b := m[1]
	out = r.ok("task", "add", "Check the provider")
	wantContains(t, "task add", out, "owner: nobody")

	// Ids may be shortened to any unique start, with or without the "t";
	// prefixes are only unique among three random ids by chance, so the
	// full id is tried when a prefix is shared.
	tasks := r.export().Tasks
	prefix := func(id string, n int) string {
		for ; n < len(id); n++ {
			unique := true
			for _, task := range tasks {
				if task.ID != id && strings.HasPrefix(task.ID, id[:n]) {
					unique = false
				}
			}
			if unique {
				return id[:n]
			}
		}
		return id
	}
	if out := r.ok("task", "start", prefix(a, 3)); out != `task `+a+` "Roll back deploy 142" is now in progress`+"\n" {
		t.Errorf("task start printed %q", out)
	}
	if out := r.ok("task", "done", strings.TrimPrefix(prefix(a, 3), "t")); out != `task `+a+` "Roll back deploy 142" is now done`+"\n" {
		t.Errorf("task done printed %q", out)
	}
	r.ok("task", "start", strings.ToUpper(b))

	list := r.ok("task", "list")
	wantContains(t, "task list", list, b, "in progress", "Post a status page update", "Check the provider", "(1 done; --all shows them)")
	wantNotContains(t, "task list", list, "Roll back deploy 142")
	all := r.ok("task", "list", "--all")
	wantContains(t, "task list --all", all, "Done (1)", "Roll back deploy 142", "Post a status page update")
	if !regexp.MustCompile(`(?m)^  ` + a + `  done  .*Roll back deploy 142$`).MatchString(all) {
		t.Errorf("task list --all does not show %s as done:\n%s", a, all)
	}
	wantContains(t, "show", r.ok("show"), "Open tasks (2 open, 1 done)")

	if out := r.ok("task", "reopen", a); !strings.HasSuffix(out, " is now open\n") {
		t.Errorf("task reopen printed %q", out)
	}
	d := r.export()
	states := map[string]string{}
	for _, task := range d.Tasks {
		states[task.ID] = task.State
	}
	if states[a] != "open" || states[b] != "in_progress" || len(states) != 3 {
		t.Errorf("task states = %v", states)
	}
	var kinds []string
	for _, e := range d.Timeline {
		if e.Task == a {
			kinds = append(kinds, e.Kind)
		}
	}
	if got := strings.Join(kinds, " "); got != "task_added task_started task_done task_reopened" {
		t.Errorf("timeline of task %s: %s", a, got)
	}
	wantContains(t, "task list", r.ok("task", "list"), "Roll back deploy 142")
}

func TestStatusForwardsAndBackwards(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("summary", "Checkout fails after deploy 142.")
	steps := []struct{ to, want string }{
		{"identified", "status investigating → identified\n"},
		{"MONITORING", "status identified → monitoring\n"},
		{"investigating", "status monitoring → investigating\n"},
		{"monitoring", "status investigating → monitoring\n"},
		{"resolved", "status monitoring → resolved\n"},
		{"closed", "status resolved → closed\n"},
	}
	for _, s := range steps {
		if s.to == "resolved" {
			r.ok("update", "A fix is in place; we are watching.") // the customers told of the fix that held
		}
		if out := r.ok("status", s.to); out != s.want {
			t.Errorf("status %s printed %q, want %q", s.to, out, s.want)
		}
	}
	show := r.ok("show", "--entries", "0")
	wantContains(t, "show", show, "closed · declared", "status monitoring → investigating (moved back)",
		"status identified → monitoring\n", "status monitoring → resolved\n")
	wantNotContains(t, "show", show, "identified (moved back)", "monitoring (moved back)")
	wantContains(t, "export md", r.ok("export"), "| status monitoring → investigating (moved back) |")
	if d := r.export(); d.Incident.Status != "closed" {
		t.Errorf("status = %q", d.Incident.Status)
	}
}

func TestSeverityChanges(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.ok("declare", "Something odd")
	for _, s := range []struct {
		arg, want string
		sev       int
	}{
		{"1", "severity unset → SEV1\n", 1},
		{"2", "severity SEV1 → SEV2\n", 2},
		{"SEV3", "severity SEV2 → SEV3\n", 3},
		{"unset", "severity SEV3 → unset\n", 0},
	} {
		if out := r.ok("sev", s.arg); out != s.want {
			t.Errorf("sev %s printed %q, want %q", s.arg, out, s.want)
		}
		if d := r.export(); d.Incident.Severity != s.sev {
			t.Errorf("after sev %s the severity is %d, want %d", s.arg, d.Incident.Severity, s.sev)
		}
	}
	wantContains(t, "show", r.ok("show"), "unset · investigating")
	r.ok("sev", "2")
	wantContains(t, "show", r.ok("show"), "SEV2 · investigating", "SEV2: major:")
}

func TestExportMarkdown(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	id := r.declare()
	r.ok("handoff", "tl", "bob", "--note", "runbook DB-7")
	r.ok("task", "add", "Roll back deploy 142", "--role", "tl")
	r.ok("log", "--kind", "decision", "fail over")
	r.ok("status", "identified")
	md := r.ok("export", "--format", "md")
	if !strings.HasPrefix(md, "# "+id+": Checkout API returning 500s\n") {
		t.Errorf("markdown does not start with the id and title:\n%s", md)
	}
	last := -1
	for _, section := range []string{"## Summary", "## Severity and status", "## Roles", "## Tasks", "## Timeline"} {
		i := strings.Index(md, "\n"+section+"\n")
		if i < 0 {
			t.Errorf("markdown has no %q section", section)
			continue
		}
		if i < last {
			t.Errorf("section %q is out of order", section)
		}
		last = i
	}
	wantContains(t, "markdown", md, "_No summary written yet._", "| Status | identified |",
		"declared, SEV1, investigating", "| Tech lead | bob |", "runbook DB-7",
		"Roll back deploy 142", "| decision | fail over |", "UTC")
	if def := r.ok("export"); def != md {
		t.Errorf("export without --format differs from --format md")
	}

	path := filepath.Join(r.dir, "review.md")
	res := r.run("export", "-o", path)
	if res.code != 0 || res.stdout != "" || res.stderr != "wrote "+path+"\n" {
		t.Fatalf("export -o:\n%s", res)
	}
	if got, err := os.ReadFile(path); err != nil || string(got) != md {
		t.Errorf("export -o wrote %q (%v), want the markdown", got, err)
	}
}

func TestExportJSON(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	id := r.declare()
	r.ok("handoff", "comms", "carol", "--workstream", "external")
	r.ok("task", "add", "Status page", "--role", "comms/external")
	raw := r.ok("export", "--format", "json")
	if !json.Valid([]byte(raw)) {
		t.Fatalf("export --format json is not valid JSON:\n%s", raw)
	}
	var generic map[string]any
	if err := json.Unmarshal([]byte(raw), &generic); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"schema", "incident", "people", "assignments", "tasks", "timeline", "roles"} {
		if _, ok := generic[key]; !ok {
			t.Errorf("export json has no %q key", key)
		}
	}
	wantContains(t, "export json", raw, `"held_by_incident_manager_by_default": true`, `"held_by_incident_manager_by_default": false`)
	d := decodeJSON(t, raw)
	if d.Schema != model.Schema || d.Incident.ID != id {
		t.Errorf("schema %d, id %q", d.Schema, d.Incident.ID)
	}
	if h, def := d.role(t, "communications_manager", "external"); h != "carol" || def {
		t.Errorf("communications_manager/external = %q, %v", h, def)
	}
	for _, role := range d.Roles {
		if role.Role == "communications_manager" && role.Workstream == "" {
			t.Errorf("the split role is still listed unsplit: %+v", role)
		}
		if role.Label == "" {
			t.Errorf("role %s has no label", role.Role)
		}
	}
	if len(d.Tasks) != 1 || d.Tasks[0].Role != "communications_manager" || d.Tasks[0].Workstream != "external" {
		t.Errorf("tasks = %+v", d.Tasks)
	}
	if len(d.Timeline) != 3 {
		t.Errorf("timeline has %d entries, want 3", len(d.Timeline))
	}

	path := filepath.Join(r.dir, "record.json")
	r.ok("export", "--format", "json", "--output", path)
	if got, err := os.ReadFile(path); err != nil || string(got) != raw {
		t.Errorf("export --output wrote %d bytes (%v), want the same JSON as stdout", len(got), err)
	}
}

func TestRolesCatalog(t *testing.T) {
	t.Parallel()
	// roles needs no incident file.
	r := newRunner(t)
	out := r.ok("roles")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(catalog) {
		t.Fatalf("roles printed %d lines, want %d:\n%s", len(lines), len(catalog), out)
	}
	for i, c := range catalog {
		if !strings.HasPrefix(lines[i], fmt.Sprintf("%d  %s ", i+1, c.en)) ||
			!strings.Contains(lines[i], c.key) {
			t.Errorf("roles line %d = %q, want %d, %s and %s", i+1, lines[i], i+1, c.en, c.key)
		}
	}
	wantContains(t, "roles", out, "tech_lead, tl, tech", "incident_manager, ic, im, commander")

	long := r.ok("roles", "tl", "--long")
	if !strings.HasPrefix(long, "2  Tech lead  (tech_lead, tl, tech)\n") {
		t.Errorf("roles tl --long starts %q", long)
	}
	wantContains(t, "roles tl --long", long, "Spanish: Responsable técnico", "Primary: ", "Also: ", "Other names: ")
	wantNotContains(t, "roles tl --long", long, "Incident manager", "Communications manager")
	if byAlias := r.ok("roles", "TECH"); byAlias != long {
		t.Errorf("roles TECH differs from roles tl --long:\n%s", byAlias)
	}
	all := r.ok("roles", "--long")
	for _, c := range catalog {
		wantContains(t, "roles --long", all, c.en+"  (")
	}

	es := r.ok("--lang", "es", "roles")
	for _, c := range catalog {
		if c.es != "" {
			wantContains(t, "--lang es roles", es, c.es)
		}
	}
	wantNotContains(t, "--lang es roles", es, "Tech lead", "Incident manager")
	esLong := r.ok("--lang", "ES", "roles", "tl", "--long")
	if !strings.HasPrefix(esLong, "2  Responsable técnico  (tech_lead, tl, tech)\n") {
		t.Errorf("--lang es roles tl --long starts %q", esLong)
	}
}

func TestShowInSpanish(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("handoff", "tl", "bob", "--workstream", "database")
	out := r.ok("--lang", "es", "show")
	rows := showRoles(t, out)
	rowOf(t, rows, "Gestor de incidentes")
	if row := rowOf(t, rows, "Responsable técnico · database"); row.holder != "bob" {
		t.Errorf("row = %+v", row)
	}
	d := decodeJSON(t, r.ok("--lang", "es", "export", "--format", "json"))
	found := false
	for _, role := range d.Roles {
		found = found || role.Label == "Responsable técnico · database"
	}
	if !found {
		t.Errorf("--lang es export json has no Spanish label: %+v", d.Roles)
	}
}

// TestTaskAssign gives a task to a role instance, to a person, and back to
// nobody, and checks the file and the timeline after each.
func TestTaskAssign(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("handoff", "tl", "dave", "--workstream", "network")
	out := r.ok("task", "add", "Check the provider")
	id := regexp.MustCompile(`^added task (` + taskIDRe + `) `).FindStringSubmatch(out)[1]
	wantContains(t, "assign", r.ok("task", "assign", id, "--role", "TL/network"), "owner: Tech lead · network (dave)")
	wantContains(t, "assign", r.ok("task", "assign", id, "--owner", "erin"), "owner: erin")
	wantContains(t, "assign", r.ok("task", "assign", id), "owner: nobody")
	d := r.export()
	if task := d.Tasks[0]; task.Role != "" || task.Owner != "" {
		t.Errorf("task after unassigning: %+v", task)
	}
	var kinds []string
	for _, e := range d.Timeline {
		if e.Kind == "task_assigned" {
			kinds = append(kinds, e.Role+"/"+e.Workstream+" "+e.To)
		}
	}
	if want := "tech_lead/network |/ erin|/ "; strings.Join(kinds, "|") != want {
		t.Errorf("assignments in the timeline: %q, want %q", strings.Join(kinds, "|"), want)
	}
	before := r.snapshot()
	res := r.run("task", "assign", id)
	if res.code != 0 || !strings.Contains(res.stdout, "nothing changed: task "+id+" already has that owner") {
		t.Errorf("assigning to the same owner: want exit 0 and nothing changed:\n%s", res)
	}
	before.unchanged(t, res)
}

func TestTheories(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	out := r.ok("theory", "add", "connection pool exhausted")
	m := regexp.MustCompile(`^theory ([0-9a-z]{4}):`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("theory add printed %q", out)
	}
	id := m[1]
	r.ok("log", "th: the load balancer drops requests")
	wantContains(t, "list", r.ok("theory", "list"), id, "open", "connection pool exhausted", "load balancer")
	wantContains(t, "confirm", r.ok("theory", "confirm", id, "--note", "pool at 20/20 since deploy 142"), "confirmed")
	res := r.run("theory", "confirm", id)
	if res.code != 0 || !strings.Contains(res.stdout, "nothing changed: theory "+id+" is already confirmed") {
		t.Errorf("confirming twice:\n%s", res)
	}
	if res := r.run("theory", "rule-out", "nope"); res.code != 2 || !strings.Contains(res.stderr, "unknown theory id") {
		t.Errorf("unknown id:\n%s", res)
	}
	d := r.export()
	e := d.Timeline[len(d.Timeline)-1]
	if e.Kind != "theory_confirmed" || e.Text != "pool at 20/20 since deploy 142" {
		t.Errorf("last entry %+v", e)
	}
	wantContains(t, "review", r.ok("export"), "## Theories", "connection pool exhausted", "confirmed")
}

func TestTimeBoxedTaskOnTheCommandLine(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("task", "add", "check the CDN", "--due", "10m")
	wantContains(t, "task list", r.ok("task", "list"), "due in 9m")
	if res := r.run("task", "add", "bad", "--due", "10x"); res.code != 2 {
		t.Errorf("--due 10x:\n%s", res)
	}
	if res := r.run("task", "add", "bad", "--due", "-5m"); res.code != 2 || !strings.Contains(res.stderr, "not a time box") {
		t.Errorf("--due -5m:\n%s", res)
	}
}

func TestFollowUps(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	out := r.ok("followup", "add", "alert on pool saturation", "--owner", "henry", "--due", "2026-12-01", "--ticket", "OPS-1")
	m := regexp.MustCompile(`^follow-up ([0-9a-z]{4}):`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("followup add printed %q", out)
	}
	r.ok("log", "todo: add a load test gate")
	wantContains(t, "list", r.ok("followup", "list"), m[1], "henry", "2026-12-01", "OPS-1", "load test gate")
	r.ok("followup", "done", m[1])
	if res := r.run("followup", "done", m[1]); res.code != 0 || !strings.Contains(res.stdout, "nothing changed: follow-up "+m[1]+" is already done") {
		t.Errorf("done twice:\n%s", res)
	}
	if res := r.run("followup", "set", m[1], "--due", "12/01"); res.code != 2 || !strings.Contains(res.stderr, "YYYY-MM-DD") {
		t.Errorf("bad date:\n%s", res)
	}
	wantContains(t, "review", r.ok("export"), "## Action items", "OPS-1", "| done |")
}

// TestResolveNeedsTheExitCriteria (issue 14): status resolved lists what
// is missing and refuses, changing nothing; --force needs --reason, and
// the timeline records why and what was missing; the policy turns a
// criterion off.
func TestResolveNeedsTheExitCriteria(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("task", "add", "Roll back deploy 142")
	before := r.snapshot()
	res := r.run("status", "resolved")
	if res.code == 0 || !strings.Contains(res.stderr, "not resolved yet: 1 task still open (") ||
		!strings.Contains(res.stderr, "no summary written") || !strings.Contains(res.stderr, "--force --reason") {
		t.Errorf("resolving with work left:\n%s", res)
	}
	before.unchanged(t, res)
	if res := r.run("status", "resolved", "--reason", "why not"); res.code != 2 || !strings.Contains(res.stderr, "--reason goes with --force") {
		t.Errorf("--reason without --force:\n%s", res)
	}
	if res := r.run("status", "resolved", "--force"); res.code == 0 || !strings.Contains(res.stderr, "needs a reason") {
		t.Errorf("--force without a reason:\n%s", res)
	}
	r.ok("status", "resolved", "--force", "--reason", "customers are fine; the cleanup can wait")
	e := r.lastEntry()
	if e.Kind != "status" || e.Text != "customers are fine; the cleanup can wait" || !strings.Contains(e.Needs, "resolve.open_tasks") {
		t.Errorf("the forced resolution recorded %+v", e)
	}
	wantContains(t, "review", r.ok("export"), "(forced: customers are fine; the cleanup can wait; missing: no task left open")

	r2 := newRunner(t)
	r2.declare()
	r2.ok("policy", "set", "resolve.summary", "off")
	r2.ok("policy", "set", "resolve.external_update", "off")
	wantContains(t, "policy", r2.ok("policy"), "Resolving needs: no task left open, every role handed answered, an owner for every follow-up")
	if res := r2.run("status", "identified", "--force", "--reason", "x"); res.code != 2 || !strings.Contains(res.stderr, "--force goes with resolved or closed") {
		t.Errorf("--force on identified:\n%s", res)
	}
	// Nothing missing: forcing overrides nothing, and says so.
	res = r2.run("status", "resolved", "--force", "--reason", "just in case")
	if res.code != 0 || !strings.Contains(res.stderr, "nothing was missing, so --force overrode nothing") {
		t.Errorf("--force with nothing missing:\n%s", res)
	}
	// The first update's rule read back as the review says it.
	r2.ok("policy", "set", "sev1.first", "none")
	wantContains(t, "review", r2.ok("export"), "the first update is due one rhythm after the declaration (was 5m)")
}

// TestExportChart (issue 14): the review has a timeline chart a code host
// draws; --no-chart leaves it out.
func TestExportChart(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("handoff", "tl", "bob")
	r.ok("status", "identified")
	review := r.ok("export")
	wantContains(t, "review", review, "## Timeline chart", "```mermaid\ngantt\n", "    section Status\n    investigating :", "Tech lead - bob :")
	if out := r.ok("export", "--no-chart"); strings.Contains(out, "```mermaid") || !strings.Contains(out, "## Severity and status") {
		t.Errorf("--no-chart:\n%s", out)
	}
}
