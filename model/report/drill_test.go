package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/warroom/warroom/model"
)

// These tests follow the review through what a team ran into during a
// full incident drill (issue 11).

// play is an incident built change by change, each at its own minute
// after the declaration at t0.
type play struct {
	t   *testing.T
	c   *model.Catalog
	s   model.State
	ids *model.SeqIDs
}

func newPlay(t *testing.T, declare model.Declare) *play {
	t.Helper()
	p := &play{t: t, c: model.DefaultCatalog(), ids: &model.SeqIDs{}}
	p.at(0, "alice", declare)
	return p
}

// at applies op as who, min minutes after the declaration.
func (p *play) at(min float64, who string, op model.Op) {
	p.t.Helper()
	now := t0.Add(time.Duration(min * float64(time.Minute)))
	next, _, err := p.s.Apply(p.c, op, model.Env{Now: now, Actor: who, Replica: "r1", IDs: p.ids})
	if err != nil {
		p.t.Fatalf("%T at %v: %v", op, min, err)
	}
	p.s = next
}

func (p *play) review() string {
	o := opts()
	o.Now = t0.Add(3 * time.Hour)
	return Markdown(p.s, o)
}

// row finds the review's table row that starts with cells.
func row(t *testing.T, review string, cells ...string) string {
	t.Helper()
	prefix := "| " + strings.Join(cells, " | ") + " |"
	for _, l := range strings.Split(review, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	t.Errorf("no row %q in the review:\n%s", prefix, review)
	return ""
}

// renderAsHost turns the review into HTML as a code host does, which lets
// a <br> through (GitHub and GitLab keep it): the review writes one for a
// line break in a table cell or a list item, where markdown has no other.
func renderAsHost(t *testing.T, doc string) string {
	t.Helper()
	var out bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	if err := md.Convert([]byte(doc), &out); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func declared() model.Declare {
	return model.Declare{Title: "Checkout API returning 500s", Severity: model.Sev1, Commander: "alice"}
}

// TestReviewLastEntryIsTheLatestInTime (item 1): an entry backdated to
// two hours before the declaration is not the last entry, nor (issue 20)
// the start of the impact: only a milestone marked says that.
func TestReviewLastEntryIsTheLatestInTime(t *testing.T) {
	p := newPlay(t, declared())
	p.at(10, "bob", model.Log{Text: "error rate 38%"})
	p.at(20, "bob", model.Log{Text: "first alert", At: t0.Add(-2 * time.Hour)})
	out := p.review()
	row(t, out, "Last entry", "2026-11-25 14:10:00 UTC")
	row(t, out, "Declared to last entry", "10m")
	row(t, out, "Impact started", "2026-11-25 14:00:00 UTC (inferred from the declaration)")
}

// TestReviewGapsCountTheSilenceBeforeTheFirstUpdate (item 2): forty
// minutes before the first external update are the longest silence.
func TestReviewGapsCountTheSilenceBeforeTheFirstUpdate(t *testing.T) {
	p := newPlay(t, declared())
	p.at(0, "alice", model.Handoff{Role: model.RoleRef{Role: model.CommunicationsManager}, To: "carol"})
	p.at(40, "carol", model.CommsUpdate{Audience: "external", Text: "We are investigating."})
	p.at(50, "carol", model.CommsUpdate{Audience: "external", Text: "Cause found."})
	p.at(60, "alice", model.SetStatus{Status: model.Resolved, Force: true, Reason: "drill"})
	row(t, p.review(), "external", "2", "40m", "40m")
}

// TestReviewUsesTheLastResolution (item 2): resolved, reopened, resolved
// again: the incident was resolved the second time; while reopened, it
// is not resolved.
func TestReviewUsesTheLastResolution(t *testing.T) {
	p := newPlay(t, declared())
	p.at(0, "alice", model.Handoff{Role: model.RoleRef{Role: model.CommunicationsManager}, To: "carol"})
	p.at(5, "carol", model.CommsUpdate{Audience: "external", Text: "We are investigating."})
	p.at(30, "alice", model.SetStatus{Status: model.Resolved, Force: true, Reason: "drill"})
	p.at(40, "alice", model.SetStatus{Status: model.Investigating})
	reopened := p.review()
	if !strings.Contains(reopened, "| Time to resolve | not yet |") {
		t.Errorf("reopened, the review still gives a time to resolve:\n%s", reopened)
	}
	p.at(45, "carol", model.CommsUpdate{Audience: "external", Text: "The issue is back."})
	p.at(70, "alice", model.SetStatus{Status: model.Resolved, Force: true, Reason: "drill"})
	out := p.review()
	row(t, out, "Time to resolve", "1h10m, at 2026-11-25 15:10:00 UTC (from the status)")
	// Updates at 5 and 45 minutes, resolved at 70: the longest silence
	// is the 40 minutes between them, not cut at the first resolution.
	row(t, out, "external", "2", "5m", "40m")
	if tm := Timings(p.s); !tm.Resolved.Equal(t0.Add(70*time.Minute)) || !tm.Closed.IsZero() {
		t.Errorf("timings %+v", tm)
	}
	// Closed without passing through resolved: resolved then.
	p.at(80, "alice", model.SetStatus{Status: model.Monitoring})
	p.at(90, "alice", model.SetStatus{Status: model.Closed, Force: true, Reason: "drill"})
	if tm := Timings(p.s); !tm.Resolved.Equal(t0.Add(90*time.Minute)) || !tm.Closed.Equal(tm.Resolved) {
		t.Errorf("closed from monitoring: timings %+v", tm)
	}
}

// TestReviewShowsTheTitleAndSummaryWrittenLater (item 18): a summary
// written after the declaration is the review's summary, its lines kept;
// the new title heads it; both changes are in the timeline.
func TestReviewShowsTheTitleAndSummaryWrittenLater(t *testing.T) {
	p := newPlay(t, declared())
	if out := p.review(); !strings.Contains(out, "No summary written yet.") {
		t.Fatalf("a review with no summary:\n%s", out)
	}
	p.at(5, "bob", model.SetTitle{Title: "Card payments failing at checkout"})
	p.at(6, "bob", model.SetSummary{Summary: "Card payments fail since deploy 142.\nRolled back at 14:20.\n\n- no data lost"})
	out := p.review()
	for _, want := range []string{
		"# INC-20261125-0001: Card payments failing at checkout\n",
		"## Summary\n\nCard payments fail since deploy 142.\\\nRolled back at 14:20.\n\n\\- no data lost\n",
		"| renamed the incident: Card payments failing at checkout (was Checkout API returning 500s) |",
		"| wrote the summary: Card payments fail since deploy 142.<br>Rolled back at 14:20.<br><br>- no data lost |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the review lacks %q:\n%s", want, out)
		}
	}
	page := renderAsHost(t, out)
	if !strings.Contains(page, "<p>Card payments fail since deploy 142.<br>\nRolled back at 14:20.</p>\n<p>- no data lost</p>") ||
		!strings.Contains(page, "<td>wrote the summary: Card payments fail since deploy 142.<br>Rolled back at 14:20.<br><br>- no data lost</td>") {
		t.Errorf("the summary's lines do not render as lines:\n%s", page)
	}
	p.at(7, "bob", model.SetSummary{})
	if out := p.review(); !strings.Contains(out, "No summary written yet.") || !strings.Contains(out, "| cleared the summary |") {
		t.Errorf("a cleared summary:\n%s", out)
	}
}

