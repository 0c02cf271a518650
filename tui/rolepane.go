package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/report"
	"github.com/warroom/warroom/model/safetext"
)

// Latest entries shown on a role pane, and how far back to look for them.
const (
	roleEntries     = 5
	roleEntriesScan = 5000
)

// rolePane is the focused role instance's pane: who holds it and since
// when, the briefing, the role's tools, what the role does, its open
// tasks and its latest entries.
type rolePane struct {
	frame
	c      *common
	keys   listKeys
	index  int           // the focused instance, in snapshot.holdings
	hold   model.Holding // and its holding
	role   string        // the role key the tools were made for
	tools  []tool
	tasks  taskKeys // on the task under the cursor
	top    int      // first line shown
	cursor int      // the line under the cursor, below the title: a task or a theory; -1 when none
	free   bool     // the view was scrolled away from the cursor: it stays where it was put

	at      row           // what the cursor is on, to follow it when the pane changes
	atNth   int           // which showing of it: a task can be listed twice
	entries []model.Entry // latest about the role, newest first
}

func newRolePane(c *common) *rolePane {
	return &rolePane{c: c, keys: newListKeys(c.lang), tasks: newTaskKeys(c), role: "\x00", cursor: -1}
}

// Init does nothing: the pane waits for snapshots.
func (p *rolePane) Init() tea.Cmd { return nil }

// setRole shows role instance i of the snapshot.
func (p *rolePane) setRole(i int) {
	hs := p.c.snap.holdings
	if i < 0 || i >= len(hs) {
		return
	}
	if p.hold.Ref != hs[i].Ref {
		p.top, p.cursor, p.at, p.free = 0, -1, row{}, false
	}
	p.index, p.hold = i, hs[i]
	if p.hold.Ref.Role != p.role {
		p.role = p.hold.Ref.Role
		p.tools = toolsOf(p.c, p.role)
	}
	p.refresh()
}

// refresh derives what the pane shows from the snapshot and the clock.
// The cursor stays on the task or theory it was on (place).
func (p *rolePane) refresh() {
	p.findEntries()
	for _, t := range p.tools {
		t.refresh(p.hold)
	}
}

// Update takes ticks and snapshots (the root model calls setRole after a
// snapshot), and the keys of the focused pane: the tools' first, then the
// task keys on the task under the cursor, then moving.
func (p *rolePane) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	w, h := p.content()
	// A tick moves nothing: the clocks it changes are drawn by View. The
	// rows are drawn for a key, and, but on the wall (which has no
	// cursor), for what may move the cursor: a new incident, a new size.
	if _, isTick := msg.(tickMsg); isTick {
		p.refresh()
		return p, nil
	}
	var rows []row
	if _, isKey := msg.(tea.KeyMsg); isKey || !p.c.wall {
		rows = p.rows(w)[1:]
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		at := p.under(rows)
		for _, t := range p.tools {
			if t.key(msg, at) {
				return p, nil
			}
		}
		if task, ok := p.taskAt(at); ok && p.tasks.act(p.c, msg, task) {
			return p, nil
		}
		if step := p.keys.step(msg, max(1, h-1)); step != 0 {
			p.move(rows, h, step)
		}
	}
	p.place(rows, h)
	task, ok := p.taskAt(p.under(rows))
	p.tasks.enable(task, ok && p.focused, p.c)
	return p, nil
}

// taskAt is the task row r shows, if it shows one. A row that shows none
// is not looked up: the error for an id that names no task lists the
// tasks, sorted, and the pane asks after every message.
func (p *rolePane) taskAt(r row) (model.Task, bool) {
	if r.task == "" {
		return model.Task{}, false
	}
	t, err := p.c.state().Task(r.task)
	return t, err == nil
}

// move takes a move key: up and down go to the previous or next task or
// theory, the view following; past the first or the last they scroll a
// line, so that the rest of the pane can be read. A page, the top and
// the bottom scroll the view, and the cursor goes to the first task or
// theory shown. The wall has no cursor: it scrolls.
func (p *rolePane) move(rows []row, h, step int) {
	scroll := func(n int) {
		p.top, p.free = max(0, min(p.top+n, len(rows)-h)), true
	}
	if p.c.wall {
		scroll(step)
		return
	}
	acts := actionable(rows)
	if step != 1 && step != -1 {
		scroll(step)
		p.cursor = -1
		for _, i := range acts {
			if p.shown(i, h, len(rows)) {
				p.cursor = i
				break
			}
		}
		p.mark(rows)
		return
	}
	next := -1
	if p.cursor >= 0 && p.shown(p.cursor, h, len(rows)) {
		for k, i := range acts {
			if i == p.cursor && k+step >= 0 && k+step < len(acts) {
				next = acts[k+step]
			}
		}
	} else {
		// The cursor is out of view: it comes back on the first (or,
		// going up, the last) task or theory in view.
		for _, i := range acts {
			if p.shown(i, h, len(rows)) && (next < 0 || step < 0) {
				next = i
			}
		}
	}
	if next < 0 {
		scroll(step)
		return
	}
	p.cursor, p.free = next, false
	p.mark(rows)
	p.top = follow(p.top, next, len(rows), h)
}

