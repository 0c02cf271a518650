package model

import (
	"strings"
	"unicode/utf8"

	"github.com/warroom/warroom/model/i18n"
)

// Limits on text, counted in characters (runes).
const (
	MaxTitle = 200
	MaxEntry = 4000
	MaxName  = 64
)

// checkText validates a piece of user text: valid UTF-8, not blank when
// required, at most max characters. Control characters are allowed: they
// are kept as data and neutralised on every output path.
func checkText(field i18n.Word, s string, max int, required bool) (string, error) {
	if !utf8.ValidString(s) {
		return "", &TextError{Field: field, Reason: i18n.M("not valid UTF-8")}
	}
	if required && strings.TrimSpace(s) == "" {
		return "", &TextError{Field: field, Reason: i18n.M("must not be empty")}
	}
	if n := utf8.RuneCountInString(s); n > max {
		return "", &TextError{Field: field, Reason: i18n.M("%d characters, at most %d allowed", n, max)}
	}
	return s, nil
}

// checkName validates a person's name: one line, 1 to MaxName characters,
// surrounding space trimmed.
func checkName(field i18n.Word, s string) (string, error) {
	s = strings.TrimSpace(s)
	if _, err := checkText(field, s, MaxName, true); err != nil {
		return "", err
	}
	if strings.ContainsAny(s, "\n\r") {
		return "", &TextError{Field: field, Reason: i18n.M("must be one line")}
	}
	return s, nil
}

// optionalName validates a name that may be left empty.
func optionalName(field i18n.Word, s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	return checkName(field, s)
}

// checkWorkstream validates a workstream label: like a name, and free of
// the '/' that separates it from the role in ROLE/WORKSTREAM.
func checkWorkstream(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	s, err := checkName("workstream", s)
	if err != nil {
		return "", err
	}
	if strings.Contains(s, "/") {
		return "", &TextError{Field: "workstream", Reason: i18n.M("must not contain '/'")}
	}
	return s, nil
}

// CheckName validates a person's name as the model does for every op:
// one line, 1 to MaxName characters. For names that come from elsewhere
// (a team file) before any op is made with them.
func CheckName(s string) error {
	_, err := checkName("name", s)
	return err
}
