package report

import (
	"testing"

	"github.com/warroom/warroom/model/i18n/i18ntest"
)

// TestEveryMessageHasSpanish finds the messages of this package in its
// source and fails on any without a Spanish translation: the leak test
// cannot see those, as they are not in the Spanish catalog.
func TestEveryMessageHasSpanish(t *testing.T) {
	lits, err := i18ntest.Literals(".", i18ntest.Spec{Calls: map[string]int{"t": 0, "n": 1, "heading": 0, "head": -1}})
	if err != nil {
		t.Fatal(err)
	}
	if len(lits) < 40 {
		t.Fatalf("found only %d messages in the source", len(lits))
	}
	for _, m := range i18ntest.Missing(lits, "es") {
		t.Errorf("no Spanish for %s", m)
	}
}
