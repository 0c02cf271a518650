package model

import (
	"fmt"
	"strings"
)

// InvalidError reports a value that is not one of a known set: a role,
// status, severity, kind or task id. Callers treat it as a usage error.
type InvalidError struct {
	What  string   // "role", "status", ...
	Value string   // what was given
	Valid []string // what would have been accepted
	Hint  string   // optional extra advice
	// Ambiguous marks a value that matches several valid ones.
	Ambiguous bool
}

func (e *InvalidError) Error() string {
	var b strings.Builder
	switch {
	case e.Value == "":
		fmt.Fprintf(&b, "no %s given", e.What)
	case e.Ambiguous:
		fmt.Fprintf(&b, "ambiguous %s %q", e.What, e.Value)
	default:
		fmt.Fprintf(&b, "unknown %s %q", e.What, e.Value)
	}
	if len(e.Valid) > 0 && e.Ambiguous {
		fmt.Fprintf(&b, "; it matches %s", strings.Join(e.Valid, ", "))
	} else if len(e.Valid) > 0 {
		fmt.Fprintf(&b, "; valid: %s", strings.Join(e.Valid, ", "))
	}
	if e.Hint != "" {
		b.WriteString("; ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

// TextError reports text that breaks a limit: too long, empty, or not UTF-8.
type TextError struct {
	Field  string // "title", "note", "name", ...
	Reason string
}

func (e *TextError) Error() string { return e.Field + ": " + e.Reason }

// ConflictError reports an operation that the incident's current state does
// not allow, such as declaring over an existing incident.
type ConflictError struct{ Reason string }

func (e *ConflictError) Error() string { return e.Reason }
