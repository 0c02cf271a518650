package tui

import (
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/warroom/warroom/model/safetext"
)

// Wall mode is the room's big screen: read-only, with the severity,
// status and clocks large, every role and holder on one board, and
// optionally the role pane rotating through the roles.

// rotateMsg moves the wall to the next role pane.
type rotateMsg struct{}

// rotate waits one rotation period.
func rotate(d time.Duration) tea.Cmd {
	if d <= 0 {
		return nil
	}
	return tea.Tick(d, func(time.Time) tea.Msg { return rotateMsg{} })
}

// rosterColumn is the width of one cell of the wall's role board.
const rosterColumn = 40

// wallTop renders the banner (severity, status, clocks, three lines
// tall), the title and the board of every role and its holder.
func (m *Model) wallTop(w int) string {
	s := m.styles()
	in := m.state.Incident
	tall := func(st lipgloss.Style, text string) string { return st.Padding(1, 2).Render(text) }
	sev := tall(s.SevBadge[in.Severity], m.sevWord(in.Severity))
	status := tall(s.StatusBadge[in.Status], strings.ToUpper(m.statusWord(in.Status)))
	since := m.t("no entries yet")
	if last, ok := m.state.LastEntry(); ok {
		since = clock(m.now.Sub(last.At))
	}
	clocks := tall(s.Title, m.t("%s since declared · %s since the last entry", clock(m.now.Sub(in.Declared)), since))
	banner := lipgloss.JoinHorizontal(lipgloss.Top, sev, " ", status, " ", clocks)
	title := s.Muted.Render(safetext.Line(in.ID)) + "  " + s.Title.Render(safetext.Line(in.Title))
	// The update clock: large in the banner where it fits, else at the
	// end of the title's line.
	if up, overdue := m.updateText(false); up != "" {
		st := s.Title
		if overdue {
			st = s.Warning
		}
		if with := lipgloss.JoinHorizontal(lipgloss.Top, banner, " ", tall(st, up)); lipgloss.Width(with) <= w {
			banner = with
		} else {
			up = st.Render(up)
			title = fit(title, max(0, w-lipgloss.Width(up)-2)) + "  " + up
		}
	}
	lines := append(strings.Split(banner, "\n"), title)
	return strings.Join(append(lines, m.rosterLines(w)...), "\n")
}

// rosterLines lays every role and its holder out in columns.
func (m *Model) rosterLines(w int) []string {
	s := m.styles()
	cols := max(1, w/rosterColumn)
	cellW := w / cols
	rows := (len(m.holdings) + cols - 1) / cols
	out := make([]string, rows)
	for i, h := range m.holdings {
		name := safetext.Line(m.label(h.Ref))
		holder := s.Holder.Render(safetext.Line(h.Holder))
		if h.Default {
			holder = s.DefaultHolder.Render(safetext.Line(h.Holder) + "*")
		}
		cell := fit(s.Muted.Render(name+" ")+holder, cellW-1) + " "
		if i == m.role {
			cell = s.Selected.Render(fit("› "+name+" "+safetext.Line(h.Holder), cellW-1)) + " "
		}
		out[i%rows] += cell
	}
	return out
}

// wallFooter says the wall is read-only and what works.
func (m *Model) wallFooter(w int) string {
	s := m.styles()
	text := m.t("WALL · read-only: editing keys are off · tab/1-8 roles · →/← panes · ? help · q quit")
	if m.opts.Rotate > 0 {
		text = m.t("WALL · read-only · roles rotate every %s · tab/1-8 roles · ? help · q quit", m.opts.Rotate)
	}
	if m.notice != "" {
		return fit(s.Error.Render(safetext.Line(m.notice)), w)
	}
	return fit(s.Muted.Render(text), w)
}
