package tui

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/report"
	"github.com/warroom/warroom/model/safetext"
)

// Who is connected to a served war room: since when, what each is looking
// at, and how long since their last key — so the incident manager sees
// who is with them and who went quiet. Nothing when the screen is not
// served.
var _ = registerTool("who", func(c *common) tool { return &who{c: c} })

type who struct{ c *common }

func (t *who) refresh(model.Holding) {}

func (t *who) rows(w int) []row {
	c, s := t.c, t.c.styles
	if c.present == nil {
		return nil
	}
	out := textRows(s.Bold.Render(c.n(len(c.present), "Connected (%d)|Connected (%d)", len(c.present))))
	for i, p := range c.present {
		if i == listCap {
			out = append(out, row{text: s.Muted.Render(c.t("  and %d more", len(c.present)-listCap))})
			break
		}
		idle := c.t("no key yet")
		if !p.LastKey.IsZero() {
			idle = c.t("last key %s ago", report.Age(c.now.Sub(p.LastKey)))
		}
		line := "  " + fit(safetext.Line(p.Name), 10) + " " + c.dated(p.Since, "on %[2]s since %[1]s · %[3]s", "on %[3]s since %[1]s on %[2]s · %[4]s", safetext.Line(p.Looking.Label(c.catalog, c.lang)), idle)
		st := s.Text
		if !p.LastKey.IsZero() && c.now.Sub(p.LastKey) >= 10*time.Minute {
			st = s.Muted
		}
		out = append(out, row{text: fit(st.Render(line), w)})
	}
	return out
}

func (t *who) key(tea.KeyMsg, row) bool  { return false }
func (t *who) ShortHelp() []key.Binding  { return nil }
func (t *who) FullHelp() [][]key.Binding { return nil }
