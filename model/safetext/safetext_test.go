package safetext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

// dangerous reports the first rune of s that could act on a terminal.
func dangerous(s string, multiline bool) (rune, bool) {
	for _, r := range s {
		switch {
		case multiline && (r == '\n' || r == '\t'):
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f, IsBidiControl(r):
			return r, true
		}
	}
	return 0, false
}

func TestLineNeutralisesControls(t *testing.T) {
	cases := map[string]string{
		"plain text":             "plain text",
		"title\x1b]0;pwned\x07":  "title␛]0;pwned␇",
		"clear\x1b[2J":           "clear␛[2J",
		"over\rwrite":            "over␍write",
		"c1 \u009b31m red":       "c1 <U+009B>31m red",
		"bidi \u202eevil":        "bidi <U+202E>evil",
		"isolate \u2066x\u2069":  "isolate <U+2066>x<U+2069>",
		"two\nlines":             "two↵lines",
		"tab\there":              "tab here",
		"del\x7f":                "del␡",
		"bad \xff utf8":          "bad \uFFFD utf8",
		"wide 日本 and emoji 🔥 ok": "wide 日本 and emoji 🔥 ok",
	}
	for in, want := range cases {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBlockKeepsLineBreaks(t *testing.T) {
	if got := Block("a\nb\tc\x1b[1m"); got != "a\nb\tc␛[1m" {
		t.Errorf("Block = %q", got)
	}
}

func TestTruncate(t *testing.T) {
	if got := Truncate("héllo world", 5); got != "héll…" {
		t.Errorf("Truncate = %q", got)
	}
	if got := Truncate("short", 10); got != "short" {
		t.Errorf("Truncate = %q", got)
	}
}

// maxFuzzLine bounds what FuzzLine reads of an input. clean takes each
// character on its own, so a longer input finds nothing a shorter one
// does not. The fuzzer minimizes each input that reaches new code before
// it goes on, in tries quadratic in the input's length: unbounded inputs
// of a kilobyte kept both workers minimizing, the run at 0 execs/s.
const maxFuzzLine = 256

// FuzzLine: whatever a line holds, once cleaned it is valid UTF-8 and
// holds nothing that acts on a terminal.
func FuzzLine(f *testing.F) {
	for _, s := range []string{"", "a\x1b[31mb", "\u009b\u202e\r\n", "\xff\xfe", strings.Repeat("\x07", 10)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = s[:min(len(s), maxFuzzLine)]
		for _, multi := range []bool{false, true} {
			out := clean(s, multi)
			if !utf8.ValidString(out) {
				t.Fatalf("clean(%q) is not valid UTF-8: %q", s, out)
			}
			if r, bad := dangerous(out, multi); bad {
				t.Fatalf("clean(%q, %v) = %q still holds U+%04X", s, multi, out, r)
			}
		}
	})
}

func TestEscapeQuoted(t *testing.T) {
	in := []byte("text = \"a \u009b b \u202e c\x7f d é\"\n")
	want := "text = \"a \\u009b b \\u202e c\\u007f d é\"\n"
	if got := string(EscapeQuoted(in)); got != want {
		t.Errorf("EscapeQuoted = %q, want %q", got, want)
	}
	plain := []byte(`{"a": "plain"}`)
	if got := EscapeQuoted(plain); &got[0] != &plain[0] {
		t.Error("EscapeQuoted copied input that needed no change")
	}
}

// Whatever a title holds, once made safe it is as wide by every measure
// the screen and its libraries use: grapheme clusters (x/ansi, lipgloss)
// and per-character widths (go-runewidth, as terminals count). Borders
// drawn around it stay in line.
func TestLineHasOneWidth(t *testing.T) {
	for _, s := range []string{
		"🛠️ fix the db", "❤️", "👍🏽 ack", "👨‍👩‍👧 family", "🏳️‍🌈", "1️⃣ first", "🇪🇸 🇺🇸", "🏴󠁧󠁢󠁳󠁣󠁴󠁿 scotland",
		"é (e + U+0301)", "漢字 and かな", "한국어", "ไทย", "مرحبا", "zero\u200bwidth", "🔥 SEV1 🔥", "✅ done",
	} {
		line := Line(s)
		if a, r := ansi.StringWidth(line), runewidth.StringWidth(line); a != r {
			t.Errorf("%q shown as %q is %d columns to x/ansi but %d to go-runewidth", s, line, a, r)
		}
	}
}
