package model

import (
	"strings"
	"unicode"
)

// TitleWords splits a title into its words, as a runbook's `title has`
// and the check for an incident already open compare them: runs of
// letters and digits, in lower case, each kept once, in the order they
// first appear. "Checkout API: 500s!" has the words checkout, api, 500s.
func TitleWords(title string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		w = strings.ToLower(w)
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// commonWords are the short words that say nothing about what broke, in
// the languages warroom speaks; two titles are not alike for sharing them.
var commonWords = map[string]bool{
	"a": true, "an": true, "and": true, "are": true, "at": true, "for": true, "from": true, "in": true,
	"is": true, "of": true, "on": true, "or": true, "the": true, "to": true, "with": true,
	"de": true, "del": true, "el": true, "en": true, "la": true, "las": true, "los": true, "y": true,
	"un": true, "una": true, "con": true, "por": true, "para": true,
}

// SimilarTitles reports whether title shares most of its words with
// other's: more than half of its words that say something (common short
// words such as "the" and "de" left out) are words of other too. So
// "Checkout API 500s" is like "Checkout API returning 500s", and
// "Login slow" is not like "Checkout slow". A title with no such words is
// like no other.
func SimilarTitles(title, other string) bool {
	theirs := map[string]bool{}
	for _, w := range TitleWords(other) {
		theirs[w] = true
	}
	n, shared := 0, 0
	for _, w := range TitleWords(title) {
		if commonWords[w] {
			continue
		}
		n++
		if theirs[w] {
			shared++
		}
	}
	return n > 0 && 2*shared > n
}
