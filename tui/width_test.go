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

// textWidth counts every character it counts without x/ansi as
// lipgloss.Width measures it: alone, among ASCII and colour sequences,
// next to its neighbours, and followed by what joins a grapheme (a
// combining accent, a variation selector, a zero-width joiner).
func TestTextWidthAgreesOnEveryCharacterItCounts(t *testing.T) {
	var counted []rune
	for r := rune(0x80); r < 0x3000; r++ {
		if oneCell(r) {
			counted = append(counted, r)
		}
	}
	if len(counted) < 900 {
		t.Fatalf("only %d characters counted without x/ansi", len(counted))
	}
	for i, r := range counted {
		next := counted[(i+1)%len(counted)]
		for _, s := range []string{string(r), "a" + string(r) + "b", "\x1b[1m" + string(r) + "\x1b[0m" + string(next),
			string(r) + "\u0301", string(r) + "\ufe0f", string(r) + "\u200d" + string(next)} {
			if got, want := textWidth(s), lipgloss.Width(s); got != want {
				t.Errorf("textWidth(%q) = %d, lipgloss.Width = %d", s, got, want)
			}
		}
	}
}

func FuzzTextWidth(f *testing.F) {
	for _, s := range []string{"abc", "\x1b[31mx\x1b[0m", "a\nbc", "日本", "\x1b[", "\x1b", "· ▲ ● ┃ → ñ", "é\u0301", "▶\ufe0f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := textWidth(s), lipgloss.Width(s); got != want {
			t.Errorf("textWidth(%q) = %d, lipgloss.Width = %d", s, got, want)
		}
	})
}
