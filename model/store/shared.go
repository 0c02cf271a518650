package store

import (
	"slices"

	"github.com/warroom/warroom/model"
)

// DecodeShared decodes versions of one incident file, each as DecodeAll
// does, reading once what they share. Versions of a file on two git
// branches, or a file and its copy, usually start with the same
// checkpoint and the same commits, and differ only in the commits
// appended since they parted: that shared part is decoded once, and each
// version's own commits are replayed over it. Versions that share less
// than their first checkpoint are decoded each on its own, as are those
// whose own bytes are not whole commits (then DecodeAll says what is
// wrong with them). Every version must be non-empty.
func DecodeShared(path string, data ...[]byte) ([]model.State, []error) {
	out, ok := sharedStates(path, data)
	errs := make([]error, len(data))
	for i, d := range data {
		if !ok[i] {
			out[i], errs[i] = DecodeAll(path, d)
		}
	}
	return out, errs
}

// sharedStates decodes once the first bytes that every version in data
// shares, up to the end of a commit, and replays each version's own
// commits over it. ok[i] says whether version i was read so: its own bytes
// are whole commits and the incident they make holds together. The others
// are left for the caller to decode alone.
func sharedStates(path string, data [][]byte) ([]model.State, []bool) {
	out, ok := make([]model.State, len(data)), make([]bool, len(data))
	p := sharedCommits(data)
	if p == 0 {
		return out, ok
	}
	shared, err := DecodeAll(path, data[0][:p])
	if err != nil {
		return out, ok
	}
	for i, d := range data {
		out[i], ok[i] = replayOwn(path, shared, d[p:], int64(p))
	}
	return out, ok
}

// sharedCommits is how many first bytes every version in data shares, up
// to the end of a checkpoint or a commit of a clean file warroom wrote
// (0 when they share less, or there is one version).
func sharedCommits(data [][]byte) int {
	if len(data) < 2 {
		return 0
	}
	n := len(data[0])
	for _, d := range data[1:] {
		n = min(n, commonPrefix(data[0], d))
	}
	if n == 0 {
		return 0
	}
	if v, ok := probeSchema(data[0]); !ok || v > model.Schema {
		return 0
	}
	lay := analyze(data[0], true)
	if lay.state != stateClean || lay.ckpt == 0 || int64(n) < lay.ckpt {
		return 0
	}
	p := lay.ckpt
	for _, c := range lay.tail.commits {
		if c.end > int64(n) {
			break
		}
		p = c.end
	}
	return int(p)
}

// commonPrefix is how many first bytes a and b share.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	const word = 64
	i := 0
	for i+word <= n && string(a[i:i+word]) == string(b[i:i+word]) {
		i += word
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// replayOwn replays own, the bytes of a version after what it shares
// (which ends at offset base), over the shared state: ok only when they
// are whole commits and the incident they make passes every check a read
// of the whole version makes (Check, and no time far ahead).
func replayOwn(path string, shared model.State, own []byte, base int64) (model.State, bool) {
	if len(own) == 0 {
		return shared, true
	}
	s, es, _, err := replayCommits(shared, own, base)
	if err != nil {
		return model.State{}, false
	}
	// The shared timeline stays as it is for the other versions.
	s.Timeline = append(slices.Clip(shared.Timeline), es...)
	if s.Check() != nil || checkTimes(path, s) != nil {
		return model.State{}, false
	}
	return s, true
}
