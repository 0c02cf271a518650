package tui

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

// checkedScreen is a test screen whose team has a check hook: check says
// what it refuses, and every call is noted.
func checkedScreen(t *testing.T, s model.State, check func(model.State) []model.Blocker) (*Model, *fakeSaver, *[]string) {
	t.Helper()
	saver := &fakeSaver{}
	var calls []string
	var seed uint64
	m := build(Options{
		Path: "warroom.toml", Actor: "alice", Lang: "en", Styles: asciiStyles(),
		Now: func() time.Time { return testNow }, Seed: func() uint64 { seed++; return seed },
		Replica: "test", Saver: saver,
		Checks: func(_ context.Context, st model.State, actor string) ([]model.Blocker, error) {
			calls = append(calls, actor+" "+string(st.Incident.Status))
			return check(st), nil
		},
	}, s)
	return send(m, windowSize(120, 40)), saver, &calls
}

// sendCollect runs one message through Update and returns the messages
// its commands bring that the screen's checks send (checkedMsg), running
// the commands as Bubble Tea would; other commands (clocks) are dropped.
func sendCollect(t *testing.T, m *Model, msg tea.Msg) (*Model, []tea.Msg) {
	t.Helper()
	remember(m, msg)
	next, cmd := m.Update(msg)
	found := make(chan tea.Msg, 8)
	var walk func(tea.Cmd)
	walk = func(c tea.Cmd) {
		if c == nil {
			return
		}
		go func() {
			switch v := c().(type) {
			case tea.BatchMsg:
				for _, c := range v {
					walk(c)
				}
			case checkedMsg:
				found <- v
			}
		}()
	}
	walk(cmd)
	var out []tea.Msg
	select {
	case v := <-found:
		out = append(out, v)
	case <-time.After(200 * time.Millisecond):
	}
	return next.(*Model), out
}

// TestResolveWaitsForTheTeamsChecks: with a check hook, S → resolved runs
// the team's checks off the screen (the screen says so and stays in use),
// then lists what they refused with the policy's exit criteria and asks
// why resolve anyway; the forced change carries the check, recorded as
// overridden. A check that passes, with the criteria met, resolves.
func TestResolveWaitsForTheTeamsChecks(t *testing.T) {
	refuse := true
	m, saver, calls := checkedScreen(t, sampleState(t), func(model.State) []model.Blocker {
		if !refuse {
			return nil
		}
		return []model.Blocker{model.CheckBlocker("./canary.sh", i18n.M("canary still red"))}
	})
	m = keys(m, "S")
	m = typeText(m, "resolved")
	m, got := sendCollect(t, m, keyMsg("enter"))
	if len(got) == 0 {
		m, got = sendCollect(t, m, settleMsg{m.input.gen})
	}
	if len(got) != 1 || !slices.Equal(*calls, []string{"alice monitoring"}) {
		t.Fatalf("S → resolved ran the checks %v, brought %v", *calls, got)
	}
	if m.prompt != nil || !m.checking || !strings.Contains(m.View(), "running the team's checks before it is resolved") {
		t.Fatalf("while the checks run, the screen says so and takes keys:\n%s", m.View())
	}
	// Keys still work while the checks run.
	m = keys(m, "right")
	if m.focus != areaTimeline {
		t.Errorf("a key while the checks run went nowhere: focus %v", m.focus)
	}
	m = send(m, got[0])
	if promptLabel(m) != "Not resolved yet. Why set it anyway?" || !strings.Contains(m.View(), "check ./canary.sh refused: canary still red") ||
		!strings.Contains(m.View(), "tasks still open") {
		t.Fatalf("what the checks refused is listed with the exit criteria:\n%s", m.View())
	}
	m = typeText(m, "the canary is flaky")
	m = keys(m, "enter")
	st := m.c.state()
	if st.Incident.Status != model.Resolved {
		t.Fatalf("the forced resolve left the status %s", st.Incident.Status)
	}
	last := st.Timeline[len(st.Timeline)-1]
	if last.Kind != model.KindStatus || last.Text != "the canary is flaky" || !slices.Contains(strings.Fields(last.Needs), model.CheckRule) ||
		!slices.Contains(strings.Fields(last.Needs), "resolve.open_tasks") {
		t.Errorf("the forced resolve's entry %+v does not record the check and the open tasks", last)
	}
	if len(saver.submitted()) != 1 {
		t.Errorf("%d changes saved, want 1", len(saver.submitted()))
	}

	// Nothing refused and nothing missing: the checks' answer resolves.
	refuse = false
	s := sampleState(t)
	for _, rule := range []string{"resolve.open_tasks", "resolve.roles_answered", "resolve.external_update", "resolve.summary", "resolve.followup_owners"} {
		next, _, err := s.Apply(model.DefaultCatalog(), model.SetPolicy{Rule: rule, Value: "off"}, model.Env{Now: testNow, Actor: "alice", Replica: "t", IDs: &model.SeqIDs{}})
		if err != nil {
			t.Fatal(err)
		}
		s = next
	}
	m, _, calls = checkedScreen(t, s, func(model.State) []model.Blocker {
		if !refuse {
			return nil
		}
		return []model.Blocker{model.CheckBlocker("./canary.sh", i18n.M("canary still red"))}
	})
	m = keys(m, "S")
	m = typeText(m, "resolved")
	m, got = sendCollect(t, m, keyMsg("enter"))
	if len(got) == 0 {
		m, got = sendCollect(t, m, settleMsg{m.input.gen})
	}
	if len(got) != 1 {
		t.Fatalf("the checks brought %v", got)
	}
	if m.c.state().Incident.Status == model.Resolved {
		t.Fatal("resolved before the checks answered")
	}
	m = send(m, got[0])
	if m.c.state().Incident.Status != model.Resolved || m.prompt != nil || m.checking {
		t.Errorf("checks that pass, nothing missing: status %s, prompt %q", m.c.state().Incident.Status, promptLabel(m))
	}
}