// TestReviewKeepsLineBreaks (item 32): text of several lines reads as
// lines in every place of the review, never with "↵".
func TestReviewKeepsLineBreaks(t *testing.T) {
	text := "first line\nsecond line"
	p := newPlay(t, declared())
	tl := model.RoleRef{Role: "tech_lead"}
	p.at(1, "alice", model.Handoff{Role: tl, To: "bob", Note: text})
	p.at(2, "bob", model.Log{Kind: model.KindDecision, Text: text})
	p.at(3, "bob", model.Log{Kind: model.KindNote, Role: tl, Text: text})
	p.at(4, "bob", model.Log{Kind: model.KindTheory, Text: text})
	p.at(5, "bob", model.CAN{Conditions: text, Actions: text, Needs: text})
	p.at(6, "carol", model.CommsUpdate{Audience: "external", Text: text})
	p.at(7, "carol", model.Notable{Channel: "calls", Text: text})
	p.at(8, "alice", model.TaskAdd{Title: "roll back"})
	out := p.review()
	if strings.Contains(out, "↵") {
		t.Errorf("the review marks line breaks with ↵:\n%s", out)
	}
	page := renderAsHost(t, out)
	if n := strings.Count(page, "first line<br>second line"); n < 12 {
		t.Errorf("%d texts render as two lines, want every one of them:\n%s", n, page)
	}
	for _, want := range []string{
		"| Tech lead | bob | 2026-11-25 14:01:00 UTC | now | not yet | first line<br>second line |",
		"- 2026-11-25 14:02:00 UTC, bob: first line<br>second line\n",
		"CAN — conditions: first line<br>second line; actions: first line<br>second line; needs: first line<br>second line |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the review lacks %q:\n%s", want, out)
		}
	}
	// Lines typed on another system end in CR LF: one break too.
	p.at(9, "bob", model.Log{Text: "crlf one\r\ncrlf two\r\n"})
	if !strings.Contains(p.review(), "| crlf one<br>crlf two |") {
		t.Errorf("CR LF is not one line break:\n%s", p.review())
	}
	// Elsewhere an entry is one line.
	o := opts()
	if d := Describe(p.s.Timeline[2], o); d != "first line↵second line" {
		t.Errorf("Describe outside the review: %q", d)
	}
}

