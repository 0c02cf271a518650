package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

// TestGoldenRolePanes draws every role pane of the demo incident, each
// with its own tool: the incident manager's approvals, board and CAN
// reports; the tech leads' theories; the communications manager's updates;
// the customer counters and notable reports; the problem manager's
// follow-ups.
func TestGoldenRolePanes(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 50)
	for range m.c.snap.holdings {
		ref := m.focusedRole().Ref
		name := ref.Role
		if ref.Workstream != "" {
			name += "-" + ref.Workstream
		}
		t.Run(name, func(t *testing.T) { golden(t, m.View()) })
		m = keys(m, "tab")
	}
}

// TestWriteAnUpdateFromTheDraft: w on the communications manager's pane
// opens the draft for the status, tab moves it to the next audience, and
// enter sends it; the header's clock moves.
func TestWriteAnUpdateFromTheDraft(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "3") // communications manager · external
	if !offered(m, "w") || offered(m, "A") {
		t.Fatal("w should work on the communications manager's pane, A should not")
	}
	m = keys(m, "w")
	if m.prompt == nil || promptLabel(m) != "Update to external:" {
		t.Fatalf("w opened %+v", m.prompt)
	}
	want := "A fix for the issue (Checkout API returning 500s) is in place and we are monitoring the results. Next update by 15:07 UTC."
	if got := m.prompt.value(); got != want {
		t.Errorf("draft\n got %q\nwant %q", got, want)
	}
	golden(t, m.View())
	m = keys(m, "tab")
	if promptLabel(m) != "Update to internal:" || !strings.Contains(m.prompt.value(), "Next update by 15:17 UTC") {
		t.Errorf("after tab: %s %q", promptLabel(m), m.prompt.value())
	}
	// Typed text survives a change of audience. The cursor starts at the
	// draft's end: ctrl+u clears it.
	m = keys(m, "ctrl+u")
	m = typeText(m, "Rollback done on every host.")
	m = keys(m, "tab", "tab", "tab")
	if promptLabel(m) != "Update to external:" || m.prompt.value() != "Rollback done on every host." {
		t.Errorf("after editing and tabbing round: %s %q", promptLabel(m), m.prompt.value())
	}
	m = keys(m, "enter")
	if m.prompt != nil {
		t.Fatalf("the update was refused: %s", m.notice)
	}
	last := m.c.state().Timeline[len(m.c.state().Timeline)-1]
	if last.Kind != model.KindComms || last.Channel != "external" || last.Text != "Rollback done on every host." || last.By != "alice" {
		t.Errorf("sent %+v", last)
	}
	if len(saver.submitted()) != 1 {
		t.Errorf("%d changes saved", len(saver.submitted()))
	}
	if line := lines(m.View())[0]; strings.Contains(line, "EXTERNAL UPDATE OVERDUE") {
		t.Errorf("the header still says the external update is overdue: %q", line)
	}
}

