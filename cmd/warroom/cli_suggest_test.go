package main

import (
	"strings"
	"testing"
)

// TestMistypedCommandsGetSuggestions (issue 11, item 25): a mistyped
// command or subcommand is refused with the one it may have meant, exit 2,
// the file untouched — and a slip of update's subcommands is not recorded
// as an update.
func TestMistypedCommandsGetSuggestions(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"handof", "tl", "bob"}, `unknown command "handof" for "warroom"; did you mean handoff?`},
		{[]string{"stauts", "resolved"}, "did you mean status, stats?"},
		{[]string{"task", "strat", "t1"}, `unknown command "strat" for "warroom task"; did you mean start?`},
		{[]string{"task", "lsit"}, "did you mean list?"},
		{[]string{"theory", "confrim", "h1"}, "did you mean confirm?"},
		{[]string{"followup", "dne", "f1"}, "did you mean done?"},
		{[]string{"customers", "reprot", "Northwind is down"}, "did you mean report?"},
		{[]string{"config", "pth"}, "did you mean path?"},
		{[]string{"update", "aprove", "e1"}, "did you mean approve? To record it as an update's text: warroom update -- \"aprove e1\""},
		{[]string{"update", "lsit"}, "did you mean list?"},
		{[]string{"task", "strat", "--lang", "es"}, `orden desconocida "strat" para "warroom task"; ¿quería decir start?`},
	} {
		before := r.snapshot()
		res := r.run(c.args...)
		if res.code != 2 {
			t.Errorf("want exit 2, got:\n%s", res)
		}
		wantContains(t, "stderr", res.stderr, c.says)
		before.unchanged(t, res)
	}
	// Real text is not mistaken for a command; -- makes a word text.
	r.ok("update", "first update: investigating")
	r.ok("update", "--", "lsit")
	d := r.export()
	d.entryWithText(t, "first update: investigating")
	d.entryWithText(t, "lsit")
	if res := r.run("frobnicate"); res.code != 2 || strings.Contains(res.stderr, "did you mean") {
		t.Errorf("a word near no command:\n%s", res)
	}
}
