package hooks

import (
	"testing"

	"github.com/warroom/warroom/model/i18n/i18ntest"
)

// TestEveryMessageHasSpanish finds the messages of this package — the
// mistakes of a [[hook]] and of its condition, why a check refused — and
// fails on any without a Spanish translation.
func TestEveryMessageHasSpanish(t *testing.T) {
	lits, err := i18ntest.Literals(".", i18ntest.Spec{Calls: map[string]int{"M": 0, "fail": 1}})
	if err != nil {
		t.Fatal(err)
	}
	if len(lits) < 30 {
		t.Fatalf("found only %d messages in the source", len(lits))
	}
	for _, m := range i18ntest.Missing(lits, "es") {
		t.Errorf("no Spanish for %s", m)
	}
}
