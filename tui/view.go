package tui

import (
	"strings"

	"github.com/warroom/warroom/model/safetext"
)

// Smallest screen drawn; anything at or below shows "terminal too small".
const (
	minWidth  = 40
	minHeight = 10
)

// View draws the screen: each component in its place. It reads only what
// is visible, so its cost does not grow with the length of the timeline.
func (m *Model) View() string {
	if m.quitting {
		return ""
	}
	c, w, h := m.c, m.width, m.height
	paint := func(s string) string { return c.styles.paint(block(strings.Split(s, "\n"), w, h)) }
	switch {
	case w <= minWidth || h <= minHeight:
		return paint(strings.Join(wrap(c.t("terminal too small: %d×%d; warroom needs more than %d×%d", w, h, minWidth, minHeight), w), "\n"))
	case m.declare != nil:
		return paint(m.declare.view(c.styles, m.opts.Path, w, h))
	case !m.loaded && m.opts.Wall:
		return paint(strings.Join(wrap(c.t("waiting for an incident to be declared in %s…", safetext.Line(m.opts.Path)), w), "\n"))
	case !m.loaded:
		return paint(strings.Join(wrap(c.t("reading %s…", safetext.Line(m.opts.Path)), w), "\n"))
	}
	// The header says who is at the keyboard: each screen draws its own.
	// What is below it may be a frame drawn once for every screen that
	// shows the same (Frames).
	head, below := "", h
	if !m.opts.Wall {
		head, below = m.header.View(), h-2
	}
	draw := func() string { return c.styles.paint(block(strings.Split(m.belowHeader(w), "\n"), w, below)) }
	var rest string
	if k, ok := m.frameKey(); ok {
		rest = m.opts.Frames.get(k, draw)
	} else {
		rest = draw()
	}
	if m.opts.Wall {
		return rest
	}
	return c.styles.paint(block(strings.Split(head, "\n"), w, 2)) + "\n" + rest
}

// belowHeader draws what is below the header: the tabs (the wall's
// banner and board instead), a problem with the file, the panes, the
// footer.
func (m *Model) belowHeader(w int) string {
	h := m.height
	top := m.tabs.View()
	if m.opts.Wall {
		top = m.wall.View()
	}
	if broken := m.fileLines(w); len(broken) > 0 {
		top += "\n" + strings.Join(broken, "\n")
	}
	body := m.bodyView()
	switch {
	case m.fullHelp:
		body = m.helpView(w, max(0, h-m.chromeHeight()))
	case m.reading != nil:
		body = m.reading.view(w, max(0, h-m.chromeHeight()))
	case m.sheet != nil:
		body = m.sheet.view(m.c, w, max(0, h-m.chromeHeight()))
	}
	return top + "\n" + body + "\n" + m.bottomView(w)
}

// bodyView puts the panes side by side or stacks them.
func (m *Model) bodyView() string {
	role, timeline, tasks := m.roles.View(), m.timeline.View(), m.tasks.View()
	// Every pane's lines are fitted to its width: they are put together
	// as they are, without measuring them again.
	if m.sizes.wide {
		return beside(role, timeline+"\n"+tasks)
	}
	return role + "\n" + timeline + "\n" + tasks
}

// beside puts block b to the right of block a, line by line; the shorter
// is filled out with blank lines as wide as its first.
func beside(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	aw, bw := textWidth(al[0]), textWidth(bl[0])
	var out strings.Builder
	for i := range max(len(al), len(bl)) {
		if i > 0 {
			out.WriteByte('\n')
		}
		if i < len(al) {
			out.WriteString(al[i])
		} else {
			out.WriteString(strings.Repeat(" ", aw))
		}
		if i < len(bl) {
			out.WriteString(bl[i])
		} else {
			out.WriteString(strings.Repeat(" ", bw))
		}
	}
	return out.String()
}

// relayout gives every component its size after a resize, a change of
// focus, a prompt opened or closed.
func (m *Model) relayout() {
	w := m.width
	m.help.Width = w
	m.header.SetSize(w, 2)
	tabLines := 3
	if m.height < 24 {
		tabLines = 1
	}
	m.tabs.SetSize(w, tabLines)
	if m.prompt != nil {
		m.prompt.setSize(w, m.promptBudget())
	}
	m.wall.SetSize(w, 0)
	m.sizes = layout(w, max(0, m.height-m.chromeHeight()), m.focus)
	for a, p := range m.panes() {
		p.setWide(m.sizes.wide)
		p.SetSize(m.sizes.w[a], m.sizes.h[a])
	}
}

// fileLinesMax is the most lines a problem with the file takes.
const fileLinesMax = 4

// fileLines says, wrapped whole, that the file cannot be read as it is
// now and where: on every screen, the wall too, until it reads again.
func (m *Model) fileLines(w int) []string {
	if m.save.fileErr == "" {
		return nil
	}
	// Wrapped at spaces only, so that the path and its line:col stay in
	// one piece; a word longer than the line is cut where it must be.
	out := wrapAtSpaces(m.c.t("✗ FILE: %s", safetext.Line(m.save.fileErr)), w)
	if len(out) > fileLinesMax {
		out = append(out[:fileLinesMax-1], fit(strings.Join(out[fileLinesMax-1:], " "), w))
	}
	for i, l := range out {
		out[i] = m.c.styles.Error.Render(fit(l, w))
	}
	return out
}

// promptBudget is the most lines an open prompt takes: half of what the
// header, the tabs and the footer leave, so that the panes stay in view.
func (m *Model) promptBudget() int {
	return max(2, (m.height-2-m.tabs.height()-1)/2)
}

// chromeHeight is the height of everything but the panes.
func (m *Model) chromeHeight() int {
	broken := len(m.fileLines(m.width))
	if m.opts.Wall {
		return m.wall.height() + 1 + broken
	}
	n := 2 + m.tabs.height() + 1 + broken
	if m.newsText != "" {
		n++
	}
	if m.prompt != nil {
		n += m.prompt.height(m.notice)
	} else if m.closing {
		n++
	} else {
		n += len(m.noticeLines(m.width))
	}
	return n
}
