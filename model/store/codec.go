package store

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// header opens every file warroom writes.
const header = `# warroom incident file. Hand edits are welcome; see "The file" in
# warroom's README, and run "warroom check --accept" after editing.

`

// checkpointMeta is the [checkpoint] table: where the checkpoint ends and
// how many records it holds, so that a file cut short, or with records
// taken out, is told from a whole one.
type checkpointMeta struct {
	Bytes       int64 `toml:"bytes"`
	Entries     int   `toml:"entries"`
	Tasks       int   `toml:"tasks"`
	Assignments int   `toml:"assignments"`
	People      int   `toml:"people"`
	Theories    int   `toml:"theories"`
	FollowUps   int   `toml:"followups"`
}

// counts are the records of s, as a checkpoint table counts them; Bytes is
// left for the caller.
func counts(s model.State, entries int) checkpointMeta {
	return checkpointMeta{Entries: entries, Tasks: len(s.Tasks), Assignments: len(s.Assignments),
		People: len(s.People), Theories: len(s.Theories), FollowUps: len(s.FollowUps)}
}

// headDoc is the head of a checkpoint as it is encoded: the schema, the
// checkpoint table, then the incident's sections.
type headDoc struct {
	Checkpoint *checkpointMeta `toml:"checkpoint,omitempty"`
	model.State
}

// Encode renders a state as a whole file: a checkpoint holding all of it.
func Encode(s model.State) ([]byte, error) {
	s.Schema = model.Schema
	if len(s.Timeline) == 0 {
		// Nothing to close with a sum line: a plain file, rewritten whole
		// by the next change.
		b, err := encodeTOML(s)
		if err != nil {
			return nil, err
		}
		return append([]byte(header), b...), nil
	}
	es, err := encodeEntries(s.Timeline)
	if err != nil {
		return nil, err
	}
	s.Timeline = nil
	return assemble(s, len(es.entries), es.text)
}

// assemble builds a checkpoint from the head of s and the text of its
// entries, given in parts (each "[[timeline]]…" up to its last key line),
// and closes it with its sum line.
func assemble(s model.State, entries int, parts ...[]byte) ([]byte, error) {
	s.Schema = model.Schema
	s.Timeline = nil
	meta := counts(s, entries)
	head, err := encodeTOML(headDoc{Checkpoint: &meta, State: s})
	if err != nil {
		return nil, err
	}
	size := len(header) + len(head) + sumLineLen
	for _, p := range parts {
		if len(p) > 0 {
			size += 1 + len(p)
		}
	}
	// The checkpoint table says how long the checkpoint is, its own
	// digits included: head holds "bytes = 0".
	placeholder := []byte("\n[checkpoint]\nbytes = 0\n")
	at := bytes.Index(head, placeholder)
	if at < 0 {
		return nil, fmt.Errorf("encode incident: no checkpoint table in %q", head[:min(len(head), 80)])
	}
	digits := 1
	for len(strconv.Itoa(size-1+digits)) != digits {
		digits++
	}
	total := size - 1 + digits
	out := make([]byte, 0, total)
	out = append(out, header...)
	out = append(out, head[:at+len(placeholder)-2]...)
	out = strconv.AppendInt(out, int64(total), 10)
	out = append(out, head[at+len(placeholder)-1:]...)
	for _, p := range parts {
		if len(p) > 0 {
			out = append(out, '\n')
			out = append(out, p...)
		}
	}
	out = append(out, sumLine(out)...)
	if len(out) != total {
		return nil, fmt.Errorf("encode incident: checkpoint of %d bytes, expected %d", len(out), total)
	}
	return out, nil
}

// encodedEntries is the text of entries: "[[timeline]]" tables, separated
// by blank lines, each ending with its last key line.
type encodedEntries struct {
	entries []model.Entry
	text    []byte
}

func encodeEntries(es []model.Entry) (encodedEntries, error) {
	if len(es) == 0 {
		return encodedEntries{}, nil
	}
	if len(es) < 2*encodePart || runtime.GOMAXPROCS(0) == 1 {
		b, err := encodeTimeline(es)
		return encodedEntries{entries: es, text: b}, err
	}
	// A long timeline is encoded in parts on every core: each entry's
	// text depends on it alone, so the parts, joined by the blank line
	// that separates tables, are the bytes of the whole (a test holds it
	// to that).
	parts := make([][]byte, (len(es)+encodePart-1)/encodePart)
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(parts)) {
		wg.Go(func() {
			for i := range next {
				parts[i], errs[i] = encodeTimeline(es[i*encodePart : min(len(es), (i+1)*encodePart)])
			}
		})
	}
	for i := range parts {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return encodedEntries{}, err
	}
	return encodedEntries{entries: es, text: bytes.Join(parts, []byte("\n"))}, nil
}

// encodePart is how many entries one part of a long timeline holds when
// it is encoded on several cores.
const encodePart = 4096

// encodeTimeline renders entries as [[timeline]] tables.
func encodeTimeline(es []model.Entry) ([]byte, error) {
	return encodeTOML(struct {
		Timeline []model.Entry `toml:"timeline"`
	}{es})
}

// encodeCommit renders one commit: a blank line, the records it added,
// those it changed, the entries it wrote, and its sum line.
func encodeCommit(added, modified changed, es []model.Entry) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('\n')
	if !added.empty() {
		t, err := encodeTOML(added)
		if err != nil {
			return nil, err
		}
		b.Write(t)
		b.WriteByte('\n')
	}
	if !modified.empty() {
		t, err := encodeChanged(modified)
		if err != nil {
			return nil, err
		}
		b.Write(t)
		b.WriteByte('\n')
	}
	enc, err := encodeEntries(es)
	if err != nil {
		return nil, err
	}
	b.Write(enc.text)
	b.Write(sumLine(b.Bytes()))
	return b.Bytes(), nil
}

// encodeChanged renders changed records as [[changed.*]] tables.
func encodeChanged(c changed) ([]byte, error) {
	b, err := encodeTOML(c)
	if err != nil {
		return nil, err
	}
	// Every table of a commit is named under "changed." so that commits
	// extend the same arrays; the encoder names none of them so.
	var out bytes.Buffer
	for _, line := range bytes.SplitAfter(b, []byte("\n")) {
		switch {
		case bytes.HasPrefix(line, []byte("[[")):
			out.WriteString("[[changed.")
			out.Write(line[2:])
		case bytes.HasPrefix(line, []byte("[")):
			out.WriteString("[changed.")
			out.Write(line[1:])
		default:
			out.Write(line)
		}
	}
	return out.Bytes(), nil
}

// encodeTOML encodes v as the file writes it: no indentation, and no
// terminal control characters, which are written as TOML escapes so that
// the file is safe to cat and git diff.
func encodeTOML(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := toml.NewEncoder(&buf)
	enc.Indent = ""
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encode incident: %w", err)
	}
	return safetext.EscapeQuoted(buf.Bytes()), nil
}
