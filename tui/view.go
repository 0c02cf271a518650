package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/warroom/warroom/model/safetext"
)

// Smallest screen drawn; anything at or below shows "terminal too small".
const (
	minWidth  = 40
	minHeight = 10
)

// View draws the screen. It reads only what is visible, so its cost does
// not grow with the length of the timeline.
func (m Model) View() string {
	if m.quitting {
		return ""
	}
	w, h := m.width, m.height
	if w <= minWidth || h <= minHeight {
		msg := m.t("terminal too small: %d×%d; warroom needs more than %d×%d", w, h, minWidth, minHeight)
		return m.styles().paint(block(wrap(msg, w), w, h))
	}
	if m.declare != nil {
		return m.styles().paint(block(strings.Split(m.declare.view(m.styles(), m.opts.Path, w, h), "\n"), w, h))
	}
	if !m.loaded {
		msg := m.t("reading %s…", safetext.Line(m.opts.Path))
		if m.opts.Wall {
			msg = m.t("waiting for an incident to be declared in %s…", safetext.Line(m.opts.Path))
		}
		return m.styles().paint(block(wrap(msg, w), w, h))
	}
	if m.opts.Wall {
		body := m.bodyView()
		if m.fullHelp {
			body = m.helpView(w, max(0, h-m.chromeHeight()))
		}
		return m.styles().paint(block(strings.Split(lipgloss.JoinVertical(lipgloss.Left, m.wallTop(w), body, m.wallFooter(w)), "\n"), w, h))
	}

	tabLines := 3
	if h < 24 {
		tabLines = 1
	}
	header := m.headerView(w)
	tabs := m.tabsView(w, tabLines)
	bottom := m.bottomView(w)
	var body string
	if m.fullHelp {
		body = m.helpView(w, max(0, h-m.chromeHeight()))
	} else {
		body = m.bodyView()
	}
	return m.styles().paint(block(strings.Split(lipgloss.JoinVertical(lipgloss.Left, header, tabs, body, bottom), "\n"), w, h))
}

// paneSizes says how the body is split: side by side when wide enough,
// stacked when not. Sizes are outer sizes.
type paneSizes struct {
	wide bool
	w, h [areaCount]int
}

// layout splits the body. Side by side, the role pane takes the left and
// the timeline sits over the tasks, each in a box. Stacked, panes have a
// title rule instead of a box, and the focused pane takes half the height.
func layout(w, h int, focus area) paneSizes {
	if w >= 100 && h >= 12 {
		left := w * 45 / 100
		right := w - left
		tl := h * 55 / 100
		return paneSizes{wide: true, w: [areaCount]int{left, right, right}, h: [areaCount]int{h, tl, h - tl}}
	}
	p := paneSizes{w: [areaCount]int{w, w, w}, h: [areaCount]int{h / 4, h / 4, h / 4}}
	p.h[focus] = h - 2*(h/4)
	return p
}

// content is the room for a pane's lines below its title.
func (p paneSizes) content(a area) (int, int) {
	if p.wide {
		return max(0, p.w[a]-2), max(0, p.h[a]-3)
	}
	return p.w[a], max(0, p.h[a]-1)
}

// relayout recomputes the pane sizes after a resize or a change of focus,
// and keeps the task cursor in view.
func (m *Model) relayout() {
	m.help.Width = m.width
	if m.prompt != nil {
		m.prompt.setWidth(m.width)
	}
	h := m.height - m.chromeHeight()
	m.sizes = layout(m.width, max(0, h), m.focus)
	_, th := m.sizes.content(areaTasks)
	m.tasks.keepVisible(th)
	_, lh := m.sizes.content(areaTimeline)
	m.timeline.clamp(lh)
}

// chromeHeight is the height of everything but the panes.
func (m *Model) chromeHeight() int {
	if m.opts.Wall {
		return 3 + 1 + len(m.rosterLines(m.width)) + 1
	}
	tabs := 3
	if m.height < 24 {
		tabs = 1
	}
	n := 2 + min(tabs, len(m.tabLinesFor(m.width, tabs))) + 1
	if m.prompt != nil {
		n += 2
	} else if m.notice != "" {
		n++
	}
	return n
}

// pane draws one pane: a box with the title inside when side by side, a
// title rule when stacked. The focused pane stands out either way.
func (m *Model) pane(a area, title string, content []string) string {
	s := m.styles()
	w, h := m.sizes.w[a], m.sizes.h[a]
	if m.sizes.wide {
		return box(m.paneStyle(a), append([]string{s.PaneTitle.Render(title)}, content...), w, h)
	}
	rule := "── " + title + " "
	st := s.Muted
	if m.focus == a {
		rule, st = "━━ "+title+" ", s.PaneTitle
	}
	fill := "─"
	if m.focus == a {
		fill = "━"
	}
	rule += strings.Repeat(fill, max(0, w-lipgloss.Width(rule)))
	return block(append([]string{st.Render(fit(rule, w))}, content...), w, h)
}

