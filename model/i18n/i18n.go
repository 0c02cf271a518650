// Package i18n translates what warroom says to people. Messages are
// written in English in the code, as fmt formats, and looked up here by
// that English text; a message without a translation is shown in English.
//
// It owns only the translations and the rules for choosing a language.
// The role catalog's texts are not here: they are data (model/roles.toml),
// in every language they exist in.
package i18n

import "fmt"

// Languages lists the languages warroom speaks, English first.
var Languages = []string{"en", "es"}

// Lang is a language code: "en" or "es". The zero value is English.
type Lang string

// T translates an English message format into l and fills it in.
func (l Lang) T(msg string, args ...any) string {
	if l != "" && l != "en" {
		if tr, ok := lookup(l, msg); ok {
			msg = tr
		}
	}
	if len(args) == 0 {
		return msg
	}
	return fmt.Sprintf(msg, args...)
}

// Has reports whether msg has a translation into l (English always has).
func (l Lang) Has(msg string) bool {
	if l == "" || l == "en" {
		return true
	}
	_, ok := lookup(l, msg)
	return ok
}

// lookup finds msg in l's tables.
func lookup(l Lang, msg string) (string, bool) {
	if l != "es" {
		return "", false
	}
	for _, table := range spanish {
		if tr, ok := table[msg]; ok {
			return tr, true
		}
	}
	return "", false
}

// Catalog lists every English message that has a translation into l, for
// tests that look for English left on a translated screen.
func Catalog(l Lang) []string {
	if l != "es" {
		return nil
	}
	var out []string
	for _, table := range spanish {
		for k := range table {
			out = append(out, k)
		}
	}
	return out
}