// TestDraftAwaitsApproval: with approval required, the communications
// manager's update is a draft; the incident manager's pane lists it, and
// A approves it, X sends it back with a reason.
func TestDraftAwaitsApproval(t *testing.T) {
	s := sampleState(t)
	m, _ := newTestModel(t, s, 120, 40)
	m = asActor(m, "carol")
	m = withApproval(m, map[model.Audience]bool{model.AudienceExternal: true})
	m = keys(m, "3", "w")
	if !strings.Contains(m.View(), "enter sends it to alice for approval") {
		t.Errorf("the prompt does not say the update goes for approval:\n%s", m.View())
	}
	m = keys(m, "enter")
	if !strings.Contains(m.notice, "awaiting the approval of alice") || len(m.c.snap.comms.Pending) != 2 {
		t.Fatalf("notice %q, %d pending", m.notice, len(m.c.snap.comms.Pending))
	}
	draft := m.c.snap.comms.Pending[1]
	if v := m.View(); !strings.Contains(v, "Awaiting the incident manager's approval (2)") || !strings.Contains(lines(v)[1], "drafts awaiting approval: 2") {
		t.Errorf("the comms pane does not show the drafts:\n%s", v)
	}
	// carol is not offered the approval keys, and the pane says who
	// approves.
	m = keys(m, "1")
	if m = keys(m, "A"); m.prompt != nil || offered(m, "A") {
		t.Error("carol was offered the approval")
	}
	if v := m.View(); !strings.Contains(v, "UPDATES AWAITING THE APPROVAL OF ALICE (2)") {
		t.Errorf("carol's view of the IM pane:\n%s", v)
	}
	m = asActor(m, "alice")
	m = keys(m, "esc") // any key: the keys follow who is at the keyboard
	if v := m.View(); !strings.Contains(v, "TO APPROVE (2) · A approve · X send back") {
		t.Errorf("the IM pane does not list the drafts:\n%s", v)
	}
	oldest := m.c.snap.comms.Pending[0]
	m = keys(m, "A")
	if m.prompt == nil || m.prompt.value() != oldest.ID {
		t.Fatalf("A opened %+v", m.prompt)
	}
	golden(t, m.View())
	m = keys(m, "enter")
	if len(m.c.snap.comms.Pending) != 1 || m.c.snap.comms.Pending[0].ID != draft.ID {
		t.Fatalf("after approving, pending %v (%s)", m.c.snap.comms.Pending, m.notice)
	}
	if sent := m.c.snap.comms.Sent["external"]; sent[len(sent)-1].Entry != oldest.ID {
		t.Error("the approved draft is not the last external update sent")
	}
	m = keys(m, "X")
	if m.prompt == nil || m.prompt.value() != draft.ID+": " {
		t.Fatalf("X opened %+v", m.prompt)
	}
	m = keys(m, "enter")
	if m.prompt == nil || !strings.Contains(m.View(), "reason: must not be empty") {
		t.Errorf("sent back without a reason:\n%s", m.View())
	}
	m = typeText(m, "say which regions")
	m = keys(m, "enter")
	if len(m.c.snap.comms.Pending) != 0 || len(m.c.snap.comms.Rejected) != 2 {
		t.Fatalf("after sending back: %d pending, %d sent back (%s)", len(m.c.snap.comms.Pending), len(m.c.snap.comms.Rejected), m.notice)
	}
	if offered(m, "A") {
		t.Error("A is still offered with nothing to approve")
	}
	if v := keys(m, "3").View(); !strings.Contains(v, "external draft sent back by alice") || !strings.Contains(v, "say which regions") {
		t.Errorf("the comms pane does not say the draft was sent back:\n%s", v)
	}
}

// TestNotableReportFromThePane: r on the support lead's pane logs a
// notable report, linked to the latest external update; calls: sets the
// channel. On the social media lead's pane it is a social post.
func TestNotableReportFromThePane(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	ext := m.c.snap.comms.Sent["external"]
	m = keys(m, "4", "r")
	m = typeText(m, "calls: Contoso asks for a refund of failed orders")
	m = keys(m, "enter")
	e := m.c.state().Timeline[len(m.c.state().Timeline)-1]
	if e.Kind != model.KindCustomerReport || e.Channel != "calls" || e.Text != "Contoso asks for a refund of failed orders" ||
		e.Entry != ext[len(ext)-1].ID || e.Role != "customer_support_lead" {
		t.Errorf("logged %+v", e)
	}
	m = keys(m, "6", "r")
	m = typeText(m, "@ana: is it fixed?")
	m = keys(m, "enter")
	if e := m.c.state().Timeline[len(m.c.state().Timeline)-1]; e.Kind != model.KindSocialPost || e.Channel != "social" || e.Role != "social_media_lead" {
		t.Errorf("logged %+v", e)
	}
	if m = keys(m, "7", "r"); m.prompt != nil {
		t.Error("r opened a prompt on the scribe's pane")
	}
}

// TestHeaderWithApprovalPending: a draft does not stop the clock; once
// approved it restarts it.
func TestHeaderWithApprovalPending(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	if line := lines(m.View())[0]; !strings.Contains(line, "EXTERNAL UPDATE OVERDUE 3:00") {
		t.Fatalf("header %q", line)
	}
	m = keys(m, "A", "enter")
	later := testNow.Add(time.Minute)
	m = withClock(m, func() time.Time { return later })
	m = send(m, tickMsg(later))
	if line := lines(m.View())[0]; !strings.Contains(line, "INTERNAL UPDATE OVERDUE 1:30") {
		t.Errorf("after approval the header says %q", line)
	}
}

// TestNarrowHeaderKeepsTitleAndStatus: the update clock gives way to the
// incident's title and status, in short or not at all.
func TestNarrowHeaderKeepsTitleAndStatus(t *testing.T) {
	for _, w := range []int{120, 80, 60} {
		m, _ := newTestModel(t, sampleState(t), w, 24)
		line := lines(m.View())[0]
		if !strings.Contains(line, "Checkout API") || !strings.Contains(line, "MONITORING") {
			t.Errorf("at %d columns the header lost the title or status: %q", w, line)
		}
		if w >= 80 && !strings.Contains(line, "EXTERNAL") {
			t.Errorf("at %d columns the header lost the update clock: %q", w, line)
		}
	}
}

