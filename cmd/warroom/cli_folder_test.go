package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/sample"
	"github.com/warroom/warroom/model/store"
)

// folderRunner is a runner whose incident file is in a folder of
// incidents made by the test: five of the sample history (two open, a
// drill among them), a broken file, one written by a newer warroom, and a
// TOML file that is no incident. bad holds the two bad files' bytes.
type folderRunner struct {
	*runner
	folder string
	ids    []string
	bad    map[string][]byte
}

func newFolderRunner(t *testing.T) *folderRunner {
	t.Helper()
	r := newRunner(t)
	f := &folderRunner{runner: r, folder: filepath.Join(r.dir, "incidents"), bad: map[string][]byte{}}
	if err := os.MkdirAll(f.folder, 0o755); err != nil {
		t.Fatal(err)
	}
	hs, err := sample.History(model.DefaultCatalog(), time.Now().UTC().Add(-time.Minute), model.RandomIDs{}, 5)
	if err != nil {
		t.Fatal(err)
	}
	var first []byte
	for _, s := range hs {
		data, err := store.Encode(s)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = data
		}
		f.write(strings.ToLower(s.Incident.ID)+".toml", data)
		f.ids = append(f.ids, s.Incident.ID)
	}
	f.bad["broken.toml"] = []byte("schema = 3\n\n[incident\nid = \"INC-x\"\n")
	f.bad["newer.toml"] = []byte(strings.Replace(string(first), "schema = 3", "schema = 99", 1))
	for name, data := range f.bad {
		f.write(name, data)
	}
	f.write("team.toml", []byte("[[member]]\nname = \"alice\"\n"))
	r.env["WARROOM_FILE"] = filepath.Join(f.folder, "new.toml")
	return f
}

func (f *folderRunner) write(name string, data []byte) {
	f.t.Helper()
	path := filepath.Join(f.folder, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		f.t.Fatal(err)
	}
}

// untouched fails unless the bad files are as the test wrote them.
func (f *folderRunner) untouched() {
	f.t.Helper()
	for name, data := range f.bad {
		if now, err := os.ReadFile(filepath.Join(f.folder, name)); err != nil || string(now) != string(data) {
			f.t.Errorf("%s was written", name)
		}
	}
}

