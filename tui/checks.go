package tui

import (
	"context"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
)

// ResolveChecks runs a team's check hooks on a resolve asked for on a
// screen, on the incident as the screen showed it and for the person at
// it; it waits for them and records their runs. What they refused comes
// back as blockers (model.CheckBlocker), which the screen lists with the
// exit criteria of the incident's policy. The screen calls it off its
// goroutine: a check may take seconds.
type ResolveChecks func(ctx context.Context, st model.State, actor string) ([]model.Blocker, error)

// checkedMsg brings what the check hooks of a resolve said.
type checkedMsg struct {
	to       model.Status
	blockers []model.Blocker
	err      error
}

// checkResolve runs the team's check hooks before the incident is set to
// to (resolved, or closed when never resolved), in the background: the
// screen stays in use, and says it is checking until they answer
// (onChecked).
func (m *Model) checkResolve(to model.Status) {
	if m.checking {
		m.notice = m.c.t("the team's checks are still running")
		return
	}
	m.checking = true
	m.notice = m.c.t("running the team's checks before it is %s…", to.In(m.c.lang))
	m.noticeStill = func(*snapshot) bool { return m.checking }
	run, st, actor := m.opts.Checks, m.c.state(), m.c.actor
	m.later = append(m.later, func() tea.Msg {
		blockers, err := run(context.Background(), st, actor)
		return checkedMsg{to: to, blockers: blockers, err: err}
	})
}

// onChecked goes on with a resolve once its checks answered: with nothing
// missing, the change is made; else the prompt that asks why it should
// be made anyway opens — or, when the person has since opened another,
// the notice says what is missing and S asks again.
func (m *Model) onChecked(msg checkedMsg) {
	m.checking = false
	m.notice, m.noticeStill = "", nil
	if st := m.c.state().Incident.Status; st == model.Resolved || st == model.Closed {
		return // resolved meanwhile, here or elsewhere: nothing left to ask
	}
	if msg.err != nil {
		m.notice = m.c.t("not %s: the team's checks did not answer: %s", msg.to.In(m.c.lang), m.c.explain(msg.err))
		return
	}
	// What the checks said first: it is what was just asked for, and the
	// hint's one line may not hold it all.
	blockers := append(slices.Clip(msg.blockers), m.c.state().ResolveBlockers()...)
	if len(blockers) == 0 {
		m.change(model.SetStatus{Status: msg.to})
		return
	}
	if m.prompt != nil || m.declare != nil || m.c.wall {
		m.notice = m.c.t("not %s yet: %s", msg.to.In(m.c.lang), missingList(m.c, blockers))
		return
	}
	m.open(forcePrompt(m.c, msg.to, blockers, msg.blockers))
}

// takeLater hands over the commands that components asked for while
// handling a message.
func (m *Model) takeLater() tea.Cmd {
	if len(m.later) == 0 {
		return nil
	}
	cmds := m.later
	m.later = nil
	return tea.Batch(cmds...)
}