// TestReviewSummarisesCounterBursts (item 32): one person's counts on
// one channel, one after another within a few minutes, are one row with
// the total; another person, another channel, another entry between, or
// a longer pause starts a new row.
func TestReviewSummarisesCounterBursts(t *testing.T) {
	p := newPlay(t, declared())
	count := func(min float64, who string, ch model.Channel) {
		p.at(min, who, model.Customers{Channel: ch, Count: 1})
	}
	for _, m := range []float64{1, 1.25, 1.5, 2, 3} {
		count(m, "grace", "tickets")
	}
	count(3.5, "grace", "calls")
	count(4, "grace", "tickets")
	count(5, "grace", "tickets")
	p.at(5.5, "bob", model.Log{Text: "rollback started"})
	count(6, "grace", "tickets")
	count(6.5, "judy", "tickets")
	count(7, "grace", "tickets")
	count(20, "grace", "tickets")
	p.at(21, "grace", model.Customers{Channel: "tickets", Count: 40})
	out := p.review()
	for _, want := range []string{
		"| 2026-11-25 14:01:00 UTC | grace | customer reports | +5 customer reports on tickets, in 5 counts until 2026-11-25 14:03:00 UTC |",
		"| 2026-11-25 14:03:30 UTC | grace | customer reports | +1 customer report on calls |",
		"| 2026-11-25 14:04:00 UTC | grace | customer reports | +2 customer reports on tickets, in 2 counts until 2026-11-25 14:05:00 UTC |",
		"| 2026-11-25 14:05:30 UTC | bob | note | rollback started |",
		"| 2026-11-25 14:06:00 UTC | grace | customer reports | +1 customer report on tickets |",
		"| 2026-11-25 14:06:30 UTC | judy | customer reports | +1 customer report on tickets |",
		"| 2026-11-25 14:07:00 UTC | grace | customer reports | +1 customer report on tickets |",
		"| 2026-11-25 14:20:00 UTC | grace | customer reports | +41 customer reports on tickets, in 2 counts until 2026-11-25 14:21:00 UTC |",
		"| tickets | 51 |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the review lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "| customer reports |"); n != 7 {
		t.Errorf("%d rows of counts, want 7", n)
	}
}

