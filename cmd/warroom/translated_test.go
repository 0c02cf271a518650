package main

import (
	"testing"

	"github.com/warroom/warroom/model/i18n/i18ntest"
)

// TestEveryMessageHasSpanish finds the messages and help texts of the
// command line in its source and fails on any without a Spanish
// translation.
func TestEveryMessageHasSpanish(t *testing.T) {
	lits, err := i18ntest.Literals(".", i18ntest.Spec{
		Calls: map[string]int{"say": 0, "warn": 0, "M": 0, "T": 0, "N": 1, "usage": 0, "failf": 0, "Word": 0, "exactly": -1, "needText": 0, "ParseWord": 0,
			"StringVar": 3, "StringArrayVar": 3, "BoolVar": 3, "DurationVar": 3, "IntVar": 3, "StringVarP": 4, "BoolVarP": 4, "String": 2, "Bool": 2},
		Fields: []string{"Short", "Long", "Example"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(lits) < 100 {
		t.Fatalf("found only %d messages in the source", len(lits))
	}
	for _, m := range i18ntest.Missing(lits, "es") {
		t.Errorf("no Spanish for %s", m)
	}
}
