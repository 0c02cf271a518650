package i18n

import (
	"fmt"
	"strings"
)

// Word is a word or phrase used as an argument of a message ("in
// progress", "investigating"): it is translated too when the message is.
type Word string

// Localized is an argument that renders itself in a language, such as a
// role's display name, which comes from the role catalog rather than from
// the tables here. Message.In renders it with In; fmt, with String.
type Localized interface {
	In(Lang) string
}

// Message is a sentence to show a person: an English fmt format and its
// arguments. Errors carry Messages so that they can be shown in any
// language; String gives the English.
type Message struct {
	Format string
	Args   []any
	// Plural, when set, makes Format "one|other" forms chosen by Count
	// (see Lang.N).
	Plural bool
	Count  int
}

// M builds a Message.
func M(format string, args ...any) Message { return Message{Format: format, Args: args} }

// N builds a Message with a singular and a plural form, "one|other",
// chosen by count as Lang.N does.
func N(count int, forms string, args ...any) Message {
	return Message{Format: forms, Args: args, Plural: true, Count: count}
}

// In renders the message in l: the format and every Word, Message or
// other Localized value among the arguments translated.
func (m Message) In(l Lang) string {
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		switch v := a.(type) {
		case Word:
			args[i] = l.T(string(v))
		case Message:
			args[i] = v.In(l)
		case []Word:
			parts := make([]string, len(v))
			for j, w := range v {
				parts[j] = l.T(string(w))
			}
			args[i] = strings.Join(parts, ", ")
		case Localized:
			args[i] = v.In(l)
		default:
			args[i] = a
		}
	}
	if m.Plural {
		return l.N(m.Count, m.Format, args...)
	}
	return fmt.Sprintf(l.T(m.Format), args...)
}

// String renders the message in English.
func (m Message) String() string { return m.In(English) }
