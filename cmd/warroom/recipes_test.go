package main

// The hook recipes of docs/hooks.md, as a team would copy them: each
// hooks file in docs/hooks is loaded by warroom hooks list, and set off
// by the real binary at an HTTP stub on loopback that stands for the
// service it talks to.

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// recipesDir holds the recipes, from this package's folder.
const recipesDir = "../../docs/hooks"

// stubRequest is one request the stub was sent.
type stubRequest struct {
	Method, Path, Auth, ContentType string
	Body                            map[string]any
}

// stub stands for a service the recipes post to. It answers what the
// recipes read back: an id for a status page incident, a key for a
// ticket; anything else gets 202.
type stub struct {
	srv  *httptest.Server
	mu   sync.Mutex
	reqs []stubRequest
}

func newStub(t *testing.T) *stub {
	t.Helper()
	s := &stub{}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		req := stubRequest{Method: r.Method, Path: r.URL.Path, Auth: r.Header.Get("Authorization"), ContentType: r.Header.Get("Content-Type")}
		if err := json.Unmarshal(data, &req.Body); err != nil {
			req.Body = map[string]any{"not json": string(data)}
		}
		s.mu.Lock()
		s.reqs = append(s.reqs, req)
		n := len(s.reqs)
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/incidents"):
			fmt.Fprint(w, `{"id": "sp7k"}`)
		case r.Method == http.MethodPost && r.URL.Path == "/rest/api/2/issue":
			fmt.Fprintf(w, `{"id": "100%d", "key": "OPS-%d"}`, n, 40+n)
		default:
			w.WriteHeader(http.StatusAccepted)
			fmt.Fprint(w, `{"status": "success"}`)
		}
	}))
	t.Cleanup(s.srv.Close)
	return s
}

// wait waits until the stub has been sent n requests, and returns them.
func (s *stub) wait(t *testing.T, n int) []stubRequest {
	t.Helper()
	var got []stubRequest
	waitUntil(t, 20*time.Second, func() string { return fmt.Sprintf("%d requests, want %d: %+v", len(got), n, got) }, func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		got = append([]stubRequest(nil), s.reqs...)
		return len(got) >= n
	})
	return got
}

// recipeRunner is a runner on a new incident file whose hooks are the
// recipe's, with curl and jq and this warroom on PATH.
func recipeRunner(t *testing.T, recipe string, env map[string]string) *runner {
	t.Helper()
	for _, tool := range []string{"curl", "jq", "sh"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("the hook recipes need %s", tool)
			}
			t.Skipf("the hook recipes need %s", tool)
		}
	}
	file, err := filepath.Abs(filepath.Join(recipesDir, recipe))
	if err != nil {
		t.Fatal(err)
	}
	r := newRunner(t)
	res := r.run("hooks", "list", "--hooks", file)
	if res.code != 0 || !strings.Contains(res.stdout, file+":") {
		t.Fatalf("the recipe does not load:\n%s", res)
	}
	r.env["WARROOM_HOOKS"] = file
	r.env["PATH"] = filepath.Dir(binPath) + ":/usr/local/bin:/usr/bin:/bin"
	for k, v := range env {
		r.env[k] = v
	}
	return r
}

// hooksRanOK waits until n hook runs are in the timeline, and fails on
// any that did not end well.
func hooksRanOK(t *testing.T, r *runner, n int) {
	t.Helper()
	waitUntil(t, 20*time.Second, func() string { return fmt.Sprintf("hook runs %+v", hookEntries(t, r.file(), "hook")) },
		func() bool { return len(hookEntries(t, r.file(), "hook")) >= n })
	for _, e := range hookEntries(t, r.file(), "hook") {
		if e.Result != "ok" {
			t.Errorf("a hook run did not end well: %+v", e)
		}
	}
}

// field is the string at a dotted path of a JSON body.
func field(body map[string]any, path string) string {
	var v any = body
	for _, k := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = m[k]
	}
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}

