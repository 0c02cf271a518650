package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// textWidth is the width of s in cells, its widest line when it has
// several: what lipgloss.Width says, but quick for the text the screen
// is mostly made of — ASCII with colour sequences — which it measures
// by counting; anything else is measured by graphemes (x/ansi).
func textWidth(s string) int {
	w := 0
	for len(s) > 0 {
		line, rest, _ := strings.Cut(s, "\n")
		w = max(w, lineWidth(line))
		s = rest
	}
	return w
}

// lineWidth is the width of one line.
func lineWidth(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return ansi.StringWidth(s)
		case c == 0x1b:
			// A CSI sequence (ESC [ params final) takes no cells; any
			// other escape is left to x/ansi.
			if i+1 >= len(s) || s[i+1] != '[' {
				return ansi.StringWidth(s)
			}
			j := i + 2
			for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f {
				j++ // parameters
			}
			for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
				j++ // intermediates
			}
			if j >= len(s) || s[j] < 0x40 || s[j] > 0x7e {
				return ansi.StringWidth(s) // not a whole CSI sequence
			}
			i = j
		case c < 0x20 || c == 0x7f:
			// control characters take no cells
		default:
			n++
		}
	}
	return n
}
