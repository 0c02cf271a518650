package report

import (
	"regexp"
	"strings"
)

// The review is a document others open, on a code host or in a wiki:
// everything in it that comes from the incident is text, and renders as
// the text it is. Nothing a responder typed may become a link, an image,
// a heading, a list, a quote, a table cell boundary, code, emphasis or
// HTML: only what warroom itself writes around it is markup.

// mdInline escapes one line of text from the incident for a place inside
// a line: a table cell, a list item after warroom's own words, a heading
// after the incident id. The characters markdown (CommonMark with the
// GitHub extensions: tables, strikethrough, autolinks, math) gives a
// meaning take a backslash; HTML's three become entities, so that no tag,
// comment or entity of the author's survives; bare web and mail addresses
// are broken up so that they stay text.
func mdInline(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	word := func(i int) bool {
		if i < 0 || i >= len(s) {
			return false
		}
		c := s[i]
		return c >= 0x80 || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '`', '*', '[', ']', '|', '~', '#', '$', '@':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '_':
			// Inside a word (task_added) it never makes emphasis.
			if !word(i-1) || !word(i+1) {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case ':':
			if strings.HasPrefix(s[i:], "://") {
				b.WriteByte('\\') // https\://… is no link
			}
			b.WriteByte(c)
		case '.':
			if i >= 3 && strings.EqualFold(s[i-3:i], "www") && !word(i-4) {
				b.WriteByte('\\') // nor is www\.…
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// lineStart finds what makes a line a block of its own when it starts
// it: a list item ("- ", "+ ", "1. ", "1) "), a setext underline ("==="),
// or a thematic break ("---").
var lineStart = regexp.MustCompile(`^(?:[-+=]|\d{1,9}[.)])`)

// mdParagraph escapes multi-line text from the incident as paragraphs of
// plain text: each line as mdInline, without the indentation that would
// make it code, and with what would start a list, heading, quote or rule
// at its start escaped too. A line break stays one (a backslash at the
// end of the line: a hard break); a blank line parts paragraphs.
func mdParagraph(s string) string {
	lines := strings.Split(block(s), "\n")
	for i, l := range lines {
		l = mdInline(strings.TrimSpace(l))
		if m := lineStart.FindString(l); m != "" {
			l = m[:len(m)-1] + `\` + l[len(m)-1:]
		}
		lines[i] = l
	}
	for i := range lines[:len(lines)-1] {
		if lines[i] != "" && lines[i+1] != "" {
			lines[i] += `\`
		}
	}
	return strings.Join(lines, "\n")
}

// mdLines escapes sanitised text that may hold line breaks for one table
// cell or list item: each line as mdInline, the breaks as <br>, the one
// piece of HTML the review writes itself.
func mdLines(s string) string {
	if !strings.Contains(s, "\n") {
		return mdInline(s)
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = mdInline(strings.TrimSpace(l))
	}
	return strings.Join(lines, "<br>")
}
