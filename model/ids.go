package model

import (
	"crypto/rand"
	"fmt"
	"io"
	"time"
)

// idAlphabet leaves out characters that are easy to misread (0 o 1 l i).
const idAlphabet = "23456789abcdefghjkmnpqrstuvwxyz"

// IDSource makes new random identifiers. Apply checks uniqueness itself.
type IDSource interface {
	// NewID returns prefix followed by n characters.
	NewID(prefix string, n int) string
}

// RandomIDs draws identifiers from a random reader (crypto/rand when nil).
type RandomIDs struct{ Rand io.Reader }

// NewID implements IDSource.
func (r RandomIDs) NewID(prefix string, n int) string {
	src := r.Rand
	if src == nil {
		src = rand.Reader
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(src, buf); err != nil {
		// crypto/rand does not fail on supported platforms; fall back to
		// the clock rather than hand out a constant.
		for i := range buf {
			buf[i] = byte(time.Now().UnixNano() >> (i * 5))
		}
	}
	out := make([]byte, n)
	for i, b := range buf {
		out[i] = idAlphabet[int(b)%len(idAlphabet)]
	}
	return prefix + string(out)
}

// SeqIDs hands out predictable identifiers (prefix + counter), for tests
// and golden files. Its zero value is ready to use; use a pointer.
type SeqIDs struct{ n int }

// NewID implements IDSource.
func (s *SeqIDs) NewID(prefix string, n int) string {
	s.n++
	return fmt.Sprintf("%s%0*d", prefix, n, s.n)
}

// SeededIDs derives identifiers from a seed, so that applying the same
// change twice — once on the screen at once, once more when it is saved
// against the file — gives its tasks and entries the same ids. Apply
// starts every application from the seed again (see Fork).
type SeededIDs struct {
	Seed uint64
	n    uint64
}

// NewID implements IDSource.
func (s *SeededIDs) NewID(prefix string, n int) string {
	out := make([]byte, n)
	for i := range out {
		s.n++
		out[i] = idAlphabet[splitmix64(s.Seed+s.n*0x9e3779b97f4a7c15)%uint64(len(idAlphabet))]
	}
	return prefix + string(out)
}

// Fork returns a source that starts from the seed again.
func (s *SeededIDs) Fork() IDSource { return &SeededIDs{Seed: s.Seed} }

// splitmix64 is a small, well-mixed hash of x.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// forker is an IDSource that can start over, so every Apply of the same
// change draws the same ids.
type forker interface{ Fork() IDSource }

// Env is everything Apply needs from outside the model: the time, who acts,
// which replica writes, and where new ids come from. All are required but
// Replica: the model reads no clock and draws no randomness of its own.
type Env struct {
	Now     time.Time
	Actor   string
	Replica string
	IDs     IDSource
}
