package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// sevWords makes the severity readable without colour.
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
	sev := s.SevBadge[in.Severity].Render(sevWords[in.Severity])
	if in.Severity == model.Sev1 {
		sev = s.SevBadge[in.Severity].Render("▲ " + sevWords[in.Severity] + " ▲")
	}
	status := s.StatusBadge[in.Status].Render(strings.ToUpper(string(in.Status)))
	right := sev + " " + status
	left := s.Muted.Render(safetext.Line(in.ID)) + "  " + s.Title.Render(safetext.Line(in.Title))
	line1 := fit(left, max(0, w-lipgloss.Width(right)-1)) + " " + right

	since := "no entries yet"
	if last, ok := m.state.LastEntry(); ok {
		since = "last entry " + clock(m.now.Sub(last.At)) + " ago"
	}
	parts := []string{
		"declared " + m.localTime(in.Declared) + ", " + clock(m.now.Sub(in.Declared)) + " ago",
		since,
		"you: " + safetext.Line(m.opts.Actor),
	}
	line2 := s.Text.Render(strings.Join(parts, " · "))
	if save := m.saveState(); save != "" {
		line2 += "  " + save
	}
	return fit(line1, w) + "\n" + fit(line2, w)
}

// saveState says whether changes made here are on disk.
func (m *Model) saveState() string {
	s := m.styles()
	switch {
	case m.saveErr != nil:
		return s.Error.Render(fmt.Sprintf("✗ NOT SAVED (%d pending, retrying): %s", len(m.pending), safetext.Line(m.saveErr.Error())))
	case len(m.pending) > 0:
		return s.Muted.Render(fmt.Sprintf("saving %d…", len(m.pending)))
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
	return lt.Format("Jan 02 15:04")
}
