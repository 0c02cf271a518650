// Package safetext makes untrusted text safe to print on a terminal. Titles,
// notes and names come from files, other users and sync peers; they are
// stored as given and pass through this package on every output path.
//
// It owns only the rules of what may reach a terminal; it does no output.
package safetext

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Line returns s as one line of harmless text: every control character
// (C0, DEL, C1 — which covers ESC, BEL, CR and the 8-bit CSI U+009B) is
// shown as a visible symbol instead of acting on the terminal; line breaks
// and tabs become visible marks; bidirectional overrides and isolates are
// shown as <U+XXXX>; invalid UTF-8 becomes U+FFFD. The characters that
// glue emoji into one picture — variation selectors, the zero-width
// joiner, skin-tone modifiers, tag characters — are left out: terminals
// and width tables disagree on how wide such a picture is, and a screen
// that guesses wrong draws its borders out of line. What remains is as
// wide by every measure.
func Line(s string) string { return clean(s, false) }

// Block is Line but keeps line breaks (LF) and tabs, for multi-line text
// such as a note printed on its own.
func Block(s string) string { return clean(s, true) }

// Truncate shortens a line to at most n columns, marking the cut with an
// ellipsis. Columns are counted as the screen counts them (x/ansi).
func Truncate(s string, n int) string {
	if n <= 0 {
		return ""
	}
	return ansi.Truncate(s, n, "…")
}

func clean(s string, multiline bool) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune('\uFFFD')
			i++
			continue
		}
		i += size
		switch {
		case r == '\n' && multiline, r == '\t' && multiline:
			b.WriteRune(r)
		case r == '\n':
			b.WriteRune('↵')
		case r == '\t':
			b.WriteRune(' ')
		case r < 0x20:
			b.WriteRune(0x2400 + r) // control pictures: ␛ ␇ ␍ …
		case r == 0x7f:
			b.WriteRune('␡')
		case r >= 0x80 && r <= 0x9f, IsBidiControl(r):
			fmt.Fprintf(&b, "<U+%04X>", r)
		case isJoiner(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isJoiner reports the characters that join or restyle the character
// before them into one emoji: variation selectors (U+FE00–U+FE0F), the
// zero-width joiner (U+200D), the combining enclosing keycap (U+20E3),
// skin-tone modifiers (U+1F3FB–U+1F3FF) and tag characters
// (U+E0020–U+E007F).
func isJoiner(r rune) bool {
	return (r >= 0xfe00 && r <= 0xfe0f) || r == 0x200d || r == 0x20e3 ||
		(r >= 0x1f3fb && r <= 0x1f3ff) || (r >= 0xe0020 && r <= 0xe007f)
}

// isPlain reports whether s is printable ASCII only (the common case).
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// IsBidiControl reports the characters that reorder text around them:
// embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), the
// marks (U+200E, U+200F, U+061C).
func IsBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) ||
		r == 0x200e || r == 0x200f || r == 0x061c
}

// EscapeQuoted rewrites DEL, C1 controls and bidi controls in encoded JSON
// or TOML as \uXXXX escapes, which both formats read back as the same
// character. Their encoders leave these raw, and a person who prints the
// file would hand them to the terminal. The input must hold them only
// inside basic (double-quoted) strings, as encoder output does.
func EscapeQuoted(b []byte) []byte {
	// Every character it rewrites starts with one of these bytes in UTF-8;
	// most files have none, or few.
	first := -1
	for i, c := range b {
		if c == 0x7f || c == 0xc2 || c == 0xd8 || c == 0xe2 {
			first = i
			break
		}
	}
	if first < 0 {
		return b
	}
	var out []byte
	for i := first; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == 0x7f || (r >= 0x80 && r <= 0x9f) || IsBidiControl(r) {
			if out == nil {
				out = append(make([]byte, 0, len(b)+16), b[:i]...)
			}
			out = fmt.Appendf(out, "\\u%04x", r)
		} else if out != nil {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	if out == nil {
		return b
	}
	return out
}
