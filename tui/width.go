package tui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// textWidth is the width of s in cells, its widest line when it has
// several: what lipgloss.Width says, but quick for the text the screen
// is mostly made of — ASCII with colour sequences, Latin letters, the
// punctuation, arrows, boxes and shapes it draws — which it measures by
// counting; anything else is measured by graphemes (x/ansi).
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
			// A character of one cell that never joins with the next
			// (accented letters, punctuation, arrows, box drawing, the
			// shapes the screen draws) is counted as it is; anything else
			// — wide, joining, combining, emoji — is left to x/ansi.
			r, size := utf8.DecodeRuneInString(s[i:])
			if !oneCell(r) {
				return ansi.StringWidth(s)
			}
			n++
			i += size - 1
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

// oneCell reports whether r takes one cell and never joins the
// characters around it into one grapheme: Latin-1 and Latin Extended
// letters (not the soft hyphen), general punctuation (not the line and
// paragraph separators and the bidi controls), arrows, box drawing,
// blocks and geometric shapes (not the two drawn as emoji).
func oneCell(r rune) bool {
	switch {
	case r >= 0xa0 && r <= 0x2ff:
		return r != 0xad
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205e:
		return true
	case r >= 0x2190 && r <= 0x21ff:
		return true
	case r >= 0x2500 && r <= 0x25ff:
		return r != 0x25fd && r != 0x25fe
	}
	return false
}
