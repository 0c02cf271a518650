package main

import (
	"strings"
	"testing"
)

// The screen and the wall without a terminal (a pipe, a cron job, CI) say
// so and exit, before writing a single escape sequence that would leave a
// real terminal in the alternate screen.
func TestScreenWithoutATerminal(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	for _, args := range [][]string{{}, {"--wall"}} {
		res := r.run(args...)
		if res.code != 1 || !strings.Contains(res.stderr, "needs a terminal") || !strings.Contains(res.stderr, "warroom show") {
			t.Errorf("warroom %v without a terminal:\n%s", args, res)
		}
		if res.stdout != "" {
			t.Errorf("warroom %v wrote to a non-terminal: %q", args, res.stdout)
		}
	}
}
