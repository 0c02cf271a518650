package tui

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/warroom/warroom/themes"
)

// A served war room draws fifty screens for every change, so drawing
// costs what it must: pane borders are drawn once per theme and put
// around lines already fitted to the pane, and the theme's colours are
// converted to the terminal's palette once, not at every draw.

// edges are a pane's border pieces, coloured.
type edges struct {
	topLeft, topRight, bottomLeft, bottomRight string
	left, right                                string
	style                                      lipgloss.Style // for the horizontal runs
	top, bottom                                string         // their characters
}

func newEdges(st lipgloss.Style, b lipgloss.Border) edges {
	return edges{
		topLeft: st.Render(b.TopLeft), topRight: st.Render(b.TopRight),
		bottomLeft: st.Render(b.BottomLeft), bottomRight: st.Render(b.BottomRight),
		left: st.Render(b.Left), right: st.Render(b.Right),
		style: st, top: b.Top, bottom: b.Bottom,
	}
}

// box draws a bordered pane of outer size w×h around lines; the first
// line is the title.
func box(e edges, lines []string, w, h int) string {
	iw, ih := w-2, h-2
	if iw <= 0 || ih <= 0 {
		return block(nil, w, h)
	}
	var b strings.Builder
	b.WriteString(e.topLeft + e.style.Render(strings.Repeat(e.top, iw)) + e.topRight)
	for i := range ih {
		line := strings.Repeat(" ", iw)
		if i < len(lines) {
			line = fit(lines[i], iw)
		}
		b.WriteString("\n" + e.left + line + e.right)
	}
	b.WriteString("\n" + e.bottomLeft + e.style.Render(strings.Repeat(e.bottom, iw)) + e.bottomRight)
	return b.String()
}

// resolveColors returns t with each colour given as the renderer's
// palette has it ("203" on a 256-colour terminal), so that drawing with
// it converts nothing. A true-colour or colourless terminal keeps t.
func resolveColors(r *lipgloss.Renderer, t themes.Theme) themes.Theme {
	p := r.ColorProfile()
	if p != termenv.ANSI256 && p != termenv.ANSI {
		return t
	}
	v := reflect.ValueOf(&t).Elem()
	colorType := reflect.TypeOf(lipgloss.Color(""))
	for i := range v.NumField() {
		f := v.Field(i)
		if f.Type() != colorType || f.String() == "" {
			continue
		}
		switch c := p.Color(f.String()).(type) {
		case termenv.ANSI256Color:
			f.SetString(strconv.Itoa(int(c)))
		case termenv.ANSIColor:
			f.SetString(strconv.Itoa(int(c)))
		}
	}
	return t
}
