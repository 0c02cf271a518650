package tui

import (
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/report"
	"github.com/warroom/warroom/model/safetext"
)

// entryView is one timeline entry in full, over the panes: who wrote it
// and when (and when it happened, if backdated), about which role, the
// whole text, and what it refers to — its task, theory, update or the
// entry it answers. Enter on the timeline opens it; esc or enter closes
// it; the list keys scroll it.
type entryView struct {
	c   *common
	e   model.Entry
	top int
}

// read shows e in full (actions).
func (m *Model) read(e model.Entry) { m.reading = &entryView{c: m.c, e: e} }

// readingKey handles a key while an entry is shown in full; false when
// the key closes it and should act as usual.
func (m *Model) readingKey(k tea.KeyMsg) bool {
	switch {
	case k.Type == tea.KeyEsc || k.Type == tea.KeyEnter:
		m.reading = nil
		return true
	}
	if step := m.roles.keys.step(k, max(1, m.height/2)); step != 0 {
		m.reading.top = max(0, m.reading.top+step)
		return true
	}
	m.reading = nil
	return false
}

// lines renders the entry, w columns wide.
func (v *entryView) lines(w int) []string {
	c, s, e := v.c, v.c.styles, v.e
	var out []string
	add := func(st func(...string) string, text string) {
		for _, l := range wrapAtSpaces(text, w) {
			out = append(out, st(l))
		}
	}
	when := c.fullTime(e.At)
	if !e.Recorded.IsZero() {
		when = c.t("%s (backdated: written %s)", when, c.fullTime(e.Recorded))
	}
	add(s.Text.Render, c.t("When: %s", when))
	add(s.Text.Render, c.t("By: %s", safetext.Line(e.By)))
	add(s.Text.Render, c.t("Kind: %s", e.Kind.In(c.lang)))
	if !e.RoleRef().IsZero() {
		add(s.Text.Render, c.t("About: %s", c.label(e.RoleRef())))
	}
	out = append(out, "")
	switch {
	case e.Kind == model.KindCAN:
		for _, part := range []struct{ name, text string }{
			{c.t("Conditions"), e.Conditions}, {c.t("Actions"), e.Actions}, {c.t("Needs"), e.Needs},
		} {
			out = append(out, s.Bold.Render(part.name))
			v.paragraphs(&out, part.text, w)
		}
	case writtenByHand[e.Kind] && e.Text != "":
		v.paragraphs(&out, e.Text, w) // as its author wrote it
	default:
		add(s.Text.Render, report.Describe(e, report.Options{Catalog: c.catalog, Lang: c.lang}))
	}
	if links := v.links(); len(links) > 0 {
		out = append(out, "")
		for _, l := range links {
			add(s.Muted.Render, l)
		}
	}
	return out
}

// writtenByHand are the kinds whose text is a person's own words: shown
// as written, line breaks and all.
var writtenByHand = map[model.Kind]bool{
	model.KindNote: true, model.KindDecision: true, model.KindAction: true, model.KindTheory: true,
	model.KindFollowup: true, model.KindComms: true, model.KindCommsDraft: true,
	model.KindCustomerReport: true, model.KindSocialPost: true,
}

// paragraphs adds text as it was written, its line breaks kept.
func (v *entryView) paragraphs(out *[]string, text string, w int) {
	for _, para := range strings.Split(safetext.Block(text), "\n") {
		for _, l := range wrapAtSpaces(para, w) {
			*out = append(*out, v.c.styles.Text.Render(l))
		}
	}
}

// links says what the entry refers to, as it stands now.
func (v *entryView) links() []string {
	c, e, st := v.c, v.e, v.c.state()
	var out []string
	if e.Task != "" {
		if t, err := st.Task(e.Task); err == nil {
			out = append(out, c.t("Task %s: %s (%s)", safetext.Line(t.ID), safetext.Line(t.Title), t.State.In(c.lang)))
		}
	}
	if e.Theory != "" {
		if t, err := st.Theory(e.Theory); err == nil {
			out = append(out, c.t("Theory %s: %s (%s)", safetext.Line(t.ID), safetext.Line(t.Text), t.State.In(c.lang)))
		}
	}
	o := report.Options{Catalog: c.catalog, Lang: c.lang}
	tl := st.Timeline
	for i := len(tl) - 1; i >= 0 && i >= len(tl)-roleEntriesScan; i-- {
		switch x := tl[i]; {
		case e.Entry != "" && x.ID == e.Entry:
			out = append(out, c.t("Refers to %s: %s", safetext.Line(x.ID), report.Describe(x, o)))
		case x.Entry == e.ID && x.Kind == model.KindRetracted:
			out = append(out, c.t("Taken back by %s at %s", safetext.Line(x.By), c.fullTime(x.At)))
		case x.Entry == e.ID:
			out = append(out, c.t("Answered by %s: %s", safetext.Line(x.ID), report.Describe(x, o)))
		}
	}
	return out
}

// view draws the entry in a w×h box, scrolled to top.
func (v *entryView) view(w, h int) string {
	c, s := v.c, v.c.styles
	lines := v.lines(max(1, w-2))
	room := max(1, h-3)
	v.top = max(0, min(v.top, len(lines)-room))
	title := c.t("Entry %s · esc closes", safetext.Line(v.e.ID))
	if len(lines) > room {
		title += " · " + c.t("j/k scroll")
	}
	return box(s.focusedEdges, append([]string{s.PaneTitle.Render(title)}, lines[v.top:]...), w, h)
}

// fullTime renders a time with its day and seconds, on the screen's
// clock, as the screen's language writes dates.
func (c *common) fullTime(t time.Time) string {
	lt := t.In(c.now.Location())
	if c.lang != i18n.English && c.lang != "" {
		return lt.Format("02/01/2006 15:04:05")
	}
	return lt.Format("2006-01-02 15:04:05")
}
