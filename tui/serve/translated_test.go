package serve

import (
	"testing"

	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/i18n/i18ntest"
)

// Every message the served war room says to people has Spanish.
func TestEveryMessageHasSpanish(t *testing.T) {
	lits, err := i18ntest.Literals(".", i18ntest.Spec{Calls: map[string]int{"T": 0, "M": 0}})
	if err != nil {
		t.Fatal(err)
	}
	if len(lits) < 8 {
		t.Fatalf("only %d messages found", len(lits))
	}
	for _, l := range i18ntest.Missing(lits, i18n.Spanish) {
		t.Errorf("no Spanish for %s", l)
	}
}
