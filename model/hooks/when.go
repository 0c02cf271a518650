package hooks

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

// The `when` of a hook is a condition on its event, kept small and safe on
// purpose: fields of the event compared with values, joined by and and or,
// grouped with parentheses. Nothing else — no functions, no arithmetic, no
// way to reach anything but the event — and anything else is refused when
// the hook is read, with the column where it goes wrong.
//
//	condition  = conjunction { "or" conjunction }
//	conjunction = comparison { "and" comparison }
//	comparison = field operator value | "(" condition ")"
//	operator   = "==" | "!=" | "<" | "<=" | ">" | ">="   (< … >= for severity only)
//	value      = a whole number (severity) | "a quoted text" (every other field)
//
// and binds tighter than or. The fields are WhenFields.

// WhenFields are the fields a condition may compare. severity is the
// incident's (0 while unset, 1 for SEV1); the others are texts.
var WhenFields = []string{"event", "severity", "status", "old", "new", "role", "workstream", "actor", "task", "audience"}

// maxWhen bounds a condition's length, and maxDepth its parentheses.
const (
	maxWhen  = 500
	maxDepth = 16
)

// WhenError is a condition that does not read: where (a column of the
// condition, from 1) and why.
type WhenError struct {
	Col int
	Msg i18n.Message
}

func (e *WhenError) Error() string { return e.In(i18n.English) }

// In says the mistake in l.
func (e *WhenError) In(l i18n.Lang) string {
	return i18n.M("at column %d: %s", e.Col, e.Msg).In(l)
}

// condition is a parsed `when`.
type condition interface {
	holds(f fields) bool
}

// fields are the values of an event a condition reads.
type fields interface {
	text(name string) string
	number(name string) int
}

type anyOf []condition
type allOf []condition

// comparison compares one field with a value: a number (isNum), or a
// text, which has compares word by word.
type comparison struct {
	field string
	op    string
	num   int
	isNum bool
	str   string
}

func (c anyOf) holds(f fields) bool {
	for _, x := range c {
		if x.holds(f) {
			return true
		}
	}
	return false
}

func (c allOf) holds(f fields) bool {
	for _, x := range c {
		if !x.holds(f) {
			return false
		}
	}
	return true
}

func (c comparison) holds(f fields) bool {
	if c.isNum {
		v := f.number(c.field)
		switch c.op {
		case "==":
			return v == c.num
		case "!=":
			return v != c.num
		case "<":
			return v < c.num
		case "<=":
			return v <= c.num
		case ">":
			return v > c.num
		case ">=":
			return v >= c.num
		}
		return false
	}
	if c.op == "has" {
		return hasWords(f.text(c.field), c.str)
	}
	eq := strings.EqualFold(f.text(c.field), c.str)
	if c.op == "!=" {
		return !eq
	}
	return eq
}

// parser reads tokens into a condition of a vocabulary.
type parser struct {
	toks  []token
	at    int
	depth int
	vocab vocabulary
}

func (p *parser) peek() token { return p.toks[p.at] }
func (p *parser) next() token {
	t := p.toks[p.at]
	if t.kind != tokEnd {
		p.at++
	}
	return t
}

// parseWhen reads a hook's condition. An empty one is none: the hook
// always runs.
func parseWhen(src string) (condition, error) { return parseIn(src, hookVocabulary) }

// parseIn reads a condition of vocabulary v. An empty one is none.
func parseIn(src string, v vocabulary) (condition, error) {
	if strings.TrimSpace(src) == "" {
		return nil, nil
	}
	if n := utf8.RuneCountInString(src); n > maxWhen {
		return nil, &WhenError{Col: maxWhen + 1, Msg: i18n.M("a condition is at most %d characters; this one is %d", maxWhen, n)}
	}
	if !utf8.ValidString(src) {
		return nil, &WhenError{Col: 1, Msg: i18n.M("not valid UTF-8")}
	}
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, vocab: v}
	c, err := p.anyOf()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEnd {
		return nil, &WhenError{Col: t.col, Msg: i18n.M("%q after a whole condition; join conditions with and or or", t.text)}
	}
	return c, nil
}

func (p *parser) anyOf() (condition, error) {
	var out anyOf
	for {
		c, err := p.allOf()
		if err != nil {
			return nil, err
		}
		out = append(out, c)
		if t := p.peek(); t.kind != tokWord || !strings.EqualFold(t.text, "or") {
			break
		}
		p.next()
	}
	if len(out) == 1 {
		return out[0], nil
	}
	return out, nil
}