// TestRecipeSlack: the incident's changes reach Slack's incoming webhook
// as {"text": …}, with the incident's text escaped as Slack asks.
func TestRecipeSlack(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	r := recipeRunner(t, "slack.toml", map[string]string{"SLACK_WEBHOOK_URL": s.srv.URL + "/services/T0/B0/x"})
	r.ok("declare", "Checkout <!channel> & payments", "--sev", "1")
	r.ok("handoff", "tl", "bob", "--workstream", "database")
	reqs := s.wait(t, 2)
	texts := map[string]bool{}
	for _, q := range reqs {
		if q.Method != http.MethodPost || q.Path != "/services/T0/B0/x" || q.ContentType != "application/json" || len(q.Body) != 1 {
			t.Errorf("not an incoming-webhook post: %+v", q)
		}
		texts[field(q.Body, "text")] = true
	}
	id := r.export().Incident.ID
	for _, want := range []string{
		"*" + id + "* Checkout &lt;!channel&gt; &amp; payments: declared, SEV1, by alice",
		"*" + id + "* Checkout &lt;!channel&gt; &amp; payments: tech_lead/database handed to bob, by alice",
	} {
		if !texts[want] {
			t.Errorf("no post says %q; posts: %v", want, texts)
		}
	}
	hooksRanOK(t, r, 2)
}

// TestRecipePagerDuty: a SEV1 triggers one alert keyed by the incident's
// id through the Events API v2, a SEV2 none, and resolving resolves it.
func TestRecipePagerDuty(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	r := recipeRunner(t, "pagerduty.toml", map[string]string{
		"PAGERDUTY_ROUTING_KEY": "R0UTINGKEY", "PAGERDUTY_EVENTS_URL": s.srv.URL + "/v2/enqueue"})
	r.ok("declare", "Checkout API returning 500s", "--sev", "2")
	r.ok("sev", "1")
	r.ok("status", "resolved", "--force", "--reason", "a drill")
	reqs := s.wait(t, 2)
	hooksRanOK(t, r, 2)
	id := r.export().Incident.ID
	if len(reqs) != 2 {
		t.Fatalf("%d events, want a trigger and a resolve: %+v", len(reqs), reqs)
	}
	trigger, resolve := reqs[0].Body, reqs[1].Body
	if field(trigger, "event_action") == "resolve" {
		trigger, resolve = resolve, trigger
	}
	for path, want := range map[string]string{"routing_key": "R0UTINGKEY", "event_action": "trigger", "dedup_key": id,
		"payload.summary": "SEV1 Checkout API returning 500s", "payload.source": "warroom", "payload.severity": "critical",
		"payload.custom_details.status": "investigating"} {
		if got := field(trigger, path); got != want {
			t.Errorf("trigger %s = %q, want %q (%+v)", path, got, want, trigger)
		}
	}
	for path, want := range map[string]string{"routing_key": "R0UTINGKEY", "event_action": "resolve", "dedup_key": id, "payload": ""} {
		if got := field(resolve, path); got != want {
			t.Errorf("resolve %s = %q, want %q (%+v)", path, got, want, resolve)
		}
	}
	for _, q := range reqs {
		if q.Method != http.MethodPost || q.Path != "/v2/enqueue" || q.ContentType != "application/json" {
			t.Errorf("not an Events API v2 post: %+v", q)
		}
	}
}

// TestRecipeNtfy: a SEV1 and a handoff reach the ntfy topic as JSON
// messages, the SEV1 at the highest priority, with the access token.
func TestRecipeNtfy(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	r := recipeRunner(t, "ntfy.toml", map[string]string{"NTFY_URL": s.srv.URL, "NTFY_TOPIC": "payments-oncall", "NTFY_TOKEN": "tk_secret"})
	r.ok("declare", "Checkout API returning 500s", "--sev", "1")
	r.ok("handoff", "comms", "carol")
	reqs := s.wait(t, 2)
	hooksRanOK(t, r, 2)
	id := r.export().Incident.ID
	for _, q := range reqs {
		if q.Method != http.MethodPost || q.Path != "/" || q.Auth != "Bearer tk_secret" || field(q.Body, "topic") != "payments-oncall" ||
			field(q.Body, "title") != id+" Checkout API returning 500s" || field(q.Body, "priority") != "5" {
			t.Errorf("not the ntfy message of a SEV1: %+v", q)
		}
	}
	for _, want := range []string{"SEV1, investigating, by alice", "communications_manager handed to carol by alice"} {
		if !messagesHas(reqs, want) {
			t.Errorf("no message says %q: %+v", want, reqs)
		}
	}
}

// messagesHas reports whether one of reqs has the message want.
func messagesHas(reqs []stubRequest, want string) bool {
	for _, q := range reqs {
		if field(q.Body, "message") == want {
			return true
		}
	}
	return false
}

