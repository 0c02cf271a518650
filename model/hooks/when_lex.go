package hooks

import (
	"strings"
	"unicode/utf8"

	"github.com/warroom/warroom/model/i18n"
)

// The words of a `when` condition (when.go), as the parser reads them.

// token is one word of a condition.
type token struct {
	kind tokenKind
	text string // as written; a string's value unquoted
	col  int    // from 1, in characters
}

type tokenKind int

const (
	tokEnd tokenKind = iota
	tokWord
	tokNumber
	tokString
	tokOp
	tokOpen
	tokClose
)

// lex splits a condition into tokens.
func lex(src string) ([]token, error) {
	var out []token
	col := func(i int) int { return utf8.RuneCountInString(src[:i]) + 1 }
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '(' || c == ')':
			k := tokOpen
			if c == ')' {
				k = tokClose
			}
			out = append(out, token{kind: k, text: string(c), col: col(i)})
			i++
		case c == '"':
			j, val, ok := quoted(src, i)
			if !ok {
				return nil, &WhenError{Col: col(i), Msg: i18n.M("this text is not closed: end it with \"")}
			}
			out = append(out, token{kind: tokString, text: val, col: col(i)})
			i = j
		case c == '=' || c == '!' || c == '<' || c == '>':
			op := string(c)
			if i+1 < len(src) && src[i+1] == '=' {
				op += "="
			}
			switch op {
			case "=":
				return nil, &WhenError{Col: col(i), Msg: i18n.M("write == to compare, not =")}
			case "!":
				return nil, &WhenError{Col: col(i), Msg: i18n.M("write != for not equal; there is no !")}
			}
			out = append(out, token{kind: tokOp, text: op, col: col(i)})
			i += len(op)
		case c >= '0' && c <= '9' || c == '-':
			j := i + 1
			for j < len(src) && src[j] >= '0' && src[j] <= '9' {
				j++
			}
			out = append(out, token{kind: tokNumber, text: src[i:j], col: col(i)})
			i = j
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_':
			j := i + 1
			for j < len(src) && (src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z' || src[j] == '_' || src[j] >= '0' && src[j] <= '9') {
				j++
			}
			out = append(out, token{kind: tokWord, text: src[i:j], col: col(i)})
			i = j
		case c == '&' || c == '|':
			word := "and"
			if c == '|' {
				word = "or"
			}
			return nil, &WhenError{Col: col(i), Msg: i18n.M("write %s to join conditions", word)}
		case c == '\'':
			return nil, &WhenError{Col: col(i), Msg: i18n.M("quote text with \", not '")}
		default:
			r, _ := utf8.DecodeRuneInString(src[i:])
			return nil, &WhenError{Col: col(i), Msg: i18n.M("%q has no place in a condition", string(r))}
		}
	}
	return append(out, token{kind: tokEnd, col: utf8.RuneCountInString(src) + 1}), nil
}

// quoted reads the double-quoted text that starts at src[i]: \" and \\
// stand for " and \. It returns where it ends and its value.
func quoted(src string, i int) (int, string, bool) {
	var b strings.Builder
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			if j+1 < len(src) && (src[j+1] == '"' || src[j+1] == '\\') {
				b.WriteByte(src[j+1])
				j++
				continue
			}
			b.WriteByte('\\')
		case '"':
			return j + 1, b.String(), true
		default:
			b.WriteByte(src[j])
		}
	}
	return len(src), "", false
}