func (m *Model) bodyView() string {
	role := m.rolePaneView()
	timeline := m.timelinePaneView()
	tasks := m.tasksPaneView()
	if m.sizes.wide {
		return lipgloss.JoinHorizontal(lipgloss.Top, role, lipgloss.JoinVertical(lipgloss.Left, timeline, tasks))
	}
	return lipgloss.JoinVertical(lipgloss.Left, role, timeline, tasks)
}

func (m *Model) rolePaneView() string {
	s := m.styles()
	w, h := m.sizes.content(areaRoles)
	all := m.roleLines(w)
	title := all[0]
	lines := all[1:]
	top := max(0, min(m.roleTop, len(lines)-h))
	lines = lines[top:]
	if top > 0 && len(lines) > 0 {
		lines[0] = s.Muted.Render(m.t("↑ %d more", top))
	}
	if len(lines) > h && h > 0 {
		more := m.t("↓ %d more", len(lines)-h+1)
		if m.focus != areaRoles {
			more += m.t(" (←/F, then j/k)")
		} else {
			more += " (j/k)"
		}
		lines = append(lines[:h-1], s.Muted.Render(more))
	}
	return m.pane(areaRoles, title, lines)
}

func (m *Model) timelinePaneView() string {
	s := m.styles()
	w, h := m.sizes.content(areaTimeline)
	title := m.t("Timeline (%d)", len(m.state.Timeline))
	if m.timeline.filter != "" {
		title = m.t("Timeline: %s (%d of %d) · esc clears", safetext.Line(m.timeline.filter), m.timeline.len(), len(m.state.Timeline))
	}
	if m.timeline.offset > 0 {
		title += m.t(" · ↓ %d newer", m.timeline.offset)
	}
	var lines []string
	from, to := m.timeline.window(h)
	for i := from; i < to; i++ {
		lines = append(lines, m.entryLine(m.timeline.at(i), w))
	}
	if from == to {
		lines = append(lines, s.Muted.Render(m.t("no entries")))
	}
	return m.pane(areaTimeline, title, lines)
}

func (m *Model) tasksPaneView() string {
	s := m.styles()
	w, h := m.sizes.content(areaTasks)
	open := 0
	for _, t := range m.tasks.order {
		if t.Open() {
			open++
		}
	}
	title := m.t("Tasks (%d open, %d closed)", open, len(m.tasks.order)-open)
	var lines []string
	end := min(len(m.tasks.order), m.tasks.top+h)
	for i := m.tasks.top; i < end; i++ {
		line := m.taskLine(m.tasks.order[i], w, false)
		if i == m.tasks.cursor && m.focus == areaTasks {
			line = s.Selected.Render(fit("› "+ansi.Strip(line), w))
		}
		lines = append(lines, line)
	}
	if len(m.tasks.order) == 0 {
		lines = append(lines, s.Muted.Render(m.t("no tasks yet: t adds one")))
	}
	return m.pane(areaTasks, title, lines)
}

// bottomView is the prompt or notice, and the short help.
func (m *Model) bottomView(w int) string {
	s := m.styles()
	var parts []string
	switch {
	case m.prompt != nil:
		// A refused entry keeps the prompt open; the problem replaces the hint.
		parts = append(parts, m.prompt.view(s, w, m.notice))
	case m.closing:
		parts = append(parts, fit(s.Error.Render(m.t("saving %d changes before leaving… q again leaves without them", len(m.pending))), w))
	case m.notice != "":
		parts = append(parts, fit(s.Error.Render(safetext.Line(m.notice)), w))
	}
	// ? and q stay in view however narrow the screen: the rest is cut.
	k := m.keys.Global
	pinned := m.help.ShortHelpView([]key.Binding{k.Help, k.Quit})
	rest := m.help.ShortHelpView(m.shortHelp())
	if room := max(0, w-lipgloss.Width(pinned)-3); lipgloss.Width(rest) > room {
		rest = ansi.Truncate(rest, room, "…")
	}
	parts = append(parts, fit(rest+" • "+pinned, w))
	return strings.Join(parts, "\n")
}

