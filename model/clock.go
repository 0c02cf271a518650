package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Stamp is a hybrid logical clock reading: wall time in milliseconds, a
// counter that orders events within the same millisecond (or when a
// replica's clock is behind one it has seen), and the id of the replica
// that wrote it. Stamps are totally ordered, so every replica that merges
// the same edits picks the same winner for a field.
type Stamp struct {
	Wall    int64 // Unix milliseconds
	Seq     uint32
	Replica string
}

// IsZero reports whether s was never set.
func (s Stamp) IsZero() bool { return s.Wall == 0 && s.Seq == 0 && s.Replica == "" }

// Compare orders stamps: wall time, then counter, then replica id.
func (s Stamp) Compare(o Stamp) int {
	switch {
	case s.Wall != o.Wall:
		return cmpInt(s.Wall, o.Wall)
	case s.Seq != o.Seq:
		return cmpInt(int64(s.Seq), int64(o.Seq))
	default:
		return strings.Compare(s.Replica, o.Replica)
	}
}

func cmpInt(a, b int64) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	return 0
}

// Next returns the stamp for a new event at wall-clock time now on replica,
// after every stamp up to last. A counter at its largest carries into the
// wall time (one millisecond on) rather than wrapping to zero, so the new
// stamp is always the later one.
func (s Stamp) Next(now time.Time, replica string) Stamp {
	ms := now.UnixMilli()
	switch {
	case ms > s.Wall:
		return Stamp{Wall: ms, Replica: replica}
	case s.Seq == math.MaxUint32:
		return Stamp{Wall: s.Wall + 1, Replica: replica}
	}
	return Stamp{Wall: s.Wall, Seq: s.Seq + 1, Replica: replica}
}

// Max returns the later of two stamps.
func (s Stamp) Max(o Stamp) Stamp {
	if o.Compare(s) > 0 {
		return o
	}
	return s
}

// String renders the stamp as "2026-11-25T23:41:00.123Z.0003@replica", the
// form it takes in the file.
func (s Stamp) String() string {
	if s.IsZero() {
		return ""
	}
	t := time.UnixMilli(s.Wall).UTC().Format("2006-01-02T15:04:05.000Z")
	return fmt.Sprintf("%s.%04d@%s", t, s.Seq, s.Replica)
}

// MarshalText implements encoding.TextMarshaler.
func (s Stamp) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Stamp) UnmarshalText(b []byte) error {
	p, err := ParseStamp(string(b))
	if err != nil {
		return err
	}
	*s = p
	return nil
}

// ParseStamp reads the form String writes; "" is the zero stamp.
func ParseStamp(v string) (Stamp, error) {
	if v == "" {
		return Stamp{}, nil
	}
	bad := fmt.Errorf("clock %q: want TIME.COUNTER@REPLICA, as in 2026-11-25T23:41:00.123Z.0000@r1", v)
	at := strings.IndexByte(v, '@')
	if at < 0 || at == len(v)-1 {
		return Stamp{}, bad
	}
	head, replica := v[:at], v[at+1:]
	dot := strings.LastIndexByte(head, '.')
	if dot < 0 {
		return Stamp{}, bad
	}
	seq, err := strconv.ParseUint(head[dot+1:], 10, 32)
	if err != nil {
		return Stamp{}, bad
	}
	t, err := time.Parse(time.RFC3339Nano, head[:dot])
	if err != nil {
		return Stamp{}, bad
	}
	return Stamp{Wall: t.UnixMilli(), Seq: uint32(seq), Replica: replica}, nil
}
