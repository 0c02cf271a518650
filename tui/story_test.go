package tui

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
	"github.com/warroom/warroom/themes"
)

// The screen's part of the incident's story (issue 20).

// TestMarkAMilestoneAndUndoIt (item 4): M opens the milestone prompt;
// "impact -5m" marks the impact five minutes ago, the mark shows in the
// timeline, and u takes it back.
func TestMarkAMilestoneAndUndoIt(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "M")
	if m.prompt == nil {
		t.Fatal("M opened no prompt")
	}
	m = typeText(m, "impact -5m")
	m = keys(m, "enter")
	got, ok := m.c.state().Milestones()[model.MilestoneImpact]
	if !ok || !got.At.Equal(testNow.Add(-5*time.Minute)) {
		t.Fatalf("impact marked at %v (%v), want five minutes ago", got.At, ok)
	}
	if n := len(saver.submitted()); n != 1 {
		t.Errorf("%d changes saved, want the mark", n)
	}
	m = keys(m, "u")
	if _, ok := m.c.state().Milestones()[model.MilestoneImpact]; ok {
		t.Errorf("u left the mark: %s", m.notice)
	}

	// In Spanish, the milestone's name in Spanish is taken too; a word
	// that is none keeps the prompt open.
	m = keys(m, "M")
	m = typeText(m, "nada")
	m = keys(m, "enter")
	if m.prompt == nil {
		t.Error("a word that is no milestone closed the prompt")
	}
	if _, when, err := parseMilestone("es", "Inicio del impacto @14:02"); err != nil || when != "@14:02" {
		t.Errorf("parseMilestone in Spanish: %q, %v", when, err)
	}
}

// TestPinTheSelectedEntry (item 7): P on the selected timeline entry pins
// it as a key moment, marked ★; P again unpins it; u takes a pin back.
func TestPinTheSelectedEntry(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "f", "k") // the timeline, its newest entry selected
	e, ok := m.timeline.view.selected()
	if !ok {
		t.Fatal("no entry selected")
	}
	if !offered(m, "P") {
		t.Fatal("P is not offered on a selected entry")
	}
	m = keys(m, "P")
	if !m.c.state().Pinned(e.ID) {
		t.Fatalf("P did not pin %s: %s", e.ID, m.notice)
	}
	if v := m.View(); !strings.Contains(v, "★ ") {
		t.Errorf("the pinned entry is not marked:\n%s", v)
	}
	m = keys(m, "u")
	if m.c.state().Pinned(e.ID) {
		t.Errorf("u left the pin: %s", m.notice)
	}
	m = keys(m, "P", "P")
	if m.c.state().Pinned(e.ID) {
		t.Error("P twice left the entry pinned")
	}
}

// botState is the sample incident with a bot the policy names logging
// every second for ten minutes after its last entry, and one the team
// file names.
func botState(t *testing.T) model.State {
	t.Helper()
	s := sampleState(t)
	c := model.DefaultCatalog()
	ids := &model.SeqIDs{}
	apply := func(at time.Time, who string, op model.Op) {
		t.Helper()
		next, _, err := s.Apply(c, op, model.Env{Now: at, Actor: who, Replica: "bot", IDs: ids})
		if err != nil {
			t.Fatal(err)
		}
		s = next
	}
	start := testNow.Add(-11 * time.Minute)
	apply(start, "alice", model.SetPolicy{Rule: "bots", Value: "pagerbot"})
	for i := range 600 {
		apply(start.Add(time.Duration(i+1)*time.Second), "pagerbot", model.Log{Text: "heartbeat"})
	}
	apply(start.Add(10*time.Minute+30*time.Second), "ci", model.Log{Text: "build green"})
	return s
}