// TestRecipeStatusPage: the first external update opens an incident on
// the status page, the next updates that one with the new status; an
// internal update goes nowhere.
func TestRecipeStatusPage(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	r := recipeRunner(t, "statuspage.toml", map[string]string{
		"STATUSPAGE_URL": s.srv.URL + "/v1", "STATUSPAGE_PAGE_ID": "pg1", "STATUSPAGE_API_KEY": "k3y"})
	r.ok("declare", "Checkout API returning 500s", "--sev", "1")
	r.ok("update", "We are looking into failed card payments.", "--audience", "external")
	hooksRanOK(t, r, 1) // the status page's incident id is kept by now
	r.ok("update", "Engineers are on it.", "--audience", "internal")
	r.ok("status", "identified")
	r.ok("update", "We found the cause and are rolling back.", "--audience", "external")
	reqs := s.wait(t, 2)
	hooksRanOK(t, r, 2)
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2 (the internal update goes nowhere): %+v", len(reqs), reqs)
	}
	open, update := reqs[0], reqs[1]
	if open.Method != http.MethodPost || open.Path != "/v1/pages/pg1/incidents" || open.Auth != "OAuth k3y" ||
		field(open.Body, "incident.name") != "Checkout API returning 500s" || field(open.Body, "incident.status") != "investigating" ||
		field(open.Body, "incident.body") != "We are looking into failed card payments." {
		t.Errorf("the first update did not open a status page incident: %+v", open)
	}
	if update.Method != http.MethodPatch || update.Path != "/v1/pages/pg1/incidents/sp7k" ||
		field(update.Body, "incident.status") != "identified" || field(update.Body, "incident.body") != "We found the cause and are rolling back." {
		t.Errorf("the second update did not update that incident: %+v", update)
	}
}

// TestRecipeTickets: resolving opens a ticket for each open follow-up
// without one, and each ticket's key is written into its follow-up; a
// follow-up done or with a ticket gets none.
func TestRecipeTickets(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	r := recipeRunner(t, "tickets.toml", map[string]string{
		"JIRA_URL": s.srv.URL, "JIRA_USER": "bot@example.com", "JIRA_TOKEN": "t0ken", "JIRA_PROJECT": "OPS"})
	r.ok("declare", "Checkout API returning 500s", "--sev", "1")
	r.ok("followup", "add", "Add a load test gate for pool changes", "--owner", "henry", "--due", "2030-01-15")
	r.ok("followup", "add", "Alert on pool saturation", "--owner", "bob")
	r.ok("followup", "add", "Write the runbook", "--owner", "bob", "--ticket", "OPS-7")
	done := r.ok("followup", "add", "Page the payments team earlier", "--owner", "alice")
	r.ok("followup", "done", followupID(t, done))
	r.ok("status", "resolved", "--force", "--reason", "a drill")
	reqs := s.wait(t, 2)
	hooksRanOK(t, r, 1)

	summaries := map[string]stubRequest{}
	for _, q := range reqs {
		if q.Method != http.MethodPost || q.Path != "/rest/api/2/issue" || !strings.HasPrefix(q.Auth, "Basic ") ||
			field(q.Body, "fields.project.key") != "OPS" || field(q.Body, "fields.issuetype.name") != "Task" {
			t.Errorf("not a Jira issue: %+v", q)
		}
		summaries[field(q.Body, "fields.summary")] = q
	}
	if len(reqs) != 2 {
		t.Errorf("%d tickets opened, want 2: %+v", len(reqs), reqs)
	}
	gate := summaries["Add a load test gate for pool changes"]
	if field(gate.Body, "fields.duedate") != "2030-01-15" || !strings.Contains(field(gate.Body, "fields.description"), "Owner: henry") {
		t.Errorf("the ticket of a follow-up with a due date: %+v", gate)
	}
	if _, ok := summaries["Alert on pool saturation"]; !ok {
		t.Errorf("no ticket for an open follow-up: %+v", reqs)
	}

	var tickets map[string]string
	waitUntil(t, 20*time.Second, func() string { return fmt.Sprintf("follow-ups' tickets %v", tickets) }, func() bool {
		tickets = followupTickets(t, r)
		return strings.HasPrefix(tickets["Alert on pool saturation"], "OPS-4") && strings.HasPrefix(tickets["Add a load test gate for pool changes"], "OPS-4")
	})
	if tickets["Write the runbook"] != "OPS-7" || tickets["Page the payments team earlier"] != "" {
		t.Errorf("follow-ups that needed no ticket: %v", tickets)
	}
}

// followupTickets reads each follow-up's ticket, by title, from export.
func followupTickets(t *testing.T, r *runner) map[string]string {
	t.Helper()
	var d struct {
		Followups []struct{ Title, Ticket string }
	}
	if err := json.Unmarshal([]byte(r.ok("export", "--format", "json")), &d); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range d.Followups {
		out[f.Title] = f.Ticket
	}
	return out
}
