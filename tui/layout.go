package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// fit makes a styled line exactly w columns wide: cut with an ellipsis
// when longer (without one when what is cut is only padding), padded with
// spaces when shorter. Widths count display
// columns, so wide characters and emoji keep borders straight.
func fit(line string, w int) string {
	if w <= 0 {
		return ""
	}
	if textWidth(line) > w {
		tail := "…"
		if textWidth(strings.TrimRight(ansi.Strip(line), " ")) <= w {
			tail = "" // only padding is cut: nothing to mark
		}
		line = ansi.Truncate(line, w, tail)
	}
	if pad := w - textWidth(line); pad > 0 {
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

// wrap breaks plain text into lines of at most w columns, at spaces where
// it can.
func wrap(text string, w int) []string {
	if w <= 0 {
		return nil
	}
	return strings.Split(ansi.Wrap(text, w, " "), "\n")
}

// wrapAtSpaces breaks plain text into lines of at most w columns at
// spaces only, so that a path or a line:col stays in one piece; a word
// longer than a line is cut where it must be.
func wrapAtSpaces(text string, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	line := ""
	for _, word := range strings.Fields(text) {
		for textWidth(word) > w {
			if line != "" {
				out, line = append(out, line), ""
			}
			head := ansi.Truncate(word, w, "")
			out, word = append(out, head), word[len(head):]
		}
		switch {
		case line == "":
			line = word
		case textWidth(line)+1+textWidth(word) <= w:
			line += " " + word
		default:
			out, line = append(out, line), word
		}
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// frame is a pane's place on the screen: its outer size, whether panes
// sit side by side (each in a box) or stacked (each under a title rule),
// and whether it has the keyboard.
type frame struct {
	w, h    int
	wide    bool
	focused bool
}

// SetSize takes the pane's outer size.
func (f *frame) SetSize(w, h int) { f.w, f.h = w, h }

// setWide says whether panes sit side by side.
func (f *frame) setWide(on bool) { f.wide = on }

// SetFocused says whether the pane has the keyboard.
func (f *frame) SetFocused(on bool) { f.focused = on }

// content is the room for a pane's lines below its title.
func (f frame) content() (int, int) {
	if f.wide {
		return max(0, f.w-2), max(0, f.h-3)
	}
	return f.w, max(0, f.h-1)
}

// draw draws a pane: a box with the title inside when side by side, a
// title rule when stacked. The focused pane stands out either way.
func (f frame) draw(s *Styles, title string, content []string) string {
	if f.wide {
		e := s.paneEdges
		if f.focused {
			e = s.focusedEdges
		}
		return box(e, append([]string{s.PaneTitle.Render(title)}, content...), f.w, f.h)
	}
	rule, fill, st := "── "+title+" ", "─", s.Muted
	if f.focused {
		rule, fill, st = "━━ "+title+" ", "━", s.PaneTitle
	}
	rule += strings.Repeat(fill, max(0, f.w-textWidth(rule)))
	return block(append([]string{st.Render(fit(rule, f.w))}, content...), f.w, f.h)
}

// area is a part of the screen that can have focus.
type area int

const (
	areaRoles area = iota
	areaTimeline
	areaTasks
	areaCount
)

// paneSizes says how the body is split: side by side when wide enough,
// stacked when not. Sizes are outer sizes.
type paneSizes struct {
	wide bool
	w, h [areaCount]int
}

// layout splits the body. Side by side, the role pane takes the left and
// the timeline sits over the tasks, each in a box. Stacked, panes have a
// title rule instead of a box, and the focused pane takes half the height.
func layout(w, h int, focus area) paneSizes {
	if w >= 100 && h >= 12 {
		left := w * 45 / 100
		right := w - left
		tl := h * 55 / 100
		return paneSizes{wide: true, w: [areaCount]int{left, right, right}, h: [areaCount]int{h, tl, h - tl}}
	}
	p := paneSizes{w: [areaCount]int{w, w, w}, h: [areaCount]int{h / 4, h / 4, h / 4}}
	p.h[focus] = h - 2*(h/4)
	return p
}