// TestBotsOnTheScreen (item 5): a bot's entries are dimmed, not drawn as
// a person's; the header's last entry is a person's; the scribe's list
// leaves the bots out; / filters by person, and -NAME hides one.
func TestBotsOnTheScreen(t *testing.T) {
	st := botState(t)
	m, _ := newTestModel(t, st, 120, 40)
	m.opts.Bots = []string{"ci"}
	m = send(m, IncidentMsg(st, nil))
	last, _ := st.LastPersonEntry(st.Bots("ci"))
	if !strings.Contains(m.header.View(), "last entry "+clock(testNow.Sub(last.At))+" ago") || last.By == "pagerbot" {
		t.Errorf("the header's last entry is not the people's (%s at %v):\n%s", last.By, last.At, m.header.View())
	}

	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	m.c.styles = NewStyles(r, themes.Dark())
	bot := st.Timeline[len(st.Timeline)-2]
	person := st.Timeline[0]
	if line := m.c.entryLine(bot, 100); strings.Contains(line, m.c.styles.Holder.Render(fit("pagerbot", 8))) ||
		!strings.HasPrefix(line, strings.TrimSuffix(m.c.styles.Muted.Render("x"), "x\x1b[0m")) {
		t.Errorf("a bot's entry is drawn as a person's: %q", line)
	}
	if line := m.c.entryLine(person, 100); !strings.Contains(line, m.c.styles.Holder.Render(fit(person.By, 8))) {
		t.Errorf("a person's entry is not drawn as one: %q", line)
	}
	m.c.styles = asciiStyles()

	heard := &heard{c: m.c}
	heard.refresh(model.Holding{})
	for _, p := range heard.people {
		if p.name == "pagerbot" || p.name == "ci" {
			t.Errorf("the scribe's list has the bot %s", p.name)
		}
	}

	m = keys(m, "f", "/")
	m = typeText(m, "Alice")
	m = keys(m, "enter")
	if n := m.timeline.view.len(); n == 0 || n >= 100 {
		t.Fatalf("/Alice keeps %d entries", n)
	}
	for i := range m.timeline.view.len() {
		if e := m.timeline.view.at(i); e.By != "alice" {
			t.Fatalf("/Alice keeps %s's entry", e.By)
		}
	}
	m = keys(m, "esc", "/")
	m = typeText(m, "-pagerbot")
	m = keys(m, "enter")
	if n := m.timeline.view.len(); n != len(st.Timeline)-600 {
		t.Errorf("/-pagerbot keeps %d of %d entries, want all but the 600 heartbeats", n, len(st.Timeline))
	}
	if !strings.Contains(m.timeline.View(), "Timeline: -pagerbot") {
		t.Errorf("the title does not say the filter:\n%s", m.timeline.View())
	}
}

// catchUpModel is a screen on s for who, which catches them up as a
// screen opened on the command line does.
func catchUpModel(t *testing.T, s model.State, who string, seen time.Time, loading bool) *Model {
	t.Helper()
	var seed uint64
	m := build(Options{
		Path: "warroom.toml", Actor: who, Lang: "en", Styles: asciiStyles(),
		Now: func() time.Time { return testNow }, Seed: func() uint64 { seed++; return seed },
		Replica: "test", Saver: &fakeSaver{}, CatchUp: true, LastSeen: seen, Loading: loading,
	}, s)
	return send(m, windowSize(120, 40))
}

// TestCatchUpOnTheScreen (item 6): a screen opened by someone who never
// took part, or was away ten minutes or more, shows the catch-up first;
// one key puts it away and B shows it again; someone back within ten
// minutes is not shown it; with the timeline still loading, it waits.
func TestCatchUpOnTheScreen(t *testing.T) {
	st := sampleState(t)
	m := catchUpModel(t, st, "zoe", time.Time{}, false)
	if m.sheet == nil || !strings.Contains(m.View(), "Catch-up for zoe: the whole incident so far") {
		t.Fatalf("no catch-up for someone new:\n%s", m.View())
	}
	m = keys(m, "esc")
	if m.sheet != nil {
		t.Fatal("esc did not put the catch-up away")
	}
	m = keys(m, "B")
	if m.sheet == nil {
		t.Fatal("B did not show the catch-up again")
	}
	m = keys(m, "n") // another key puts it away and acts
	if m.sheet != nil || m.prompt == nil {
		t.Errorf("n over the catch-up: sheet %v, prompt %v", m.sheet != nil, m.prompt != nil)
	}

	last, _ := st.LastTookPart("alice")
	if m := catchUpModel(t, st, "alice", time.Time{}, false); testNow.Sub(last) < awayFor && m.sheet != nil {
		t.Errorf("alice, whose last entry was %v ago, was caught up", testNow.Sub(last))
	}
	// Erin last wrote half an hour ago, but had a screen open until five
	// minutes ago: she is back within ten minutes.
	el, _ := st.LastTookPart("erin")
	if testNow.Sub(el) < 2*awayFor {
		t.Fatalf("erin's last entry is only %v old", testNow.Sub(el))
	}
	if m := catchUpModel(t, st, "erin", testNow.Add(-5*time.Minute), false); m.sheet != nil {
		t.Error("erin, back within ten minutes of her last screen, was caught up")
	}
	if m := catchUpModel(t, st, "erin", testNow.Add(-20*time.Minute), false); m.sheet == nil ||
		!strings.Contains(strings.Join(m.sheet.lines, "\n"), "Catch-up for erin: what changed since 14:27 (20m ago)") {
		t.Errorf("erin, away for twenty minutes, was not caught up since then: %v", m.sheet)
	}

	loading := catchUpModel(t, st, "zoe", time.Time{}, true)
	if loading.sheet != nil {
		t.Fatal("the catch-up was shown before the timeline was read")
	}
	loading = send(loading, followedMsg(store.Followed{Snapshot: store.Snapshot{Head: st, Entries: st.Timeline, Reset: true}}))
	if loading.sheet == nil {
		t.Error("the catch-up was not shown once the timeline was read")
	}

	// A served war room catches up a member whose screen opens again.
	served := catchUpModel(t, st, "erin", testNow.Add(-2*time.Minute), false)
	served = send(served, CatchUpMsg(testNow.Add(-time.Hour)))
	if served.sheet == nil {
		t.Error("CatchUpMsg of a visit an hour ago showed nothing")
	}
}

