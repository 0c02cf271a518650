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
	cursor int      // the line under the cursor, below the title; -1 until a move key

	at      row           // what it shows, to follow it when the pane changes
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
		p.top, p.cursor, p.at = 0, -1, row{}
	}
	p.index, p.hold = i, hs[i]
	if p.hold.Ref.Role != p.role {
		p.role = p.hold.Ref.Role
		p.tools = toolsOf(p.c, p.role)
	}
	p.refresh()
}

// refresh derives what the pane shows from the snapshot and the clock,
// and keeps the cursor on the task or theory it was on.
func (p *rolePane) refresh() {
	p.findEntries()
	for _, t := range p.tools {
		t.refresh(p.hold)
	}
	if p.at.task == "" && p.at.theory == "" {
		return
	}
	w, _ := p.content()
	for i, r := range p.rows(w)[1:] {
		if (p.at.task != "" && r.task == p.at.task) || (p.at.theory != "" && r.theory == p.at.theory) {
			p.cursor = i
			return
		}
	}
}

// Update takes ticks and snapshots (the root model calls setRole after a
// snapshot), and the keys of the focused pane: the tools' first, then the
// task keys on the task under the cursor, then moving.
func (p *rolePane) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	w, h := p.content()
	// The rows are drawn only when a key or the cursor needs them: with no
	// cursor, nothing is under it, and a tick or a snapshot moves nothing.
	var rows []row
	if _, isKey := msg.(tea.KeyMsg); isKey || p.cursor >= 0 {
		rows = p.rows(w)[1:]
	}
	switch msg := msg.(type) {
	case tickMsg:
		p.refresh()
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
		step := p.keys.step(msg, max(1, h-1))
		if p.c.wall {
			p.top = max(0, p.top+step) // the wall has no cursor: it scrolls
		} else if step != 0 {
			if p.cursor < 0 {
				p.cursor = p.top // the cursor appears where the pane is
				step = min(0, step)
			}
			p.cursor = max(0, min(p.cursor+step, len(rows)-1))
			p.at = p.under(rows)
		}
	}
	if p.cursor >= 0 && !p.c.wall {
		p.cursor = min(p.cursor, len(rows)-1)
		p.top = follow(p.top, p.cursor, len(rows), h)
	}
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

// under is the row under the cursor.
func (p *rolePane) under(rows []row) row {
	if p.cursor >= 0 && p.cursor < len(rows) {
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
