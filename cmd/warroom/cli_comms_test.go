package main

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// lastEntry is the newest entry of the runner's incident.
func (r *runner) lastEntry() entry {
	r.t.Helper()
	d := r.export()
	return d.Timeline[len(d.Timeline)-1]
}

func TestUpdatesAndWhenTheNextIsDue(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare() // SEV1 by alice, now
	out := r.ok("update", "--audience", "external", "We are investigating failed payments.")
	// SEV1: external every 20 minutes: the next is due 20 minutes on.
	want := time.Now().UTC()
	if !strings.HasPrefix(out, "external update recorded; next external update due at ") {
		t.Fatalf("update printed %q", out)
	}
	due, err := time.Parse("15:04", strings.TrimSpace(out[len(out)-6:]))
	if err != nil {
		t.Fatal(err)
	}
	if d := (due.Hour()*60 + due.Minute() - (want.Hour()*60 + want.Minute()) + 24*60) % (24 * 60); d < 19 || d > 20 {
		t.Errorf("external due at %s, want 20 minutes after the update (now %s)", due.Format("15:04"), want.Format("15:04"))
	}
	if e := r.lastEntry(); e.Kind != "comms" || e.Channel != "external" {
		t.Errorf("recorded %+v", e)
	}
	list := r.ok("update", "list")
	if !regexp.MustCompile(`(?m)^external +1 +last \d\d:\d\d \(\d+s ago\)`).MatchString(list) || !regexp.MustCompile(`(?m)^internal +0 +none sent +next due`).MatchString(list) {
		t.Errorf("update list:\n%s", list)
	}
	if res := r.run("update", "--audience", "press", "x"); res.code != 2 || !strings.Contains(res.stderr, `unknown audience "press"`) ||
		!strings.Contains(res.stderr, "external, internal, executive, social") {
		t.Errorf("unknown audience:\n%s", res)
	}
	if res := r.run("update", " "); res.code != 2 || !strings.Contains(res.stderr, "must not be empty") {
		t.Errorf("empty update:\n%s", res)
	}
}

func TestDraftUpdateNeedsApproval(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	writeConfig(t, r, "config.toml", "[comms]\napproval = [\"external\"]\n")
	r.declare() // the incident keeps the declarer's policy
	r.env["WARROOM_USER"] = "carol"
	out := r.ok("update", "Checkout is failing; we are on it.")
	m := regexp.MustCompile(`^external update drafted as (e[0-9a-z]{12}); it counts as sent once alice, the incident manager, approves it`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("draft printed %q", out)
	}
	id := m[1]
	// Internal needs no approval here.
	wantContains(t, "internal", r.ok("update", "--audience", "internal", "SEV1 on checkout"), "internal update recorded")
	list := r.ok("update", "list")
	wantContains(t, "list", list, "Awaiting the incident manager's approval", id, "carol", "Checkout is failing")
	if !regexp.MustCompile(`(?m)^external +0 +none sent`).MatchString(list) {
		t.Errorf("a draft counted as sent:\n%s", list)
	}

	snap := r.snapshot()
	res := r.run("update", "approve", id)
	if res.code != 1 || !strings.Contains(res.stderr, "only the incident manager, alice, approves") {
		t.Errorf("carol approved her own draft:\n%s", res)
	}
	snap.unchanged(t, res)

	r.env["WARROOM_USER"] = "alice"
	if res := r.run("update", "approve", "enope"); res.code != 2 || !strings.Contains(res.stderr, `unknown draft id "enope"`) || !strings.Contains(res.stderr, id) {
		t.Errorf("unknown draft:\n%s", res)
	}
	if res := r.run("update", "reject", id); res.code != 2 || !strings.Contains(res.stderr, "reason: must not be empty") {
		t.Errorf("reject without a reason:\n%s", res)
	}
	wantContains(t, "approve", r.ok("update", "approve", id[:6]), "external update recorded; next")
	e := r.lastEntry()
	if e.Kind != "comms" || e.Entry != id || e.From != "carol" || e.By != "alice" {
		t.Errorf("approval recorded %+v", e)
	}
	if res := r.run("update", "approve", id); res.code != 0 || !strings.Contains(res.stdout, "nothing changed: draft "+id+" was already approved, by alice at") {
		t.Errorf("approving twice:\n%s", res)
	}

	r.env["WARROOM_USER"] = "carol"
	out = r.ok("update", "All fixed!")
	id2 := regexp.MustCompile(`e[0-9a-z]{12}`).FindString(out)
	r.env["WARROOM_USER"] = "alice"
	wantContains(t, "reject", r.ok("update", "reject", id2, "--reason", "not fixed yet"), "draft "+id2+" sent back to carol")
	// The incident manager's own update needs no approval.
	wantContains(t, "alice", r.ok("update", "Fix in place."), "external update recorded")
	review := r.ok("export")
	wantContains(t, "review", review, "## Communications", "| external | 2 |", "| carol | alice |", "sent back a draft by carol, “All fixed!”: not fixed yet")
}

