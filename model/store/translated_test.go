package store

import (
	"testing"

	"github.com/warroom/warroom/model/i18n/i18ntest"
)

// TestEveryMessageHasSpanish finds what the store says to people (the
// messages of its errors' In methods, and the words they fill in) and
// fails on any without a Spanish translation.
func TestEveryMessageHasSpanish(t *testing.T) {
	lits, err := i18ntest.Literals(".", i18ntest.Spec{Calls: map[string]int{"T": 0}, Fields: []string{"What"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(lits) < 10 {
		t.Fatalf("found only %d messages in the source", len(lits))
	}
	for _, m := range i18ntest.Missing(lits, "es") {
		t.Errorf("no Spanish for %s", m)
	}
	for _, what := range []string{"entries", "tasks", "assignments", "people", "theories", "followups"} {
		if !hasSpanish(what) {
			t.Errorf("no Spanish for the records a ShortError names: %q", what)
		}
	}
}

func hasSpanish(msg string) bool { _, ok := esStore[msg]; return ok }
