package tui

import (
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/report"
	"github.com/warroom/warroom/model/safetext"
)

// The scribe's "last heard from": everyone taking part, the one silent
// longest first, with the roles they hold, so that the record has no
// holes nobody noticed.
var _ = registerTool("heard", func(c *common) tool { return &heard{c: c} })

var _ = i18n.Register("tui-heard", i18n.Spanish, map[string]string{
	"Last heard from": "Última noticia de cada persona",
	"  nobody yet":    "  nadie todavía",
	"%s ago":          "hace %s",
	"nothing written": "nada escrito",
	"silent for %s":   "en silencio desde hace %s",
})

// quietAfter is how long someone may go without an entry before the
// scribe's list marks them.
const quietAfter = 10 * time.Minute

type heard struct {
	c      *common
	people []heardFrom // the one silent longest first
}

// heardFrom is one person: when they last wrote, and what they hold.
type heardFrom struct {
	name  string
	last  time.Time // zero: nothing written yet
	roles []string
}

func (t *heard) refresh(model.Holding) {
	c := t.c
	last := map[string]time.Time{}
	tl := c.state().Timeline
	// The people's latest entries, a bot's passed over: they neither
	// count towards how far back to look, but for a bound.
	for i, n := len(tl)-1, 0; i >= 0 && n < roleEntriesScan && i >= len(tl)-4*roleEntriesScan; i-- {
		if c.snap.bots.Is(tl[i].By) {
			continue
		}
		n++
		if by := strings.ToLower(tl[i].By); last[by].IsZero() {
			last[by] = tl[i].At
		}
	}
	roles := map[string][]string{}
	for _, h := range c.snap.holdings {
		if !h.Default {
			who := strings.ToLower(h.Holder)
			roles[who] = append(roles[who], c.shortName(h.Ref, 0))
		}
	}
	t.people = t.people[:0:0]
	for _, p := range c.state().People {
		if c.snap.bots.Is(p.Name) {
			continue // a bot is never silent, and never heard from
		}
		who := strings.ToLower(p.Name) // names match in any case
		t.people = append(t.people, heardFrom{name: p.Name, last: last[who], roles: roles[who]})
	}
	slices.SortStableFunc(t.people, func(a, b heardFrom) int { return a.last.Compare(b.last) })
}

func (t *heard) rows(w int) []row {
	c, s := t.c, t.c.styles
	out := []string{s.Bold.Render(c.t("Last heard from"))}
	for i, p := range t.people {
		if i == listCap {
			out = append(out, s.Muted.Render(c.t("  and %d more", len(t.people)-listCap)))
			break
		}
		when, st := c.t("nothing written"), s.Muted
		if !p.last.IsZero() {
			ago := c.now.Sub(p.last)
			when, st = c.t("%s ago", report.Age(ago)), s.Text
			if ago >= quietAfter {
				when, st = c.t("silent for %s", report.Age(ago)), s.Warning
			}
		}
		line := "  " + fit(safetext.Line(p.name), 10) + " " + when
		if len(p.roles) > 0 {
			line += " · " + safetext.Line(strings.Join(p.roles, ", "))
		}
		out = append(out, fit(st.Render(line), w))
	}
	if len(t.people) == 0 {
		out = append(out, s.Muted.Render(c.t("  nobody yet")))
	}
	return textRows(out...)
}

func (t *heard) key(tea.KeyMsg, row) bool  { return false }
func (t *heard) ShortHelp() []key.Binding  { return nil }
func (t *heard) FullHelp() [][]key.Binding { return nil }
