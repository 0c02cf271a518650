package serve

import (
	"strings"
	"unicode"

	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
)

// SplitLine splits the command line a client sent into words, as a POSIX
// shell does: blanks separate words; '…' keeps everything in it as it
// is; "…" keeps everything but a \ before $ ` " \ or a line break; a \
// outside quotes keeps the character after it. Nothing else is special:
// no shell runs, so $, ;, |, &, * and the rest are text.
//
// An apostrophe between two letters (don't, it's) is an apostrophe, never
// a quote. It returns a *LineError, and no words, for a quote that never
// closes, a quote that opens straight after a letter or digit (users' —
// an apostrophe, or the start of a quote?) and a \ that ends the line:
// guessing would change the text without a word.
func SplitLine(line string) ([]string, error) {
	rs := []rune(line)
	words := []string{}
	var w strings.Builder
	inWord, start := false, 0
	fail := func(kind lineProblem, at int) ([]string, error) {
		return nil, &LineError{kind: kind, quote: rs[at], near: nearText(rs, start, at)}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if !inWord {
			start = i
		}
		switch {
		case r == ' ' || r == '\t' || r == '\n':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case r == '\\':
			if i+1 == len(rs) {
				return fail(endsInBackslash, i)
			}
			i++
			if rs[i] != '\n' { // \ and a line break go on the line: both go
				w.WriteRune(rs[i])
			}
			inWord = true
		case r == '\'' && inWord && i+1 < len(rs) && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1]):
			w.WriteRune(r) // don't: an apostrophe
		case r == '\'' || r == '"':
			if inWord && (unicode.IsLetter(rs[i-1]) || unicode.IsDigit(rs[i-1])) {
				return fail(quoteInWord, i)
			}
			end := closing(rs, i, &w)
			if end < 0 {
				return fail(unclosedQuote, i)
			}
			i, inWord = end, true
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// closing writes to w the text of the quote that opens at rs[open] and
// returns where it closes, or -1 when it never does.
func closing(rs []rune, open int, w *strings.Builder) int {
	q := rs[open]
	for j := open + 1; j < len(rs); j++ {
		switch {
		case rs[j] == q:
			return j
		case q == '"' && rs[j] == '\\' && j+1 < len(rs) && strings.ContainsRune("$`\"\\\n", rs[j+1]):
			j++
			if rs[j] != '\n' {
				w.WriteRune(rs[j])
			}
		default:
			w.WriteRune(rs[j])
		}
	}
	return -1
}

// nearText is the line from the word's start to a little past at, to
// show where the problem is.
func nearText(rs []rune, start, at int) string {
	end := min(len(rs), at+12)
	if at-start > 20 {
		start = at - 20
	}
	return safetext.Line(string(rs[start:end]))
}

// lineProblem is what is wrong with a command line.
type lineProblem int

const (
	unclosedQuote lineProblem = iota
	quoteInWord
	endsInBackslash
)

// LineError is a command line that cannot be split into words without
// guessing. Message says what is wrong and how to say it.
type LineError struct {
	kind  lineProblem
	quote rune   // the quote, or \
	near  string // the text around it
}

func (e *LineError) Error() string { return e.Message().In(i18n.English) }

// Message says what is wrong with the line, where, and how to write it.
func (e *LineError) Message() i18n.Message {
	how := i18n.M("give - in place of the text and send the text on standard input, which takes any text as it is: echo 'the text' | ssh HOST log -")
	switch e.kind {
	case quoteInWord:
		return i18n.M("the %s in %q may be an apostrophe or the start of a quote: a command line over SSH is split into words as a shell splits it. Put a \\ before it, or %s",
			string(e.quote), e.near, how)
	case endsInBackslash:
		return i18n.M("the command line ends with a \\ that escapes nothing. Put another \\ before it, or %s", how)
	}
	return i18n.M("the %s in %q opens a quote that never closes: a command line over SSH is split into words as a shell splits it. Put a \\ before it, or %s",
		string(e.quote), e.near, how)
}