func TestIncidentsListsTheFolder(t *testing.T) {
	t.Parallel()
	f := newFolderRunner(t)
	out := f.ok("incidents")
	lines := strings.Split(out, "\n")
	if !strings.HasPrefix(lines[0], "ID ") || !strings.Contains(lines[0], "INCIDENT MANAGER") {
		t.Fatalf("no header:\n%s", out)
	}
	for i, id := range f.ids {
		if !strings.HasPrefix(lines[i+1], id+" ") {
			t.Errorf("line %d is not %s (open first, then newest first):\n%s", i+1, id, out)
		}
	}
	for _, want := range []string{"2 files could not be read:", "broken.toml:3", "newer.toml: written with file schema 99"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if !strings.Contains(lines[1], "m+ ") || strings.Contains(lines[3], "+") {
		t.Errorf("an open incident's duration goes on (+), a resolved one's does not:\n%s", out)
	}
	if strings.Contains(out, "team.toml") {
		t.Errorf("a file that is no incident named without -v:\n%s", out)
	}
	if out := f.ok("incidents", "-v"); !strings.Contains(out, "1 file is not an incident:\n  "+filepath.Join(f.folder, "team.toml")) {
		t.Errorf("-v:\n%s", out)
	}
	if out := f.ok("incidents", "--open"); strings.Count(out, "INC-") != 2 {
		t.Errorf("--open:\n%s", out)
	}
	if out := f.ok("incidents", "--since", time.Now().Add(48*time.Hour).Format("2006-01-02")); !strings.HasPrefix(out, "No incidents.") {
		t.Errorf("--since tomorrow:\n%s", out)
	}
	var got struct {
		Incidents []struct {
			ID      string `json:"id"`
			Open    bool   `json:"open"`
			Manager string `json:"incident_manager"`
			Seconds int64  `json:"duration_seconds"`
		} `json:"incidents"`
		Unread []struct{ Path, Error string } `json:"unreadable"`
	}
	if err := json.Unmarshal([]byte(f.ok("incidents", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Incidents) != 5 || !got.Incidents[0].Open || got.Incidents[0].Manager == "" || len(got.Unread) != 2 || got.Unread[1].Error == "" {
		t.Errorf("JSON: %+v", got)
	}
	// Another folder by --dir; one that does not exist is an error.
	if out := f.ok("incidents", "--dir", t.TempDir()); out != "No incidents.\n" {
		t.Errorf("an empty folder: %q", out)
	}
	if res := f.run("incidents", "--dir", filepath.Join(f.dir, "nowhere")); res.code != 1 || !strings.Contains(res.stderr, "cannot read the folder of incidents") {
		t.Errorf("a folder that does not exist:\n%s", res)
	}
	if res := f.run("incidents", "--since", "last week"); res.code != 2 {
		t.Errorf("a bad --since:\n%s", res)
	}
	if out := f.ok("incidents", "--lang", "es"); !strings.Contains(out, "GESTOR DE INCIDENTES") || !strings.Contains(out, "2 archivos no se pudieron leer:") {
		t.Errorf("in Spanish:\n%s", out)
	}
	f.untouched()
}

func TestStatsOfTheFolder(t *testing.T) {
	t.Parallel()
	f := newFolderRunner(t)
	out := f.ok("stats")
	for _, want := range []string{"4 incidents, declared", "1 drill left out (--drills counts it)", "TO ACKNOWLEDGE", "Incident managers",
		"Follow-ups: ", "2 files could not be read:"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if out := f.ok("stats", "--drills"); !strings.Contains(out, "5 incidents") {
		t.Errorf("--drills:\n%s", out)
	}
	var got struct {
		Incidents  int `json:"incidents"`
		BySeverity []struct {
			Severity string `json:"severity"`
			Resolve  struct {
				Reached int `json:"reached"`
			} `json:"resolve"`
		} `json:"by_severity"`
	}
	if err := json.Unmarshal([]byte(f.ok("stats", "--json")), &got); err != nil || got.Incidents != 4 || len(got.BySeverity) == 0 {
		t.Errorf("JSON: %+v %v", got, err)
	}
	f.untouched()
}

func TestSearchAcrossTheFolder(t *testing.T) {
	t.Parallel()
	f := newFolderRunner(t)
	out := f.ok("search", "rolled", "back")
	if n := strings.Count(out, "\n"); n < 3 || !strings.Contains(out, "rolled back") || !strings.Contains(out, "2 files could not be read:") {
		t.Errorf("search:\n%s", out)
	}
	if out := f.ok("search", "no such words anywhere"); !strings.HasPrefix(out, "Nothing matches.") {
		t.Errorf("no match:\n%s", out)
	}
	if res := f.run("search"); res.code != 2 {
		t.Errorf("no text:\n%s", res)
	}
	f.untouched()
}

func TestFollowupListAcrossIncidents(t *testing.T) {
	t.Parallel()
	f := newFolderRunner(t)
	out := f.ok("followup", "list", "--all-incidents")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasPrefix(lines[0], "DUE ") || !strings.Contains(out, "OPS-4") || !strings.Contains(out, "nobody") {
		t.Fatalf("%s", out)
	}
	var got struct {
		FollowUps []struct {
			Incident string `json:"incident"`
			Overdue  bool   `json:"overdue"`
			Done     bool   `json:"done"`
		} `json:"followups"`
	}
	if err := json.Unmarshal([]byte(f.ok("followup", "list", "--all-incidents", "--json")), &got); err != nil || len(got.FollowUps) == 0 {
		t.Fatalf("JSON: %v", err)
	}
	incidents := map[string]bool{}
	for _, fu := range got.FollowUps {
		incidents[fu.Incident] = true
		if fu.Done {
			t.Error("a follow-up done")
		}
	}
	if len(incidents) < 2 {
		t.Errorf("follow-ups of %d incidents", len(incidents))
	}
	if res := f.run("followup", "list", "--json"); res.code != 2 {
		t.Errorf("--json alone:\n%s", res)
	}
}

// TestDeclareAsksAboutAnIncidentAlreadyOpen: declaring what an open
// incident of the folder is already about stops before writing anything,
// and says how to join it or declare anyway.
func TestDeclareAsksAboutAnIncidentAlreadyOpen(t *testing.T) {
	t.Parallel()
	f := newFolderRunner(t)
	res := f.run("declare", "Checkout API 500s", "--sev", "1")
	if res.code != 1 || !strings.Contains(res.stderr, f.ids[0]+` "Checkout API returning 500s" is open, led by alice: join it with `+"`--file "+filepath.Join(f.folder, strings.ToLower(f.ids[0])+".toml")+"`, or declare anyway with `--new`") {
		t.Fatalf("want the open incident named, got:\n%s", res)
	}
	if _, err := os.Stat(f.file()); !os.IsNotExist(err) {
		t.Fatalf("the new incident file was written: %v", err)
	}
	if _, err := os.Stat(store.LockPath(f.file())); !os.IsNotExist(err) {
		t.Errorf("a lock file was left: %v", err)
	}
	if out := f.ok("declare", "Checkout API 500s", "--sev", "1", "--new"); !strings.HasPrefix(out, "declared INC-") {
		t.Errorf("--new: %s", out)
	}
	// Another title, or one like a resolved incident's, is declared.
	g := newFolderRunner(t)
	g.ok("declare", "Search results empty in the EU", "--sev", "2")
	h := newFolderRunner(t)
	if out := h.ok("declare", "Payment provider down", "--sev", "1", "--service", "payments"); !strings.HasPrefix(out, "declared INC-") {
		t.Errorf("%s", out)
	}
	if st, err := store.Load(h.file()); err != nil || st.Incident.Service != "payments" {
		t.Errorf("service: %q %v", st.Incident.Service, err)
	}
}

const checkoutRunbook = `name = "Checkout outage"
owner = "alice"
review = 2020-01-01
when = "severity <= 2 and title has \"checkout\""

[[step]]
task = "Check the payment provider's status page"
role = "comms"
timebox = "10m"

[[step]]
note = "Deploys are frozen until the incident is resolved"
`

// TestRunbooksApplyAtDeclarationAndWhenTheSeverityRises, once each, and
// a runbook with a mistake is refused with its line and applies nothing.
func TestRunbooksApplyAtDeclarationAndWhenTheSeverityRises(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	rb := filepath.Join(r.dir, "runbooks")
	if err := os.MkdirAll(rb, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		"checkout.toml": checkoutRunbook,
		"every.toml":    "name = \"Every incident\"\nreview = 2099-01-01\n[[step]]\ntask = \"Open the bridge\"\nrole = \"ic\"\n",
		"broken.toml":   "name = \"Broken\"\n[[step]]\ntask = \"x\"\nrole = \"chef\"\n",
	} {
		if err := os.WriteFile(filepath.Join(rb, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := r.run("declare", "Checkout slow", "--sev", "3")
	if res.code != 0 || !strings.Contains(res.stdout, `applied runbook "Every incident": 1 task, 0 notes`) || strings.Contains(res.stdout, "Checkout outage") {
		t.Fatalf("at the declaration of a SEV3:\n%s", res)
	}
	if !strings.Contains(res.stderr, "broken.toml:4: [[step]] 1, role: ") || !strings.Contains(res.stderr, "not applied until it is fixed") {
		t.Errorf("the broken runbook is not named with its line:\n%s", res)
	}
	res = r.run("sev", "2")
	if res.code != 0 || !strings.Contains(res.stdout, `applied runbook "Checkout outage": 1 task, 1 note`) {
		t.Fatalf("raised to SEV2:\n%s", res)
	}
	if out := r.ok("sev", "1"); strings.Contains(out, "applied") {
		t.Errorf("applied again:\n%s", out)
	}
	st, err := store.Load(r.file())
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Tasks) != 2 || st.Tasks[1].Runbook != "Checkout outage" || st.Tasks[1].Step != 1 || st.Tasks[1].Due.IsZero() {
		t.Errorf("tasks: %+v", st.Tasks)
	}
	for _, e := range st.Timeline {
		if strings.Contains(e.Text, "Broken") || e.Text == "x" {
			t.Errorf("the broken runbook applied: %+v", e)
		}
	}
	out := r.ok("runbook", "list")
	for _, want := range []string{"Checkout outage · owner alice · review 2020-01-01 OUT OF DATE", "Every incident", "refused: " + filepath.Join(rb, "broken.toml") + ":4"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	out = r.ok("runbook", "show", "checkout OUTAGE")
	for _, want := range []string{"1. task: Check the payment provider's status page (within 10m) [Communications manager]", "2. note: Deploys are frozen", "Applied to INC-"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if out := r.ok("runbook", "apply", "Checkout outage"); !strings.HasPrefix(out, `nothing changed: runbook "Checkout outage" was applied already`) {
		t.Errorf("applied twice: %s", out)
	}
	if res := r.run("runbook", "apply", "Nope"); res.code != 2 || !strings.Contains(res.stderr, "Checkout outage") {
		t.Errorf("an unknown runbook:\n%s", res)
	}
}

func TestStatuspageWritesThePublicPage(t *testing.T) {
	t.Parallel()
	f := newFolderRunner(t)
	out := filepath.Join(f.dir, "public")
	res := f.run("statuspage", "--output", out, "--title", "Acme status")
	if res.code != 0 || !strings.Contains(res.stdout, "wrote the status page to") || !strings.Contains(res.stderr, "left off the status page") {
		t.Fatalf("%s", res)
	}
	html, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	atom, err := os.ReadFile(filepath.Join(out, "feed.atom"))
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{string(html), string(atom)} {
		if !strings.Contains(page, "This incident has been resolved.") || strings.Contains(page, "internal:") || strings.Contains(page, "Drill") {
			t.Errorf("the page:\n%s", page)
		}
	}
	if out := f.ok("statuspage", "--output", out, "--title", "Acme status"); !strings.HasPrefix(out, "nothing changed:") {
		t.Errorf("again: %s", out)
	}
	if res := f.run("statuspage"); res.code != 2 {
		t.Errorf("no --output:\n%s", res)
	}
	f.untouched()
}
