package tui

import (
	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// The incident manager's board names the runbooks applied to the
// incident whose review date has passed: their steps may no longer be
// what the team does.

// staleRunbooks are the runbook entries of the snapshot whose review
// date has passed by now.
func (c *common) staleRunbooks() []model.Entry {
	var out []model.Entry
	for _, e := range c.snap.runbooks {
		if e.From != "" && model.OutOfDate(e.From, c.now) {
			out = append(out, e)
		}
	}
	return out
}

// runbookRows renders the board's out-of-date runbooks, if any.
func (b *board) runbookRows(w int) []row {
	c, s := b.c, b.c.styles
	stale := c.staleRunbooks()
	if len(stale) == 0 {
		return nil
	}
	out := textRows(s.Warning.Render(c.t("RUNBOOKS OUT OF DATE (%d)", len(stale))))
	for i, e := range stale {
		if i == listCap {
			out = append(out, row{text: s.Muted.Render(c.t("  and %d more", len(stale)-listCap))})
			break
		}
		owner := safetext.Line(e.To)
		if owner == "" {
			owner = c.t("nobody")
		}
		out = append(out, row{text: fit(s.Text.Render(c.t("  %q: review was due %s (owner %s); check its steps",
			safetext.Line(e.Text), safetext.Line(e.From), owner)), w)})
	}
	return out
}
