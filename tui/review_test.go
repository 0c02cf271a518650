package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/sshsync"
	"github.com/warroom/warroom/model/store"
)

// Names with escape sequences are never offered as completions: the input
// would draw them as they are.
func TestCompletionOffersOnlyHarmlessNames(t *testing.T) {
	s := sampleState(t)
	s, _, err := s.Apply(model.DefaultCatalog(), model.Handoff{Role: model.RoleRef{Role: "scribe"}, To: "zo\x1b]0;pwned\a"},
		model.Env{Now: testNow, Actor: "alice", IDs: &model.SeqIDs{}})
	if err != nil {
		t.Fatal(err)
	}
	m, _ := newTestModel(t, s, 120, 40)
	m = keys(m, "2", "h")
	m = typeText(m, "z")
	m = keys(m, "tab")
	if v := m.View(); strings.ContainsAny(v, "\x1b\a") {
		t.Error("a stored name's escape sequence reached the screen through completion")
	}
}

func TestQuitWithFailingSavesCanStillLeave(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m.opts.Results = make(chan store.WriteResult)
	m = keys(m, "n")
	m = typeText(m, "important")
	m = keys(m, "enter")
	m = send(m, savedMsg(store.WriteResult{Err: errors.New("disk full"), Pending: 1}))
	next, cmd := m.Update(keyMsg("q"))
	m = next.(*Model)
	if cmd != nil {
		if _, ok := cmd().(tea.QuitMsg); ok {
			t.Fatal("left without trying to save")
		}
	}
	if v := m.View(); !strings.Contains(v, "q again leaves without it") || !strings.Contains(v, "NOT SAVED") {
		t.Fatalf("the screen went blank or does not say what is going on:\n%s", v)
	}
	_, cmd = m.Update(keyMsg("q"))
	if cmd == nil {
		t.Fatal("q again did not leave")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q again did not leave")
	}
}

// A result that merges a successful save with a failed retry still
// acknowledges what it committed.
func TestMergedResultAcknowledgesCommits(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "n")
	m = typeText(m, "once")
	m = keys(m, "enter")
	saved, _, _ := m.disk.Apply(model.DefaultCatalog(), m.pending[0].change.Op, m.pending[0].change.Env)
	m = send(m, savedMsg(store.WriteResult{State: saved, Committed: []uint64{1}, Err: errors.New("later retry failed")}))
	if len(m.pending) != 0 {
		t.Fatalf("%d changes still pending", len(m.pending))
	}
	if n := countText(m.c.state(), "once"); n != 1 {
		t.Errorf("the note shows %d times", n)
	}
}

func countText(s model.State, text string) int {
	n := 0
	for _, e := range s.Timeline {
		if e.Text == text && e.Kind == model.KindNote {
			n++
		}
	}
	return n
}

// A reload that already holds a change still marked as saving shows it once.
func TestReloadDoesNotShowAChangeTwice(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "n")
	m = typeText(m, "once")
	m = keys(m, "enter")
	onDisk, _, _ := m.disk.Apply(model.DefaultCatalog(), m.pending[0].change.Op, m.pending[0].change.Env)
	m = send(m, loadedMsg{state: onDisk})
	if n := countText(m.c.state(), "once"); n != 1 {
		t.Errorf("after a reload the note shows %d times", n)
	}
}

func TestFilterKeepsTheWorkstream(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "right", "/")
	m = typeText(m, "tl/network")
	m = keys(m, "enter")
	if m.timeline.view.len() == 0 {
		t.Fatal("no network entries")
	}
	for i := 0; i < m.timeline.view.len(); i++ {
		if e := m.timeline.view.at(i); e.Role != "tech_lead" || e.Workstream != "network" {
			t.Fatalf("tl/network kept %+v", e)
		}
	}
	kept := m.timeline.view.len()
	m = keys(m, "/")
	m = typeText(m, "nonsense")
	m = keys(m, "enter")
	if m.timeline.view.len() != kept || m.timeline.view.filter != "tl/network" {
		t.Error("a bad filter cleared the one shown")
	}
}

func TestRefusedPromptKeepsTheText(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "S")
	m = typeText(m, "resovled")
	m = keys(m, "enter")
	if m.prompt == nil || m.prompt.value() != "resovled" || !strings.Contains(m.View(), "unknown status") {
		t.Fatalf("a mistyped status lost the prompt:\n%s", m.View())
	}
	m = keys(m, "ctrl+c")
	if m.prompt != nil || m.quitting {
		t.Error("ctrl+c in a prompt should close the prompt, not the screen")
	}
}

