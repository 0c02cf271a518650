package tui

import (
	"flag"
	"os"
	"testing"
)

// TestMain turns off the fuzzer's minimizing of new inputs, unless
// -fuzzminimizetime asks for it. Go minimizes every input that reaches
// new code before it fuzzes on, for up to a minute by default and
// counting none of those runs until it is done, in tries quadratic in the
// input's length, each a whole run of FuzzScreen (10–30 ms: a frame is
// drawn after every message). Both workers minimizing, a run stood at 0
// execs/s for most of its time. FuzzScreen reads at most maxFuzzScreen
// bytes, so what it finds is short without minimizing.
//
// Run with botEnv set, the binary is BenchmarkKeyEcho's bot instead.
func TestMain(m *testing.M) {
	if path := os.Getenv(botEnv); path != "" {
		os.Exit(runBot(path))
	}
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.fuzzminimizetime" })
	if !set {
		if err := flag.Set("test.fuzzminimizetime", "0"); err != nil {
			panic(err) // the testing package no longer has the flag
		}
	}
	os.Exit(m.Run())
}
