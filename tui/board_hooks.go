package tui

import (
	"slices"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/report"
)

// The hooks on the incident manager's board: each hook whose latest run on
// an event failed — a non-zero exit, killed at its timeout, or unable to
// start — until a later run of it on that event goes well. Hooks run
// outside the room (paging, status pages); a page that did not go out is
// work nobody owns.

var _ = i18n.Register("tui hooks", i18n.Spanish, map[string]string{
	"hook":               "gancho",
	"time box":           "plazo",
	"HOOKS FAILING (%d)": "GANCHOS QUE FALLAN (%d)",
})

// hookRuns keeps the latest run of each hook on each event, as the
// snapshot reads the timeline once.
type hookRuns struct {
	latest map[hookKey]int // index in runs
	runs   []model.Entry
}

// hookKey is one hook on one event: its command as recorded.
type hookKey struct{ event, command string }

// note takes a hook entry: a later run of the same hook on the same event
// takes the place of an earlier one.
func (h *hookRuns) note(e model.Entry) {
	k := hookKey{e.Event, e.Command}
	if h.latest == nil {
		h.latest = map[hookKey]int{}
	}
	if i, ok := h.latest[k]; ok {
		if e.At.Before(h.runs[i].At) {
			return // a run recorded late, after a later one
		}
		h.runs[i] = e
		return
	}
	h.latest[k] = len(h.runs)
	h.runs = append(h.runs, e)
}

// failing are the hooks whose latest run failed, the latest first.
func (h *hookRuns) failing() []model.Entry {
	var out []model.Entry
	for _, e := range h.runs {
		if e.HookFailed() {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b model.Entry) int { return b.At.Compare(a.At) })
	return out
}

// hookRows renders the board's hooks that are failing, if any.
func (b *board) hookRows(w int) []row {
	c, s := b.c, b.c.styles
	failing := c.snap.failingHooks
	if len(failing) == 0 {
		return nil
	}
	out := textRows(s.Warning.Render(c.t("HOOKS FAILING (%d)", len(failing))))
	for i, e := range failing {
		if i == listCap {
			out = append(out, row{text: s.Muted.Render(c.t("  and %d more", len(failing)-listCap))})
			break
		}
		desc := report.Describe(e, report.Options{Catalog: c.catalog, Lang: c.lang})
		out = append(out, row{text: fit(s.Text.Render("  "+c.entryTime(e.At)+" "+desc), w)})
	}
	return out
}