// mark remembers what the cursor is on, and which showing of it.
func (p *rolePane) mark(rows []row) {
	p.at, p.atNth = row{}, 0
	if p.cursor < 0 || p.cursor >= len(rows) {
		return
	}
	p.at = rows[p.cursor]
	for i := range p.cursor {
		if same(rows[i], p.at) {
			p.atNth++
		}
	}
}

// same reports whether two lines show the same task or theory.
func same(a, b row) bool { return isActionable(a) && a.task == b.task && a.theory == b.theory }

// find is the line that shows what the cursor was on, or -1.
func (p *rolePane) find(rows []row) int {
	n := 0
	for i, r := range rows {
		if same(r, p.at) {
			if n == p.atNth {
				return i
			}
			n++
		}
	}
	return -1
}

// place keeps the cursor on a task or a theory: on the first when the
// pane is new, on the nearest when the one it was on has gone. The view
// follows it, unless it was scrolled away.
func (p *rolePane) place(rows []row, h int) {
	if p.c.wall {
		return
	}
	acts := actionable(rows)
	switch found := p.find(rows); {
	case len(acts) == 0:
		p.cursor = -1
	case p.cursor < 0 && p.free:
	case p.cursor < 0:
		p.cursor = acts[0]
	case found >= 0:
		p.cursor = found
	default:
		// What it was on has gone: the next one after, else the last.
		next := acts[len(acts)-1]
		for i := len(acts) - 1; i >= 0 && acts[i] >= p.cursor; i-- {
			next = acts[i]
		}
		p.cursor = next
	}
	p.mark(rows)
	if p.cursor >= 0 && !p.free {
		p.top = follow(p.top, p.cursor, len(rows), h)
	}
	p.top = max(0, min(p.top, len(rows)-h))
}

// shown reports whether line i of n is in the view of h lines, not
// under its "↑ more" or "↓ more" marks.
func (p *rolePane) shown(i, h, n int) bool {
	top := max(0, min(p.top, n-h))
	first, last := top, top+h-1
	if top > 0 {
		first++
	}
	if top+h < n {
		last--
	}
	return i >= first && i <= last
}

// actionable lists the lines the cursor stops on: tasks and theories.
func actionable(rows []row) []int {
	var out []int
	for i, r := range rows {
		if isActionable(r) {
			out = append(out, i)
		}
	}
	return out
}

// isActionable reports whether a line shows something the keys act on.
func isActionable(r row) bool { return r.task != "" || r.theory != "" }

// under is the row under the cursor, while it is in view.
func (p *rolePane) under(rows []row) row {
	_, h := p.content()
	if p.cursor >= 0 && p.cursor < len(rows) && p.shown(p.cursor, h, len(rows)) {
		return rows[p.cursor]
	}
	return row{}
}

// follow scrolls a view of h lines over n so that line cur is shown, not
// hidden under the "↑ more" or "↓ more" marks of the first and last line.
func follow(top, cur, n, h int) int {
	if n <= h || h < 3 {
		return 0
	}
	for range 2 {
		first, last := top, top+h-1
		if top > 0 {
			first++
		}
		if top+h < n {
			last--
		}
		switch {
		case cur < first:
			top = max(0, cur-1)
		case cur > last:
			top = cur - h + 2
		}
		top = max(0, min(top, n-h))
	}
	return top
}

// findEntries collects the latest entries about the role, or written by
// its holder about no role in particular. It runs in Update, so drawing
// never scans the timeline.
func (p *rolePane) findEntries() {
	p.entries = p.entries[:0:0]
	tl := p.c.state().Timeline
	for i := len(tl) - 1; i >= 0 && i >= len(tl)-roleEntriesScan && len(p.entries) < roleEntries; i-- {
		e := tl[i]
		if e.RoleRef() == p.hold.Ref || (e.Role == "" && !p.hold.Default && model.SameName(e.By, p.hold.Holder)) {
			p.entries = append(p.entries, e)
		}
	}
}