func (p *parser) allOf() (condition, error) {
	var out allOf
	for {
		c, err := p.comparison()
		if err != nil {
			return nil, err
		}
		out = append(out, c)
		if t := p.peek(); t.kind != tokWord || !strings.EqualFold(t.text, "and") {
			break
		}
		p.next()
	}
	if len(out) == 1 {
		return out[0], nil
	}
	return out, nil
}

func (p *parser) comparison() (condition, error) {
	t := p.next()
	switch t.kind {
	case tokOpen:
		if p.depth++; p.depth > maxDepth {
			return nil, &WhenError{Col: t.col, Msg: i18n.M("more than %d parentheses inside one another", maxDepth)}
		}
		c, err := p.anyOf()
		if err != nil {
			return nil, err
		}
		p.depth--
		if cl := p.next(); cl.kind != tokClose {
			return nil, &WhenError{Col: t.col, Msg: i18n.M("this ( is not closed")}
		}
		return c, nil
	case tokEnd:
		return nil, &WhenError{Col: t.col, Msg: i18n.M("a comparison is missing here, such as severity == 1")}
	case tokWord:
	default:
		return nil, &WhenError{Col: t.col, Msg: i18n.M("%q is not a field; the fields are %s", t.text, strings.Join(p.vocab.fields(), ", "))}
	}
	field := strings.ToLower(t.text)
	if field == "not" {
		return nil, &WhenError{Col: t.col, Msg: i18n.M("there is no not: compare with != instead")}
	}
	kind, ok := p.vocab.kind(field)
	if !ok {
		return nil, &WhenError{Col: t.col, Msg: i18n.M("%q is not a field; the fields are %s", t.text, strings.Join(p.vocab.fields(), ", "))}
	}
	op := p.next()
	if kind == fieldWords && op.kind == tokWord && strings.EqualFold(op.text, "has") {
		op = token{kind: tokOp, text: "has", col: op.col}
	}
	if op.kind != tokOp {
		if kind == fieldWords {
			return nil, &WhenError{Col: op.col, Msg: i18n.M("a comparison is missing after %s: has, == or !=", field)}
		}
		return nil, &WhenError{Col: op.col, Msg: i18n.M("a comparison is missing after %s: ==, !=, <, <=, > or >=", field)}
	}
	v := p.next()
	c := comparison{field: field, op: op.text}
	if kind == fieldNumber {
		n, err := strconv.Atoi(v.text)
		if v.kind != tokNumber || err != nil {
			return nil, &WhenError{Col: v.col, Msg: i18n.M("severity is a number (0 unset, 1 for SEV1): write severity == 1")}
		}
		if n < 0 || n > 3 {
			return nil, &WhenError{Col: v.col, Msg: i18n.M("severity %d: a severity is 0 (unset), 1, 2 or 3", n)}
		}
		c.num, c.isNum = n, true
		return c, nil
	}
	if op.text != "==" && op.text != "!=" && op.text != "has" {
		return nil, &WhenError{Col: op.col, Msg: i18n.M("%s is text: compare it with == or !=", field)}
	}
	if v.kind != tokString {
		return nil, &WhenError{Col: v.col, Msg: i18n.M("%s is text: quote the value, as in %s == \"%s\"", field, field, example(field))}
	}
	if op.text == "has" && len(titleWords(v.text)) == 0 {
		return nil, &WhenError{Col: v.col, Msg: i18n.M("%s has needs a word, as in %s has \"checkout\"", field, field)}
	}
	if err := checkValue(field, v.text); err != nil {
		return nil, &WhenError{Col: v.col, Msg: i18n.M("%s", explained{err})}
	}
	c.str = v.text
	return c, nil
}

// checkValue refuses a value a field can never have, so that a typo
// (status == "resovled") is found when the hook is read, not never.
func checkValue(field, v string) error {
	var err error
	switch field {
	case "event":
		_, err = model.ParseHookEvent(v)
	case "status":
		_, err = model.ParseStatus(v)
	case "audience":
		_, err = model.ParseAudience(v)
	}
	return err
}

// example is a value of field, for messages.
func example(field string) string {
	switch field {
	case "event":
		return "severity"
	case "status":
		return "resolved"
	case "role":
		return "tech_lead"
	case "audience":
		return "external"
	}
	return "…"
}

// String renders a comparison for tests and messages.
func (c comparison) String() string {
	if c.isNum {
		return fmt.Sprintf("%s %s %d", c.field, c.op, c.num)
	}
	return fmt.Sprintf("%s %s %q", c.field, c.op, c.str)
}

// explained is an error of the model, said in the reader's language.
type explained struct{ err error }

func (e explained) In(l i18n.Lang) string { return model.Explain(e.err, l) }