// TestUndoAfterAnUpdateSaysItWentOut: u never takes back an earlier note
// in place of an update that went out.
func TestUndoAfterAnUpdateSaysItWentOut(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m = keys(typeText(keys(m, "3", "n"), "checking the status page"), "enter")
	m = keys(m, "w", "enter")
	n := len(m.c.state().Timeline)
	m = keys(m, "u")
	if len(m.c.state().Timeline) != n || !strings.Contains(m.notice, "cannot be taken back; send a correction") {
		t.Errorf("u after an update: %d → %d entries, notice %q", n, len(m.c.state().Timeline), m.notice)
	}
	// The note before it can still be taken back, on purpose, with u again.
	if m = keys(m, "u"); !strings.Contains(m.notice, "undone: note") {
		t.Errorf("second u: %q", m.notice)
	}
}

func TestNotablePrefixInAnyCaseAndLanguage(t *testing.T) {
	for _, c := range []struct {
		lang    i18n.Lang
		typed   string
		channel model.Channel
		text    string
	}{
		{"en", "Calls: Northwind CFO called", "calls", "Northwind CFO called"},
		{"es", "Llamadas: llamó el director financiero", "calls", "llamó el director financiero"},
		{"en", "TICKETS: ACME again", "tickets", "ACME again"},
		{"en", "Re: the outage", "tickets", "Re: the outage"},
	} {
		ch, text := notableChannel(c.lang, c.typed, model.ChannelTickets)
		if ch != c.channel || text != c.text {
			t.Errorf("%s %q → %s %q", c.lang, c.typed, ch, text)
		}
	}
}

func TestConfigWarningOnTheScreen(t *testing.T) {
	m := build(Options{Actor: "alice", Styles: asciiStyles(), Now: func() time.Time { return testNow },
		Notice: "warning: config.toml: [comms.cadence.sev1] external: bad; that value is the built-in default"}, sampleState(t))
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	if !strings.Contains(m.View(), "[comms.cadence.sev1] external: bad") {
		t.Errorf("the config warning is not on the screen:\n%s", m.View())
	}
}

// TestSentBackDraftComesBackToBeFixed: after the incident manager sends a
// draft back, w gives its author that draft to fix, not a fresh one.
func TestSentBackDraftComesBackToBeFixed(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m = asActor(m, "carol")
	m = withApproval(m, map[model.Audience]bool{model.AudienceExternal: true})
	m = keys(m, "3", "w", "ctrl+u")
	m = keys(typeText(m, "All fixed!"), "enter")
	m = asActor(m, "alice")
	m = keys(m, "1", "X")
	m.prompt.input.SetValue(m.c.snap.comms.Pending[1].ID + ": not yet")
	m = keys(m, "enter")
	m = asActor(m, "carol")
	if m = keys(m, "3", "w"); m.prompt == nil || m.prompt.value() != "All fixed!" {
		t.Errorf("w after a send-back opened %+v", m.prompt)
	}
	m = asActor(m, "erin")
	if m = keys(m, "esc", "w"); m.prompt == nil || m.prompt.value() == "All fixed!" {
		t.Error("someone else got carol's draft back")
	}
}

// The notice that a draft awaits the incident manager's approval goes
// once she has approved it or sent it back, even with no key pressed.
func TestDraftNoticeGoesWhenTheDraftIsDecided(t *testing.T) {
	s := sampleState(t)
	m, _ := newTestModel(t, s, 120, 40)
	m = asActor(m, "carol")
	m = withApproval(m, map[model.Audience]bool{model.AudienceExternal: true})
	m = keys(m, "3", "w", "enter")
	if !strings.Contains(m.View(), "awaiting the approval of alice") {
		t.Fatalf("no notice of the draft:\n%s", m.View())
	}
	pending := m.c.snap.comms.Pending
	draft := pending[len(pending)-1]
	onFile := othersDo(t, m.c.state(), "alice", testNow, model.RejectUpdate{Draft: draft.ID, Reason: "say which regions"})
	m = send(m, loadedMsg{state: onFile})
	if strings.Contains(m.View(), "awaiting the approval of alice") {
		t.Errorf("the notice stayed after alice sent the draft back:\n%s", m.View())
	}
}

