package report

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// table lays out rows of already-sanitised cells in columns padded to the
// widest cell, counting display width (wide characters take two columns).
// The last column is never padded.
type table struct {
	rows   [][]string
	indent string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) String() string {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			if w := ansi.StringWidth(c); w > widths[i] {
				widths[i] = w
			}
		}
	}
	var b strings.Builder
	for _, r := range t.rows {
		b.WriteString(t.indent)
		for i, c := range r {
			if i == len(r)-1 {
				b.WriteString(c)
				break
			}
			b.WriteString(c)
			b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+2))
		}
		b.WriteString("\n")
	}
	return b.String()
}
