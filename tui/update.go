package tui

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/sshsync"
	"github.com/warroom/warroom/model/store"
)

// Init starts the clock and the listeners.
func (m *Model) Init() tea.Cmd {
	var turn tea.Cmd
	if m.opts.Wall {
		turn = rotate(m.opts.Rotate)
	}
	return tea.Batch(tick(m.c.now), m.nextFollow(), waitForSave(m.opts.Results), waitForSync(m.opts.Syncs), turn, m.takeLater(),
		readOthers(m.opts.Folder, m.opts.Path, 0))
}

// Update routes each message to the one method that handles it: window
// size to every component, data to the state (and from there, as a new
// snapshot, to every component), keys one at a time to the open prompt,
// else the global keys, else the focused pane.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tickMsg:
		cmd = m.onTick()
	case rotateMsg:
		m.focusRole((m.role+1)%max(1, len(m.c.snap.holdings)), false)
		cmd = rotate(m.opts.Rotate)
	case syncMsg:
		st := sshsync.Status(msg)
		m.save.sync = &st
		cmd = waitForSync(m.opts.Syncs)
	case loadedMsg:
		m.onLoaded(msg)
	case followedMsg:
		cmd = m.onFollowed(store.Followed(msg))
	case preparedMsg:
		cmd = m.onPrepared(msg)
	case savedMsg:
		cmd = m.onSaved(store.WriteResult(msg))
	case declaredMsg:
		m.onDeclared(msg)
	case settleMsg:
		cmd = m.onSettle(msg)
	case noticeMsg:
		m.notice = i18n.Message(msg).In(m.c.lang)
	case checkedMsg:
		m.onChecked(msg)
	case catchUpMsg:
		m.offerCatchUp(msg.since)
	case othersMsg:
		cmd = m.onOthers(msg)
	case presenceMsg:
		m.present, m.c.present = msg, msg
		m.header.present = msg
	case tea.KeyMsg:
		m.touched = true
		cmd = m.onInput(msg)
		m.keyed.handled(time.Now())
	}
	m.refresh()
	if later := m.takeLater(); later != nil {
		cmd = tea.Batch(cmd, later)
	}
	return m, cmd
}

// refresh brings every component up to date after a message or a key:
// sizes, focus, the save state, and which keys work now — so that the
// next key of a burst finds the bindings the last one left.
func (m *Model) refresh() {
	m.keys.Undo.SetEnabled(len(m.undo) > 0)
	h := m.focusedRole()
	m.keys.Split.SetEnabled(h.Ref.Role != model.IncidentManager && h.Ref.Role != "")
	m.keys.Release.SetEnabled(h.Ref.Role != model.IncidentManager && !h.Default)
	m.keys.CloseWS.SetEnabled(h.Ref.Workstream != "" && !h.Closed)
	m.answerKeys()
	m.keys.Theme.SetEnabled(m.opts.Renderer != nil && len(m.opts.Themes) > 1)
	m.keys.CatchUp.SetEnabled(m.loaded && !m.opts.Wall)
	m.keys.Waiting.SetEnabled(m.loaded && !m.opts.Wall)
	if m.c.wall {
		disable(m.keys.editing())
	}
	m.save.pending, m.save.syncing, m.save.target = m.unsaved(), m.opts.Syncs != nil, m.opts.SyncTarget
	m.header.save = m.save
	m.relayout()
	for a, p := range m.panes() {
		p.SetFocused(area(a) == m.focus)
		m.hand(p, focusMsg{}) // the keys that work depend on focus
	}
}

// focusMsg tells a pane its focus may have changed.
type focusMsg struct{}

// onTick moves the clocks.
func (m *Model) onTick() tea.Cmd {
	prev := m.c.now
	m.c.now = m.clockNow()
	m.expired(prev, m.c.now)
	m.refreshWaiting() // a time box runs out with no change
	if m.newsText != "" && m.c.now.Sub(m.newsAt) >= newsFor {
		m.newsText = ""
	}
	m.hand(m.roles, tickMsg(m.c.now))
	return tick(m.opts.Now())
}