// TestChecksThatAnswerWhileYouTypeWait: the checks' answer never takes
// the keyboard from a prompt being typed in; the notice says what is
// missing instead. A check that could not run says why and changes
// nothing.
func TestChecksThatAnswerWhileYouTypeWait(t *testing.T) {
	m, _, _ := checkedScreen(t, sampleState(t), func(model.State) []model.Blocker { return nil })
	m = keys(m, "S")
	m = typeText(m, "resolved")
	m = keys(m, "enter", "n")
	m = typeText(m, "half a no")
	m = send(m, checkedMsg{to: model.Resolved})
	if promptLabel(m) == "Not resolved yet. Why set it anyway?" || m.prompt == nil || m.prompt.value() != "half a no" {
		t.Fatalf("the checks' answer took the prompt being typed in: %q %q", promptLabel(m), m.prompt.value())
	}
	if !strings.Contains(m.View(), "not resolved yet: ") {
		t.Errorf("the notice does not say what is missing:\n%s", m.View())
	}
	m = keys(m, "esc")
	m = send(m, checkedMsg{to: model.Resolved, err: errors.New("context canceled")})
	if m.c.state().Incident.Status == model.Resolved || !strings.Contains(m.View(), "the team's checks did not answer") {
		t.Errorf("a check that did not answer:\n%s", m.View())
	}
}

// TestChecksThatAnswerAfterTheResolveAskNothing: when the incident was
// resolved while its checks ran (elsewhere, or forced here), their answer
// opens no prompt asking why resolve it.
func TestChecksThatAnswerAfterTheResolveAskNothing(t *testing.T) {
	m, _, _ := checkedScreen(t, sampleState(t), func(model.State) []model.Blocker { return nil })
	m = keys(m, "S")
	m = typeText(m, "resolved")
	m = keys(m, "enter")
	m.change(model.SetStatus{Status: model.Resolved, Force: true, Reason: "resolved elsewhere"})
	m = send(m, checkedMsg{to: model.Resolved, blockers: []model.Blocker{model.CheckBlocker("./canary.sh", i18n.M("red"))}})
	if m.prompt != nil || m.checking {
		t.Errorf("the checks' late answer opened %q", promptLabel(m))
	}
}
