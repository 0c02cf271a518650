package main

import (
	"os"
	"regexp"
	"testing"
)

// TestTimeFarAheadIsRefused: a hand-edited time far in the future is
// refused with its field named, and the file is left as it was, instead
// of reports saying "time to acknowledge 106751d".
func TestTimeFarAheadIsRefused(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	data, err := os.ReadFile(r.file())
	if err != nil {
		t.Fatal(err)
	}
	edited := regexp.MustCompile(`(?m)^declared = .*$`).ReplaceAll(data, []byte("declared = 9999-12-31T00:00:00Z"))
	if err := os.WriteFile(r.file(), edited, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"show"}, {"log", "x"}, {"export"}} {
		before := r.snapshot()
		res := r.run(args...)
		if res.code != 1 {
			t.Errorf("%v: want exit 1:\n%s", args, res)
		}
		wantContains(t, "stderr", res.stderr, "[incident] declared", "9999-12-31", "ahead of this machine's clock")
		before.unchanged(t, res)
	}
	res := r.run("--lang", "es", "show")
	wantContains(t, "Spanish", res.stderr, "por delante del reloj")
}
