package main

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// TestTmuxEmojiKeepBordersStraight: titles, names and notes with emoji
// that terminals and width tables measure differently (a variation
// selector, a skin tone, a joined family) are drawn so that every line
// is the window's width and every pane's border stays in its column.
func TestTmuxEmojiKeepBordersStraight(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.ok("declare", "🛠️ Checkout 🔥 down for 👨‍👩‍👧 families", "--sev", "1", "--commander", "alice")
	r.ok("handoff", "tl", "bob👍🏽", "--note", "❤️ the db, 1️⃣ first")
	r.ok("log", "🏳️‍🌈 status page ✅ updated")
	r.ok("task", "add", "🛠️ roll back 🇪🇸 region", "--role", "tl")
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		s := startTmux(t, r.dir, map[string]string{"WARROOM_FILE": r.file(), "WARROOM_USER": "alice"}, size[0], size[1])
		s.waitFor(t, has("Checkout"), "the screen")
		s.typeKeys("2")
		s.waitFor(t, func(screen string) bool {
			return fitsWidth(screen, size[0], size[1]) && bordersAtTheEdge(screen, size[0]) && has("roll back")(screen)
		}, "every line as wide as the window, the right-hand borders at its edge")
	}
}

// bordersAtTheEdge reports whether every line of a side-by-side layout
// (one that starts with a box border) ends with a border in the window's
// last column.
func bordersAtTheEdge(screen string, width int) bool {
	for _, l := range screenLines(screen) {
		if l == "" || !strings.ContainsRune("┃│┏┗╭╰", []rune(l)[0]) {
			continue
		}
		if runewidth.StringWidth(strings.TrimRight(l, " ")) != width {
			return false
		}
	}
	return true
}