// TestReviewRolesAfterResolutionSayUntilWhen (item 32): in the review
// of a resolved incident no role is held "until now": the holders then
// held it until the resolution (or the closing); a role handed on after
// it is still held as the review is written; a role given back says so.
func TestReviewRolesAfterResolutionSayUntilWhen(t *testing.T) {
	p := newPlay(t, declared())
	p.at(2, "alice", model.Handoff{Role: model.RoleRef{Role: "scribe"}, To: "frank"})
	p.at(3, "alice", model.Handoff{Role: model.RoleRef{Role: "communications_manager"}, To: "carol"})
	p.at(25, "alice", model.Release{Role: model.RoleRef{Role: "communications_manager"}})
	if out := p.review(); !strings.Contains(out, "| Scribe | frank | 2026-11-25 14:02:00 UTC | now | not yet |  |") {
		t.Errorf("before the resolution a role is held until now:\n%s", out)
	}
	p.at(30, "alice", model.SetStatus{Status: model.Resolved, Force: true, Reason: "drill"})
	p.at(35, "alice", model.Handoff{Role: model.RoleRef{Role: "problem_manager"}, To: "henry"})
	out := p.review()
	if regexp.MustCompile(`\| now \|`).MatchString(out) {
		t.Errorf("a role after resolution is held until now:\n%s", out)
	}
	row(t, out, "Incident manager", "alice", "2026-11-25 14:00:00 UTC", "2026-11-25 14:30:00 UTC (resolved)")
	row(t, out, "Communications manager", "carol", "2026-11-25 14:03:00 UTC", "2026-11-25 14:25:00 UTC")
	row(t, out, "Communications manager", "alice (given back to the incident manager)", "2026-11-25 14:25:00 UTC", "2026-11-25 14:30:00 UTC (resolved)")
	row(t, out, "Scribe", "frank", "2026-11-25 14:02:00 UTC", "2026-11-25 14:30:00 UTC (resolved)")
	row(t, out, "Problem manager", "henry", "2026-11-25 14:35:00 UTC", "still held when this was written")
	row(t, out, "Tech lead", "alice (incident manager; never handed off)", "2026-11-25 14:00:00 UTC", "2026-11-25 14:30:00 UTC (resolved)")
	p.at(40, "alice", model.SetStatus{Status: model.Closed, Force: true, Reason: "drill"})
	row(t, p.review(), "Scribe", "frank", "2026-11-25 14:02:00 UTC", "2026-11-25 14:40:00 UTC (closed)")
}

// TestReviewClosedWorkstream (item 19): a closed workstream stays in the
// review's roles, held until it was closed; its closing and the tasks it
// gave back to the role are in the timeline; the role itself, owning them
// now, is listed.
func TestReviewClosedWorkstream(t *testing.T) {
	p := newPlay(t, declared())
	db := model.RoleRef{Role: "tech_lead", Workstream: "database"}
	p.at(1, "alice", model.Handoff{Role: db, To: "bob"})
	p.at(2, "alice", model.Handoff{Role: model.RoleRef{Role: "tech_lead", Workstream: "network"}, To: "dave"})
	p.at(3, "alice", model.TaskAdd{Title: "check replicas", Role: db, Owner: "bob"})
	p.at(20, "alice", model.CloseWorkstream{Role: db, Note: "database is fine"})
	out := p.review()
	row(t, out, "Tech lead", "alice (incident manager; never handed off)", "2026-11-25 14:00:00 UTC", "now")
	row(t, out, "Tech lead · database", "bob", "2026-11-25 14:01:00 UTC", "2026-11-25 14:20:00 UTC (workstream closed)")
	row(t, out, "Tech lead · network", "dave", "2026-11-25 14:02:00 UTC", "now")
	row(t, out, "2026-11-25 14:20:00 UTC", "alice", "workstream closed", "closed the workstream Tech lead · database (held by bob): database is fine")
	row(t, out, "2026-11-25 14:20:00 UTC", "alice", "task assigned", `gave task 0008 "check replicas" to Tech lead (bob)`)
	row(t, out, "0008", "check replicas", "Tech lead (bob)", "open")
	show, _, _ := strings.Cut(Show(p.s, ShowOptions{Options: opts()}), "Open tasks")
	if strings.Contains(show, "database") || !strings.Contains(show, "Tech lead · network") || !strings.Contains(show, "Tech lead   ") {
		t.Errorf("show lists a closed workstream, or not the open one:\n%s", show)
	}

}