// helpView lists every key that works now, by scope.
func (m *Model) helpView(w, h int) string {
	// Columns of keys, left to right, wrapping onto a new row of columns
	// where the box is too narrow for the next one.
	lines := []string{m.styles().PaneTitle.Render(m.t("Keys (? closes)"))}
	var row []string
	flush := func() {
		if len(row) > 0 {
			lines = append(lines, strings.Split(lipgloss.JoinHorizontal(lipgloss.Top, row...), "\n")...)
			lines = append(lines, "")
			row = nil
		}
	}
	for _, g := range m.fullHelpKeys() {
		col := m.help.FullHelpView([][]key.Binding{g})
		if col == "" {
			continue
		}
		col = lipgloss.NewStyle().PaddingRight(4).Render(col)
		if len(row) > 0 && lipgloss.Width(lipgloss.JoinHorizontal(lipgloss.Top, append(row, col)...)) > w-2 {
			flush()
		}
		row = append(row, col)
	}
	flush()
	return box(m.styles().PaneFocused, lines, w, h)
}

// shortHelp lists the keys that work now, most useful first.
func (m *Model) shortHelp() []key.Binding {
	k := m.keys
	if m.prompt != nil {
		switch m.prompt.kind {
		case promptUpdate:
			send, next := k.Prompt.Submit, k.Prompt.Complete
			send.SetHelp("enter", m.t("send"))
			next.SetHelp("tab", m.t("next audience"))
			return []key.Binding{send, k.Prompt.Cancel, next}
		case promptApprove, promptReject:
			do := k.Prompt.Submit
			do.SetHelp("enter", m.t("approve and send"))
			if m.prompt.kind == promptReject {
				do.SetHelp("enter", m.t("send back"))
			}
			return []key.Binding{do, k.Prompt.Cancel, k.Prompt.Complete}
		}
		return []key.Binding{k.Prompt.Submit, k.Prompt.Cancel, k.Prompt.Complete}
	}
	// Bindings that do not work now are disabled (updateKeys), and help
	// leaves them out.
	return []key.Binding{k.Global.Handoff, k.Global.Note, k.Global.Task, k.Global.NextRole, k.Global.NextArea,
		k.Comms.Write, k.Comms.Approve, k.Comms.Reject, k.Comms.Notable,
		k.Theories.Confirm, k.Theories.RuleOut, k.Customers.Ticket, k.Customers.Call, k.Customers.Mention,
		k.Tasks.Start, k.Tasks.Done, k.Tasks.Reopen, k.Tasks.Cancel, k.Tasks.Assign, k.Timeline.Filter, k.Timeline.ClearFilter,
		k.Global.Undo}
}

func (m *Model) fullHelpKeys() [][]key.Binding {
	// The full help lists every key, not only those that work in the
	// focused pane (the footer shows those); on the wall, the editing keys
	// stay off and out.
	k := m.keys
	on := func(b key.Binding) key.Binding {
		if m.opts.Wall && !b.Enabled() {
			return b
		}
		b.SetEnabled(true)
		return b
	}
	for _, b := range []*key.Binding{&k.Global.Handoff, &k.Global.Note, &k.Global.Task, &k.Global.Status,
		&k.Global.Severity, &k.Global.Undo, &k.Tasks.Start, &k.Tasks.Done, &k.Tasks.Reopen, &k.Tasks.Cancel,
		&k.Tasks.Assign, &k.Timeline.Filter, &k.Timeline.ClearFilter, &k.Theories.Confirm, &k.Theories.RuleOut,
		&k.Customers.Ticket, &k.Customers.Call, &k.Customers.Mention,
		&k.Comms.Write, &k.Comms.Approve, &k.Comms.Reject, &k.Comms.Notable} {
		*b = on(*b)
	}
	return [][]key.Binding{
		{k.Global.NextRole, k.Global.PrevRole, k.Global.JumpRole, k.Global.NextArea, k.Global.PrevArea},
		{k.Global.Handoff, k.Global.Note, k.Global.Task, k.Global.CAN, k.Global.Status, k.Global.Severity, k.Global.Undo},
		{k.List.Up, k.List.Down, k.List.PageUp, k.List.PageDown, k.List.Top, k.List.Bottom},
		{k.Tasks.Start, k.Tasks.Done, k.Tasks.Reopen, k.Tasks.Cancel, k.Tasks.Assign, k.Timeline.Filter},
		{k.Theories.Confirm, k.Theories.RuleOut, k.Customers.Ticket, k.Customers.Call, k.Customers.Mention},
		{k.Comms.Write, k.Comms.Approve, k.Comms.Reject, k.Comms.Notable},
		{k.Global.Theme, k.Global.Help, k.Global.Quit},
	}
}

// paneStyle is the box of a pane: thicker and in the accent colour when it
// has focus.
func (m *Model) paneStyle(a area) lipgloss.Style {
	if m.focus == a {
		return m.styles().PaneFocused
	}
	return m.styles().Pane
}
