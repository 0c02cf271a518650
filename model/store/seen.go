package store

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// The screens' memo of visits: when each person last had a screen on an
// incident on this machine, so that one back from being away is shown
// what changed since (a catch-up). It is this copy's own, never the
// incident's: it is not in the incident file, so it is not synced,
// merged or committed, and no timeline entry records a visit.

// SeenPath is where the memo of visits to the incident at path is kept:
// ".NAME.seen" beside it.
func SeenPath(path string) string {
	dir, base := filepath.Split(resolve(path))
	return filepath.Join(dir, "."+base+".seen")
}

// seenMemo is the memo as the file holds it: names, in lower case, and
// when each last had a screen on the incident.
type seenMemo struct {
	Seen map[string]time.Time `toml:"seen"`
}

// LastSeen returns when name (in any case) last had a screen on the
// incident at path, and whether the memo says. A memo missing or
// unreadable says nothing: the catch-up then counts from their last
// entry.
func LastSeen(path, name string) (time.Time, bool) {
	m, err := readSeen(SeenPath(path))
	if err != nil {
		return time.Time{}, false
	}
	at, ok := m.Seen[strings.ToLower(name)]
	return at, ok
}

// MarkSeen records that name had a screen on the incident at path at
// at, under the incident's lock so that two screens closing at once both
// count. A later visit already recorded is kept.
func MarkSeen(ctx context.Context, path, name string, at time.Time) error {
	unlock, err := lock(ctx, resolve(path))
	if err != nil {
		return err
	}
	defer unlock()
	sp := SeenPath(path)
	m, err := readSeen(sp)
	if err != nil && !os.IsNotExist(err) {
		m = seenMemo{} // a memo that does not read is started again
	}
	if m.Seen == nil {
		m.Seen = map[string]time.Time{}
	}
	key := strings.ToLower(name)
	if prev, ok := m.Seen[key]; ok && prev.After(at) {
		return nil
	}
	m.Seen[key] = at.UTC().Truncate(time.Second)
	var b bytes.Buffer
	b.WriteString("# When each person last had a screen on this incident, on this machine.\n")
	if err := toml.NewEncoder(&b).Encode(m); err != nil {
		return fmt.Errorf("%s: %w", sp, err)
	}
	return WriteAtomic(sp, b.Bytes(), 0o644)
}

// readSeen reads the memo at path.
func readSeen(path string) (seenMemo, error) {
	var m seenMemo
	data, err := os.ReadFile(path)
	if err != nil {
		return m, err
	}
	if len(data) > 1<<20 {
		return m, fmt.Errorf("%s: %d bytes is too large for a memo of visits", path, len(data))
	}
	_, err = toml.Decode(string(data), &m)
	return m, err
}
