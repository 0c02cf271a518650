package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// timelineKeys act on the timeline when it has focus.
type timelineKeys struct {
	list                      listKeys
	Read, Filter, ClearFilter key.Binding
	Pin                       key.Binding
}

// ShortHelp offers reading the selected entry, the filter, and its
// clearing while one is on.
func (k timelineKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Read, k.Pin, k.Filter, k.ClearFilter}
}

// FullHelp lists the moves, reading an entry and the filter.
func (k timelineKeys) FullHelp() [][]key.Binding {
	return append(k.list.FullHelp(), []key.Binding{k.Read, k.Pin, k.Filter, k.ClearFilter})
}

// timelinePane is the timeline: every entry in the order things happened,
// the newest at the bottom, scrolled and filtered.
type timelinePane struct {
	frame
	c    *common
	keys timelineKeys
	view timelineView
}

func newTimelinePane(c *common) *timelinePane {
	return &timelinePane{c: c, view: timelineView{sel: -1}, keys: timelineKeys{
		list:        newListKeys(c.lang),
		Read:        bind(c.lang, "enter", "read the entry in full", "enter"),
		Filter:      bind(c.lang, "/", "filter by role, kind or person", "/"),
		ClearFilter: bind(c.lang, "esc", "clear filter", "esc"),
		Pin:         bind(c.lang, "P", "pin as a key moment", "P"),
	}}
}

// Init does nothing: the timeline waits for snapshots.
func (p *timelinePane) Init() tea.Cmd { return nil }

// Update takes new snapshots and the keys of the focused timeline.
func (p *timelinePane) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case snapshotMsg:
		p.view.setEntries(p.c.state().Timeline)
	case tea.KeyMsg:
		p.key(msg)
	}
	_, h := p.content()
	p.view.clamp(h)
	_, sel := p.view.selected()
	p.keys.Read.SetEnabled(p.focused && sel)
	p.pinKey()
	p.keys.Filter.SetEnabled(p.focused)
	p.keys.ClearFilter.SetEnabled(p.focused && (p.view.filter != "" || sel))
	if p.view.filter == "" {
		p.keys.ClearFilter.SetHelp("esc", p.c.t("back to the newest"))
	} else {
		p.keys.ClearFilter.SetHelp("esc", p.c.t("clear filter"))
	}
	return p, nil
}

func (p *timelinePane) key(msg tea.KeyMsg) {
	switch {
	case key.Matches(msg, p.keys.Read):
		if e, ok := p.view.selected(); ok {
			p.c.act.read(e)
		}
	case key.Matches(msg, p.keys.Pin):
		if e, ok := p.view.selected(); ok {
			p.c.act.change(model.Pin{Entry: e.ID, Unpin: p.c.snap.pinned[e.ID]})
		}
	case key.Matches(msg, p.keys.Filter):
		p.c.act.open(p.filterPrompt())
	case key.Matches(msg, p.keys.ClearFilter) && p.view.filter != "":
		_ = p.view.setFilter(p.c.catalog, p.c.lang, "", nil)
	case key.Matches(msg, p.keys.ClearFilter):
		p.view.unselect()
	default:
		_, h := p.content()
		if step := p.keys.list.step(msg, max(1, h-1)); step != 0 {
			p.view.move(step, h)
		}
	}
}

// filterPrompt asks for a role or a kind to show alone.
func (p *timelinePane) filterPrompt() *prompt {
	c := p.c
	l := c.lang
	kinds := []string{model.KindNote.In(l), model.KindDecision.In(l), model.KindHandoff.In(l), l.T("task")}
	var names []string
	for _, k := range []model.Kind{model.KindNote, model.KindDecision, model.KindAction, model.KindTheory, model.KindFollowup,
		model.KindHandoff, model.KindStatus, model.KindSeverity} {
		names = append(names, k.In(l))
	}
	return newPrompt(c, c.t("Filter timeline by:"),
		c.t("a role (tl, comms/external…), a kind (%s…) or a person (bob; -pagerbot hides one); empty clears", strings.Join(kinds, ", ")), 100,
		append(append(append(c.catalog.AllNames(), names...), l.T("task")), peopleNames(c.state().People)...),
		func(v string) (model.Op, *prompt, error) {
			return nil, nil, p.view.setFilter(c.catalog, l, v, c.state().People)
		})
}

// View draws the entries that fit, the newest at the bottom.
func (p *timelinePane) View() string {
	c := p.c
	w, h := p.content()
	all := len(c.state().Timeline)
	title := c.t("Timeline (%d)", all)
	if p.view.filter != "" {
		title = withHint(c.t("Timeline: %s (%d of %d)", safetext.Line(p.view.filter), p.view.len(), all), p.keys.ClearFilter)
	}
	if p.view.offset > 0 {
		title += c.t(" · ↓ %d newer", p.view.offset)
	}
	if c.loading {
		title += " · " + c.t("reading older entries…")
	}
	var lines []string
	from, to := p.view.window(h)
	for i := from; i < to; i++ {
		line := c.entryLine(p.view.at(i), w)
		if i == p.view.sel && p.focused {
			line = c.styles.Selected.Render(fit("› "+ansi.Strip(line), w))
		}
		lines = append(lines, line)
	}
	if from == to {
		lines = append(lines, c.styles.Muted.Render(c.t("no entries")))
	}
	return p.draw(c.styles, title, lines)
}

// ShortHelp lists the timeline's keys that work now.
func (p *timelinePane) ShortHelp() []key.Binding { return p.keys.ShortHelp() }

// FullHelp lists every timeline key.
func (p *timelinePane) FullHelp() [][]key.Binding { return p.keys.FullHelp() }
