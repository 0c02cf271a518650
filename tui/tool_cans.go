package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// The latest CAN reports (conditions, actions, needs), newest first: what
// the incident manager reads to know where every workstream stands.
var _ = registerTool("cans", func(c *common) tool { return &cans{c: c} })

// cansShown is how many CAN reports the pane shows.
const cansShown = 3

type cans struct {
	c       *common
	reports []model.Entry // newest first
}

func (t *cans) refresh(model.Holding) {
	t.reports = t.reports[:0:0]
	tl := t.c.state().Timeline
	for i := len(tl) - 1; i >= 0 && i >= len(tl)-roleEntriesScan && len(t.reports) < cansShown; i-- {
		if tl[i].Kind == model.KindCAN {
			t.reports = append(t.reports, tl[i])
		}
	}
}

func (t *cans) rows(w int) []row {
	if len(t.reports) == 0 {
		return nil
	}
	c, s := t.c, t.c.styles
	out := []string{s.Bold.Render(c.t("CAN reports, newest first"))}
	for _, e := range t.reports {
		who := safetext.Line(e.By)
		if !e.RoleRef().IsZero() {
			who += " · " + safetext.Line(c.shortName(e.RoleRef(), 0))
		}
		out = append(out, fit(s.Muted.Render(c.entryTime(e.At)+" "+who), w))
		for _, part := range []string{c.t("C: %s", safetext.Line(e.Conditions)), c.t("A: %s", safetext.Line(e.Actions)), c.t("N: %s", safetext.Line(e.Needs))} {
			out = append(out, fit(s.Text.Render("  "+part), w))
		}
	}
	return textRows(out...)
}

func (t *cans) key(tea.KeyMsg, row) bool  { return false }
func (t *cans) ShortHelp() []key.Binding  { return nil }
func (t *cans) FullHelp() [][]key.Binding { return nil }
