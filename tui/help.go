package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/warroom/warroom/model/safetext"
)

// The footer and the full help (?) are made from the bindings of the
// scopes that hold now: the open prompt's, or the global keys and the
// focused pane's.

// bottomView is the prompt or a notice, and the keys that work now.
func (m *Model) bottomView(w int) string {
	s := m.c.styles
	if m.opts.Wall {
		return m.wallFooter(w)
	}
	var parts []string
	if news := m.newsLine(w); news != "" {
		parts = append(parts, news)
	}
	if m.prompt != nil {
		// A refused entry keeps the prompt open; the problem replaces
		// the hint. Every key but the prompt's own is text: the footer
		// offers only those.
		parts = append(parts, m.prompt.view(s, w, m.notice), fit(m.help.ShortHelpView(m.prompt.ShortHelp()), w))
		return strings.Join(parts, "\n")
	}
	switch {
	case m.closing:
		n := m.unsaved()
		parts = append(parts, fit(s.Error.Render(m.c.n(n, "saving %d change before leaving… q again leaves without it|saving %d changes before leaving… q again leaves without them", n)), w))
	case m.notice != "":
		parts = append(parts, fit(s.Error.Render(safetext.Line(m.notice)), w))
	}
	return strings.Join(append(parts, m.shortHelpLine(w, "", m.shortHelp())), "\n")
}

// shortHelpLine renders bindings in one line of w columns after prefix,
// with ? and q pinned at its end however narrow the screen. Hints that do
// not fit are left out whole, never cut mid-word; "…" says some are.
func (m *Model) shortHelpLine(w int, prefix string, bs []key.Binding) string {
	pinned := m.help.ShortHelpView([]key.Binding{m.keys.Help, m.keys.Quit})
	room := max(0, w-textWidth(prefix)-textWidth(pinned)-3)
	var shown []key.Binding
	more := ""
	for _, b := range bs {
		if !b.Enabled() {
			continue
		}
		if textWidth(m.help.ShortHelpView(append(shown, b))) > room-2 {
			more = " …"
			break
		}
		shown = append(shown, b)
	}
	line := m.help.ShortHelpView(shown) + more
	if line != "" {
		line += " • "
	}
	return fit(prefix+line+pinned, w)
}

// shortHelp lists the keys that work now, most useful first: the global
// ones used most, the focused pane's, and undo. Keys that do not work now
// are disabled, and help leaves them out.
func (m *Model) shortHelp() []key.Binding {
	out := m.keys.ShortHelp()
	out = append(out, m.panes()[m.focus].ShortHelp()...)
	return append(out, m.keys.Undo)
}

// wallFooter says the wall is read-only and what works there.
func (m *Model) wallFooter(w int) string {
	c, s := m.c, m.c.styles
	if m.notice != "" {
		return fit(s.Error.Render(safetext.Line(m.notice)), w)
	}
	what := c.t("WALL · read-only: editing keys are off")
	if m.opts.Rotate > 0 {
		what = c.t("WALL · read-only · roles rotate every %s", m.opts.Rotate)
	}
	g := m.keys
	return m.shortHelpLine(w, s.Muted.Render(what)+" · ", []key.Binding{g.NextRole, g.JumpRole, g.NextArea})
}

// fullHelpGroups lists every key by what it is for: not only those that
// work in the focused pane (the footer shows those). On the wall the
// keys that change the incident stay off and out.
func (m *Model) fullHelpGroups() [][]key.Binding {
	g := m.keys
	on := func(groups [][]key.Binding) [][]key.Binding {
		out := make([][]key.Binding, len(groups))
		for i, grp := range groups {
			for _, b := range grp {
				if !m.opts.Wall {
					b.SetEnabled(true)
				}
				out[i] = append(out[i], b)
			}
		}
		return out
	}
	global := on(g.FullHelp())
	groups := [][]key.Binding{global[0], global[1], global[2]}
	groups = append(groups, on(m.roles.keys.FullHelp())...)
	if !m.opts.Wall {
		groups = append(groups, on([][]key.Binding{m.tasks.keys.ShortHelp()})...)
		for _, t := range everyTool(m.c) {
			groups = append(groups, on(t.FullHelp())...)
		}
	}
	groups = append(groups, on([][]key.Binding{{m.timeline.keys.Filter, m.timeline.keys.Pin}})...)
	return append(groups, g.FullHelp()[3]) // theme, help, quit: as they work
}

// helpLines lays the full help out w columns wide: columns of keys, left
// to right, wrapping onto a new row of columns where the next one does
// not fit.
func (m *Model) helpLines(w int) []string {
	var lines []string
	var row []string
	flush := func() {
		if len(row) > 0 {
			lines = append(lines, strings.Split(lipgloss.JoinHorizontal(lipgloss.Top, row...), "\n")...)
			lines = append(lines, "")
			row = nil
		}
	}
	for _, grp := range m.fullHelpGroups() {
		col := m.help.FullHelpView([][]key.Binding{grp})
		if col == "" {
			continue
		}
		col = lipgloss.NewStyle().PaddingRight(4).Render(col)
		if len(row) > 0 && textWidth(lipgloss.JoinHorizontal(lipgloss.Top, append(row, col)...)) > w {
			flush()
		}
		row = append(row, col)
	}
	flush()
	return lines
}

// helpView draws the full help in a w×h box, scrolled to helpTop.
func (m *Model) helpView(w, h int) string {
	s := m.c.styles
	lines := m.helpLines(max(1, w-2))
	room := max(1, h-3)
	top := max(0, min(m.helpTop, len(lines)-room))
	title := m.c.t("Keys (%s closes)", m.keys.Help.Help().Key)
	if len(lines) > room {
		title += " · " + m.c.t("j/k scroll")
	}
	return box(s.focusedEdges, append([]string{s.PaneTitle.Render(title)}, lines[top:]...), w, h)
}

// helpKey scrolls the full help or closes it; false for keys it leaves
// to the rest of the screen.
func (m *Model) helpKey(k tea.KeyMsg) bool {
	if k.Type == tea.KeyEsc {
		m.fullHelp = false
		return true
	}
	if step := m.roles.keys.step(k, max(1, m.height/2)); step != 0 {
		m.helpTop = max(0, min(m.helpTop+step, len(m.helpLines(max(1, m.width-2)))-1))
		return true
	}
	return false
}
