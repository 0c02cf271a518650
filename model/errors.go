package model

import (
	"strings"

	"github.com/warroom/warroom/model/i18n"
)

// The errors of this package say what went wrong in any language: Error
// gives the English, In(lang) the same sentence in lang. Explain renders
// any error with them.

// InvalidError reports a value that is not one of a known set: a role,
// status, severity, kind or task id. Callers treat it as a usage error.
type InvalidError struct {
	What  i18n.Word // "role", "status", ... (translated)
	Value string    // what was given
	Valid []string  // what would have been accepted: keys and ids, never translated
	More  int       // how many more valid values Valid leaves out
	// None stands in for Valid when nothing would be accepted: "(no tasks yet)".
	None i18n.Message
	Hint i18n.Message // optional extra advice
	// Ambiguous marks a value that matches several valid ones.
	Ambiguous bool
}

func (e *InvalidError) Error() string { return e.In(i18n.English) }

// In renders the error in l.
func (e *InvalidError) In(l i18n.Lang) string {
	var b strings.Builder
	switch {
	case e.Value == "":
		b.WriteString(whole(l, "no %s given", e.What))
	case e.Ambiguous:
		b.WriteString(whole(l, "ambiguous %s %q", e.What, e.Value))
	default:
		b.WriteString(whole(l, "unknown %s %q", e.What, e.Value))
	}
	valid := append([]string(nil), e.Valid...)
	if len(valid) == 0 && e.None.Format != "" {
		valid = append(valid, e.None.In(l))
	}
	if e.More > 0 {
		valid = append(valid, l.T("and %d more", e.More))
	}
	if len(valid) > 0 && e.Ambiguous {
		b.WriteString(l.T("; it matches %s", strings.Join(valid, ", ")))
	} else if len(valid) > 0 {
		b.WriteString(l.T("; valid: %s", strings.Join(valid, ", ")))
	}
	if e.Hint.Format != "" {
		b.WriteString("; ")
		b.WriteString(e.Hint.In(l))
	}
	return b.String()
}

// whole renders format with what put in: as one whole sentence when l has
// it ("unknown role %q", so that the words agree), else word by word.
func whole(l i18n.Lang, format string, what i18n.Word, args ...any) string {
	sentence := strings.Replace(format, "%s", strings.ReplaceAll(string(what), "%", "%%"), 1)
	if l.Has(sentence) {
		return l.T(sentence, args...)
	}
	return l.T(format, append([]any{l.T(string(what))}, args...)...)
}

// TextError reports text that breaks a limit: too long, empty, or not UTF-8.
type TextError struct {
	Field  i18n.Word // "title", "note", "name", ... (translated)
	Reason i18n.Message
}

func (e *TextError) Error() string { return e.In(i18n.English) }

// In renders the error in l.
func (e *TextError) In(l i18n.Lang) string {
	return l.T(string(e.Field)) + ": " + e.Reason.In(l)
}

// ConflictError reports an operation that the incident's current state does
// not allow, such as declaring over an existing incident.
type ConflictError struct{ Reason i18n.Message }

func (e *ConflictError) Error() string { return e.Reason.String() }

// In renders the error in l.
func (e *ConflictError) In(l i18n.Lang) string { return e.Reason.In(l) }

// UnchangedError reports a change that would change nothing: the incident
// is already as asked (the severity it has, a role to its holder, a task
// to the state it is in). Nothing is written. A caller that wants the
// incident to be so — a script run twice — takes it as success; to one
// that needs a change made, it is a conflict like any other: it unwraps
// to a ConflictError with the same reason.
type UnchangedError struct{ Reason i18n.Message }

func (e *UnchangedError) Error() string { return e.Reason.String() }

// Unwrap makes the error a ConflictError too.
func (e *UnchangedError) Unwrap() error { return &ConflictError{Reason: e.Reason} }

// In renders the error in l.
func (e *UnchangedError) In(l i18n.Lang) string { return e.Reason.In(l) }