// View draws the lines that fit from the first shown, with marks for what
// is above and below.
func (p *rolePane) View() string {
	c, s := p.c, p.c.styles
	w, h := p.content()
	all := p.rows(w)
	title := all[0].text
	lines := make([]string, len(all)-1)
	for i, r := range all[1:] {
		lines[i] = r.text
		if i == p.cursor && p.focused && !c.wall {
			lines[i] = c.selectedLine(r, w)
		}
	}
	top := max(0, min(p.top, len(lines)-h))
	lines = lines[top:]
	if top > 0 && len(lines) > 0 {
		lines[0] = s.Muted.Render(c.t("↑ %d more", top))
	}
	if len(lines) > h && h > 0 {
		more := c.t("↓ %d more", len(lines)-h+1)
		if down := p.keys.Down.Help().Key; !p.focused {
			more += c.t(" (%s, then %s)", c.global.PrevArea.Help().Key, down)
		} else {
			more += " (" + down + ")"
		}
		lines = append(lines[:h-1], s.Muted.Render(more))
	}
	return p.draw(s, title, lines)
}

// rows renders the whole pane, w columns wide; the first row is the
// title.
func (p *rolePane) rows(w int) []row {
	c, s, h := p.c, p.c.styles, p.hold
	role, _ := c.catalog.Role(h.Ref.Role)
	txt := role.In(c.lang)
	out := textRows(s.PaneTitle.Render(c.label(h.Ref)) + s.Muted.Render(fmt.Sprintf("  %d/%d", p.index+1, len(c.snap.holdings))))
	add := func(lines ...string) { out = append(out, textRows(lines...)...) }
	if h.Default {
		add(s.DefaultHolder.Render(c.t("Held by %s, the incident manager: not handed to anyone yet", safetext.Line(h.Holder))))
	} else {
		add(s.Holder.Render(c.t("Held by %s", safetext.Line(h.Holder))) +
			s.Text.Render(c.dated(h.Since, " since %s (%s ago)", " since %s on %s (%s ago)", report.Age(c.now.Sub(h.Since)))))
		if a := c.acceptanceLine(h); a != "" {
			add(a)
		}
		if h.Note != "" {
			for _, l := range wrap(c.t(`Briefing: "%s"`, safetext.Line(h.Note)), w) {
				add(s.Muted.Render(l))
			}
		}
	}
	for _, t := range p.tools {
		out = append(out, t.rows(w)...)
	}
	add("")
	for _, l := range wrap(txt.Primary, w) {
		add(s.Text.Render(l))
	}
	for _, sec := range txt.Secondary {
		for i, l := range wrap(sec, w-2) {
			if i == 0 {
				add(s.Muted.Render("• " + l))
			} else {
				add(s.Muted.Render("  " + l))
			}
		}
	}
	if len(txt.OtherNames) > 0 {
		add(s.Muted.Render(c.t("Also called: %s", strings.Join(txt.OtherNames, ", "))))
	}

	var open []model.Task
	for _, t := range c.state().Tasks {
		if t.Open() && t.RoleRef() == h.Ref {
			open = append(open, t)
		}
	}
	add("", s.Bold.Render(c.t("Open tasks (%d)", len(open))))
	out = append(out, c.someTasks(open, w, false)...)
	if len(open) == 0 {
		add(s.Muted.Render(c.t("  none")))
	}
	add("", s.Bold.Render(c.t("Latest from this role")))
	for _, e := range p.entries {
		add(c.entryLine(e, w))
	}
	if len(p.entries) == 0 {
		add(s.Muted.Render(c.t("  none")))
	}
	return out
}

// ShortHelp lists the keys of the role's tools that work now, and the
// task keys when the cursor is on a task.
func (p *rolePane) ShortHelp() []key.Binding {
	var out []key.Binding
	for _, t := range p.tools {
		out = append(out, t.ShortHelp()...)
	}
	return append(out, p.tasks.ShortHelp()...)
}

// FullHelp lists the moves and the tools' keys.
func (p *rolePane) FullHelp() [][]key.Binding {
	out := p.keys.FullHelp()
	for _, t := range p.tools {
		out = append(out, t.FullHelp()...)
	}
	return out
}

// holds reports whether a tool of the pane holds something half keyed in
// that k goes on with.
func (p *rolePane) holds(k tea.KeyMsg) bool {
	for _, t := range p.tools {
		if h, ok := t.(holder); ok && h.holds(k) {
			return true
		}
	}
	return false
}

// settle saves what the pane's tools hold half keyed in.
func (p *rolePane) settle() {
	for _, t := range p.tools {
		if h, ok := t.(holder); ok {
			h.settle()
		}
	}
}
