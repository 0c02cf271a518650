package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// Tab forms, from the roomiest to the most compact.
const (
	tabFull    = iota // "2 Tech lead · database: bob"
	tabShort          // "2 TL·database: bob"
	tabCompact        // "2 TL·datab… bob"
)

// tabText is one tab: its number, role and holder. Roles still held by the
// incident manager by default are marked with * (and styled apart).
func (m *Model) tabText(h model.Holding, form int) string {
	name := safetext.Line(m.label(h.Ref))
	sep := ": "
	switch form {
	case tabShort:
		name = safetext.Line(shortName(m.opts.Catalog, h.Ref, 0))
	case tabCompact:
		name, sep = safetext.Line(shortName(m.opts.Catalog, h.Ref, 6)), " "
	}
	holder := safetext.Line(h.Holder)
	if form == tabCompact {
		holder = safetext.Truncate(holder, 10)
	}
	if h.Default {
		holder += "*"
	}
	return strconv.Itoa(m.opts.Catalog.Position(h.Ref.Role)+1) + " " + name + sep + holder
}

// shortName is a role's first alias in capitals, with its workstream cut
// to ws characters (0: whole).
func shortName(c *model.Catalog, ref model.RoleRef, ws int) string {
	name := ref.Role
	if r, ok := c.Role(ref.Role); ok && len(r.Aliases) > 0 {
		name = r.Aliases[0]
	}
	name = strings.ToUpper(name)
	if ref.Workstream != "" {
		w := ref.Workstream
		if ws > 0 {
			w = safetext.Truncate(w, ws)
		}
		name += "·" + w
	}
	return name
}

// tabsView lays the role tabs out on at most maxLines lines, in the
// roomiest form that fits.
func (m *Model) tabsView(w, maxLines int) string {
	lines := m.tabLinesFor(w, maxLines)
	return block(lines, w, len(lines))
}

// tabLinesFor returns the tab lines in the roomiest form that fits in
// maxLines, cut to maxLines when none does.
func (m *Model) tabLinesFor(w, maxLines int) []string {
	var lines []string
	for form := tabFull; form <= tabCompact; form++ {
		if lines = m.tabLines(w, form); len(lines) <= maxLines {
			break
		}
	}
	if len(lines) <= maxLines {
		return lines
	}
	// Still too many: show the lines around the focused tab, and say that
	// there are more before or after.
	start := min(focusLine(lines), len(lines)-maxLines)
	window := append([]string(nil), lines[start:start+maxLines]...)
	if start > 0 {
		window[0] = "‹" + window[0]
	}
	if start+maxLines < len(lines) {
		last := len(window) - 1
		window[last] = fit(window[last], max(0, w-1)) + "›"
	}
	return window
}

// focusLine is the line of the tab row that holds the focused tab.
func focusLine(lines []string) int {
	for i, l := range lines {
		if strings.Contains(ansi.Strip(l), "[") {
			return i
		}
	}
	return 0
}

func (m *Model) tabLines(w int, form int) []string {
	s := m.styles()
	var lines []string
	cur := ""
	for i, h := range m.holdings {
		st := s.Tab
		switch {
		case i == m.role && h.Default:
			st = s.TabDefaultActive
		case i == m.role:
			st = s.TabActive
		case h.Default:
			st = s.TabDefault
		}
		text := m.tabText(h, form)
		if i == m.role {
			text = "[" + text + "]"
		}
		tab := st.Render(text)
		if cur != "" && lipgloss.Width(cur)+lipgloss.Width(tab) > w {
			lines = append(lines, cur)
			cur = ""
		}
		cur += tab
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}
