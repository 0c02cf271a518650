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
	c       *common
	keys    listKeys
	index   int           // the focused instance, in snapshot.holdings
	hold    model.Holding // and its holding
	role    string        // the role key the tools were made for
	tools   []tool
	top     int           // first line shown
	entries []model.Entry // latest about the role, newest first
}

func newRolePane(c *common) *rolePane {
	return &rolePane{c: c, keys: newListKeys(c.lang), role: "\x00"}
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
		p.top = 0
	}
	p.index, p.hold = i, hs[i]
	if p.hold.Ref.Role != p.role {
		p.role = p.hold.Ref.Role
		p.tools = toolsOf(p.c, p.role)
	}
	p.refresh()
}

// refresh derives what the pane shows from the snapshot and the clock.
func (p *rolePane) refresh() {
	p.findEntries()
	for _, t := range p.tools {
		t.refresh(p.hold)
	}
}

// Update takes ticks and snapshots (the root model calls setRole after a
// snapshot), and the keys of the focused pane: the tools' first, then
// scrolling.
func (p *rolePane) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tickMsg:
		p.refresh()
	case tea.KeyMsg:
		for _, t := range p.tools {
			if t.key(msg) {
				return p, nil
			}
		}
		_, h := p.content()
		p.top = max(0, p.top+p.keys.step(msg, max(1, h-1)))
	}
	return p, nil
}

// findEntries collects the latest entries about the role, or written by
// its holder about no role in particular. It runs in Update, so drawing
// never scans the timeline.
func (p *rolePane) findEntries() {
	p.entries = p.entries[:0:0]
	tl := p.c.state().Timeline
	for i := len(tl) - 1; i >= 0 && i >= len(tl)-roleEntriesScan && len(p.entries) < roleEntries; i-- {
		e := tl[i]
		if e.RoleRef() == p.hold.Ref || (e.Role == "" && !p.hold.Default && e.By == p.hold.Holder) {
			p.entries = append(p.entries, e)
		}
	}
}

// View draws the lines that fit from the first shown, with marks for what
// is above and below.
func (p *rolePane) View() string {
	c, s := p.c, p.c.styles
	w, h := p.content()
	all := p.lines(w)
	title, lines := all[0], all[1:]
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

// lines renders the whole pane, w columns wide; the first line is the
// title.
func (p *rolePane) lines(w int) []string {
	c, s, h := p.c, p.c.styles, p.hold
	role, _ := c.catalog.Role(h.Ref.Role)
	txt := role.In(c.lang)
	out := []string{s.PaneTitle.Render(c.label(h.Ref)) + s.Muted.Render(fmt.Sprintf("  %d/%d", p.index+1, len(c.snap.holdings)))}
	add := func(lines ...string) { out = append(out, lines...) }
	if h.Default {
		add(s.DefaultHolder.Render(c.t("Held by %s, the incident manager: not handed to anyone yet", safetext.Line(h.Holder))))
	} else {
		add(s.Holder.Render(c.t("Held by %s", safetext.Line(h.Holder))) +
			s.Text.Render(c.t(" since %s (%s ago)", c.localTime(h.Since), report.Age(c.now.Sub(h.Since)))))
		if h.Note != "" {
			for _, l := range wrap(c.t(`Briefing: "%s"`, safetext.Line(h.Note)), w) {
				add(s.Muted.Render(l))
			}
		}
	}
	for _, t := range p.tools {
		add(t.lines(w)...)
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
	add(c.someTasks(open, w, false)...)
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

// ShortHelp lists the keys of the role's tools that work now.
func (p *rolePane) ShortHelp() []key.Binding {
	var out []key.Binding
	for _, t := range p.tools {
		out = append(out, t.ShortHelp()...)
	}
	return out
}

// FullHelp lists the moves and the tools' keys.
func (p *rolePane) FullHelp() [][]key.Binding {
	out := p.keys.FullHelp()
	for _, t := range p.tools {
		out = append(out, t.FullHelp()...)
	}
	return out
}