func TestUnknownKeysMakeTheScreenRefuseChanges(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = send(m, loadedMsg{state: sampleState(t), err: &store.UnknownKeysError{FileError: store.FileError{Path: "w.toml", Line: 3}, Keys: []string{"incident.owner_team"}}})
	m = keys(m, "n")
	m = typeText(m, "lost?")
	m = keys(m, "enter")
	if len(saver.submitted()) != 0 {
		t.Error("a change was queued although no save could succeed")
	}
	if v := m.View(); !strings.Contains(v, "owner_team") || !strings.Contains(v, "keys warroom does not know") {
		t.Errorf("the screen does not say why:\n%s", v)
	}
	m = keys(m, "esc", "tab")
	if !strings.Contains(m.View(), "owner_team") {
		t.Error("the file's problem vanished after a key press")
	}
	m = send(m, loadedMsg{state: sampleState(t)})
	if m.readOnly || strings.Contains(m.View(), "owner_team") {
		t.Error("a clean reload did not lift the block")
	}
}

func TestFullHelpListsEveryKey(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	v := keys(fork(t, m), "?").View()
	for _, want := range []string{"start task", "task done", "reopen task", "cancel task", "reassign task", "filter by role, kind or person", "hand off role"} {
		if !strings.Contains(v, want) {
			t.Errorf("full help lacks %q", want)
		}
	}
	if !strings.Contains(keys(fork(t, m), "n").View(), "enter") {
		t.Error("prompt help missing")
	}
	for _, w := range []int{80, 60, 45} {
		m2, _ := newTestModel(t, sampleState(t), w, 24)
		last := lines(m2.View())[23]
		if !strings.Contains(last, "? help") || !strings.Contains(last, "q quit") {
			t.Errorf("at %d columns the footer lost ? or q: %q", w, last)
		}
	}
}

// Below 24 rows the tab row is one line: the focused role's tab is always
// on it, with marks for the tabs before and after.
func TestNarrowTabRowFollowsTheFocus(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 60, 20)
	for i := 0; i < len(m.c.snap.holdings); i++ {
		row := lines(m.View())[2]
		if !strings.Contains(row, "[") {
			t.Fatalf("role %d: the focused tab is not on the tab row: %q", i+1, row)
		}
		m = keys(m, "tab")
	}
	m = keys(m, "8")
	if row := lines(m.View())[2]; !strings.HasPrefix(strings.TrimSpace(row), "‹") {
		t.Errorf("no mark for the tabs before: %q", row)
	}
}

func TestHeaderShowsTheLiveSync(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	ch := make(chan sshsync.Status)
	m.opts.Syncs, m.opts.SyncTarget = ch, "bastion:incident.toml"
	m.refresh()
	if !strings.Contains(m.View(), "syncing with bastion:incident.toml") {
		t.Error("no sync state before the first attempt")
	}
	m = send(m, syncMsg{At: testNow.Add(-12 * time.Second)})
	if !strings.Contains(m.View(), "synced with bastion:incident.toml 0:12 ago") {
		t.Errorf("after a sync:\n%s", lines(m.View())[1])
	}
	m = send(m, syncMsg{At: testNow, Err: errors.New("host unreachable")})
	if !strings.Contains(m.View(), "SYNC with bastion:incident.toml: host unreachable") {
		t.Errorf("after a failed sync:\n%s", lines(m.View())[1])
	}
}

// A note typed as "-5m d: …" is a decision made five minutes ago: shown
// in its place in the timeline, marked as backdated; a bad time keeps the
// prompt open with the valid form.
func TestBackdatedNote(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "n")
	m = typeText(m, "-25m d: keep the old pool size")
	m = keys(m, "enter")
	if len(saver.submitted()) != 1 {
		t.Fatal("the note was not saved")
	}
	op := saver.submitted()[0].Op.(model.Log)
	if op.Kind != model.KindDecision || !op.At.Equal(testNow.Add(-25*time.Minute)) || op.Text != "keep the old pool size" {
		t.Errorf("op %+v", op)
	}
	n := m.timeline.view.len()
	last := m.timeline.view.at(n - 1)
	if last.Text == "keep the old pool size" {
		t.Error("the backdated note was shown last, not in its place")
	}
	if !strings.Contains(m.View(), "(backdated)") && m.timeline.view.offset == 0 {
		// it may have scrolled out of the window; look for it directly
		found := false
		for i := 0; i < n; i++ {
			if m.timeline.view.at(i).Text == "keep the old pool size" {
				found = true
			}
		}
		if !found {
			t.Error("the backdated note is missing from the timeline")
		}
	}
	m = keys(m, "n")
	m = typeText(m, "@25:99 nonsense")
	m = keys(m, "enter")
	if m.prompt == nil || !strings.Contains(m.View(), "write @HH:MM") || len(saver.submitted()) != 1 {
		t.Errorf("a bad time:\n%s", m.View())
	}
}