// globalKey handles the keys that work on every pane; false when k is
// not one of them.
func (m *Model) globalKey(k tea.KeyMsg) bool {
	g, n := m.keys, max(1, len(m.c.snap.holdings))
	switch {
	case key.Matches(k, g.Quit):
		m.quit()
	case key.Matches(k, g.Help):
		m.fullHelp, m.helpTop = !m.fullHelp, 0
	case key.Matches(k, g.NextRole):
		m.focusRole((m.role+1)%n, true)
	case key.Matches(k, g.PrevRole):
		m.focusRole((m.role-1+n)%n, true)
	case key.Matches(k, g.JumpRole):
		m.jumpRole(int(k.Runes[0] - '0'))
	case key.Matches(k, g.NextArea):
		m.focus = (m.focus + 1) % areaCount
	case key.Matches(k, g.PrevArea):
		m.focus = (m.focus + areaCount - 1) % areaCount
	case key.Matches(k, g.Handoff):
		m.open(handoffPrompt(m.c, m.focusedRole()))
	case key.Matches(k, g.Note):
		m.open(notePrompt(m.c, m.focusedRole().Ref))
	case key.Matches(k, g.Task):
		m.open(taskPrompt(m.c, m.focusedRole().Ref))
	case key.Matches(k, g.CAN):
		m.open(canPrompt(m.c, m.focusedRole().Ref))
	case key.Matches(k, g.Status):
		m.open(statusPrompt(m.c))
	case key.Matches(k, g.Severity):
		m.open(severityPrompt(m.c))
	case key.Matches(k, g.Undo):
		m.undoLast()
	case key.Matches(k, g.Edit):
		m.open(titlePrompt(m.c))
	case key.Matches(k, g.Split):
		m.open(splitPrompt(m.c, m.focusedRole().Ref.Role))
	case key.Matches(k, g.Release):
		m.open(releasePrompt(m.c, m.focusedRole()))
	case key.Matches(k, g.CloseWS):
		m.open(closePrompt(m.c, m.focusedRole()))
	case key.Matches(k, g.Accept):
		if p, ok := m.answerable(); ok {
			m.change(model.Accept{Role: p.Ref, For: m.answerFor(p)})
			if m.answerFor(p) == "" {
				m.newsText = "" // the news was the offer: answered
				// The role accepted is the one its new holder works in.
				if i, h := m.c.snap.holding(p.Ref); h.Ref == p.Ref {
					m.focusRole(i, true)
				}
			}
		}
	case key.Matches(k, g.Decline):
		if p, ok := m.answerable(); ok {
			m.open(declinePrompt(m.c, p, m.answerFor(p)))
		}
	case key.Matches(k, g.Mark):
		m.open(markPrompt(m.c))
	case key.Matches(k, g.CatchUp):
		m.showCatchUp()
	case key.Matches(k, g.Waiting):
		m.sheet = m.waitingSheet()
	case key.Matches(k, g.Theme):
		m.nextTheme()
	default:
		return false
	}
	return true
}

// quit leaves at once when everything is saved, else after the last save;
// q again leaves without waiting.
func (m *Model) quit() {
	m.roles.settle() // a count half keyed in is saved, not lost
	if m.unsaved() == 0 || m.opts.Results == nil || m.closing {
		// Nothing left to save, or q pressed again: leave now. Run
		// reports any change that could not be saved.
		m.quitting = true
		return
	}
	m.closing = true
}

// jumpRole focuses the n-th catalog role; pressed again, its next instance.
func (m *Model) jumpRole(n int) {
	var idx []int
	for i, h := range m.c.snap.holdings {
		if m.opts.Catalog.Position(h.Ref.Role) == n-1 {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return
	}
	next := idx[0]
	for k, i := range idx {
		if i == m.role {
			next = idx[(k+1)%len(idx)]
		}
	}
	m.focusRole(next, true)
}
