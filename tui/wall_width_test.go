package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/warroom/warroom/model/i18n"
)

// The wall fits its window at 80 and 120 columns, in English and in
// Spanish: no line is wider, each role's holder is named whole on the
// board, and the clocks are whole in the banner.
func TestWallFitsItsWindow(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.Spanish} {
		for _, w := range []int{80, 100, 120, 160} {
			s := sampleState(t)
			if lang == i18n.Spanish {
				s = spanishState(t)
			}
			m := build(Options{Path: "warroom.toml", Actor: "wall", Lang: lang, Styles: asciiStyles(),
				Now: func() time.Time { return testNow }, Wall: true}, s)
			m = send(m, windowSize(w, 40))
			v := m.View()
			for i, l := range lines(v) {
				if lipgloss.Width(l) > w {
					t.Errorf("%s at %d: line %d is %d wide: %q", lang, w, i, lipgloss.Width(l), l)
				}
			}
			board := strings.Join(m.wall.roster(), "\n")
			for _, h := range m.c.snap.holdings {
				if !strings.Contains(board, " "+h.Holder) {
					t.Errorf("%s at %d: the board cuts %s's name:\n%s", lang, w, h.Holder, board)
				}
			}
			banner := strings.Join(lines(v)[:3], "\n")
			for _, clock := range []string{"49:00", "3:30"} {
				if lang == i18n.English && !strings.Contains(banner, clock) {
					t.Errorf("at %d the banner cuts the clock %s:\n%s", w, clock, banner)
				}
			}
		}
	}
}
