package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// fit makes a styled line exactly w columns wide: cut with an ellipsis
// when longer, padded with spaces when shorter. Widths count display
// columns, so wide characters and emoji keep borders straight.
func fit(line string, w int) string {
	if w <= 0 {
		return ""
	}
	if lipgloss.Width(line) > w {
		line = ansi.Truncate(line, w, "…")
	}
	if pad := w - lipgloss.Width(line); pad > 0 {
		line += strings.Repeat(" ", pad)
	}
	return line
}

// block fits lines into a w×h rectangle: each line fitted, missing lines
// blank, extra lines dropped.
func block(lines []string, w, h int) string {
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = fit(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", max(0, w))
		}
	}
	return strings.Join(out, "\n")
}

// box draws a bordered pane of outer size w×h around lines; the first
// line is the title.
func box(st lipgloss.Style, lines []string, w, h int) string {
	iw, ih := w-st.GetHorizontalFrameSize(), h-st.GetVerticalFrameSize()
	if iw <= 0 || ih <= 0 {
		return block(nil, w, h)
	}
	return st.Render(block(lines, iw, ih))
}

// wrap breaks plain text into lines of at most w columns, at spaces where
// it can.
func wrap(text string, w int) []string {
	if w <= 0 {
		return nil
	}
	return strings.Split(ansi.Wrap(text, w, " "), "\n")
}
