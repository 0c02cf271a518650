package tui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/warroom/warroom/model"
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
		parts = append(parts, m.noticeLines(w)...)
	}
	return strings.Join(append(parts, m.shortHelpLine(w, "", m.shortHelp())), "\n")
}

// noticeLinesMax is the most lines a notice takes.
const noticeLinesMax = 4

// noticeLines is the notice wrapped whole in w columns: a refusal says
// every reason, not as many as one line holds.
func (m *Model) noticeLines(w int) []string {
	if m.notice == "" {
		return nil
	}
	out := wrap(safetext.Line(m.notice), w)
	if len(out) > noticeLinesMax {
		out = append(out[:noticeLinesMax-1], strings.Join(out[noticeLinesMax-1:], " "))
	}
	for i, l := range out {
		out[i] = m.c.styles.Error.Render(fit(l, w))
	}
	return out
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

// shortHelp lists the keys that work now, most useful first: the answer
// to a role handed to you, the focused pane's own keys (on the task list
// what marks a task done), then the global ones used most, and undo; the
// answer recorded for someone else's role comes last. Keys that do not
// work now are disabled, and help leaves them out.
func (m *Model) shortHelp() []key.Binding {
	g := m.keys
	answer := []key.Binding{g.Accept, g.Decline}
	var out []key.Binding
	if p, ok := m.answerable(); ok && m.answerFor(p) == "" {
		out, answer = answer, nil
	}
	out = append(out, m.panes()[m.focus].ShortHelp()...)
	for _, b := range g.ShortHelp() {
		if !sameKeys(b, g.Accept) && !sameKeys(b, g.Decline) {
			out = append(out, b)
		}
	}
	return append(append(out, g.Undo), answer...)
}

// sameKeys reports whether two bindings are for the same keys.
func sameKeys(a, b key.Binding) bool { return slices.Equal(a.Keys(), b.Keys()) }

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

// helpSection is one part of the full help: a heading and its keys.
type helpSection struct {
	title string
	keys  []key.Binding
}

// helpSections lists every key once, by what it is for: moving, writing,
// the incident and its roles, the task keys, the timeline's, each role
// tool's under the roles whose panes have it, the prompts', the screen's.
// Not only those that work in the focused pane (the footer shows those).
// On the wall the keys that change the incident stay off and out.
func (m *Model) helpSections() []helpSection {
	c, g := m.c, m.keys
	on := func(bs ...key.Binding) []key.Binding {
		out := make([]key.Binding, 0, len(bs))
		for _, b := range bs {
			if !m.opts.Wall {
				b.SetEnabled(true) // a copy: the help lists it even where it does not work now
			}
			out = append(out, b)
		}
		return out
	}
	titles := []string{c.t("Move"), c.t("Write"), c.t("The incident and its roles"), c.t("The screen")}
	global := g.FullHelp()
	var out []helpSection
	for i, grp := range global[:len(global)-1] {
		title := c.t("More")
		if i < len(titles)-1 {
			title = titles[i]
		}
		keys := on(grp...)
		switch i {
		case 0:
			l := m.roles.keys
			keys = append(keys, on(l.Up, l.Down, l.PageUp, l.PageDown, l.Top, l.Bottom)...)
		case 1:
			// How to add a theory or a follow-up: a note that starts so.
			keys = append(keys, on(bind(c.lang, "n th:", "adds a theory", "n"), bind(c.lang, "n todo:", "adds a follow-up", "n"))...)
		}
		out = append(out, helpSection{title, keys})
	}
	if !m.opts.Wall {
		k := m.tasks.keys
		out = append(out, helpSection{c.t("Tasks: on the task list or a role pane"), on(k.Start, k.Done, k.Reopen, k.Cancel, k.Assign)})
	}
	tl := m.timeline.keys
	clear := tl.ClearFilter
	clear.SetHelp("esc", c.t("clear the filter, or back to the newest"))
	out = append(out, helpSection{c.t("Timeline"), on(tl.Read, tl.Filter, tl.Pin, clear)})
	if !m.opts.Wall {
		out = append(out, m.toolSections(on)...)
		pk := newPromptKeys(c.lang)
		out = append(out, helpSection{c.t("In a prompt"), on(pk.Submit, pk.Cancel, pk.Complete, pk.Clear)})
	}
	// Theme, help, quit: as they work.
	return append(out, helpSection{titles[len(titles)-1], global[len(global)-1]})
}

// toolSections are the role tools' keys, each under the names of the
// roles whose panes have it, in the catalog's order.
func (m *Model) toolSections(on func(...key.Binding) []key.Binding) []helpSection {
	c := m.c
	var names []string
	roles := map[string][]string{}
	for _, r := range c.catalog.Roles() {
		for _, name := range r.Tools {
			if _, ok := toolMakers[name]; !ok {
				continue
			}
			if len(roles[name]) == 0 {
				names = append(names, name)
			}
			roles[name] = append(roles[name], c.label(model.RoleRef{Role: r.Key}))
		}
	}
	var out []helpSection
	for _, name := range names {
		var keys []key.Binding
		for _, grp := range toolMakers[name](c).FullHelp() {
			keys = append(keys, on(grp...)...)
		}
		if len(keys) > 0 {
			out = append(out, helpSection{c.t("On the pane of: %s", strings.Join(roles[name], ", ")), keys})
		}
	}
	return out
}

// tabsLegend says what the marks on the role tabs mean.
func (m *Model) tabsLegend() string {
	return m.c.t("Tabs: [the role shown] · ● a role you hold · * still with the incident manager, not handed to anyone yet · ? handed, not yet accepted")
}

// helpLines lays the full help out w columns wide: what the tabs' marks
// mean, then a column of keys under a heading for each section, left to
// right, wrapping onto a new row of columns where the next one does not
// fit.
func (m *Model) helpLines(w int) []string {
	s := m.c.styles
	var lines []string
	for _, l := range wrap(m.tabsLegend(), w) {
		lines = append(lines, s.Muted.Render(l))
	}
	lines = append(lines, "")
	var row []string
	flush := func() {
		if len(row) > 0 {
			lines = append(lines, strings.Split(lipgloss.JoinHorizontal(lipgloss.Top, row...), "\n")...)
			lines = append(lines, "")
			row = nil
		}
	}
	for _, sec := range m.helpSections() {
		keys := m.help.FullHelpView([][]key.Binding{sec.keys})
		if keys == "" {
			continue
		}
		head := s.Bold.Render(safetext.Truncate(sec.title, w))
		col := lipgloss.NewStyle().PaddingRight(4).Render(head + "\n" + keys)
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
	shown := append([]string(nil), lines[top:min(len(lines), top+room)]...)
	if below := len(lines) - top - room; below > 0 && room > 1 {
		shown[len(shown)-1] = s.Muted.Render(m.c.n(below, "↓ %d more line below (j)|↓ %d more lines below (j)", below))
	}
	if top > 0 && room > 2 {
		shown[0] = s.Muted.Render(m.c.n(top, "↑ %d more line above (k)|↑ %d more lines above (k)", top))
	}
	return box(s.focusedEdges, append([]string{s.PaneTitle.Render(title)}, shown...), w, h)
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
