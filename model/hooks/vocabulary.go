package hooks

import (
	"slices"

	"github.com/warroom/warroom/model"
)

// A vocabulary is the fields one use of the `when` language may compare,
// and what kind each is: a hook's compare the fields of its event
// (WhenFields); a runbook's, the incident it may apply to
// (RunbookFields). The language is the same.

// fieldKind is what a field holds, and so how it is compared.
type fieldKind int

const (
	// fieldText: a text, compared whole with == and !=, in any case.
	fieldText fieldKind = iota
	// fieldNumber: the severity, compared with == != < <= > >=.
	fieldNumber
	// fieldWords: a text, compared whole, or word by word with has.
	fieldWords
)

// vocabulary names a condition's fields, in the order messages list them.
type vocabulary struct {
	names []string
	kinds map[string]fieldKind
}

// fields lists the vocabulary's fields, for messages.
func (v vocabulary) fields() []string { return v.names }

// kind says what field holds; false when it is not a field.
func (v vocabulary) kind(field string) (fieldKind, bool) {
	if !slices.Contains(v.names, field) {
		return 0, false
	}
	return v.kinds[field], true
}

// hookVocabulary: the fields of a hook's event.
var hookVocabulary = vocabulary{names: WhenFields, kinds: map[string]fieldKind{"severity": fieldNumber}}

// RunbookFields are the fields a runbook's `when` may compare, of the
// incident: its severity (a number, 0 while unset), its title (whole with
// == and !=, or word by word: title has "checkout" holds when checkout is
// one of its words, title has "checkout api" when both are), its service
// and its status.
var RunbookFields = []string{"severity", "title", "service", "status"}

// runbookVocabulary: the fields of an incident a runbook may apply to.
var runbookVocabulary = vocabulary{names: RunbookFields,
	kinds: map[string]fieldKind{"severity": fieldNumber, "title": fieldWords}}

// titleWords are the words of a text, as model.TitleWords splits them.
func titleWords(s string) []string { return model.TitleWords(s) }

// hasWords reports whether every word of want is a word of text.
func hasWords(text, want string) bool {
	have := titleWords(text)
	for _, w := range titleWords(want) {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// Condition is a runbook's `when`, read: which incidents it is for. The
// nil Condition (no `when`) holds for every incident.
type Condition struct {
	c condition
	// severity: the condition compares the severity.
	severity bool
}

// ParseRunbookWhen reads the `when` of a runbook: the hooks' language
// (comparisons joined by and and or, in parentheses) over RunbookFields,
// plus has for the title's words. An empty one is nil: every incident.
// A mistake is a *WhenError, with its column.
func ParseRunbookWhen(src string) (*Condition, error) {
	c, err := parseIn(src, runbookVocabulary)
	if err != nil || c == nil {
		return nil, err
	}
	return &Condition{c: c, severity: compares(c, "severity")}, nil
}

// Holds reports whether the incident in meets the condition. While its
// severity is unset (not assessed yet), a condition that compares the
// severity does not hold whatever it says: "severity <= 2" waits for the
// severity to be set rather than take the unset 0 for a SEV0.
func (c *Condition) Holds(in model.Incident) bool {
	if c == nil {
		return true
	}
	if c.severity && in.Severity == model.SevUnset {
		return false
	}
	return c.c.holds(incidentFields{in})
}

// compares reports whether c compares field anywhere.
func compares(c condition, field string) bool {
	switch c := c.(type) {
	case anyOf:
		return slices.ContainsFunc(c, func(x condition) bool { return compares(x, field) })
	case allOf:
		return slices.ContainsFunc(c, func(x condition) bool { return compares(x, field) })
	case comparison:
		return c.field == field
	}
	return false
}

// incidentFields are the fields of an incident a runbook's condition
// reads.
type incidentFields struct{ in model.Incident }

func (f incidentFields) text(name string) string {
	switch name {
	case "title":
		return f.in.Title
	case "service":
		return f.in.Service
	case "status":
		return string(f.in.Status)
	}
	return ""
}

func (f incidentFields) number(string) int { return int(f.in.Severity) }
