package model

import (
	"testing"

	"github.com/warroom/warroom/model/i18n/i18ntest"
)

// TestEveryMessageHasSpanish finds the messages of the model's errors in
// its source (i18n.M formats, the What and Field words, the fields given
// to the text checks) and fails on any without a Spanish translation.
func TestEveryMessageHasSpanish(t *testing.T) {
	lits, err := i18ntest.Literals(".", i18ntest.Spec{
		Calls:  map[string]int{"M": 0, "N": 1, "Word": 0, "checkText": 0, "checkName": 0, "optionalName": 0, "ParseWord": 0, "invalidWord": 0},
		Fields: []string{"What", "Field"},
	})
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
