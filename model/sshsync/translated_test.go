package sshsync

import (
	"testing"

	"github.com/warroom/warroom/model/i18n/i18ntest"
)

// TestEveryMessageHasSpanish finds the messages of the sync's errors and
// summary in its source and fails on any without a Spanish translation.
func TestEveryMessageHasSpanish(t *testing.T) {
	lits, err := i18ntest.Literals(".", i18ntest.Spec{Calls: map[string]int{"T": 0, "fail": 0}, Fields: []string{"Op", "Kind"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(lits) < 20 {
		t.Fatalf("found only %d messages in the source", len(lits))
	}
	for _, m := range i18ntest.Missing(lits, "es") {
		t.Errorf("no Spanish for %s", m)
	}
}