// TestShowClosedWorkstreamWithATaskFromAnotherCopy (item 19): one copy
// closes a workstream while another gives it a task; merged, show lists
// the closed workstream with its task as needing another owner.
func TestShowClosedWorkstreamWithATaskFromAnotherCopy(t *testing.T) {
	p := newPlay(t, declared())
	db := model.RoleRef{Role: "tech_lead", Workstream: "database"}
	p.at(1, "alice", model.Handoff{Role: db, To: "bob"})
	apart := func(op model.Op, min int, replica string) model.State {
		s, _, err := p.s.Apply(p.c, op, model.Env{Now: t0.Add(time.Duration(min) * time.Minute), Actor: "alice", Replica: replica, IDs: model.RandomIDs{}})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	merged, _, err := model.Merge(apart(model.CloseWorkstream{Role: db}, 10, "a"), apart(model.TaskAdd{Title: "check replicas", Role: db}, 11, "b"))
	if err != nil {
		t.Fatal(err)
	}
	show := Show(merged, ShowOptions{Options: opts()})
	wantLine := regexp.MustCompile(`(?m)^  Tech lead · database +alice \* +workstream closed; its open tasks need another owner$`)
	if !wantLine.MatchString(show) || !strings.Contains(show, "check replicas") {
		t.Errorf("show:\n%s", show)
	}
}

// TestReviewLinesStayText (item 32): text of several lines that would
// start blocks of its own (headings, lists, quotes, fences, tables, HTML)
// keeps its lines in every cell and list item and stays text: the review
// has the elements of one whose lines are plain words, rendered as a code
// host does.
func TestReviewLinesStayText(t *testing.T) {
	review := func(text string) string {
		p := newPlay(t, declared())
		tl := model.RoleRef{Role: "tech_lead"}
		p.at(1, "alice", model.Handoff{Role: tl, To: "bob", Note: text})
		p.at(2, "bob", model.Log{Kind: model.KindDecision, Text: text})
		p.at(3, "bob", model.Log{Kind: model.KindTheory, Role: tl, Text: text})
		p.at(4, "bob", model.CAN{Conditions: text, Actions: text, Needs: text})
		p.at(5, "carol", model.CommsUpdate{Audience: "external", Text: text})
		p.at(6, "carol", model.Notable{Channel: "calls", Text: text})
		p.at(7, "bob", model.SetSummary{Summary: text})
		return p.review()
	}
	for _, b := range hostileBlocks {
		lines := strings.Split(b, "\n")
		for i, l := range lines {
			if strings.TrimSpace(l) != "" {
				lines[i] = "plain words"
			}
		}
		plain := tags(renderAsHost(t, review(strings.Join(lines, "\n"))))
		out := renderAsHost(t, review(b))
		if got := tags(out); fmt.Sprint(got) != fmt.Sprint(plain) {
			t.Errorf("%q: the review's elements changed:\n got %v\nwant %v\n%s", b, got, plain, out)
		}
	}
}