// The tech lead's pane lists its theories; c confirms one with the
// evidence, r rules one out, and both land in the timeline.
func TestTheoriesOnTheTechLeadPane(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "2")
	v := m.View()
	if !strings.Contains(v, "Theories (0 open)") || !strings.Contains(v, "[✓]") {
		t.Fatalf("the database tech lead's pane does not list its confirmed theory:\n%s", v)
	}
	// alice is the incident manager: her note is hers until tab files
	// it under the tech lead's pane she is looking at.
	m = keys(m, "n")
	if promptLabel(m) != "Note for Incident manager:" {
		t.Errorf("the note prompt files it under %q, want alice's own role", promptLabel(m))
	}
	m = keys(m, "tab")
	if promptLabel(m) != "Note for Tech lead · database:" {
		t.Errorf("tab files it under %q, want the focused pane's role", promptLabel(m))
	}
	m = typeText(m, "th: the replica lags behind")
	m = keys(m, "enter")
	if !strings.Contains(m.View(), "Theories (1 open)") {
		t.Fatalf("th: did not add a theory:\n%s", m.View())
	}
	id := m.c.state().Theories[len(m.c.state().Theories)-1].ID
	m = keys(m, "r")
	if m.prompt == nil || promptLabel(m) != "Rule out theory:" {
		t.Fatal("r did not open the rule-out prompt")
	}
	if m.prompt.value() != id+": " {
		t.Errorf("the rule-out prompt offers %q, want the open theory %s", m.prompt.value(), id)
	}
	m = typeText(m, "lag is under a second")
	m = keys(m, "enter")
	th, err := m.c.state().Theory(id)
	if err != nil || th.State != model.TheoryRuledOut {
		t.Fatalf("theory after r: %+v %v", th, err)
	}
	last, _ := m.c.state().LastEntry()
	if last.Kind != model.KindTheoryRuledOut || last.Text != "lag is under a second" || len(saver.submitted()) != 2 {
		t.Errorf("timeline: %+v", last)
	}
	// Not on other panes.
	m = keys(m, "7", "c")
	if m.prompt != nil {
		t.Error("c opened a theory prompt on the scribe's pane")
	}
}

// "+10m " before a task's title time-boxes it: a countdown in the task
// list, and once it runs out, a loud line on the incident manager's board.
func TestTimeBoxedTask(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "t")
	m = typeText(m, "+10m check the CDN")
	m = keys(m, "enter")
	task := m.c.state().Tasks[len(m.c.state().Tasks)-1]
	if task.Title != "check the CDN" || !task.Due.Equal(testNow.Add(10*time.Minute)) {
		t.Fatalf("task %+v", task)
	}
	if !strings.Contains(m.View(), "⏱ 10:00") {
		t.Errorf("no countdown:\n%s", m.View())
	}
	later := testNow.Add(12 * time.Minute)
	m = withClock(m, func() time.Time { return later })
	m = send(m, tickMsg(later))
	v := m.View()
	if !strings.Contains(v, "TIME BOX EXPIRED (1)") || !strings.Contains(v, "⏱ OVER 2:00") {
		t.Errorf("an expired time box is not loud:\n%s", v)
	}
	m = keys(m, "t")
	m = typeText(m, "+10x bad")
	m = keys(m, "enter")
	if m.prompt == nil || !strings.Contains(m.View(), "not a time box") {
		t.Error("a bad time box was not refused")
	}
}

// C opens the CAN form from any role pane: three prompts, one entry, and
// the report on the incident manager's pane, newest first.
func TestCANReportFromTheScreen(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "2", "C")
	m = typeText(m, "pool at 60%")
	m = keys(m, "enter")
	m = keys(m, "enter") // an empty part is refused and the prompt stays
	if m.prompt == nil || promptLabel(m) != "CAN — Actions (2/3):" || !strings.Contains(m.View(), "needs some text") {
		t.Fatalf("empty actions:\n%s", m.View())
	}
	m = typeText(m, "watching it")
	m = keys(m, "enter")
	m = typeText(m, "a DBA q down")
	m = keys(m, "enter")
	if len(saver.submitted()) != 1 {
		t.Fatalf("%d changes saved", len(saver.submitted()))
	}
	can := saver.submitted()[0].Op.(model.CAN)
	if can.Conditions != "pool at 60%" || can.Actions != "watching it" || can.Needs != "a DBA q down" || can.Role.Role != "tech_lead" {
		t.Errorf("CAN %+v", can)
	}
	m = keys(m, "1")
	v := m.View()
	if !strings.Contains(v, "CAN reports, newest first") || strings.Index(v, "N: a DBA q down") > strings.Index(v, "N: Someone from payments") {
		t.Errorf("the IM pane does not show the new report first:\n%s", v)
	}
}

