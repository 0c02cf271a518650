package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// The problem manager's follow-ups: the remediation after the incident,
// with owner, due date and ticket.
var _ = registerTool("followups", func(c *common) tool {
	return &followups{c: c, add: bind(c.lang, "n", "with todo: adds one", "n")}
})

type followups struct {
	c    *common
	add  key.Binding
	open int
}

func (f *followups) refresh(model.Holding) {
	f.open = 0
	for _, fu := range f.c.state().FollowUps {
		if !fu.Done {
			f.open++
		}
	}
	f.add.SetEnabled(!f.c.wall)
}

func (f *followups) rows(w int) []row {
	c, s := f.c, f.c.styles
	all := c.state().FollowUps
	out := []string{s.Bold.Render(withHint(c.n(f.open, "Follow-ups (%d open)|Follow-ups (%d open)", f.open), f.add))}
	for i, fu := range all {
		if i == listCap {
			out = append(out, s.Muted.Render(c.t("  and %d more", len(all)-listCap)))
			break
		}
		mark, st := "[ ]", s.Text
		if fu.Done {
			mark, st = "[x]", s.Done
		}
		var details []string
		for _, d := range []string{fu.Owner, fu.Due, fu.Ticket} {
			if d != "" {
				details = append(details, safetext.Line(d))
			}
		}
		text := mark + " " + safetext.Line(fu.ID) + " " + safetext.Line(fu.Title)
		if len(details) > 0 {
			text += " · " + strings.Join(details, " · ")
		}
		out = append(out, fit(st.Render(text), w))
	}
	if len(all) == 0 {
		out = append(out, s.Muted.Render(c.t("  none yet")))
	}
	return textRows(out...)
}

func (f *followups) key(tea.KeyMsg, row) bool  { return false }
func (f *followups) ShortHelp() []key.Binding  { return nil }
func (f *followups) FullHelp() [][]key.Binding { return nil }