// TestGoldenCatchUp draws the catch-up of someone back after twenty
// minutes away, in English and in Spanish.
func TestGoldenCatchUp(t *testing.T) {
	m := catchUpModel(t, sampleState(t), "erin", testNow.Add(-20*time.Minute), false)
	golden(t, m.View())
}

func TestGoldenSpanishCatchUp(t *testing.T) {
	m := catchUpModel(t, sampleState(t), "erin", testNow.Add(-20*time.Minute), false)
	m.opts.Lang, m.c.lang = "es", "es"
	m.keys = newGlobalKeys("es")
	m = keys(m, "B")
	golden(t, m.View())
}

// TestHandoffIsReadBackAndDeclinesAreTold (item 8): a role handed to you
// reads back on your screen what you take over — the status, the role's
// open tasks, the next update due for a role that sends them, the
// briefing — and Y accepts it; a decline tells whoever handed the role,
// with the reason.
func TestHandoffIsReadBackAndDeclinesAreTold(t *testing.T) {
	s := sampleState(t)
	ext := model.RoleRef{Role: "communications_manager", Workstream: "external"}
	zoe := build(Options{Path: "warroom.toml", Actor: "zoe", Lang: "en", Styles: asciiStyles(), Now: func() time.Time { return testNow },
		Saver: &fakeSaver{}}, s)
	zoe = send(zoe, windowSize(120, 40))
	s = othersDo(t, s, "carol", testNow, model.Handoff{Role: ext, To: "zoe", Note: "status page every 20 minutes"})
	zoe = send(zoe, loadedMsg{state: s})
	if zoe.sheet == nil {
		t.Fatalf("no read-back of the handoff:\n%s", zoe.View())
	}
	golden(t, zoe.View())
	text := strings.Join(zoe.sheet.lines, "\n")
	for _, want := range []string{"carol handed you Communications manager · external. You take over:",
		"The incident: SEV1 CRITICAL · monitoring", "Briefing: status page every 20 minutes",
		"Open task of the role (1):", "The next external update is OVERDUE by 3:00", "Y accepts"} {
		if !strings.Contains(text, want) {
			t.Errorf("the read-back lacks %q:\n%s", want, text)
		}
	}
	zoe = keys(zoe, "Y")
	if zoe.sheet != nil || zoe.c.state().PendingHandoffs(testNow) == nil {
		t.Fatal("Y did not put the read-back away")
	}
	for _, p := range zoe.c.state().PendingHandoffs(testNow) {
		if p.Holder == "zoe" {
			t.Errorf("Y over the read-back did not accept the role: %+v", p)
		}
	}
	if got := zoe.focusedRole().Ref; got != ext || zoe.focus != areaRoles {
		t.Errorf("after Y zoe's screen shows %v (focus %v), not the role she took over", got, zoe.focus)
	}

	// carol handed it; zoe declines on another copy: carol is told why.
	carol := build(Options{Path: "warroom.toml", Actor: "carol", Lang: "en", Styles: asciiStyles(), Now: func() time.Time { return testNow },
		Saver: &fakeSaver{}}, s)
	carol = send(carol, windowSize(120, 40))
	s = othersDo(t, s, "zoe", testNow, model.Decline{Role: ext, Reason: "I am on the payments bridge"})
	carol = send(carol, loadedMsg{state: s})
	if v := carol.View(); !strings.Contains(v, "● zoe declined Communications manager · external: I am on the payments bridge") {
		t.Errorf("carol was not told of the decline:\n%s", v)
	}
	bob := build(Options{Path: "warroom.toml", Actor: "bob", Lang: "en", Styles: asciiStyles(), Now: func() time.Time { return testNow }},
		sampleState(t))
	bob = send(bob, windowSize(120, 40))
	bob = send(bob, loadedMsg{state: s})
	if strings.Contains(bob.View(), "● zoe declined") {
		t.Error("someone who did not hand the role was told of its decline")
	}
}

