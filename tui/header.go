package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
)

// sevWords make the severity readable without colour (in English: the
// screen translates them).
var sevWords = map[model.Severity]string{
	model.Sev1: "SEV1 CRITICAL", model.Sev2: "SEV2 MAJOR", model.Sev3: "SEV3 MINOR", model.SevUnset: "SEV UNSET",
}

// clock renders an elapsed time as m:ss or h:mm:ss.
func clock(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int(d.Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// headerView renders two lines: the incident, its severity and status; the
// live clocks and the save state.
func (m *Model) headerView(w int) string {
	s := m.styles()
	in := m.state.Incident
	sev := s.SevBadge[in.Severity].Render(m.sevWord(in.Severity))
	if in.Severity == model.Sev1 {
		sev = s.SevBadge[in.Severity].Render("▲ " + m.sevWord(in.Severity) + " ▲")
	}
	status := s.StatusBadge[in.Status].Render(strings.ToUpper(m.statusWord(in.Status)))
	right := sev + " " + status
	left := s.Muted.Render(safetext.Line(in.ID)) + "  " + s.Title.Render(safetext.Line(in.Title))
	if w < 100 {
		left = s.Title.Render(safetext.Line(in.Title)) // narrow: the title matters more than the id
	}
	// The update clock takes what room the title leaves: it comes in
	// short when the title would keep fewer than 20 columns, and not at
	// all when even that would not fit.
	keep := min(lipgloss.Width(left), 20)
	for _, short := range []bool{false, true} {
		if up := m.updateState(short); up != "" && w-lipgloss.Width(right)-lipgloss.Width(up)-3 >= keep {
			right = up + "  " + right
			break
		}
	}
	line1 := fit(left, max(0, w-lipgloss.Width(right)-1)) + " " + right

	since := m.t("no entries yet")
	if last, ok := m.state.LastEntry(); ok {
		since = m.t("last entry %s ago", clock(m.now.Sub(last.At)))
	}
	parts := []string{
		m.t("declared %s, %s ago", m.localTime(in.Declared), clock(m.now.Sub(in.Declared))),
		since,
		m.t("you: %s", safetext.Line(m.opts.Actor)),
	}
	if sy := m.syncState(); sy != "" {
		parts = append(parts, sy)
	}
	line2 := s.Text.Render(strings.Join(parts, " · "))
	if save := m.saveState(); save != "" {
		line2 += "  " + save
	}
	// Last, so that a file or sync problem is never pushed off the line.
	if n := len(m.comms.Pending); n > 0 {
		line2 += s.Text.Render(" · ") + s.Warning.Render(m.t("drafts awaiting approval: %d", n))
	}
	return fit(line1, w) + "\n" + fit(line2, w)
}

// updateState says when the next update to an audience is due — for
// everyone to see, and loud once it is overdue; short, in fewer words.
func (m *Model) updateState(short bool) string {
	text, overdue := m.updateText(short)
	if overdue {
		return m.styles().Warning.Render(text)
	}
	return text
}

// updateText is updateState's text, and whether the update is overdue.
func (m *Model) updateText(short bool) (string, bool) {
	next, ok := m.comms.Soonest()
	if !ok {
		return "", false
	}
	aud := next.Audience.In(m.opts.Lang)
	switch overdue := next.Due.Before(m.now); {
	case overdue && short:
		return m.t("%s OVERDUE %s", strings.ToUpper(aud), clock(m.now.Sub(next.Due))), true
	case overdue:
		return m.t("%s UPDATE OVERDUE %s", strings.ToUpper(aud), clock(m.now.Sub(next.Due))), true
	case short:
		return m.t("%s in %s", aud, clock(next.Due.Sub(m.now))), false
	}
	return m.t("next %s update in %s", aud, clock(next.Due.Sub(m.now))), false
}

// syncState says how the live sync with another copy is going.
func (m *Model) syncState() string {
	if m.opts.Syncs == nil {
		return ""
	}
	s := m.styles()
	target := safetext.Line(m.opts.SyncTarget)
	switch {
	case m.sync == nil:
		return s.Muted.Render(m.t("syncing with %s…", target))
	case m.sync.Err != nil:
		return s.Error.Render(m.t("✗ SYNC with %s: %s", target, safetext.Line(m.explain(m.sync.Err))))
	}
	return m.t("⇄ synced with %s %s ago", target, clock(m.now.Sub(m.sync.At)))
}

// saveState says whether changes made here are on disk.
func (m *Model) saveState() string {
	s := m.styles()
	switch {
	case m.fileErr != "":
		return s.Error.Render(m.t("✗ FILE: %s", safetext.Line(m.fileErr)))
	case m.saveErr != nil:
		return s.Error.Render(m.t("✗ NOT SAVED (%d pending, retrying): %s", len(m.pending), safetext.Line(m.explain(m.saveErr))))
	case len(m.pending) > 0:
		return s.Muted.Render(m.t("saving %d…", len(m.pending)))
	}
	return ""
}

// localTime renders a time on the screen's clock: 15:04, or with the day
// when it is not today.
func (m *Model) localTime(t time.Time) string {
	lt, now := t.In(m.now.Location()), m.now
	if lt.Year() == now.Year() && lt.YearDay() == now.YearDay() {
		return lt.Format("15:04")
	}
	return m.dayTime(lt, "Jan 02 15:04")
}

// dayTime renders a time with its day: in English in layout (Go's month
// names are English), in any other language as day/month and time.
func (m *Model) dayTime(t time.Time, layout string) string {
	if m.opts.Lang != i18n.English {
		return t.Format("02/01 15:04")
	}
	return t.Format(layout)
}

// sevWord is a severity as the header and the wall show it: "SEV1 CRITICAL".
func (m *Model) sevWord(sev model.Severity) string {
	return m.t(sevWords[sev])
}

// statusWord is a status in the screen's language.
func (m *Model) statusWord(st model.Status) string {
	return st.In(m.opts.Lang)
}
