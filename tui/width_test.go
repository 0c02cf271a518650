package tui

import (
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// textWidth agrees with lipgloss.Width on what the screen draws: plain
// ASCII, colour sequences, wide and joined characters, several lines.
func TestTextWidthAgreesWithLipgloss(t *testing.T) {
	for _, s := range []string{"", "abc", "\x1b[1;38;2;255;0;0mred\x1b[0m text", "a\nlonger line\nb", "日本語", "🛠️ fix",
		"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "tab\there", "\x1b[0m", "e\u0301", "┃│━ box ╭╮"} {
		if got, want := textWidth(s), lipgloss.Width(s); got != want {
			t.Errorf("textWidth(%q) = %d, lipgloss.Width = %d", s, got, want)
		}
	}
}

func FuzzTextWidth(f *testing.F) {
	for _, s := range []string{"abc", "\x1b[31mx\x1b[0m", "a\nbc", "日本", "\x1b[", "\x1b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := textWidth(s), lipgloss.Width(s); got != want {
			t.Errorf("textWidth(%q) = %d, lipgloss.Width = %d", s, got, want)
		}
	})
}
