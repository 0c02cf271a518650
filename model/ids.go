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

// Env is everything Apply needs from outside the model: the time, who acts,
// which replica writes, and where new ids come from.
type Env struct {
	Now     time.Time
	Actor   string
	Replica string
	IDs     IDSource
}
