// Package i18n is how warroom speaks to people in their language. Messages
// are written in English in the code, as fmt formats, and looked up by
// that English text; a message without a translation is shown in English.
//
// It owns only the mechanism: choosing a language, looking a message up,
// filling it in. The translations live beside the strings they translate,
// in the package that says them (model, model/report, model/store, tui,
// cmd/warroom), each registering its table with Register when it is
// loaded. The role catalog's texts are data (model/roles.toml).
package i18n

import (
	"fmt"
	"strings"
)

// Languages lists the languages warroom speaks, English first.
var Languages = []Lang{English, Spanish}

// The languages warroom speaks.
const (
	English Lang = "en"
	Spanish Lang = "es"
)

// Lang is a language code: "en" or "es". The zero value is English.
type Lang string

// T translates an English message format into l and fills it in.
func (l Lang) T(msg string, args ...any) string {
	if l != "" && l != English {
		if tr, ok := lookup(l, msg); ok {
			msg = tr
		}
	}
	if len(args) == 0 {
		return msg
	}
	return fmt.Sprintf(msg, args...)
}

// N translates a message that has a singular and a plural form, written
// in one string as "one|other" ("%d task|%d tasks"), and fills it in: n
// chooses the form (one for exactly 1, as English and Spanish count). A
// translation gives both forms the same way ("%d tarea|%d tareas").
func (l Lang) N(n int, forms string, args ...any) string {
	tr := forms
	if l != "" && l != English {
		if t, ok := lookup(l, forms); ok {
			tr = t
		}
	}
	one, other, found := strings.Cut(tr, "|")
	if !found {
		other = one
	}
	f := other
	if n == 1 {
		f = one
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}

// Has reports whether msg has a translation into l (English always has).
func (l Lang) Has(msg string) bool {
	if l == "" || l == English {
		return true
	}
	_, ok := lookup(l, msg)
	return ok
}

// Catalog lists every English message that has a translation into l, in
// every table registered so far, for tests that look for English left on
// a translated screen.
func Catalog(l Lang) []string {
	var out []string
	for _, t := range Tables() {
		if t.Lang != l {
			continue
		}
		for k := range t.Messages {
			out = append(out, k)
		}
	}
	return out
}