func TestCadenceAndTemplatesFromConfig(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	writeConfig(t, r, "config.toml", `
[comms.cadence.sev2]
external = "none"
internal = "2h"
executive = "90m"
[comms.templates]
investigating = "[{severity}] {title}: {status}. Next by {next}."
`)
	r.ok("declare", "Checkout API returning 500s", "--sev", "2")
	list := r.ok("update", "list")
	if lines := strings.Split(list, "\n"); !strings.Contains(lines[0], "external") || strings.Contains(lines[0], "next due") ||
		!strings.Contains(lines[1], "next due") || !strings.Contains(lines[2], "next due") {
		t.Errorf("with external none and internal, executive set, list is\n%s", list)
	}
	wantContains(t, "draft", r.ok("update", "draft", "--audience", "internal"), "[SEV2] Checkout API returning 500s: investigating. Next by ")
	// The built-in template for a status the config does not override.
	wantContains(t, "built-in", r.ok("update", "draft", "--status", "monitoring"), "A fix for the issue (Checkout API returning 500s) is in place")
	wantContains(t, "Spanish", r.ok("update", "draft", "--status", "resolved", "--lang", "es"), "La incidencia (Checkout API returning 500s) está resuelta")
	if res := r.run("update", "draft", "--status", "fixed"); res.code != 2 || !strings.Contains(res.stderr, `unknown status "fixed"`) {
		t.Errorf("bad status:\n%s", res)
	}

	for name, cfg := range map[string]string{
		"bad rhythm":      "[comms.cadence.sev1]\nexternal = \"2x\"\n",
		"bad audience":    "[comms.cadence.sev1]\npress = \"20m\"\n",
		"bad severity":    "[comms.cadence.sev9]\nexternal = \"20m\"\n",
		"bad placeholder": "[comms.templates]\nidentified = \"{titel}\"\n",
		"bad status":      "[comms.templates]\nfixed = \"x\"\n",
		"rhythm a number": "[comms.cadence.sev1]\nexternal = 15\n",
		"draft a number":  "[comms.templates]\nresolved = 1\n",
		"unknown key":     "[comms]\ncolour = \"red\"\n",
	} {
		writeConfig(t, r, "config.toml", cfg)
		res := r.run("update", "list")
		if res.code != 0 || !strings.Contains(res.stderr, "config.toml: [comms") || !strings.Contains(res.stderr, "that value is the built-in default") {
			t.Errorf("%s: want a warning naming the key and the built-in defaults:\n%s", name, res)
		}
	}
}

