package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
)

// withHookRuns is the sample incident with runs of hooks recorded: the
// pager timed out, then the status page's hook failed and went well
// again, and the chat's hook failed with its output's first line.
func withHookRuns(t *testing.T) model.State {
	t.Helper()
	s := sampleState(t)
	at := testNow.Add(-90 * time.Second)
	for _, op := range []model.HookRan{
		{Event: model.EventSeverity, Command: "./page.sh --urgent", Outcome: model.HookTimeout, Took: 10 * time.Second},
		{Event: model.EventStatus, Command: "./statuspage.sh", Outcome: model.HookFailed, Exit: 2, Took: time.Second},
		{Event: model.EventStatus, Command: "./statuspage.sh", Outcome: model.HookOK, Took: time.Second},
		{Event: model.EventHandoff, Command: "./chat.sh", Outcome: model.HookFailed, Exit: 1, Took: time.Second, Output: "chat is down"},
		{Event: model.EventSeverity, Command: "./chat.sh", Outcome: model.HookOK, Took: time.Second},
	} {
		next, _, err := s.Apply(model.DefaultCatalog(), op, model.Env{Now: at, Actor: "alice", IDs: &model.SeqIDs{}})
		if err != nil {
			t.Fatal(err)
		}
		s, at = next, at.Add(10*time.Second)
	}
	return s
}

// TestBoardShowsFailingHooks: the incident manager's board lists each hook
// whose latest run on an event failed, the latest first, and leaves out
// one that ran well since it failed.
func TestBoardShowsFailingHooks(t *testing.T) {
	m, _ := newTestModel(t, withHookRuns(t), 240, 60)
	v := m.View()
	board := boardHooks(v)
	want := []string{
		"HOOKS FAILING (2)",
		"14:46 hook on handoff: ./chat.sh, exit status 1 after 1s: chat is down",
		"14:45 hook on severity: ./page.sh --urgent, killed at its timeout after 10s",
	}
	if strings.Join(board, "\n") != strings.Join(want, "\n") {
		t.Errorf("the board's hooks:\n%s\nwant:\n%s\nscreen:\n%s", strings.Join(board, "\n"), strings.Join(want, "\n"), v)
	}

	es, _ := newTestModel(t, withHookRuns(t), 240, 60)
	es.c.lang = "es"
	es = send(es, snapshotMsg{})
	if board := strings.Join(boardHooks(es.View()), "\n"); !strings.Contains(board, "GANCHOS QUE FALLAN (2)") ||
		!strings.Contains(board, "gancho de severidad: ./page.sh --urgent, detenido al agotar su tiempo tras 10s") {
		t.Errorf("the board's hooks in Spanish:\n%s", board)
	}
}

// boardHooks cuts the lines of the board's hooks out of a screen: from
// its heading to the next heading, each as the role pane shows it.
func boardHooks(screen string) []string {
	var out []string
	for _, l := range lines(screen) {
		_, pane, ok := strings.Cut(l, "┃")
		if !ok {
			continue
		}
		pane, _, _ = strings.Cut(pane, "┃")
		pane = strings.TrimSpace(pane)
		switch {
		case strings.HasPrefix(pane, "HOOKS FAILING"), strings.HasPrefix(pane, "GANCHOS QUE FALLAN"):
			out = append(out, pane)
		case len(out) > 0 && strings.HasPrefix(pane, "14:"):
			out = append(out, pane)
		case len(out) > 0:
			return out
		}
	}
	return out
}

// TestBoardWithoutHookRuns: no runs, no hooks on the board.
func TestBoardWithoutHookRuns(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 140, 60)
	if v := m.View(); strings.Contains(v, "HOOKS") {
		t.Errorf("hooks on the board of an incident with no runs:\n%s", v)
	}
}