// On the customer support lead's pane, +, p and m count a ticket, a call
// and a social mention; "+" then digits counts that many; the keys of one
// count make one timeline entry, saved when another key comes, on enter,
// or after a pause; esc drops it. The pane shows the totals and the trend.
func TestCustomerCounters(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "4")
	before := m.c.state().Customers()
	m = keys(m, "+", "+", "p", "m")
	counts := func() []model.Customers {
		var out []model.Customers
		for _, op := range ops(saver) {
			if c, ok := op.(model.Customers); ok {
				out = append(out, c)
			}
		}
		return out
	}
	if got := counts(); len(got) != 2 || got[0].Count != 2 || got[0].Channel != model.ChannelTickets || got[1].Count != 1 || got[1].Channel != model.ChannelCalls {
		t.Fatalf("+ + p m made %+v, want 2 tickets then 1 call (the mention still open)", got)
	}
	if v := m.View(); !strings.Contains(v, "counting +1 on social") {
		t.Errorf("the mention being counted is not shown:\n%s", v)
	}
	m = withClock(m, func() time.Time { return testNow.Add(3 * time.Second) })
	m = send(m, tickMsg(testNow.Add(3*time.Second)))
	after := m.c.state().Customers()
	if after["tickets"] != before["tickets"]+2 || after["calls"] != before["calls"]+1 || after["social"] != before["social"]+1 {
		t.Errorf("counts %v → %v", before, after)
	}
	if v := m.View(); !strings.Contains(v, "Customer reports: tickets 217 · calls 41 · social 3") || !strings.Contains(v, "last 30 min") {
		t.Errorf("pane:\n%s", v)
	}
	// +25: the digits go to the count, not to the role tabs.
	m = keys(m, "+", "2", "5", "enter")
	if got := counts(); len(got) != 4 || got[3].Count != 25 || got[3].Channel != model.ChannelTickets {
		t.Fatalf("+25 made %+v", got)
	}
	if focused(m) != "Customer support lead" {
		t.Errorf("the digits of a count moved the focus to %q", focused(m))
	}
	// A burst of counts is one entry.
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("+++++")})
	m = keys(m, "j")
	if got := counts(); len(got) != 5 || got[4].Count != 5 {
		t.Fatalf("a burst of five + made %+v", got)
	}
	// esc drops a count.
	m = keys(m, "p", "esc", "7", "+")
	if got := counts(); len(got) != 5 {
		t.Errorf("esc did not drop the count, or + counted on the scribe's pane: %+v", got)
	}
}

// The header tells everyone when the next update is due, and is loud once
// it is overdue.
func TestHeaderShowsTheNextUpdate(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	line := lines(m.View())[0]
	next, ok := m.c.state().Comms(model.DefaultCadence()).Soonest()
	if !ok {
		t.Fatal("the sample owes no update")
	}
	if next.Due.After(testNow) {
		if !strings.Contains(line, "next "+string(next.Audience)+" update in") {
			t.Errorf("header: %q", line)
		}
	} else if !strings.Contains(line, strings.ToUpper(string(next.Audience))+" UPDATE OVERDUE") {
		t.Errorf("header: %q", line)
	}
	later := next.Due.Add(3 * time.Minute)
	m = withClock(m, func() time.Time { return later })
	m = send(m, tickMsg(later))
	if line := lines(m.View())[0]; !strings.Contains(line, "UPDATE OVERDUE 3:00") {
		t.Errorf("overdue header: %q", line)
	}
}

// The full help scrolls: at 80×24 and at 60×20 every key is reachable.
func TestFullHelpScrollsToEveryKey(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		m, _ := newTestModel(t, sampleState(t), size[0], size[1])
		var want []string
		for _, grp := range m.fullHelpGroups() {
			for _, b := range grp {
				if b.Enabled() {
					want = append(want, b.Help().Key+" "+b.Help().Desc)
				}
			}
		}
		m = keys(m, "?")
		seen := ""
		for i := 0; i < 40; i++ {
			seen += m.View()
			m = keys(m, "j")
		}
		flat := strings.Join(strings.Fields(seen), " ")
		for _, w := range want {
			if !strings.Contains(flat, strings.Join(strings.Fields(w), " ")) {
				t.Errorf("at %dx%d the help never shows %q", size[0], size[1], w)
			}
		}
		if len(want) < 30 {
			t.Errorf("only %d keys in the help", len(want))
		}
	}
}
