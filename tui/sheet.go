package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// sheet is a page of lines shown over the panes: the catch-up for who
// was away, what waits on the person at the keyboard, a handoff's
// read-back. esc, enter or space puts it away; the list keys scroll it;
// any other key puts it away and acts as usual (Y accepts the role a
// read-back is about).
type sheet struct {
	title string
	lines []string // sanitised; wrapped at the sheet's width when drawn
	top   int
}

// sheetKey handles a key while a sheet is shown; false when the key puts
// it away and should act as usual.
func (m *Model) sheetKey(k tea.KeyMsg) bool {
	switch k.Type {
	case tea.KeyEsc, tea.KeyEnter, tea.KeySpace:
		m.sheet = nil
		return true
	}
	if step := m.roles.keys.step(k, max(1, m.height/2)); step != 0 {
		m.sheet.top = max(0, m.sheet.top+step)
		return true
	}
	m.sheet = nil
	return false
}

// view draws the sheet in a w×h box, scrolled to top.
func (v *sheet) view(c *common, w, h int) string {
	s := c.styles
	var lines []string
	iw := max(1, w-2)
	for _, l := range v.lines {
		if textWidth(l) <= iw {
			lines = append(lines, s.Text.Render(l))
			continue
		}
		// Too long: wrapped, each part under the line's indent.
		indent := strings.Repeat(" ", len(l)-len(strings.TrimLeft(l, " ")))
		for _, part := range wrapAtSpaces(strings.TrimLeft(l, " "), max(1, iw-len(indent)-2)) {
			lines = append(lines, s.Text.Render(indent+part))
			if indent == "" || !strings.HasSuffix(indent, "  ") {
				indent += "  "
			}
		}
	}
	room := max(1, h-3)
	v.top = max(0, min(v.top, len(lines)-room))
	title := v.title + " · " + c.t("esc closes")
	if len(lines) > room {
		title += " · " + c.t("j/k scroll")
	}
	return box(s.focusedEdges, append([]string{s.PaneTitle.Render(title)}, lines[v.top:]...), w, h)
}