func TestNotableCustomerReports(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	wantContains(t, "counter", r.ok("customers", "+3", "--channel", "calls"), "calls 3")
	wantContains(t, "before any update", r.ok("customers", "report", "Northwind cannot take payments", "--channel", "calls"), "notable customer report logged\n")
	r.ok("update", "We are investigating.")
	up := r.lastEntry().ID
	out := r.ok("customers", "report", "@shopwatch: checkout down?", "--channel", "social")
	if out != "notable social post logged, linked to update "+up+"\n" {
		t.Errorf("report printed %q", out)
	}
	if e := r.lastEntry(); e.Kind != "social_post" || e.Entry != up || e.Role != "social_media_lead" {
		t.Errorf("recorded %+v", e)
	}
	if res := r.run("customers", "report", "x", "--answers", "ezzzz"); res.code != 2 || !strings.Contains(res.stderr, `unknown update id "ezzzz"`) ||
		!strings.Contains(res.stderr, up) {
		t.Errorf("unknown update:\n%s", res)
	}
	if res := r.run("customers", "report", "+3"); res.code != 2 || !strings.Contains(res.stderr, "is a count, not a report") {
		t.Errorf("a count as a report:\n%s", res)
	}
	if res := r.run("customers", "report", "x", "--channel", "fax"); res.code != 2 || !strings.Contains(res.stderr, "tickets, calls, social") {
		t.Errorf("unknown channel:\n%s", res)
	}
	wantContains(t, "review", r.ok("export"), "## Notable customer reports and posts", "@shopwatch: checkout down?", "external update of")
}

func TestCANOnTheCommandLine(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	wantContains(t, "can", r.ok("can", "--role", "tl", "--conditions", "error rate 4%", "--actions", "rollback", "--needs", "payments team"), "CAN report")
	if e := r.lastEntry(); e.Kind != "can" || e.Role != "tech_lead" {
		t.Errorf("recorded %+v", e)
	}
	snap := r.snapshot()
	res := r.run("can", "--conditions", "x", "--actions", "y")
	if res.code != 2 || !strings.Contains(res.stderr, "needs") {
		t.Errorf("CAN without needs:\n%s", res)
	}
	snap.unchanged(t, res)
}

// TestConfigHelpExampleLoads: the example in `warroom config --help` is a
// config that loads without a warning.
func TestConfigHelpExampleLoads(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	help := r.ok("config", "--help")
	var example []string
	for _, l := range strings.Split(help, "\n") {
		if strings.HasPrefix(l, "A config that") {
			break
		}
		if strings.HasPrefix(l, "  ") || l == "" {
			example = append(example, strings.TrimPrefix(l, "  "))
		}
	}
	if !strings.Contains(strings.Join(example, "\n"), "[comms.templates]") {
		t.Fatalf("no [comms] example in the help:\n%s", help)
	}
	writeConfig(t, r, "config.toml", strings.Join(example, "\n"))
	r.ok("declare", "Checkout down", "--sev", "1")
	res := r.run("update", "list")
	if res.code != 0 || res.stderr != "" {
		t.Errorf("the documented config does not load:\n%s", res)
	}
	wantContains(t, "draft", r.ok("update", "draft"), "We are looking into Checkout down. Next update by")
}

func TestShowSaysWhenTheNextUpdateIsDue(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	wantContains(t, "show", r.ok("show"), "Next external update due at ")
	r.ok("update", "--for-approval", "--as", "carol", "Investigating.")
	wantContains(t, "show with a draft", r.ok("show"), "Drafts awaiting the approval of alice: 1 (`warroom update list`)")
}

// TestBadCommsValueKeepsTheRest: a mistake in one [comms] value falls back
// for that value only: approval stays on, and so does the rest of the
// config.
func TestBadCommsValueKeepsTheRest(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	writeConfig(t, r, "config.toml", "name = \"carol\"\n[comms]\napproval = [\"external\"]\n[comms.cadence.sev1]\nexternal = \"15 min\"\n")
	r.declare() // by alice, with this config
	r.env["WARROOM_USER"] = ""
	res := r.run("update", "Investigating.")
	if res.code != 0 || !strings.Contains(res.stderr, "[comms.cadence.sev1] external") || !strings.Contains(res.stdout, "external update drafted as") {
		t.Errorf("a bad rhythm turned approval off:\n%s", res)
	}
	if e := r.lastEntry(); e.By != "carol" || e.Kind != "comms_draft" {
		t.Errorf("recorded %+v", e)
	}
}
