package tui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/warroom/warroom/model"
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

// wallTop is the wall's banner (severity, status, clocks, three lines
// tall), the title and the board of every role and its holder.
type wallTop struct {
	c     *common
	role  int
	width int
}

// Init does nothing: the wall draws what common holds.
func (t *wallTop) Init() tea.Cmd { return nil }

// Update has nothing to do: the root model moves the focus (setRole).
func (t *wallTop) Update(tea.Msg) (tea.Model, tea.Cmd) { return t, nil }

// SetSize takes the width; the height follows from the roles.
func (t *wallTop) SetSize(w, _ int) { t.width = w }

// setRole marks role instance i on the board.
func (t *wallTop) setRole(i int) { t.role = i }

// ShortHelp: the wall's keys are global.
func (t *wallTop) ShortHelp() []key.Binding { return nil }

// FullHelp: the wall's keys are global.
func (t *wallTop) FullHelp() [][]key.Binding { return nil }

// height is how many lines the banner, the title and the board take.
func (t *wallTop) height() int { return 3 + 1 + len(t.roster()) }

// View renders the banner, the title and the board.
func (t *wallTop) View() string {
	c, s, w := t.c, t.c.styles, t.width
	in := c.state().Incident
	tall := func(st lipgloss.Style, text string) string { return st.Padding(1, 2).Render(text) }
	sev := tall(s.SevBadge[in.Severity], c.sevWord(in.Severity))
	status := tall(s.StatusBadge[in.Status], strings.ToUpper(c.statusWord(in.Status)))
	since, lastShort := c.t("no entries yet"), c.t("no entries yet")
	if last, ok := c.snap.last, c.snap.hasLast; ok {
		since = clock(c.now.Sub(last.At))
		lastShort = c.t("last entry %s ago", since)
	}
	elapsed := c.t("%s since declared", clock(c.now.Sub(in.Declared)))
	if r := c.snap.resolved; !r.IsZero() {
		elapsed = c.t("resolved %s after the declaration", clock(r.Sub(in.Declared)))
	}
	clocks := tall(s.Title, c.t("%s · %s since the last entry", elapsed, since))
	banner := lipgloss.JoinHorizontal(lipgloss.Top, sev, " ", status, " ", clocks)
	if textWidth(banner) > w {
		// Narrow: the same clocks in fewer words, the badges closer.
		tall = func(st lipgloss.Style, text string) string { return st.Padding(1, 1).Render(text) }
		clocks = tall(s.Title, elapsed+" · "+lastShort)
		banner = lipgloss.JoinHorizontal(lipgloss.Top, tall(s.SevBadge[in.Severity], c.sevWord(in.Severity)), " ",
			tall(s.StatusBadge[in.Status], strings.ToUpper(c.statusWord(in.Status))), " ", clocks)
	}
	title := s.Muted.Render(safetext.Line(in.ID)) + "  " + s.Title.Render(safetext.Line(in.Title))
	// The update clock: large in the banner where it fits, else at the
	// end of the title's line.
	if up, overdue := updateText(c, false); up != "" {
		st := s.Title
		if overdue {
			st = s.Warning
		}
		if with := lipgloss.JoinHorizontal(lipgloss.Top, banner, " ", tall(st, up)); textWidth(with) <= w {
			banner = with
		} else {
			up = st.Render(up)
			title = fit(title, max(0, w-textWidth(up)-2)) + "  " + up
		}
	}
	lines := append(strings.Split(banner, "\n"), title)
	return strings.Join(append(lines, t.roster()...), "\n")
}

// roster lays every role and its holder out in columns: the holder's
// name whole, the role's name cut to what room is left.
func (t *wallTop) roster() []string {
	c, s, w := t.c, t.c.styles, t.width
	hs := c.snap.holdings
	cols := max(1, w/rosterColumn)
	cellW := w / cols
	rows := (len(hs) + cols - 1) / cols
	out := make([]string, rows)
	for i, h := range hs {
		holder := safetext.Line(h.Holder)
		if h.Default {
			holder += "*"
		}
		if h.Acceptance == model.AcceptanceAwaited {
			holder += "?"
		}
		holder = safetext.Truncate(holder, cellW/2)
		room := max(1, cellW-2-textWidth(holder)) // a space between, one after
		name := fit(c.label(h.Ref), room)
		cell := s.Muted.Render(name) + " " + s.Holder.Render(holder)
		if h.Default {
			cell = s.Muted.Render(name) + " " + s.DefaultHolder.Render(holder)
		}
		if i == t.role {
			name = fit("› "+c.label(h.Ref), room)
			cell = s.Selected.Render(name + " " + holder)
		}
		out[i%rows] += fit(cell, cellW-1) + " "
	}
	return out
}
