//go:build !race

package store_test

// raceEnabled: the race detector slows every helper process down.
const raceEnabled = false
