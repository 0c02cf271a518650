package tui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// The incident manager's "nobody owns this" board: expired time boxes,
// hooks failing (board_hooks.go), tasks without an owner, roles still with
// the incident manager, and open tasks nobody has touched for a while.
var _ = registerTool("board", func(c *common) tool { return &board{c: c} })

// staleAfter is how long an open task may go untouched before the board
// lists it.
const staleAfter = 15 * time.Minute

type board struct {
	c                       *common
	unowned, stale, expired []model.Task
	defaults                []string               // roles still with the incident manager, by name
	both                    string                 // who holds the incident manager and a tech lead role at once
	waiting                 []model.PendingHandoff // handed longer ago than the limit, not yet accepted
}

func (b *board) refresh(model.Holding) {
	c := b.c
	b.unowned, b.stale, b.expired, b.defaults = nil, nil, nil, nil
	for _, t := range c.state().Tasks {
		if t.Expired(c.now) {
			b.expired = append(b.expired, t)
		}
		if !t.Open() {
			continue
		}
		if t.Role == "" && t.Owner == "" {
			b.unowned = append(b.unowned, t)
		}
		if c.now.Sub(t.Updated) >= staleAfter {
			b.stale = append(b.stale, t)
		}
	}
	b.both = ""
	b.waiting = c.state().Unaccepted(c.now)
	im := c.state().Commander()
	for _, h := range c.snap.holdings {
		if h.Default {
			b.defaults = append(b.defaults, c.label(h.Ref))
		}
		if h.Ref.Role == model.TechLead && !h.Default && model.SameName(h.Holder, im) {
			b.both = im
		}
	}
}

func (b *board) rows(w int) []row {
	c, s := b.c, b.c.styles
	out := textRows(s.Warning.Render(c.t("NOBODY OWNS THIS")))
	text := func(l string) { out = append(out, row{text: l}) }
	if b.both != "" {
		text(s.Warning.Render(c.t("%s is both the incident manager and a tech lead: hand one of them to someone else", safetext.Line(b.both))))
	}
	if len(b.waiting) > 0 {
		text(s.Warning.Render(c.t("HANDOFFS NOT YET ACCEPTED (%d)", len(b.waiting))))
		for i, p := range b.waiting {
			if i == listCap {
				text(s.Muted.Render(c.t("  and %d more", len(b.waiting)-listCap)))
				break
			}
			text(fit(s.Text.Render(c.t("  %s: %s, handed %s ago by %s", c.label(p.Ref), safetext.Line(p.Holder), clock(p.Waiting), safetext.Line(p.By))), w))
		}
	}
	if len(b.expired) > 0 {
		text(s.Warning.Render(c.t("TIME BOX EXPIRED (%d)", len(b.expired))))
		out = append(out, c.someTasks(b.expired, w, false)...)
	}
	out = append(out, b.hookRows(w)...)
	out = append(out, b.runbookRows(w)...)
	if len(b.unowned)+len(b.stale)+len(b.defaults)+len(b.waiting) == 0 {
		text(s.Muted.Render(c.t("  every task has an owner and every role a holder")))
		return out
	}
	text(s.Bold.Render(c.t("Tasks without an owner (%d)", len(b.unowned))))
	out = append(out, c.someTasks(b.unowned, w, false)...)
	text(s.Bold.Render(c.t("Roles still with the incident manager (%d)", len(b.defaults))))
	for _, l := range wrap(strings.Join(b.defaults, ", "), w-2) {
		text("  " + s.DefaultHolder.Render(l))
	}
	text(s.Bold.Render(c.t("Open tasks untouched for %d min (%d)", int(staleAfter.Minutes()), len(b.stale))))
	return append(out, c.someTasks(b.stale, w, true)...)
}

func (b *board) key(tea.KeyMsg, row) bool  { return false }
func (b *board) ShortHelp() []key.Binding  { return nil }
func (b *board) FullHelp() [][]key.Binding { return nil }