// Once resolved, the header asks for the final external update until one
// goes out, and the incident's clock stops at the resolution.
func TestResolvedAsksForTheFinalUpdateAndStopsTheClock(t *testing.T) {
	s := othersDo(t, sampleState(t), "alice", testNow, model.SetStatus{Status: model.Resolved, Force: true, Reason: "customers are fine"})
	m, _ := newTestModel(t, s, 120, 40)
	if v := lines(m.View())[0]; !strings.Contains(v, "RESOLVED: SEND THE FINAL EXTERNAL UPDATE") {
		t.Errorf("the header does not ask for the final update:\n%s", v)
	}
	later := testNow.Add(20 * time.Minute)
	m = withClock(m, func() time.Time { return later })
	m = send(m, tickMsg(later))
	if v := lines(m.View())[1]; !strings.Contains(v, "declared 13:58, resolved 49:00 later") {
		t.Errorf("the clock did not stop at the resolution:\n%s", v)
	}
	s = othersDo(t, s, "alice", later, model.CommsUpdate{Audience: model.AudienceExternal, Text: "Resolved. Sorry for the trouble."})
	m = send(m, loadedMsg{state: s})
	if v := lines(m.View())[0]; strings.Contains(v, "FINAL") {
		t.Errorf("the header still asks for the final update after it went out:\n%s", v)
	}
	w, _ := newWall(t, s, 0)
	if v := w.View(); !strings.Contains(v, "resolved 49:00 after the declaration") {
		t.Errorf("the wall's clock does not stop:\n%s", v)
	}
}

// Item 21: every screen agrees on when the next update is due and on
// which updates wait for approval, whatever each person's config says:
// the incident's policy rules, and a change of it reaches every screen.
func TestEveryScreenFollowsTheIncidentsPolicy(t *testing.T) {
	var s model.State
	ids := &model.SeqIDs{}
	at := testNow.Add(-3 * time.Minute)
	s, _, err := s.Apply(model.DefaultCatalog(), model.Declare{Title: "Checkout down", Severity: model.Sev1, Commander: "alice"},
		model.Env{Now: at, Actor: "alice", Replica: "t", IDs: ids})
	if err == nil {
		s, _, err = s.Apply(model.DefaultCatalog(), model.Handoff{Role: model.RoleRef{Role: model.CommunicationsManager}, To: "carol"},
			model.Env{Now: at, Actor: "alice", Replica: "t", IDs: ids})
	}
	if err != nil {
		t.Fatal(err)
	}
	mine := model.DefaultCommsPolicy()
	hurried := model.CommsPolicy{Cadence: model.DefaultCadence().WithFirst(model.Sev1, time.Minute), Approval: map[model.Audience]bool{model.AudienceExternal: true}}
	screen := func(actor string, comms model.CommsPolicy) *Model {
		m := build(Options{Path: "warroom.toml", Actor: actor, Lang: "en", Styles: asciiStyles(), Comms: comms,
			Now: func() time.Time { return testNow }, Saver: &fakeSaver{}}, s)
		return send(m, windowSize(120, 40))
	}
	alice, carol := screen("alice", mine), screen("carol", hurried)
	for _, m := range []*Model{alice, carol} {
		if v := lines(m.View())[0]; !strings.Contains(v, "next external update in 2:00") {
			t.Errorf("%s's header does not follow the incident's policy (first update 5 minutes after the declaration):\n%s", m.c.actor, v)
		}
	}
	carol = keys(carol, "3", "w")
	if strings.Contains(carol.View(), "for approval") {
		t.Errorf("carol's config asks for approval the incident's policy does not:\n%s", carol.View())
	}

	// alice changes the policy; both screens read it from the file.
	s = othersDo(t, s, "alice", testNow, model.SetPolicy{Rule: "sev1.first", Value: "4m"}, model.SetPolicy{Rule: "approval.external", Value: "on"})
	alice, carol = send(alice, IncidentMsg(s, nil)), send(keys(carol, "esc"), IncidentMsg(s, nil))
	for _, m := range []*Model{alice, carol} {
		if v := lines(m.View())[0]; !strings.Contains(v, "next external update in 1:00") {
			t.Errorf("%s's header does not follow the changed policy:\n%s", m.c.actor, v)
		}
	}
	carol = keys(carol, "w")
	if !strings.Contains(carol.View(), "sends it to alice for approval") {
		t.Errorf("carol's prompt does not say the update waits for approval:\n%s", carol.View())
	}
}