// TestGoldenSpanishReadBack draws a handoff's read-back in Spanish.
func TestGoldenSpanishReadBack(t *testing.T) {
	s := sampleState(t)
	zoe := build(Options{Path: "warroom.toml", Actor: "zoe", Lang: "es", Styles: asciiStyles(), Now: func() time.Time { return testNow },
		Saver: &fakeSaver{}}, s)
	zoe = send(zoe, windowSize(120, 40))
	s = othersDo(t, s, "carol", testNow, model.Handoff{Role: model.RoleRef{Role: "communications_manager", Workstream: "external"}, To: "zoe"})
	golden(t, send(zoe, loadedMsg{state: s}).View())
}

// TestWaitingOnYou (item 9): the header counts what waits on the person
// at the keyboard, and I lists it: a role to answer, a handoff of theirs
// declined, a time box of theirs run out; for the incident manager, the
// drafts to approve too (the header counts those apart, for everyone).
func TestWaitingOnYou(t *testing.T) {
	s := sampleState(t)
	s = othersDo(t, s, "alice", testNow.Add(-3*time.Minute),
		model.Handoff{Role: model.RoleRef{Role: model.Scribe}, To: "zoe"},
		model.TaskAdd{Title: "Check the CDN", Owner: "zoe", Within: time.Minute})
	s = othersDo(t, s, "zoe", testNow.Add(-2*time.Minute), model.Handoff{Role: model.RoleRef{Role: "social_media_lead"}, To: "yann"})
	s = othersDo(t, s, "yann", testNow.Add(-time.Minute), model.Decline{Role: model.RoleRef{Role: "social_media_lead"}, Reason: "off today"})
	zoe := build(Options{Path: "warroom.toml", Actor: "zoe", Lang: "en", Styles: asciiStyles(), Now: func() time.Time { return testNow },
		Saver: &fakeSaver{}}, s)
	zoe = send(zoe, windowSize(140, 40))
	if h := zoe.header.View(); !strings.Contains(h, "waiting on you: 3 (I)") {
		t.Errorf("the header does not count what waits on zoe:\n%s", h)
	}
	zoe = keys(zoe, "I")
	if zoe.sheet == nil {
		t.Fatal("I showed nothing")
	}
	text := strings.Join(zoe.sheet.lines, "\n")
	for _, want := range []string{"• Scribe: handed to you by alice 3:00 ago; Y accepts, N declines",
		"• task ", `"Check the CDN": its time box ran out 2:00 ago`,
		"• Social media lead: yann declined it 1:00 ago (off today); hand it to someone else"} {
		if !strings.Contains(text, want) {
			t.Errorf("what waits on zoe lacks %q:\n%s", want, text)
		}
	}
	zoe = keys(zoe, "esc")

	alice, _ := newTestModel(t, sampleState(t), 120, 40)
	alice = keys(alice, "I")
	if text := strings.Join(alice.sheet.lines, "\n"); !strings.Contains(text, "external draft by carol") || !strings.Contains(text, "awaits your approval") {
		t.Errorf("the incident manager is not shown the draft to approve:\n%s", text)
	}
	if strings.Contains(alice.header.View(), "waiting on you") {
		t.Error("the header counts the draft to approve twice")
	}
}
