package model

import (
	"strings"

	"github.com/warroom/warroom/model/i18n"
)

// ParseWord reads one of a fixed set of words, such as a status, an
// audience or a language: v with spaces trimmed, in any case, gives the
// value of values it names. Anything else is an *InvalidError that names
// what was asked for and lists the values that would have done, in the
// order given.
func ParseWord[T ~string](what i18n.Word, v string, values []T) (T, error) {
	t := strings.TrimSpace(v)
	for _, w := range values {
		if strings.EqualFold(t, string(w)) {
			return w, nil
		}
	}
	return "", invalidWord(what, v, values)
}

// invalidWord is the error for v, which is none of values.
func invalidWord[T ~string](what i18n.Word, v string, values []T) *InvalidError {
	return &InvalidError{What: what, Value: v, Valid: wordList(values)}
}

// wordList lists words as the strings they are.
func wordList[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, w := range values {
		out[i] = string(w)
	}
	return out
}
